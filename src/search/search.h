// What a search asks and answers (docs/SEARCH.md), and the one search procedure shared by
// the stores: query check and parse, every match ranked, grouping by story, paging, and the
// page's hits with snippets. Where the matching happens is a Backend:
//   - SQLite: FTS5 over the "marsad" tokenizer (search/searcher.h);
//   - PostgreSQL: a tsvector column holding the same index terms (pgstore/pg_search.h).
// Search is a Backend of its own, not a method of store::Store: it needs the parsed query,
// ranking and snippets, none of which the other reading commands use, and a Store stays an
// interface every command can be given. A backend only finds and describes matches; what
// a page of results is, is decided here once for both stores.
#pragma once

#include <cstddef>
#include <cstdint>
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

// An article as shown in results: its fields, snippet and marked words.
struct HitText {
  std::string article_id, title, source, published;  // "" when the article has none
  std::string story_id;                               // "" when not in a story
  std::string snippet;             // about 24 words of the text around the best match
  std::vector<Span> highlights;    // matched words in `snippet`
  std::vector<Span> title_highlights;  // matched words in `title`
};

struct Hit : HitText {
  double score = 0;  // higher is better; SQLite: BM25, PostgreSQL: ts_rank (title words count 5x in both)
  size_t group = 0;  // index into Results::groups
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
  std::string engine;         // "fts5" or "tsquery": the language of compiled_query
  std::string compiled_query;  // what the backend ran (for --explain/debugging)
};

// One matching article as a backend finds it.
struct Match {
  int64_t key = 0;       // the backend's row key (articles.seq in both stores)
  double score = 0;      // higher is better
  std::string story_id;  // "" when not in a story
};

class Backend {
 public:
  virtual ~Backend() = default;
  // "fts5" or "tsquery": which of ParsedQuery's expressions the backend runs.
  virtual const char* engine() const = 0;
  // Every article matching `parsed` and the filters of `q` (since, until, source, entity,
  // story; q.since/until are checked ISO prefixes), best first, ties in ingest order.
  virtual Result<std::vector<Match>> FindMatches(const ParsedQuery& parsed, const Query& q) = 0;
  // The shown fields of the articles `keys` (one page of hits), in the same order, with
  // snippets and highlights for `parsed`; nullopt for one deleted since FindMatches.
  virtual Result<std::vector<std::optional<HitText>>> Describe(const ParsedQuery& parsed,
                                                               const std::vector<int64_t>& keys) = 0;
};

// The search procedure (see above). Errors: InvalidArgument for a bad query or filter
// (message says what to fix); the backend's errors otherwise.
Result<Results> Search(Backend& backend, const Query& query);

}  // namespace marsad::search
