// Full-text search over the PostgreSQL store (docs/SCALE-OUT.md, "Search"): the
// search::Backend (search/search.h) behind `marsad search --pg URL`. Same query language,
// matching, filters, grouping and hit fields as on SQLite:
//   - matching: the column articles.search holds each article's index terms, exactly those
//     of the SQLite FTS5 tokenizer (store/search_tsvector.h), under a GIN index; a query
//     runs as the tsquery that search/query_parser.h compiles from the same parse tree
//     as the FTS5 expression (same alternatives per word, phrases as <->);
//   - ranking: ts_rank with title words weighted 5 to 1 (SQLite: BM25, same weights), so
//     equal-looking hits may come in another order than on SQLite; the set is the same;
//   - snippets and highlights: search::DocumentMarker, i.e. FTS5's own functions over the
//     page's articles, identical to SQLite's.
// Thread-compatible: one backend (one connection) per thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "search/search.h"

namespace marsad::pgstore {

// Connects to `url` (postgresql://...) read-only. Fails, saying what to do, for a server
// that cannot be reached, a database that is not marsad's, or one of an older schema
// without the search column (open it once for writing with this marsad: a worker or
// `marsad ingest --pg URL`; that fills the index for the articles already stored).
// Without libpq (the stub build) it says how to get PostgreSQL support.
Result<std::unique_ptr<search::Backend>> OpenPgSearch(const std::string& url);

}  // namespace marsad::pgstore
