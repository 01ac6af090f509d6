#include "pgstore/pg_schema.h"

#include <algorithm>
#include <string>

#include "pgstore/pg_article_rows.h"
#include "pgstore/pg_partitions.h"

namespace marsad::pgstore {

// Advisory lock key for migrations ("MRSD" + 1).
constexpr int64_t kMigrationLock = 0x4D52534401;

const std::vector<PgMigration>& PgMigrations() {
  static const std::vector<PgMigration> kMigrations = {
      // 1: the SQLite schema 3 in PostgreSQL types. `seq` is the ingest order (one writer
      // assigns it: the story assigner, see docs/SCALE-OUT.md). Dates stay ISO text, as in
      // SQLite, so that both stores compare and order them the same way. "end" is quoted:
      // a reserved word in PostgreSQL.
      {R"sql(
CREATE TABLE articles (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  input TEXT NOT NULL,
  url TEXT, source TEXT, published TEXT, published_signal TEXT NOT NULL DEFAULT '',
  title TEXT, language TEXT NOT NULL DEFAULT 'ar', author TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL DEFAULT '',
  duplicate_of TEXT, story_id TEXT,
  invalid_utf8 BIGINT NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX articles_by_content_hash ON articles(content_hash, seq);
CREATE INDEX articles_by_published ON articles(published COLLATE "C");
CREATE INDEX articles_by_source ON articles(source);
CREATE INDEX articles_by_story ON articles(story_id);
CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TABLE article_terms (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('wire','keyword')), ord INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (article_id, kind, ord));
CREATE INDEX article_terms_by_value ON article_terms(kind, value);
CREATE TABLE removed_blocks (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord));
CREATE INDEX removed_blocks_by_kind ON removed_blocks(kind);
CREATE TABLE related_articles (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, title TEXT, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord));
CREATE TABLE entities (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, entity_id TEXT NOT NULL, name_en TEXT NOT NULL, name_ar TEXT NOT NULL,
  type TEXT NOT NULL, country TEXT, cameo TEXT,
  PRIMARY KEY (article_id, ord));
CREATE INDEX entities_by_entity ON entities(entity_id);
CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_ord, ord));
CREATE TABLE quotes (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, speaker TEXT, speaker_name TEXT NOT NULL, text TEXT NOT NULL,
  direct INTEGER NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  PRIMARY KEY (article_id, ord));
CREATE TABLE events (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  source_entity TEXT, source_name TEXT NOT NULL, source_cameo TEXT NOT NULL, source_country TEXT NOT NULL,
  target_entity TEXT, target_name TEXT NOT NULL, target_cameo TEXT NOT NULL, target_country TEXT NOT NULL,
  cameo_code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
  plover TEXT NOT NULL, mode TEXT NOT NULL, date TEXT, location_name TEXT NOT NULL,
  location_country TEXT, evidence_text TEXT NOT NULL, evidence_start BIGINT NOT NULL,
  evidence_end BIGINT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (article_id, ord));
CREATE INDEX events_by_code ON events(root, cameo_code);
CREATE TABLE stories (
  id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
  article_count BIGINT NOT NULL DEFAULT 0, first_source TEXT
);
-- Scale-out: where each queue consumer is (the next queue sequence to store), moved in
-- the same transaction as the articles it stored: exactly once across crashes.
CREATE TABLE queue_cursors (name TEXT PRIMARY KEY, next_seq BIGINT NOT NULL);
)sql"},
      // 2: full-text search (docs/SCALE-OUT.md, "Search"): per article the index terms
      // the SQLite store's FTS5 tokenizer writes, as a tsvector (store/search_tsvector.h;
      // lexemes as given, positions, title weight A, text B), written with the article
      // by InsertArticles, searched through a GIN index. Compressed with lz4 where the
      // server has it (PostgreSQL >= 14 built with lz4, as Debian's): ranking reads the
      // tsvector of every match, and lz4 decompresses them 7 times faster than the
      // default pglz (on a copy of the column: 9,656 matches ranked in 112 ms, not
      // 790 ms). The articles already stored get theirs here (FillSearchVectors), before
      // the index is built.
      {R"sql(
ALTER TABLE articles ADD COLUMN search tsvector;
)sql",
       [](PgConn& conn) {
         if (Status s = conn.Run("SAVEPOINT lz4"); !s.ok()) return s;
         if (!conn.Run("ALTER TABLE articles ALTER COLUMN search SET COMPRESSION lz4").ok()) {
           if (Status s = conn.Run("ROLLBACK TO SAVEPOINT lz4"); !s.ok()) return s;  // pglz then
         }
         if (Status s = FillSearchVectors(conn); !s.ok()) return s;
         return conn.Run("CREATE INDEX articles_search ON articles USING gin (search)");
       }},
      // 3: the API's article list (server/read_model_pg.cc: newest published first, undated
      // last, then newest ingested) reads this index in order, as SQLite reads
      // articles_by_published backwards, instead of sorting every article for one page.
      {R"sql(
CREATE INDEX articles_by_published_seq ON articles ((published COLLATE "C") DESC NULLS LAST, seq DESC);
)sql"},
      // 4: articles and events partitioned by the month of the article's date, ids kept
      // unique by article_keys (pgstore/pg_partitions.h; docs/SCALE-OUT.md, "Partitions").
      {"", &PartitionArticlesAndEvents},
  };
  return kMigrations;
}

Result<int> PreparePgSchema(PgConn& conn, bool read_only, int up_to) {
  const int target = up_to > 0 ? std::min(up_to, PgLatestSchemaVersion()) : PgLatestSchemaVersion();
  auto has_table = conn.Exec("SELECT to_regclass('marsad_migrations') IS NOT NULL, to_regclass('articles') IS NOT NULL");
  if (!has_table.ok()) return has_table.status();
  bool migrations = has_table.value().Text(0, 0) == "t";
  bool articles = has_table.value().Text(0, 1) == "t";
  if (!migrations && articles) {
    return Status::InvalidArgument("has an 'articles' table but no marsad_migrations table: not a marsad "
                                   "database; give marsad a database of its own (createdb marsad)");
  }
  auto current = [&]() -> Result<int> {
    auto v = conn.Exec("SELECT coalesce(max(version), 0) FROM marsad_migrations");
    if (!v.ok()) return v.status();
    return static_cast<int>(v.value().Int(0, 0));
  };
  int version = 0;
  if (migrations) {
    auto v = current();
    if (!v.ok()) return v.status();
    version = v.value();
  }
  if (version > PgLatestSchemaVersion()) {
    return Status::Unsupported("was created by a newer marsad (schema " + std::to_string(version) +
                               ", this marsad knows up to " + std::to_string(PgLatestSchemaVersion()) +
                               "): upgrade marsad");
  }
  if (version >= target) return version;
  if (read_only) {
    return Status::Unsupported(version == 0 ? "holds no marsad data yet (run marsad worker or ingest first)"
                                            : "has an older schema; open it once for writing to upgrade it");
  }
  // One transaction per step, under a transaction-level advisory lock: several workers
  // starting at once wait for the first one, then find the work done.
  for (;;) {
    if (Status s = conn.Run("BEGIN"); !s.ok()) return s;
    auto fail = [&](const Status& s) -> Status {
      conn.Run("ROLLBACK");
      return s;
    };
    if (Status s = conn.Run("SELECT pg_advisory_xact_lock($1)", {P(kMigrationLock)}); !s.ok()) return fail(s);
    if (Status s = conn.Run("CREATE TABLE IF NOT EXISTS marsad_migrations (version INTEGER PRIMARY KEY, "
                            "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        !s.ok()) {
      return fail(s);
    }
    auto v = current();
    if (!v.ok()) return fail(v.status());
    version = v.value();
    if (version >= target) {
      if (Status s = conn.Run("COMMIT"); !s.ok()) return s;
      return version;
    }
    const PgMigration& step = PgMigrations()[version];
    Status s = *step.sql ? conn.Run(step.sql) : Status::Ok();
    if (s.ok() && step.then) s = step.then(conn);
    if (!s.ok()) {
      return fail(Status::IoError("migration to schema " + std::to_string(version + 1) + " failed: " + s.message()));
    }
    if (Status s = conn.Run("INSERT INTO marsad_migrations(version) VALUES ($1)", {P(int64_t{version + 1})}); !s.ok()) {
      return fail(s);
    }
    if (Status s = conn.Run("COMMIT"); !s.ok()) return s;
  }
}

}  // namespace marsad::pgstore
