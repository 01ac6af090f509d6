#include "server/read_model.h"

#include "pgstore/pg_store.h"
#include "store/sqlite_store.h"

namespace marsad::server {

ReadPool::ReadPool(std::string path) : path_(std::move(path)), postgres_(pgstore::IsPostgresUrl(path_)) {}

ReadPool::Lease::~Lease() {
  if (!conn_ || !pool_) return;
  std::lock_guard<std::mutex> lock(pool_->mu_);
  pool_->idle_.push_back(std::move(conn_));
}

Result<std::unique_ptr<ReadPool>> ReadPool::Open(const std::string& path) {
  std::unique_ptr<ReadPool> pool(new ReadPool(path));
  auto conn = pool->Connect();
  if (!conn.ok()) return conn.status();
  pool->idle_.push_back(std::move(conn).value());
  return pool;
}

Result<std::unique_ptr<ReadConn>> ReadPool::Connect() {
  auto conn = std::make_unique<ReadConn>();
  if (postgres_) {
    // One connection per lease: the store's, shared by its listing queries.
    pgstore::PgOptions options;
    options.url = path_;
    options.read_only = true;
    auto pg = pgstore::OpenPgStore(options);
    if (!pg.ok()) return pg.status();
    auto listings = PgListings(*pg.value());
    if (!listings.ok()) return listings.status();
    conn->store = std::move(pg).value();
    conn->listings = std::move(listings).value();
    return conn;
  }
  store::SqliteOptions options;
  options.read_only = true;
  options.busy_timeout_ms = 5000;
  auto s = store::OpenSqliteStore(path_, options);
  if (!s.ok()) return s.status();
  conn->store = std::move(s).value();
  auto db = store::SqliteDb::Open(path_, store::SqliteDb::Mode::kReadOnly, 5000);
  if (!db.ok()) return db.status();
  conn->listings = SqliteListings(std::move(db).value());
  return conn;
}

Result<ReadPool::Lease> ReadPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
  }
  // Opening happens outside the lock; the pool grows to the number of server threads.
  auto conn = Connect();
  if (!conn.ok()) return conn.status();
  return Lease(this, std::move(conn).value());
}

}  // namespace marsad::server
