#include "clean/wire_finder.h"

#include <algorithm>

#include "clean/date_tokens.h"
#include "core/embedded_data.h"
#include "core/utf8.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

constexpr size_t kMaxVariantWords = 3;

bool IsLetterOrDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3);
}

// Words of `s` (letters/digits runs; everything else separates, so "أ.ف.ب" -> 3 words).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out(1);
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::DecodeNext(s, &pos);
    if (IsLetterOrDigit(c)) {
      utf8::Append(&out.back(), c);
    } else if (!out.back().empty()) {
      out.emplace_back();
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

std::string Join(const std::vector<std::string>& w, size_t from, size_t n) {
  std::string s;
  for (size_t k = from; k < from + n; ++k) s += (k > from ? " " : "") + w[k];
  return s;
}

bool IsAllCapsLatin(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') any = true;
  }
  return any;
}

bool IsArabicProclitic(std::string_view w) {
  // One-letter conjunctions/prepositions written joined: و ب ل ف (2 bytes each in UTF-8).
  return w == "\u0648" || w == "\u0628" || w == "\u0644" || w == "\u0641";
}

}  // namespace

WireFinder::WireFinder() {
  for (const std::string& line : DataLines("clean/wires.tsv")) {
    auto f = SplitTabs(line);
    if (f.size() < 2) continue;
    size_t index = names_.size();
    names_.push_back(f[0]);
    size_t start = 0;
    while (start <= f[1].size()) {
      size_t bar = f[1].find('|', start);
      if (bar == std::string::npos) bar = f[1].size();
      std::string v = f[1].substr(start, bar - start);
      start = bar + 1;
      if (v.empty()) continue;
      if (v.front() == '(' && v.back() == ')') {
        parenthesised_.push_back({text::MatchKey(v), index});
      } else if (IsAllCapsLatin(v)) {
        acronyms_.emplace(v, index);
      } else {
        auto w = Words(text::MatchKey(v));
        if (!w.empty() && w.size() <= kMaxVariantWords) folded_.emplace(Join(w, 0, w.size()), index);
      }
    }
  }
}

std::vector<std::string> WireFinder::Find(std::string_view text) const {
  std::vector<std::pair<size_t, size_t>> hits;  // (position, name index)
  auto add = [&](size_t pos, size_t index) { hits.push_back({pos, index}); };
  std::vector<std::string> words = Words(text::MatchKey(text));
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t n = 1; n <= kMaxVariantWords && i + n <= words.size(); ++n) {
      std::string gram = Join(words, i, n);
      auto it = folded_.find(gram);
      if (it != folded_.end()) add(i, it->second);
      // "ورويترز", "لوكالة" : strip one joined proclitic from the first word.
      if (gram.size() > 2 && static_cast<unsigned char>(gram[0]) >= 0xD8) {
        size_t p = 0;
        utf8::DecodeNext(gram, &p);
        if (IsArabicProclitic(std::string_view(gram).substr(0, p))) {
          auto it2 = folded_.find(gram.substr(p));
          if (it2 != folded_.end()) add(i, it2->second);
        }
      }
    }
  }
  // Acronyms on the original text, case-sensitive.
  std::vector<std::string> raw = Words(text);
  for (size_t i = 0; i < raw.size(); ++i) {
    auto it = acronyms_.find(raw[i]);
    if (it != acronyms_.end()) add(i * words.size() / std::max<size_t>(raw.size(), 1), it->second);
  }
  if (!parenthesised_.empty()) {
    std::string key = text::MatchKey(text);
    for (const auto& [v, index] : parenthesised_) {
      size_t pos = key.find(v);
      if (pos != std::string::npos) add(words.size() * pos / std::max<size_t>(key.size(), 1), index);
    }
  }
  std::stable_sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  for (const auto& [pos, index] : hits) {
    if (std::find(out.begin(), out.end(), names_[index]) == out.end()) out.push_back(names_[index]);
  }
  return out;
}

}  // namespace marsad::clean
