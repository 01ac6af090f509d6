// PostgreSQL implementation of store::Store, for running marsad on several machines
// (docs/SCALE-OUT.md). Same results as the SQLite store (store/sqlite_store.h): same
// ids, ingest order (`seq`), orderings (byte order of text, as SQLite's BINARY), and
// idempotency (re-putting an existing id changes nothing). Schema versioned by a
// migrations table (marsad_migrations); each Write() is one transaction.
// Thread-compatible: one PgStore (one connection) per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/store.h"

namespace marsad::pgstore {

class PgConn;  // pgstore/pg_conn.h

struct PgOptions {
  std::string url;              // postgresql://user@host:port/db (libpq connection URI)
  bool read_only = false;       // never migrates; fails on an older schema
  int connect_timeout_s = 10;
  // Tests only: migrate no further than this schema version, as an older marsad would
  // (0 = the latest). Writes then leave out what later versions add (the search column).
  int schema_version = 0;
};

// True for "postgresql://..." and "postgres://..." (the CLI takes either a file or a URL).
bool IsPostgresUrl(const std::string& s);
// The URL with any password replaced by "***" (for messages); other strings unchanged.
std::string RedactUrl(const std::string& url);

class PgStore : public store::Store {
 public:
  ~PgStore() override;

  Status Write(const store::WriteBatch& batch, store::PutResult* result) override;
  Result<std::optional<Article>> GetArticle(const std::string& id) override;
  Result<std::optional<std::string>> FindByContentHash(const std::string& hash) override;
  Result<bool> Contains(const std::string& id) override;
  Status ForEachArticle(const std::function<bool(const Article&)>& fn) override;
  Status ForEachArticleSince(const std::string& min_date,
                             const std::function<bool(const Article&)>& fn) override;
  Result<std::optional<std::string>> LatestArticleDate() override;
  Result<store::StoreStats> Stats() override;
  Result<std::vector<store::StoryRecord>> ListStories(const store::StoryFilter& filter) override;
  Result<std::optional<store::StoryRecord>> GetStory(const std::string& id) override;
  Result<std::vector<store::ArticleBrief>> StoryArticles(const std::string& story_id) override;
  Result<std::vector<store::ArticleBrief>> DuplicatesOf(const std::string& article_id) override;
  // Entities, events, quotes, dyads: as the SQLite store (pgstore/pg_event_queries.h).
  Result<std::vector<store::EntitySummary>> ListEntities(const store::EntityFilter& filter) override;
  Result<std::optional<store::EntityDetail>> GetEntity(const std::string& id_or_name) override;
  Result<std::vector<store::EventRecord>> ListEvents(const store::EventFilter& filter) override;
  Result<std::vector<store::QuoteRecord>> ListQuotes(const store::QuoteFilter& filter) override;
  Result<std::vector<store::DyadPoint>> Dyad(const store::DyadQuery& query) override;

  // --- For the scale-out assigner (queue/story_assigner.h) ---
  // A named cursor (the next queue sequence to store); 1 when never written.
  Result<uint64_t> Cursor(const std::string& name);
  // Write(batch) and move cursor `name` from `expected` to `next` in one transaction.
  // Fails (kInvalidArgument, "cursor moved") without writing if the cursor is not
  // `expected`: another assigner committed in between.
  Status WriteAdvancing(const store::WriteBatch& batch, const std::string& name, uint64_t expected,
                        uint64_t next, store::PutResult* result);
  // Takes the session-level advisory lock `key` if free (pg_try_advisory_lock). The lock
  // goes with the connection: after a reconnect (see generation()) it must be taken again.
  Result<bool> TryLock(int64_t key);
  // The store's connection, reconnected first if it was lost, for read queries beyond the
  // Store interface (the server's listings, server/read_model_pg.cc). Owned by the store;
  // the same thread rules apply. Unsupported in a build without libpq.
  Result<PgConn*> Connection();
  // Counts reconnects: a change means session state (locks) was lost.
  uint64_t generation() const;
  const std::string& url() const;

 private:
  friend Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options);
  struct Impl;
  explicit PgStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Connects, creates/migrates the schema (unless read_only). Errors name the server (the
// URL without its password) and say what to do.
Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options);

}  // namespace marsad::pgstore
