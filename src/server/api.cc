#include "server/api.h"

#include <string_view>

#include "core/ids.h"
#include "export/json_writer.h"
#include "server/api_util.h"
#include "server/web_assets.h"

namespace marsad::server {

ApiResponse ErrorResponse(int status, const std::string& error, const std::string& hint) {
  ApiResponse r;
  r.status = status;
  exporter::JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("error"), w.String(error);
  w.Key("hint"), w.String(hint);
  w.EndObject();
  return r;
}

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Does an If-None-Match header name this ETag? ("*", a list, weak forms allowed.)
bool EtagMatches(std::string_view header, std::string_view etag) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view t = header.substr(pos, comma - pos);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (StartsWith(t, "W/")) t.remove_prefix(2);
    if (t == "*" || t == etag) return true;
    pos = comma + 1;
  }
  return false;
}

ApiResponse MethodNotAllowed(const std::string& method, const std::string& allow) {
  ApiResponse r = ErrorResponse(405, "method " + Shown(method.substr(0, 16)) + " is not allowed here",
                                "this route accepts: " + allow);
  r.allow = allow;
  return r;
}

// The id after a route prefix ("/api/stories/" + id), or empty when there is none or it
// has a further slash.
std::string Tail(const std::string& path, std::string_view prefix) {
  std::string id = path.substr(prefix.size());
  return id.find('/') == std::string::npos ? id : std::string();
}

ApiResponse Asset(const std::string& name) {
  auto body = WebAsset(name);
  if (!body) return ErrorResponse(404, "no such page or file: /" + Shown(name), "the page is at /");
  ApiResponse r;
  r.content_type = ContentTypeFor(name);
  r.body = std::move(*body);
  return r;
}

}  // namespace

ApiResponse Api::Handle(const ApiRequest& request) const {
  ApiRequest req = request;
  const bool head = req.method == "HEAD";
  if (head) req.method = "GET";
  ApiResponse r = Route(req);
  if (req.method == "GET" && r.status == 200) {
    r.etag = "\"" + ShortHash(r.body) + "\"";
    if (!req.if_none_match.empty() && EtagMatches(req.if_none_match, r.etag)) {
      r.status = 304;
      r.body.clear();
    }
  }
  if (head) r.body.clear();
  return r;
}

ApiResponse Api::Route(const ApiRequest& req) const {
  const std::string& p = req.path;
  const std::string& m = req.method;
  const bool get = m == "GET";
  if (!StartsWith(p, "/api/") && p != "/api") {
    if (!get) return MethodNotAllowed(m, "GET, HEAD");
    if (p == "/" || p == "/index.html") return Asset("index.html");
    if (StartsWith(p, "/assets/")) return Asset(p.substr(8));
    return ErrorResponse(404, "no such page: " + Shown(p), "the page is at /, the API under /api/");
  }
  if (p == "/api/articles") {
    if (get) return ListArticles(req);
    if (m == "POST") return PostArticle(req);
    return MethodNotAllowed(m, "GET, HEAD, POST");
  }
  struct Route {
    std::string_view path;
    ApiResponse (Api::*list)(const ApiRequest&) const;
  };
  static const Route kLists[] = {
      {"/api/search", &Api::Search},     {"/api/stories", &Api::ListStories},
      {"/api/entities", &Api::ListEntities}, {"/api/events", &Api::ListEvents},
      {"/api/quotes", &Api::ListQuotes}, {"/api/dyad", &Api::Dyad},
      {"/api/network", &Api::Network},   {"/api/stats", &Api::Stats},
  };
  for (const auto& route : kLists) {
    if (p == route.path) return get ? (this->*route.list)(req) : MethodNotAllowed(m, "GET, HEAD");
  }
  if (p == "/api/openapi.json") return get ? Asset("openapi.json") : MethodNotAllowed(m, "GET, HEAD");
  struct One {
    std::string_view prefix;
    ApiResponse (Api::*one)(const ApiRequest&, const std::string&) const;
  };
  static const One kOnes[] = {
      {"/api/articles/", &Api::GetArticle},
      {"/api/stories/", &Api::GetStory},
      {"/api/entities/", &Api::GetEntity},
  };
  for (const auto& route : kOnes) {
    if (!StartsWith(p, route.prefix)) continue;
    std::string id = Tail(p, route.prefix);
    if (id.empty()) break;
    return get ? (this->*route.one)(req, id) : MethodNotAllowed(m, "GET, HEAD");
  }
  return ErrorResponse(404, "no such API route: " + Shown(p),
                       "the routes are listed in /api/openapi.json");
}

}  // namespace marsad::server
