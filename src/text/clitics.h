// Clitic analysis for Arabic words: proclitics و ف ب ك ل ال لل (and their combinations,
// e.g. وبال, فلل, وللـ) and, separately, common enclitic pronouns. Works on match-key
// text. Never over-splits: a candidate stem must keep at least 2 letters (3 after ال),
// and known words/names may be protected by the caller (see CliticCandidates).
// The prefix and suffix lists are data/text/proclitics.tsv and data/text/enclitics.txt.
// Thread-safe (immutable tables loaded on first use).
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
// For prefixes ending in لل (ل + ال, the alif is not written) a second candidate restores
// the article: للولايات gives {لل, ولايات} and {ل, الولايات}.
// Words that are not Arabic (no Arabic first letter) give only the unsplit candidate.
std::vector<CliticSplit> CliticCandidates(std::string_view match_key_word);

struct EncliticSplit {
  std::string stem;    // e.g. "رئيس"
  std::string suffix;  // e.g. "ها" (empty for the unsplit word)
};

// The unsplit word first, then splits off one attached pronoun (ه ها هم هما هن ك كم كما
// كن ي نا), the stem keeping at least 3 letters. Candidates only: the caller confirms.
std::vector<EncliticSplit> EncliticCandidates(std::string_view match_key_word);

}  // namespace marsad::text
