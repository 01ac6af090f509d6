// Read access for the API: a pool of read-only connections (each a Store plus a raw
// SQLite handle for the listing queries the Store interface does not offer: filtered,
// paginated article lists, story timelines, the actor network, the interim search).
// The database is in WAL mode, so readers never block the live-ingest writer and see
// each commit as soon as it is made.
// Thread-safe: Acquire() from any thread; a Lease is used by one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace marsad::server {

struct ReadConn {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::SqliteDb> db;
};

class ReadPool {
 public:
  // REQUIRES: the database exists and has the current schema (open it writable once
  // before, which creates and migrates it). Opens one connection now to check.
  static Result<std::unique_ptr<ReadPool>> Open(const std::string& path);

  class Lease {
   public:
    Lease(ReadPool* pool, std::unique_ptr<ReadConn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    store::Store& store() { return *conn_->store; }
    store::SqliteDb& db() { return *conn_->db; }

   private:
    ReadPool* pool_;
    std::unique_ptr<ReadConn> conn_;
  };
  // An idle connection, or a new one when all are busy.
  Result<Lease> Acquire();
  const std::string& path() const { return path_; }

 private:
  explicit ReadPool(std::string path) : path_(std::move(path)) {}
  Result<std::unique_ptr<ReadConn>> Connect();
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<ReadConn>> idle_;
};

// --- Article listings ----------------------------------------------------------------
struct ArticleListFilter {
  std::optional<std::string> source, story, entity;
  std::optional<std::string> since, until;  // publication dates, ISO, inclusive (undated articles never match)
  enum class Duplicates { kAll, kExclude, kOnly } duplicates = Duplicates::kAll;
  // Newest published first, then undated articles, newest ingested first.
  size_t limit = 20, offset = 0;
};

struct ArticleRow {
  std::string id, date;  // date: published, else ingest date (ISO date)
  std::optional<std::string> title, source, published, duplicate_of, story_id;
  std::string snippet;   // the first ~200 characters of the text
  uint64_t entities = 0, events = 0, quotes = 0;
};

// Rows of one page, and the number of matching articles in *total.
Result<std::vector<ArticleRow>> QueryArticles(store::SqliteDb& db, const ArticleListFilter& filter,
                                              uint64_t* total);

// Articles of a story per day (ISO date -> articles), oldest first.
Result<std::vector<std::pair<std::string, uint64_t>>> QueryStoryTimeline(store::SqliteDb& db,
                                                                         const std::string& story_id);

// A story's id, title and article count (the cheap part of Store::GetStory); nullopt
// when there is no such row.
struct StoryHead {
  std::string id, title;
  uint64_t article_count = 0;
};
Result<std::optional<StoryHead>> QueryStoryHead(store::SqliteDb& db, const std::string& story_id);

// --- Actor network -------------------------------------------------------------------
struct NetworkFilter {
  std::optional<std::string> since, until, root;
  size_t limit = 100;  // edges, most events first
};

struct NetworkEdge {
  std::string source, target;            // CAMEO actor codes
  std::string source_name, target_name;  // an English name seen for each
  uint64_t events = 0;
  double mean_goldstein = 0;
  std::array<uint64_t, 4> quad_class{};
};

// Who acts on whom: event counts per (source, target) actor-code pair.
Result<std::vector<NetworkEdge>> QueryNetwork(store::SqliteDb& db, const NetworkFilter& filter);

// --- Interim search ------------------------------------------------------------------
// PLACEHOLDER until src/search (SQLite FTS5, issue 7) lands: plain substring matching of
// the query over titles and texts, title matches first, then newest. No ranking, no
// Arabic normalisation. Replaced by search::Searcher as soon as src/search/searcher.h exists.
Result<std::vector<ArticleRow>> PlaceholderSearch(store::SqliteDb& db, const std::string& query,
                                                  size_t limit, size_t offset, uint64_t* total);

}  // namespace marsad::server
