#include "clean/date_tokens.h"

#include "core/utf8.h"

namespace marsad::clean {

namespace {

enum Class { kSpace, kDigit, kLetter, kOther };

Class Classify(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F) return kSpace;
  if (c >= '0' && c <= '9') return kDigit;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return kLetter;
  // Arabic letters (U+0621-U+064A, U+066E-U+06D3) and the marks MatchKey leaves.
  if ((c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x0653 && c <= 0x0655)) return kLetter;
  return kOther;
}

}  // namespace

std::vector<DateToken> TokenizeForDates(std::string_view s) {
  std::vector<DateToken> out;
  size_t pos = 0;
  uint32_t cp_index = 0;
  bool space = false;
  Class prev = kSpace;
  while (pos < s.size()) {
    char32_t c = utf8::DecodeNext(s, &pos);
    Class k = Classify(c);
    if (k == kSpace) {
      space = true;
      if (!out.empty()) out.back().space_after = true;
      prev = kSpace;
      ++cp_index;
      continue;
    }
    bool extend = !out.empty() && !space && k == prev && k != kOther;
    if (!extend) {
      DateToken t;
      t.kind = k == kDigit ? DateToken::kNumber : k == kLetter ? DateToken::kWord : DateToken::kSep;
      t.start = cp_index;
      t.space_before = space || out.empty();
      out.push_back(std::move(t));
    }
    DateToken& t = out.back();
    utf8::Append(&t.text, c);
    if (k == kDigit) {
      ++t.digits;
      if (t.number < 99999) t.number = t.number * 10 + static_cast<int>(c - '0');
    }
    t.end = ++cp_index;
    space = false;
    prev = k;
  }
  return out;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace marsad::clean
