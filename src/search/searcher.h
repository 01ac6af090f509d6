// Full-text search over the articles of a marsad SQLite database (docs/SEARCH.md):
// Arabic-aware matching (match key, light stems, name-skeleton variants: ترمب finds ترامب),
// the query language of search/query_parser.h, filters, BM25 ranking with the title weighted
// up, snippets with the matched words marked, results grouped by story.
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
#include "search/query_parser.h"

namespace marsad::search {

struct Query {
  std::string text;                       // query language: search/query_parser.h
  std::optional<std::string> since, until;  // published date, ISO YYYY[-MM[-DD]], inclusive
  std::optional<std::string> source;      // outlet as stored (case-insensitive), e.g. "Okaz"
  std::optional<std::string> entity;      // entity id, or its English/Arabic name
  std::optional<std::string> story;       // story id
  size_t limit = 20;                      // groups per page (1..1000)
  size_t offset = 0;                      // groups to skip (paging)
  size_t per_group = 3;                   // hits shown per story group (1..100)
};

// Offsets [start, end) in Unicode code points into the string they belong to.
using Span = std::pair<uint32_t, uint32_t>;

struct Hit {
  std::string article_id, title, source, published;  // "" when the article has none
  std::string story_id;                               // "" when not in a story
  std::string snippet;             // about 24 words of the text around the best match
  std::vector<Span> highlights;    // matched words in `snippet`
  std::vector<Span> title_highlights;  // matched words in `title`
  double score = 0;                // BM25, higher is better (title words count 5x)
  size_t group = 0;                // index into Results::groups
};

// A story and its matching articles, or (story_id "") one article not in any story.
struct Group {
  std::string story_id;
  std::vector<size_t> hits;  // indices into Results::hits, best first (at most per_group)
  size_t matches = 0;        // matching articles in the group (may exceed hits.size())
  double score = 0;          // its best hit's score
};

struct Results {
  std::vector<Hit> hits;      // group by group, in group order
  std::vector<Group> groups;  // this page of groups, best first
  size_t total = 0;           // matching articles (all pages)
  size_t total_groups = 0;    // groups (all pages)
  double millis = 0;          // time spent in Search
  std::string fts_query;      // the compiled FTS5 expression (for --explain/debugging)
};

// Searches the database behind db. REQUIRES: db has the "marsad" tokenizer registered
// (store::RegisterSearchTokenizer) and schema >= 4 (table article_fts).
// Errors: InvalidArgument for a bad query or filter (message says what to fix).
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

  Result<Results> Search(const Query& query) { return search::Search(db_, query); }
  sqlite3* handle() { return db_; }

 private:
  explicit Searcher(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace marsad::search
