// Thin RAII wrappers over the SQLite C API used by SqliteStore: a connection and
// cached prepared statements with bind/step helpers. Internal to src/store/.
// Thread-compatible (one connection per thread).
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace marsad::store {

// The Status for a failed SQLite call: sqlite's message plus, for the failures a user
// can act on (locked, read-only, disk full, corrupt), what to do about it.
Status SqliteError(sqlite3* db, int rc);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Resets the statement and clears bindings: call before reuse.
  Statement& Reset();
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::optional<std::string>& v);
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& BindNull(int i);
  // SQLITE_ROW -> true, SQLITE_DONE -> false, else error in *status.
  bool Step(Status* status);
  Status Run();  // steps to completion

  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  ~SqliteDb();
  enum class Mode { kReadWriteCreate, kReadOnly };
  // Opens path; kReadOnly fails if the file does not exist and refuses every write.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, Mode mode, int busy_timeout_ms);

  Status Exec(const std::string& sql);
  // A cached prepared statement (reset before it is returned).
  Result<Statement*> Prepare(const std::string& sql);
  Result<int64_t> QueryInt(const std::string& sql);
  int64_t Changes() const { return sqlite3_changes64(db_); }
  std::string Error() const { return sqlite3_errmsg(db_); }
  int ErrorCode() const { return sqlite3_errcode(db_); }
  const std::string& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace marsad::store
