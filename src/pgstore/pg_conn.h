// A thin libpq connection: parameterised statements in text format, results by row and
// column, reconnect after a lost connection. Internal to pgstore/ (and the server's
// PostgreSQL read model, server/read_model_pg.cc, which queries through PgStore::Connection()).
// Thread-compatible: one connection per thread.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace marsad::pgstore {

using Param = std::optional<std::string>;  // nullopt = SQL NULL
using Params = std::vector<Param>;

inline Param P(const std::string& s) { return s; }
inline Param P(const std::optional<std::string>& s) { return s; }
inline Param P(const char* s) { return std::string(s); }
Param P(int64_t v);
Param P(double v);  // exact round trip (17 significant digits)

class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  int columns() const { return PQnfields(r_.get()); }
  bool Null(int row, int col) const { return PQgetisnull(r_.get(), row, col); }
  std::string Text(int row, int col) const { return std::string(PQgetvalue(r_.get(), row, col), PQgetlength(r_.get(), row, col)); }
  std::optional<std::string> Opt(int row, int col) const {
    if (Null(row, col)) return std::nullopt;
    return Text(row, col);
  }
  int64_t Int(int row, int col) const;
  double Double(int row, int col) const;

 private:
  std::shared_ptr<PGresult> r_;
};

class PgConn {
 public:
  // libpq's message on failure, with the password left out of the URL.
  static Result<std::unique_ptr<PgConn>> Connect(const std::string& url, int timeout_s);
  ~PgConn();

  // Runs one statement. A lost connection gives kIoError ("connection lost"); SQL errors
  // give kInternal with the server's message and SQLSTATE.
  Result<PgResult> Exec(const std::string& sql, const Params& params = {});
  Status Run(const std::string& sql, const Params& params = {});
  // Reconnects if the connection broke (server restarted). Bumps generation() on success.
  Status EnsureConnected();
  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  uint64_t generation() const { return generation_; }
  const std::string& display_url() const { return display_url_; }

 private:
  PgConn(PGconn* c, std::string url, std::string display) : conn_(c), url_(std::move(url)), display_url_(std::move(display)) {}
  PGconn* conn_;
  std::string url_, display_url_;
  uint64_t generation_ = 0;
};

// Runs a query whose rows are (text, count) and appends them to *into: the
// "name, number of articles" listings (co-occurring entities, a story's outlets).
Status AppendPairs(PgConn& conn, const std::string& sql, const Params& params,
                   std::vector<std::pair<std::string, uint64_t>>* into);

}  // namespace marsad::pgstore
