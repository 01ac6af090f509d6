// The full-text index of the PostgreSQL store (docs/SCALE-OUT.md): an article's index terms
// as a PostgreSQL tsvector, in its text form, to be cast with ::tsvector.
//
// Lexemes: exactly the terms the FTS5 tokenizer "marsad" indexes for the same title and
// text (store/search_terms.h: key, ~stem, ^skeleton, through ForEachWordTerms), so both
// stores match the same query terms. Positions: one per word as in FTS5 (a word's forms
// share it), title words first with weight A, then the text's words with weight B after a
// gap of one position, so that a phrase (tsquery <->) cannot run from the title into the
// text (in FTS5 they are separate columns).
//
// PostgreSQL's limits: positions above 16383 are stored as 16383 and a lexeme keeps at
// most 256 positions (docs: "Text Search Limitations"). A word past those limits still
// matches as a word, but a phrase that lies there is not found; words of any article are
// all indexed. Lexemes are at most kMaxTermBytes (200) bytes, far below PostgreSQL's 2 KB;
// a tsvector holds at most 1 MB of distinct lexemes: in a text that has more (several MB of
// distinct words; nothing in the news corpora comes close), the words whose lexemes are
// new past that point are left out, so the insert never fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/search_terms.h"

namespace marsad::store {

inline constexpr uint32_t kMaxTsPosition = 16383;
inline constexpr size_t kMaxTsPositionsPerLexeme = 256;
inline constexpr size_t kMaxTsLexemeBytes = 1000000;  // PostgreSQL: 1 MB - 1

// The tsvector text of an article ("'lexeme':1A,7A 'other':3B ..."; "" when nothing is
// indexable). `analyzer` caches per word: reuse one per thread. Deterministic: the same
// title and text give the same string.
std::string SearchTsVector(TermAnalyzer& analyzer, std::string_view title, std::string_view text);

// A lexeme quoted for tsvector/tsquery text: '...' with ' and \ doubled.
std::string TsQuoted(std::string_view lexeme);

}  // namespace marsad::store
