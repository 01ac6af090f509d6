#include "pgstore/pg_conn.h"

#include <cstdio>
#include <cstdlib>

#include "pgstore/pg_store.h"

namespace marsad::pgstore {

Param P(int64_t v) { return std::to_string(v); }
Param P(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return std::string(buf);
}

int64_t PgResult::Int(int row, int col) const { return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10); }
double PgResult::Double(int row, int col) const { return std::strtod(PQgetvalue(r_.get(), row, col), nullptr); }

Result<std::unique_ptr<PgConn>> PgConn::Connect(const std::string& url, int timeout_s) {
  // connect_timeout is a connection parameter; expand_dbname=1 lets `url` be a URI.
  std::string timeout = std::to_string(timeout_s);
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {url.c_str(), timeout.c_str(), "marsad", nullptr};
  PGconn* c = PQconnectdbParams(keys, values, 1);
  if (c == nullptr) return Status::IoError("out of memory connecting to PostgreSQL");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string m = PQerrorMessage(c);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    PQfinish(c);
    return Status::IoError("cannot connect to PostgreSQL at " + RedactUrl(url) + ": " + m +
                           " (is the server running? `scripts/services/services.sh start DIR` starts a local one)");
  }
  // Quiet notices ("relation already exists, skipping") that libpq would print to stderr.
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConn>(new PgConn(c, url, RedactUrl(url)));
}

PgConn::~PgConn() { PQfinish(conn_); }

Status PgConn::EnsureConnected() {
  if (!broken()) return Status::Ok();
  PQreset(conn_);
  if (broken()) {
    return Status::IoError("connection to PostgreSQL at " + display_url_ + " lost and not re-established: " +
                           PQerrorMessage(conn_));
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  ++generation_;
  return Status::Ok();
}

Result<PgResult> PgConn::Exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  // Without parameters PQexec also runs several statements (migrations).
  PGresult* raw = params.empty() ? PQexec(conn_, sql.c_str())
                                 : PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                                                values.data(), nullptr, nullptr, 0);
  PgResult r(raw);
  ExecStatusType st = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
  std::string m = raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  // Class 08 (connection exception), 57P0x (server shutting down / crashed) and a broken
  // connection are transient: the caller may reconnect and retry the whole transaction.
  if (broken() || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0) {
    return Status::IoError("connection to PostgreSQL at " + display_url_ + " lost: " + m);
  }
  return Status::Internal("PostgreSQL at " + display_url_ + ": " + m + (code.empty() ? "" : " [" + code + "]"));
}

Status PgConn::Run(const std::string& sql, const Params& params) {
  auto r = Exec(sql, params);
  return r.ok() ? Status::Ok() : r.status();
}

Status AppendPairs(PgConn& conn, const std::string& sql, const Params& params,
                   std::vector<std::pair<std::string, uint64_t>>* into) {
  auto r = conn.Exec(sql, params);
  if (!r.ok()) return r.status();
  for (int i = 0; i < r.value().rows(); ++i) {
    into->emplace_back(r.value().Text(i, 0), static_cast<uint64_t>(r.value().Int(i, 1)));
  }
  return Status::Ok();
}

}  // namespace marsad::pgstore
