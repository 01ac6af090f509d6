// GET /api/search: ranked results grouped by story. Uses the full-text engine of
// src/search (SQLite FTS5, docs/SEARCH.md) when it is built and the database has its index;
// otherwise (an older database opened read-only, or a build without src/search) the
// interim substring search of read_model.h, with "engine": "substring" in the response.
#include <algorithm>
#include <cstdio>
#include <mutex>
#include <vector>

#include "server/api.h"
#include "server/api_util.h"
#include "server/json_out.h"
#include "server/read_model.h"
#ifdef MARSAD_HAVE_SEARCH
#include "pgstore/pg_search.h"
#include "search/searcher.h"
#endif

namespace marsad::server {

// Idle search engines (one connection each, used by one thread at a time): FTS5 over the
// SQLite file, or the tsvector backend over PostgreSQL (pgstore/pg_search.h).
class SearchPool {
 public:
  SearchPool(std::string path, bool postgres) : path_(std::move(path)), postgres_(postgres) {}
#ifdef MARSAD_HAVE_SEARCH
  struct Engine {
    std::unique_ptr<search::Searcher> sqlite;
    std::unique_ptr<search::Backend> pg;
    Result<search::Results> Search(const search::Query& q) {
      return sqlite ? sqlite->Search(q) : search::Search(*pg, q);
    }
  };
  std::unique_ptr<Engine> Take(Status* status) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        auto s = std::move(idle_.back());
        idle_.pop_back();
        return s;
      }
    }
    auto engine = std::make_unique<Engine>();
    if (postgres_) {
      auto opened = pgstore::OpenPgSearch(path_);
      if (!opened.ok()) return *status = opened.status(), nullptr;
      engine->pg = std::move(opened).value();
    } else {
      auto opened = search::Searcher::Open(path_);
      if (!opened.ok()) return *status = opened.status(), nullptr;
      engine->sqlite = std::move(opened).value();
    }
    return engine;
  }
  void Give(std::unique_ptr<Engine> s) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(s));
  }
  bool postgres() const { return postgres_; }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<Engine>> idle_;
#endif
 private:
  std::string path_;
  bool postgres_;
};

Api::Api(ReadPool* pool, LiveIngester* ingester, ApiOptions options)
    : pool_(pool), ingester_(ingester), options_(options), search_(std::make_unique<SearchPool>(pool->path(), pool->postgres())) {}
Api::~Api() = default;

namespace {

void WriteSpans(JsonWriter& w, const std::vector<std::pair<uint32_t, uint32_t>>& spans) {
  w.BeginArray();
  for (const auto& [s, e] : spans) {
    w.BeginArray();
    w.Int(s);
    w.Int(e);
    w.EndArray();
  }
  w.EndArray();
}

// {"id", "title", "article_count"} of a group's story, or null.
void WriteGroupStory(JsonWriter& w, Listings& listings, const std::string& story_id) {
  if (story_id.empty()) {
    w.Null();
    return;
  }
  auto head = listings.Head(story_id);
  w.BeginObject();
  w.Key("id"), w.String(story_id);
  if (head.ok() && head.value()) {
    w.Key("title"), w.String(head.value()->title);
    w.Key("article_count"), w.Int(static_cast<long long>(head.value()->article_count));
  } else {  // a story id whose row is not written yet: still group by it
    w.Key("title"), w.Null();
    w.Key("article_count"), w.Null();
  }
  w.EndObject();
}

}  // namespace

ApiResponse Api::Search(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"q", "since", "until", "source", "entity", "story", "limit", "offset", "per_group"});
  auto q = p.Str("q", 1000);
  auto since = p.Date("since"), until = p.Date("until");
  auto source = p.Str("source"), entity = p.Str("entity"), story = p.Str("story");
  size_t limit = p.Size("limit", 20, 1, std::min<size_t>(options_.max_limit, 1000));
  size_t offset = p.Size("offset", 0, 0, options_.max_offset);
  size_t per_group = p.Size("per_group", 3, 1, 100);
  if (!p.failed() && !q) return ErrorResponse(400, "parameter 'q' is required", "for example q=ترامب");
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());

#ifdef MARSAD_HAVE_SEARCH
  Status open_status;
  if (auto searcher = search_->Take(&open_status)) {
    search::Query query;
    query.text = *q;
    query.since = since;
    query.until = until;
    query.source = source;
    query.entity = entity;
    query.story = story;
    query.limit = limit;
    query.offset = offset;
    query.per_group = per_group;
    auto res = searcher->Search(query);
    search_->Give(std::move(searcher));
    if (!res.ok()) {
      if (res.status().code() == Status::Code::kInvalidArgument) {
        return ErrorResponse(400, Shown(res.status().message()),
                             "words, \"a phrase\", OR, NOT/-word; see docs/SEARCH.md");
      }
      return StoreError(res.status());
    }
    const search::Results& rs = res.value();
    ApiResponse out = PageResponse(limit, offset, offset + rs.groups.size() < rs.total_groups, rs.total_groups,
                                   [&](JsonWriter& w) {
      w.BeginArray();
      for (const auto& g : rs.groups) {
        w.BeginObject();
        w.Key("story"), WriteGroupStory(w, lease.value().listings(), g.story_id);
        w.Key("matches"), w.Int(static_cast<long long>(g.matches));
        w.Key("score"), w.Double(g.score);
        w.Key("hits");
        w.BeginArray();
        for (size_t i : g.hits) {
          const search::Hit& h = rs.hits[i];
          w.BeginObject();
          w.Key("id"), w.String(h.article_id);
          w.Key("title"), w.String(h.title);
          w.Key("source"), w.String(h.source);
          w.Key("published"), w.String(h.published);
          w.Key("story_id"), w.String(h.story_id);
          w.Key("snippet"), w.String(h.snippet);
          w.Key("highlights"), WriteSpans(w, h.highlights);
          w.Key("title_highlights"), WriteSpans(w, h.title_highlights);
          w.Key("score"), w.Double(h.score);
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    });
    // Engine and article total go in front of the page fields.
    char millis[32];
    std::snprintf(millis, sizeof millis, "%.2f", rs.millis);
    out.body = "{\"engine\":\"" + rs.engine + "\",\"total_articles\":" + std::to_string(rs.total) + ",\"search_ms\":" + millis +
               "," + out.body.substr(1);
    return out;
  }
#endif

  (void)per_group;
  // Interim engine: substring matches, one page of articles grouped by story in order.
  uint64_t total = 0;
  auto rows = lease.value().listings().SubstringSearch(*q, limit, offset, &total);
  if (!rows.ok()) return StoreError(rows.status());
  std::vector<std::pair<std::string, std::vector<const ArticleRow*>>> groups;
  for (const auto& row : rows.value()) {
    const std::string sid = row.story_id.value_or("");
    auto it = sid.empty() ? groups.end()
                          : std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == sid; });
    if (it == groups.end()) {
      groups.push_back({sid, {&row}});
    } else {
      it->second.push_back(&row);
    }
  }
  ApiResponse out = PageResponse(limit, offset, offset + rows.value().size() < total, total, [&](JsonWriter& w) {
    w.BeginArray();
    for (const auto& [sid, members] : groups) {
      w.BeginObject();
      w.Key("story"), WriteGroupStory(w, lease.value().listings(), sid);
      w.Key("matches"), w.Int(static_cast<long long>(members.size()));
      w.Key("score"), w.Null();
      w.Key("hits");
      w.BeginArray();
      for (const ArticleRow* row : members) {
        w.BeginObject();
        w.Key("id"), w.String(row->id);
        w.Key("title"), w.String(row->title.value_or(""));
        w.Key("source"), w.String(row->source.value_or(""));
        w.Key("published"), w.String(row->published.value_or(""));
        w.Key("story_id"), w.String(sid);
        w.Key("snippet"), w.String(row->snippet);
        w.Key("highlights"), WriteSpans(w, {});
        w.Key("title_highlights"), WriteSpans(w, {});
        w.Key("score"), w.Null();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  });
  out.body = "{\"engine\":\"substring\",\"total_articles\":" + std::to_string(total) + "," + out.body.substr(1);
  return out;
}

}  // namespace marsad::server
