// `marsad serve`: the HTTP API (server/api.h) and the web page over one marsad database
// (SQLite, or the scale-out PostgreSQL store: same responses), on cpp-httplib. Binds to 127.0.0.1 unless told otherwise. Bounded request sizes and
// timeouts; every error is a JSON body {"error", "hint"}; no input crashes it.
//
//   auto server = server::HttpServer::Open(options);   // opens the database
//   int port = server.value()->Bind().value();          // port 0: a free port
//   server.value()->Run();                              // until Stop()
//
// Thread-safe: Stop() may be called from any thread (e.g. a signal watcher).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/article_annotator.h"
#include "pipeline/article_linker.h"

namespace marsad::server {

struct ServerOptions {
  std::string db_path = "marsad.db";  // SQLite file, or postgresql:// URL (docs/SCALE-OUT.md)
  std::string bind = "127.0.0.1";  // an address on another interface exposes the API
  int port = 8080;                 // 0 = any free port (see Bind())
  bool read_only = false;          // open the database read-only; POST answers 403
  size_t max_body_bytes = 8u << 20;  // larger request bodies answer 413
  int read_timeout_s = 10;           // per read of a request (slow clients are dropped)
  int write_timeout_s = 10;
  int threads = 16;                  // worker threads; a keep-alive connection holds one
  size_t max_limit = 500;            // largest accepted `limit` parameter
  // Live ingest (POST /api/articles) runs these after cleaning, as `marsad ingest` does.
  // Not owned; must outlive the server.
  std::vector<const pipeline::ArticleAnnotator*> annotators;
  pipeline::LinkerOptions linker;
  bool log_requests = false;       // one line per request on stderr
};

class HttpServer {
 public:
  // Opens the database (created if missing unless read_only). Fails with a message that
  // says what to do (missing file in read-only mode, not a marsad database, ...).
  static Result<std::unique_ptr<HttpServer>> Open(ServerOptions options);
  ~HttpServer();

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::server
