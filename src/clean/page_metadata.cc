#include "clean/page_metadata.h"

#include <algorithm>
#include <cstdlib>

#include "core/utf8.h"

namespace marsad::clean {

std::string DetectLanguage(std::string_view text) {
  size_t arabic = 0, latin = 0, cyrillic = 0, hebrew = 0, greek = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFEFF)) {
      if (c >= 0x0621) ++arabic;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
      ++latin;
    } else if (c >= 0x0400 && c <= 0x04FF) {
      ++cyrillic;
    } else if (c >= 0x05D0 && c <= 0x05EA) {
      ++hebrew;
    } else if (c >= 0x0370 && c <= 0x03FF) {
      ++greek;
    }
  }
  std::pair<size_t, const char*> counts[] = {
      {arabic, "ar"}, {latin, "en"}, {cyrillic, "ru"}, {hebrew, "he"}, {greek, "el"}};
  auto best = std::max_element(std::begin(counts), std::end(counts),
                               [](const auto& a, const auto& b) { return a.first < b.first; });
  return best->first == 0 ? "und" : best->second;
}

namespace {

bool StartsWithArticle(std::string_view w) { return w.rfind("\u0627\u0644", 0) == 0; }  // "ال"

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

// A definite nisba adjective (المدني, الإيطالية, السعوديين): it qualifies the word before.
bool IsDefiniteNisba(std::string_view w) {
  if (!StartsWithArticle(w) || utf8::CountCodePoints(w) < 5) return false;
  for (std::string_view suffix : {"\u064A", "\u064A\u0629", "\u064A\u0647", "\u064A\u064A\u0646", "\u064A\u0648\u0646"}) {
    if (EndsWith(w, suffix)) return true;
  }
  return false;
}

// Tag lines whose links lost their separators ("سمات الدفاع المدني حريق مطار") run several
// tags together, most of them single words. Without the page's markup only two phrase shapes
// are joined, because they are nearly never two tags: a definite noun with its nisba
// adjective ("الدفاع المدني", "السوق المالية") and names held together by بن/بنت/آل/عبد/أبو
// ("عبدالعزيز بن عبدالله آل الشيخ", "عبد الفتاح"). Joining construct chains ("وزير
// التعليم") was tried on SaudiNewsNet and glued separate tags ("ابها المفتي") more often
// than it found real ones, so every other boundary separates tags.
bool IsNameConnector(std::string_view w) {
  for (std::string_view c : {"\u0628\u0646", "\u0628\u0646\u062A", "\u0622\u0644", "\u0639\u0628\u062F",
                             "\u0623\u0628\u0648", "\u0627\u0628\u0648"}) {  // بن بنت آل عبد أبو ابو
    if (w == c) return true;
  }
  return false;
}

std::vector<std::string> ChunkUnseparatedTags(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  std::string cur;
  std::string_view prev;
  for (const std::string& w : words) {
    bool joins = !cur.empty() && ((StartsWithArticle(prev) && IsDefiniteNisba(w)) || IsNameConnector(prev) ||
                                  IsNameConnector(w));
    if (!joins && !cur.empty()) out.push_back(std::move(cur)), cur.clear();
    cur += (cur.empty() ? "" : " ") + w;
    prev = w;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

std::vector<std::string> SplitKeywords(std::string_view value) {
  static const std::string_view kSeparators[] = {"\u060C", ",", ";", "|", "#", "\n", "\u061B"};
  bool has_sep = false;
  for (std::string_view s : kSeparators) has_sep = has_sep || value.find(s) != std::string_view::npos;
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == ' ' || cur.back() == '.' || cur.back() == '-')) cur.pop_back();
    size_t lead = cur.find_first_not_of(" -");
    cur = lead == std::string::npos ? "" : cur.substr(lead);
    if (utf8::CountCodePoints(cur) >= 2 && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
    cur.clear();
  };
  size_t pos = 0;
  while (pos < value.size()) {
    bool split = false;
    size_t len = 1;
    if (has_sep) {
      for (std::string_view s : kSeparators) {
        if (value.substr(pos, s.size()) == s) split = true, len = s.size();
      }
    } else {
      split = value[pos] == ' ';
    }
    if (split) {
      flush();
      pos += len;
    } else {
      cur += value[pos++];
    }
  }
  flush();
  if (!has_sep && out.size() > 1) {
    std::vector<std::string> chunks = ChunkUnseparatedTags(out);
    out.clear();
    for (std::string& c : chunks) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
    }
  }
  return out;
}

std::optional<DateValue> DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  auto digits_at = [&](size_t i, size_t n) {
    if (i + n > p.size()) return -1;
    int v = 0;
    for (size_t k = i; k < i + n; ++k) {
      if (p[k] < '0' || p[k] > '9') return -1;
      v = v * 10 + (p[k] - '0');
    }
    return v;
  };
  auto not_digit = [&](size_t i) { return i >= p.size() || p[i] < '0' || p[i] > '9'; };
  for (size_t i = 0; i + 8 <= p.size(); ++i) {
    if (p[i] != '/' && p[i] != '-' && p[i] != '_') continue;
    size_t s = i + 1;
    int y = digits_at(s, 4);
    if (y < 0 || !not_digit(s + 4)) {
      // /20150720/ : exactly 8 digits between separators.
      int ymd_y = digits_at(s, 4), m = digits_at(s + 4, 2), d = digits_at(s + 6, 2);
      if (ymd_y > 0 && m > 0 && d > 0 && not_digit(s + 8) && s + 8 <= p.size() &&
          (s + 8 == p.size() || p[s + 8] == '/' || p[s + 8] == '-' || p[s + 8] == '.') &&
          DateParser::IsValidGregorian(ymd_y, m, d)) {
        return DateValue::Ymd(ymd_y, m, d);
      }
      continue;
    }
    char sep = s + 4 < p.size() ? p[s + 4] : 0;
    if (sep != '/' && sep != '-') continue;
    int m = digits_at(s + 5, 2);
    if (m < 0 || s + 7 >= p.size() || p[s + 7] != sep) continue;
    int d = digits_at(s + 8, 2);
    if (d < 0 || !not_digit(s + 10)) continue;
    if (DateParser::IsValidGregorian(y, m, d)) return DateValue::Ymd(y, m, d);
  }
  return std::nullopt;
}

}  // namespace marsad::clean
