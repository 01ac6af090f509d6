#include "clean/marker_table.h"

#include "clean/date_tokens.h"
#include "core/embedded_data.h"
#include "core/utf8.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

constexpr size_t kMaxWordsForLineMarkers = 40;
// "contains" phrases ("عبر تطبيق") also occur in news sentences; promo lines are short.
constexpr size_t kMaxWordsForContains = 20;
constexpr size_t kMaxWordsForSocialContains = 60;  // a tweet with its pic.twitter.com link

bool IsWordChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3);
}

// Code point before byte offset `pos` (0 if none).
char32_t PrevChar(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return utf8::DecodeNext(s, &p);
}

char32_t NextChar(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return utf8::DecodeNext(s, &pos);
}

// The phrase occurs at `pos` as whole words (boundaries only checked where the phrase
// itself starts/ends with a letter, so "twitter.com/" may be followed by anything).
bool AtWordBoundary(std::string_view s, size_t pos, std::string_view phrase) {
  if (IsWordChar(NextChar(phrase, 0)) && IsWordChar(PrevChar(s, pos))) return false;
  if (IsWordChar(PrevChar(phrase, phrase.size())) && IsWordChar(NextChar(s, pos + phrase.size()))) {
    return false;
  }
  return true;
}

size_t FindWord(std::string_view s, std::string_view phrase, size_t from = 0) {
  for (size_t p = s.find(phrase, from); p != std::string_view::npos; p = s.find(phrase, p + 1)) {
    if (AtWordBoundary(s, p, phrase)) return p;
  }
  return std::string_view::npos;
}

bool IsSpaceOrPunct(char32_t c) { return c == 0 || !IsWordChar(c); }

// Skips spaces and label punctuation starting at byte `pos`.
size_t SkipLabelPunct(std::string_view s, size_t pos, bool* saw_separator) {
  while (pos < s.size()) {
    size_t next = pos;
    char32_t c = utf8::DecodeNext(s, &next);
    bool sep = c == ':' || c == 0xFF1A || c == '-' || c == '|' || c == 0x2013 || c == 0x2014;
    if (sep) *saw_separator = true;
    if (!(sep || c == ' ' || c == 0xA0 || c == '\t')) break;
    pos = next;
  }
  return pos;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

MarkerTable::MarkerTable() {
  for (const std::string& line : DataLines("clean/markers.tsv")) {
    auto f = SplitTabs(line);
    if (f.size() < 3) continue;
    MarkerMode mode = f[1] == "section" ? MarkerMode::kSection
                      : f[1] == "label" ? MarkerMode::kLabel
                      : f[1] == "prefix" ? MarkerMode::kPrefix
                      : f[1] == "tail"   ? MarkerMode::kTail
                      : f[1] == "whole"  ? MarkerMode::kWhole
                                         : MarkerMode::kContains;
    std::string key = text::MatchKey(Trim(f[2]));
    if (!key.empty()) phrases_.push_back({f[0], mode, key});
  }
  for (const std::string& line : DataLines("clean/share_words.txt")) {
    std::string key = text::MatchKey(Trim(line));
    if (key.empty()) continue;
    if (key.find(' ') == std::string::npos) {
      share_.insert(key);
    } else {
      share_phrases_.push_back(key);
    }
  }
  for (const std::string& line : DataLines("clean/common_words.txt")) {
    std::string key = text::MatchKey(Trim(line));
    if (!key.empty()) common_.insert(key);
  }
}

std::optional<MarkerHit> MarkerTable::Match(std::string_view line) const {
  text::NormalizedText norm = text::Normalize(line, text::NormLevel::kMatchKey);
  const std::string& key = norm.text;
  // Leading bullets and quotes do not hide a marker.
  size_t lead = 0;
  while (lead < key.size()) {
    size_t next = lead;
    char32_t c = utf8::DecodeNext(key, &next);
    if (IsWordChar(c)) break;
    if (c == '@' || c == '#') break;
    lead = next;
  }
  std::string_view body = std::string_view(key).substr(lead);
  size_t words = CountWords(key);
  // Maps a byte offset in `key` back to a byte offset in `line`.
  auto to_line = [&](size_t key_byte) {
    size_t cp = utf8::CountCodePoints(std::string_view(key).substr(0, key_byte));
    uint32_t orig = cp < norm.to_original.size() ? norm.to_original[cp] : norm.to_original.back();
    return utf8::ByteOffsetOfCodePoint(line, orig);
  };
  const MarkerMode order[] = {MarkerMode::kWhole, MarkerMode::kSection, MarkerMode::kLabel, MarkerMode::kPrefix,
                              MarkerMode::kContains, MarkerMode::kTail};
  for (MarkerMode mode : order) {
    for (const Phrase& p : phrases_) {
      if (p.mode != mode) continue;
      MarkerHit hit{p.kind, mode, "", 0};
      switch (mode) {
        case MarkerMode::kWhole: {
          if (body.substr(0, p.key.size()) != p.key || !AtWordBoundary(body, 0, p.key)) break;
          bool only_punct = true;
          size_t q = lead + p.key.size();
          while (q < key.size() && only_punct) only_punct = !IsWordChar(utf8::DecodeNext(key, &q));
          if (only_punct) return hit;
          break;
        }
        case MarkerMode::kSection:
        case MarkerMode::kLabel:
        case MarkerMode::kPrefix: {
          if (body.substr(0, p.key.size()) != p.key) break;
          // A multi-word section phrase may have the first headline glued to it.
          bool glued = !AtWordBoundary(body, 0, p.key);
          if (glued && (mode != MarkerMode::kSection || p.key.find(' ') == std::string::npos ||
                        IsWordChar(PrevChar(body, 0)))) {
            break;
          }
          bool sep = false;
          size_t rest = SkipLabelPunct(key, lead + p.key.size(), &sep);
          hit.value = Trim(line.substr(to_line(rest)));
          size_t rest_words = CountWords(hit.value);
          if (mode == MarkerMode::kSection && (rest_words <= 3 || sep || glued)) return hit;
          if (mode == MarkerMode::kLabel && sep) return hit;
          if (mode == MarkerMode::kPrefix && words <= kMaxWordsForLineMarkers) return hit;
          break;
        }
        case MarkerMode::kContains: {
          size_t limit = p.kind == "social-embed" ? kMaxWordsForSocialContains : kMaxWordsForContains;
          if (words <= limit && FindWord(key, p.key) != std::string_view::npos) return hit;
          break;
        }
        case MarkerMode::kTail: {
          // A multi-word phrase may have the first headline glued to it ("مقالات أخرى
          // للكاتبعنوان..."), and is specific enough to follow a comma ("إلى اللقاء،،،").
          bool multi_word = p.key.find(' ') != std::string::npos;
          auto next_hit = [&](size_t from) {
            if (!multi_word) return FindWord(key, p.key, from);
            for (size_t q = key.find(p.key, from); q != std::string_view::npos; q = key.find(p.key, q + 1)) {
              if (!IsWordChar(PrevChar(key, q))) return q;
            }
            return std::string_view::npos;
          };
          for (size_t pos = next_hit(0); pos != std::string_view::npos; pos = next_hit(pos + 1)) {
            size_t q = pos;
            while (q > 0 && key[q - 1] == ' ') --q;
            char32_t before = PrevChar(key, q);
            if (q == 0 || before == '.' || before == '!' || before == '?' || before == 0x061F || before == 0x2026 ||
                (multi_word && before == 0x060C) ||
                // Glued to the next word: the page ran the link list into the text, a
                // shape no sentence has.
                (multi_word && IsWordChar(NextChar(key, pos + p.key.size())))) {
              hit.cut = to_line(pos);
              bool sep = false;
              hit.value = Trim(line.substr(to_line(SkipLabelPunct(key, pos + p.key.size(), &sep))));
              return hit;
            }
          }
          break;
        }
      }
    }
  }
  return std::nullopt;
}

bool MarkerTable::IsShareBar(std::string_view line) const {
  std::string key = text::MatchKey(line);
  for (const std::string& p : share_phrases_) {
    for (size_t pos = key.find(p); pos != std::string::npos; pos = key.find(p)) key.replace(pos, p.size(), " share ");
  }
  size_t total = 0, share = 0;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++total;
    if (share_.count(word)) ++share;
    word.clear();
  };
  size_t pos = 0;
  while (pos < key.size()) {
    char32_t c = utf8::DecodeNext(key, &pos);
    if (IsSpaceOrPunct(c) && c != '-') {
      flush();
    } else {
      utf8::Append(&word, c);
    }
  }
  flush();
  return total >= 1 && total <= 15 && share * 10 >= total * 7 && (share >= 2 || total == 1);
}

}  // namespace marsad::clean
