// The Store interface: where articles (and later entities, quotes, events, stories)
// live. Implementations: SQLite (embedded default, store/sqlite_store.h) and, later,
// PostgreSQL. Each PutArticles() call is one transaction: after a crash either the
// whole batch is there or none of it.
// Thread-compatible: one Store object per thread (open another for readers).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/query_types.h"

namespace marsad::store {

struct PutResult {
  size_t inserted = 0;
  size_t already_present = 0;  // same id was stored before (re-ingest): nothing changed
};

struct StoreStats {
  uint64_t articles = 0, exact_duplicates = 0, related = 0, removed_blocks = 0;
  uint64_t entities = 0, mentions = 0, quotes = 0, events = 0, stories = 0;
  uint64_t invalid_utf8_articles = 0;
  std::optional<std::string> first_published, last_published;
  std::vector<std::pair<std::string, uint64_t>> by_source;        // most articles first
  std::vector<std::pair<std::string, uint64_t>> removed_by_kind;  // most blocks first
  int schema_version = 0;
};

// A story cluster as stored (docs/STORIES.md). Dates are ISO dates ("2025-02-16").
struct StoryRecord {
  std::string id, title, first_source;  // first_source: outlet of the earliest article
  std::optional<std::string> first_seen, last_seen;
  uint64_t article_count = 0;
  // Filled by ListStories/GetStory from the articles (not written by Write):
  std::vector<std::pair<std::string, uint64_t>> sources;   // outlet -> articles, most first
  std::vector<std::pair<std::string, uint64_t>> entities;  // entity name -> articles, most first
};

// Stories `from` absorbed into `into`: their articles are relabelled, the row `from` goes.
struct StoryMerge {
  std::string from, into;
};

// One transaction's worth of writes: all of it is stored, or none of it. Order: the
// articles, then the merges, then the story upserts. An upsert takes only id and title from
// the record: first/last seen, article count and first source are computed from the stored
// articles of the story, so a story row always agrees with its articles.
struct WriteBatch {
  std::vector<Article> articles;     // inserted unless the id exists
  std::vector<StoryMerge> merges;
  std::vector<StoryRecord> stories;  // upserted by id
};

// Short form of an article for listings.
struct ArticleBrief {
  std::string id;
  std::optional<std::string> title, source, published, duplicate_of, story_id;
};

struct StoryFilter {
  std::optional<std::string> since, until;  // ISO dates; a story overlapping [since, until]
  std::optional<std::string> entity;        // entity id or name (English or Arabic)
  size_t limit = 20;                        // most articles first, then latest
};

class Store {
 public:
  virtual ~Store() = default;

  // Inserts articles not stored yet (by id); existing ids are left untouched.
  Status PutArticles(const std::vector<Article>& batch, PutResult* result) {
    WriteBatch b;
    b.articles = batch;
    return Write(b, result);
  }
  // Writes a batch in one transaction (see WriteBatch).
  virtual Status Write(const WriteBatch& batch, PutResult* result) = 0;
  // Work for writing `article` that can be done ahead, on another thread (the ingest
  // workers call it for each article before handing it to the one writer): the SQLite
  // store analyses the words of its search index here. Optional: Write gives the same
  // result without it. Thread-safe; may be called for articles never written.
  virtual void PrepareToWrite(const Article& article) const { (void)article; }
  virtual Result<std::optional<Article>> GetArticle(const std::string& id) = 0;
  // Id of the earliest stored article with this content hash (for exact duplicates).
  virtual Result<std::optional<std::string>> FindByContentHash(const std::string& hash) = 0;
  virtual Result<bool> Contains(const std::string& id) = 0;
  // Visits articles in ingest order until fn returns false.
  virtual Status ForEachArticle(const std::function<bool(const Article&)>& fn) = 0;
  // Visits, in ingest order, the articles whose date (published, else the ingest date) is
  // on or after `min_date` (ISO date). Used to rebuild windowed state at the start of a run.
  virtual Status ForEachArticleSince(const std::string& min_date,
                                     const std::function<bool(const Article&)>& fn) = 0;
  // The newest article date (published, else ingest date), or nullopt for an empty store.
  virtual Result<std::optional<std::string>> LatestArticleDate() = 0;
  virtual Result<StoreStats> Stats() = 0;

  // Stories.
  virtual Result<std::vector<StoryRecord>> ListStories(const StoryFilter& filter) = 0;
  virtual Result<std::optional<StoryRecord>> GetStory(const std::string& id) = 0;
  // Articles of a story (or, for DuplicatesOf, the article and all that duplicate it),
  // oldest first by date, then ingest order.
  virtual Result<std::vector<ArticleBrief>> StoryArticles(const std::string& story_id) = 0;
  virtual Result<std::vector<ArticleBrief>> DuplicatesOf(const std::string& article_id) = 0;

  // Entities, events, quotes (store/query_types.h).
  virtual Result<std::vector<EntitySummary>> ListEntities(const EntityFilter& filter) = 0;
  // By entity id, else English or Arabic name (case-insensitive); nullopt when unknown.
  virtual Result<std::optional<EntityDetail>> GetEntity(const std::string& id_or_name) = 0;
  virtual Result<std::vector<EventRecord>> ListEvents(const EventFilter& filter) = 0;
  virtual Result<std::vector<QuoteRecord>> ListQuotes(const QuoteFilter& filter) = 0;
  virtual Result<std::vector<DyadPoint>> Dyad(const DyadQuery& query) = 0;
};

}  // namespace marsad::store
