// The PostgreSQL schema as ordered migrations, recorded in marsad_migrations. It mirrors
// the SQLite schema (store/schema.cc) at its latest version; PostgreSQL numbers its own
// versions. Never edit a released migration: append one. Internal to pgstore/.
#pragma once

#include <vector>

#include "core/status.h"
#include "pgstore/pg_conn.h"

namespace marsad::pgstore {

// One step: SQL, then (if set) C++ work in the same transaction, for what SQL cannot do
// (computing the search index terms of the articles already stored).
struct PgMigration {
  const char* sql;
  Status (*then)(PgConn& conn) = nullptr;
};
const std::vector<PgMigration>& PgMigrations();
inline int PgLatestSchemaVersion() { return static_cast<int>(PgMigrations().size()); }

// The first schema with the full-text search column articles.search (tsvector).
inline constexpr int kPgSearchSchema = 2;

// The schema version of the database (0 = empty). With read_only, fails for a database
// that needs migrating; otherwise applies missing migrations, one transaction each, under
// an advisory lock so that workers starting together migrate once. up_to (tests only)
// stops at that version, as an older marsad would: 0 = the latest.
Result<int> PreparePgSchema(PgConn& conn, bool read_only, int up_to = 0);

// SQL for an article's date (published, else the day it was ingested), as in SQLite.
inline constexpr const char* kPgArticleDateSql =
    "coalesce(substr(published,1,10), substr(ingested_at,1,10))";

}  // namespace marsad::pgstore
