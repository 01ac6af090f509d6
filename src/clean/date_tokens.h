// Internal to src/clean: the token stream the date parser works on, and a TSV helper.
// Thread-safe free functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::clean {

struct DateToken {
  enum Kind { kNumber, kWord, kSep };
  Kind kind = kSep;
  std::string text;             // the token as written (MatchKey text)
  int number = 0;               // kNumber: value (capped at 99999)
  int digits = 0;               // kNumber: digit count
  uint32_t start = 0, end = 0;  // code points into the tokenised text
  bool space_before = false, space_after = false;
};

// Splits MatchKey-level text (ASCII digits, lower-case Latin) into runs of digits, runs of
// letters (Arabic or Latin; a letter/digit change always starts a new token) and single
// other characters. Whitespace separates tokens and is recorded in space_before/after.
std::vector<DateToken> TokenizeForDates(std::string_view text);

// Fields of a tab-separated data line.
std::vector<std::string> SplitTabs(std::string_view line);

}  // namespace marsad::clean
