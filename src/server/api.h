// The HTTP API of `marsad serve` as a plain function from request to response, independent
// of the socket layer (server.h wires it to cpp-httplib), so tests can call it directly.
// Routes, parameters and response shapes: docs/SERVER.md and /api/openapi.json.
// Every response body is JSON (errors: {"error": "...", "hint": "..."}) except the page and
// its assets. GET responses carry an ETag; a matching If-None-Match gives 304, no body.
// Thread-safe: Handle() may be called from any number of threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace marsad::server {

class ReadPool;
class LiveIngester;
class SearchPool;  // api_search.cc

struct ApiRequest {
  std::string method = "GET";  // GET | HEAD | POST | ...
  std::string path;            // "/api/articles" (no query string)
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters
  std::string content_type;    // of the body (POST)
  std::string if_none_match;   // the request's If-None-Match header, if any
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string etag;           // set on GET 200 responses
  std::string allow;          // for 405: the methods the route accepts
  std::string cache_control = "no-cache";  // revalidate with the ETag
};

struct ApiOptions {
  bool read_only = false;     // POST /api/articles answers 403
  size_t max_limit = 500;     // largest accepted `limit`
  size_t max_offset = 100000; // largest accepted `offset`
};

// A JSON error response: {"error": error, "hint": hint}.
ApiResponse ErrorResponse(int status, const std::string& error, const std::string& hint);

class Api {
 public:
  // REQUIRES: pool (and ingester, when not null) outlive the Api. A null ingester means
  // POST /api/articles is refused as in read-only mode.
  Api(ReadPool* pool, LiveIngester* ingester, ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  ApiResponse Handle(const ApiRequest& request) const;

 private:
  ApiResponse Route(const ApiRequest& request) const;
  // api_articles.cc
  ApiResponse ListArticles(const ApiRequest& r) const;
  ApiResponse GetArticle(const ApiRequest& r, const std::string& id) const;
  ApiResponse PostArticle(const ApiRequest& r) const;
  ApiResponse ListStories(const ApiRequest& r) const;
  ApiResponse GetStory(const ApiRequest& r, const std::string& id) const;
  // api_search.cc
  ApiResponse Search(const ApiRequest& r) const;
  // api_analytics.cc
  ApiResponse ListEntities(const ApiRequest& r) const;
  ApiResponse GetEntity(const ApiRequest& r, const std::string& id) const;
  ApiResponse ListEvents(const ApiRequest& r) const;
  ApiResponse ListQuotes(const ApiRequest& r) const;
  ApiResponse Dyad(const ApiRequest& r) const;
  ApiResponse Network(const ApiRequest& r) const;
  ApiResponse Stats(const ApiRequest& r) const;

  ReadPool* pool_;
  LiveIngester* ingester_;
  ApiOptions options_;
  std::unique_ptr<SearchPool> search_;
};

}  // namespace marsad::server
