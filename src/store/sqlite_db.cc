#include "store/sqlite_db.h"

#include "store/search_tokenizer.h"

namespace marsad::store {

Status SqliteError(sqlite3* db, int rc) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  // Primary codes only: extended codes (SQLITE_BUSY_SNAPSHOT...) need the same advice.
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(msg + ": another process (another marsad ingest?) holds the database; "
                             "wait for it to finish, then retry");
    case SQLITE_READONLY:
      return Status::IoError(msg + ": opened read-only, or the file or its folder is not writable; "
                             "check the permissions");
    case SQLITE_FULL:
      return Status::IoError(msg + ": free some disk space and re-run (ingest resumes where it stopped)");
    case SQLITE_NOTADB:
      return Status::Corrupt(msg);
    case SQLITE_CORRUPT:
      return Status::Corrupt(msg + ": restore a backup or re-ingest into a new file");
    default:
      return Status::IoError(msg);
  }
}

Statement& Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return *this;
}

Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int i, const std::optional<std::string>& v) {
  return v ? Bind(i, std::string_view(*v)) : BindNull(i);
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = SqliteError(db_, rc);
  return false;
}

Status Statement::Run() {
  Status s;
  while (Step(&s)) {
  }
  sqlite3_reset(stmt_);
  return s;
}

std::string Statement::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}

std::optional<std::string> Statement::OptText(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
  return Text(col);
}

SqliteDb::~SqliteDb() {
  cache_.clear();  // statements must be finalised before the connection closes
  sqlite3_close(db_);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, Mode mode, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (Store is thread-compatible).
  int flags = SQLITE_OPEN_NOMUTEX |
              (mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, rc);
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 0);
  // The full-text index's tokenizer must be known before anything touches article_fts
  // (migration 4 creates it, the article triggers write it, search reads it).
  if (Status t = RegisterSearchTokenizer(db); !t.ok()) {
    sqlite3_close(db);
    return t;
  }
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

Status SqliteDb::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // the same text as sqlite3_errmsg, which SqliteError reads
  if (rc != SQLITE_OK) return SqliteError(db_, rc);
  return Status::Ok();
}

Result<Statement*> SqliteDb::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return &it->second->Reset();
  sqlite3_stmt* stmt = nullptr;
  // PERSISTENT: the statement lives as long as the connection (it is cached).
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc);
  auto owned = std::make_unique<Statement>(db_, stmt);
  Statement* raw = owned.get();
  cache_.emplace(sql, std::move(owned));
  return raw;
}

Result<int64_t> SqliteDb::QueryInt(const std::string& sql) {
  auto st = Prepare(sql);
  if (!st.ok()) return st.status();
  Status s;
  int64_t v = st.value()->Step(&s) ? st.value()->Int(0) : 0;
  st.value()->Reset();
  if (!s.ok()) return s;
  return v;
}

}  // namespace marsad::store
