#include "server/server.h"

#include <httplib.h>

#include <cstdio>
#include <exception>

#include "server/api.h"
#include "server/api_util.h"
#include "server/live_ingest.h"
#include "server/read_model.h"
#include "store/sqlite_store.h"

namespace marsad::server {

struct HttpServer::Impl {
  ServerOptions options;
  std::unique_ptr<LiveIngester> ingester;
  std::unique_ptr<ReadPool> pool;
  std::unique_ptr<Api> api;
  httplib::Server http;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;

namespace {

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  if (!r.etag.empty()) res.set_header("ETag", r.etag);
  if (!r.allow.empty()) res.set_header("Allow", r.allow);
  res.set_header("Cache-Control", r.cache_control);
  res.set_header("X-Content-Type-Options", "nosniff");
  if (r.status == 304) return;
  res.set_content(r.body, r.content_type.c_str());
}

void SendError(httplib::Response& res, int status, const std::string& error, const std::string& hint) {
  Send(ErrorResponse(status, error, hint), res);
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Open(ServerOptions options) {
  auto impl = std::make_unique<Impl>();
  if (!options.read_only) {
    // The writer opens first: it creates and migrates the file that the readers then open.
    auto in = LiveIngester::Open(options.db_path, options.annotators, options.linker);
    if (!in.ok()) return in.status();
    impl->ingester = std::move(in).value();
  }
  auto pool = ReadPool::Open(options.db_path);
  if (!pool.ok()) return pool.status();
  impl->pool = std::move(pool).value();
  ApiOptions api_options;
  api_options.read_only = options.read_only;
  api_options.max_limit = options.max_limit;
  impl->api = std::make_unique<Api>(impl->pool.get(), impl->ingester.get(), api_options);
  impl->options = std::move(options);

  httplib::Server& http = impl->http;
  const ServerOptions& o = impl->options;
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(100);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and
  // the client's delayed ACK add ~40 ms to every keep-alive response.
  http.set_tcp_nodelay(true);
  const int threads = o.threads > 0 ? o.threads : 16;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };

  Api* api = impl->api.get();
  auto handler = [api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.params.emplace_back(k, v);
    r.content_type = req.get_header_value("Content-Type");
    r.if_none_match = req.get_header_value("If-None-Match");
    r.body = req.body;
    Send(api->Handle(r), res);
  };
  for (const char* pattern : {".*"}) {
    http.Get(pattern, handler);
    http.Post(pattern, handler);
    http.Put(pattern, handler);
    http.Patch(pattern, handler);
    http.Delete(pattern, handler);
    http.Options(pattern, handler);
  }
  // Errors raised by the HTTP layer itself (413 body too large, 400 malformed request,
  // 404 for methods with no handler...) get JSON bodies too.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string hint = "see /api/openapi.json";
    std::string error = "request failed";
    switch (res.status) {
      case 413: error = "request body too large", hint = "send at most the server's --max-body-mb"; break;
      case 414: error = "request URI too long", hint = "shorten the query"; break;
      case 400: error = "malformed request", hint = "check the request line, headers and body"; break;
      case 404: error = "not found", hint = "the page is at /, the API under /api/"; break;
      case 405: error = "method not allowed", hint = "GET, HEAD or POST"; break;
      default: break;
    }
    SendError(res, res.status, error, hint);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, 500, "internal error: " + Shown(what), "please report this with the request that caused it");
  });
  if (o.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s -> %d (%zu bytes)\n", req.method.c_str(), req.path.c_str(), res.status,
                   res.body.size());
    });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

Result<int> HttpServer::Bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.bind);
    if (port <= 0) return Status::IoError("cannot listen on " + o.bind + " (any port)");
  } else if (!impl_->http.bind_to_port(o.bind, port)) {
    return Status::IoError("cannot listen on " + o.bind + ":" + std::to_string(port) +
                           " (in use, or not an address of this machine); try another --port");
  }
  return port;
}

Status HttpServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->http.stop(); }

}  // namespace marsad::server
