// Read access for the API: a pool of read connections to the database, SQLite or
// PostgreSQL (server.h: ServerOptions::db_path is a file or a postgresql:// URL). Each
// connection is a Store plus its Listings: the listing queries the Store interface does
// not offer (filtered, paginated article lists, story timelines, the actor network, the
// interim search), with the same results on both stores. SQLite is in WAL mode, so readers
// never block the live-ingest writer; on both, readers see each commit as soon as it is made.
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

namespace marsad::pgstore {
class PgStore;
}

namespace marsad::server {

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

// A story's id, title and article count (the cheap part of Store::GetStory).
struct StoryHead {
  std::string id, title;
  uint64_t article_count = 0;
};

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

// --- The queries of one connection ---------------------------------------------------
class Listings {
 public:
  virtual ~Listings() = default;
  // Rows of one page, and the number of matching articles in *total (when not null).
  virtual Result<std::vector<ArticleRow>> Articles(const ArticleListFilter& filter, uint64_t* total) = 0;
  // Articles of a story per day (ISO date -> articles), oldest first.
  virtual Result<std::vector<std::pair<std::string, uint64_t>>> StoryTimeline(const std::string& story_id) = 0;
  // nullopt when there is no such story row.
  virtual Result<std::optional<StoryHead>> Head(const std::string& story_id) = 0;
  // Who acts on whom: event counts per (source, target) actor-code pair.
  virtual Result<std::vector<NetworkEdge>> Network(const NetworkFilter& filter) = 0;
  // PLACEHOLDER for builds without src/search: plain substring matching of the query over
  // titles and texts, title matches first, then newest; no ranking, no normalisation.
  virtual Result<std::vector<ArticleRow>> SubstringSearch(const std::string& query, size_t limit, size_t offset,
                                                          uint64_t* total) = 0;
};

// The SQLite queries over a read-only handle (read_model_sqlite.cc).
std::unique_ptr<Listings> SqliteListings(std::unique_ptr<store::SqliteDb> db);
// The PostgreSQL queries over the store's connection (read_model_pg.cc). REQUIRES: store
// outlives the result and is used by the same thread. Unsupported in a build without libpq.
Result<std::unique_ptr<Listings>> PgListings(pgstore::PgStore& store);

// --- The pool --------------------------------------------------------------------------
struct ReadConn {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<Listings> listings;
};

class ReadPool {
 public:
  // `path`: an SQLite file or a postgresql:// URL. REQUIRES: the database exists and has
  // the current schema (open it writable once before, which creates and migrates it).
  // Opens one connection now to check.
  static Result<std::unique_ptr<ReadPool>> Open(const std::string& path);

  class Lease {
   public:
    Lease(ReadPool* pool, std::unique_ptr<ReadConn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    store::Store& store() { return *conn_->store; }
    Listings& listings() { return *conn_->listings; }

   private:
    ReadPool* pool_;
    std::unique_ptr<ReadConn> conn_;
  };
  // An idle connection, or a new one when all are busy.
  Result<Lease> Acquire();
  const std::string& path() const { return path_; }
  bool postgres() const { return postgres_; }

 private:
  explicit ReadPool(std::string path);
  Result<std::unique_ptr<ReadConn>> Connect();
  std::string path_;
  bool postgres_ = false;
  std::mutex mu_;
  std::vector<std::unique_ptr<ReadConn>> idle_;
};

}  // namespace marsad::server
