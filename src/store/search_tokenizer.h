// The FTS5 tokenizer "marsad" behind the full-text index article_fts (docs/SEARCH.md).
// SQLite looks tokenizers up by name on each connection, so EVERY connection that reads or
// writes article_fts, or inserts/updates/deletes articles (the index is kept by triggers),
// must call RegisterSearchTokenizer first; SqliteDb::Open does it for the store's own
// connections. Without it SQLite reports "no such tokenizer: marsad".
//
// Document text: text::Tokenize, then per word the index terms of store/search_terms.h
// (the key, then ~stem and ^skeleton forms as FTS5_TOKEN_COLOCATED at the same position);
// offsets are the word's bytes in the column text, so snippet()/highlight() mark whole words.
// Query text: a string starting with kVerbatimMark/kStemMark/kSkeletonMark is one index
// term (the query compiler writes those); any other text is tokenised the same way as
// documents and each word asks for all its QueryAlternatives (colocated = synonyms).
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "core/status.h"

namespace marsad::store {

inline constexpr const char* kSearchTokenizerName = "marsad";

// Analyses `text` (a title or main text about to be inserted into articles) into the
// index terms the tokenizer would emit for it, and keeps them until the tokenizer is asked
// for the same text (same bytes): then it emits them without analysing the text again.
// Lets the ingest workers do the analysis in parallel instead of the one writer thread.
// Thread-safe. Bounded (about 65k texts, 128 MiB): when too many wait (texts never
// inserted, or a writer far behind), a share of them is dropped and those texts are
// analysed at insert time as usual.
void PrecomputeIndexTerms(std::string_view text);

// Registers the tokenizer on db. Thread-compatible (call before the connection is used
// by more than one thread). Fails if SQLite was built without FTS5.
Status RegisterSearchTokenizer(sqlite3* db);

}  // namespace marsad::store
