// SQLite implementation of Store: WAL mode, synchronous=NORMAL, one transaction per
// batch, schema versioned with migrations (PRAGMA user_version; see docs/STORE.md).
// Survives kill -9 at any moment: the file opens and ingest resumes.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace marsad::store {

struct SqliteOptions {
  bool read_only = false;
  int busy_timeout_ms = 10000;
};

// Opens (creating and migrating if needed) the database at path. The error names the
// file and says what to do (e.g. "not a marsad database", "newer schema: upgrade marsad").
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, SqliteOptions options = {});

}  // namespace marsad::store
