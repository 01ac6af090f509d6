// Internal to src/clean: small metadata helpers of the cleaner. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/date_parser.h"

namespace marsad::clean {

// BCP 47 code of the majority script of the letters: "ar" (Arabic script), "en" (Latin),
// "ru" (Cyrillic), "he" (Hebrew), "el" (Greek); "und" when there are no letters.
std::string DetectLanguage(std::string_view text);

// Tag words of a tag line value or a <meta keywords> string: split on ، , ; | # and
// newlines when any is present, otherwise on spaces (then rejoining definite noun + nisba
// adjective and names held by بن/آل/عبد/أبو); trimmed, deduplicated, 2+ letters.
std::vector<std::string> SplitKeywords(std::string_view value);

// A date in a URL path: /2015/07/20/, /2015-07-20/, /20150720/ (also inside a segment
// like "Con20150720784687" only when 8 digits stand alone in the segment).
std::optional<DateValue> DateFromUrl(std::string_view url);

}  // namespace marsad::clean
