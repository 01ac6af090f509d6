// Clitic analysis for Arabic words: proclitics و ف ب ك ل ال لل (and their combinations,
// e.g. وبال, فلل, وللـ) and, separately, common enclitic pronouns. Works on match-key
// text. Never over-splits: a candidate stem must keep at least 2 letters (3 after ال),
// and known words/names may be protected by the caller (see CliticCandidates).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marsad::text {

struct CliticSplit {
  std::string prefix;  // e.g. "وبال" (may be empty)
  std::string stem;    // the rest, e.g. "كرملين"
};

// All plausible prefix splits of a match-key word, the unsplit word first, then longer
// prefixes. A matcher tries each stem against its dictionary (dictionary confirms).
std::vector<CliticSplit> CliticCandidates(std::string_view match_key_word);

}  // namespace marsad::text
