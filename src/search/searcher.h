// Full-text search over the articles of a marsad SQLite database (docs/SEARCH.md), the
// SQLite Backend of search/search.h: Arabic-aware matching (match key, light stems,
// name-skeleton variants: ترمب finds ترامب), the query language of search/query_parser.h,
// filters, BM25 ranking with the title weighted up, snippets with the matched words
// marked, results grouped by story.
//
// Usage:
//   auto s = search::Searcher::Open("news.db");          // read-only connection
//   search::Query q; q.text = "ترمب \"البيت الأبيض\""; q.since = "2015-07-01";
//   auto r = s.value()->Search(q);                        // r.value().groups / hits
//
// Thread-compatible: a Searcher is one SQLite connection; use one per thread. Searching
// while `marsad ingest` writes is fine (WAL: a search sees the last committed batch).
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "search/search.h"

namespace marsad::search {

// The Backend over the database behind db (not owned; must outlive it). REQUIRES: db has
// the "marsad" tokenizer registered (store::RegisterSearchTokenizer) and schema >= 4
// (table article_fts).
// Errors: InvalidArgument for a bad query or filter (message says what to fix).
std::unique_ptr<Backend> SqliteBackend(sqlite3* db);
// Search(*SqliteBackend(db), query).
Result<Results> Search(sqlite3* db, const Query& query);

class Searcher {
 public:
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Opens db_path read-only. Fails (with advice) for a missing file, a non-marsad file,
  // or an older schema without the search index (open it once for writing to upgrade:
  // `marsad search` does that itself).
  static Result<std::unique_ptr<Searcher>> Open(const std::string& db_path);

  Result<Results> Search(const Query& query) { return search::Search(*backend_, query); }
  sqlite3* handle() { return db_; }

 private:
  explicit Searcher(sqlite3* db) : db_(db), backend_(SqliteBackend(db)) {}
  sqlite3* db_;
  std::unique_ptr<Backend> backend_;
};

}  // namespace marsad::search
