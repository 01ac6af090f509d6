// Articles and stories: GET/POST /api/articles, GET /api/articles/{id},
// GET /api/stories, GET /api/stories/{id}.
#include <nlohmann/json.hpp>

#include "export/article_json.h"
#include "server/api.h"
#include "server/api_util.h"
#include "server/json_out.h"
#include "server/live_ingest.h"
#include "server/read_model.h"

namespace marsad::server {

ApiResponse Api::ListArticles(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"source", "since", "until", "story", "entity", "duplicates", "limit", "offset"});
  ArticleListFilter f;
  f.source = p.Str("source");
  f.since = p.Date("since");
  f.until = p.Date("until");
  f.story = p.Str("story");
  f.entity = p.Str("entity");
  auto dup = p.OneOf("duplicates", {"include", "exclude", "only"});
  f.limit = p.Size("limit", 20, 1, options_.max_limit);
  f.offset = p.Size("offset", 0, 0, options_.max_offset);
  if (p.failed()) return BadParams(p);
  if (dup == "exclude") f.duplicates = ArticleListFilter::Duplicates::kExclude;
  if (dup == "only") f.duplicates = ArticleListFilter::Duplicates::kOnly;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  uint64_t total = 0;
  auto rows = lease.value().listings().Articles(f, &total);
  if (!rows.ok()) return StoreError(rows.status());
  return PageResponse(f.limit, f.offset, f.offset + rows.value().size() < total, total, [&](JsonWriter& w) {
    w.BeginArray();
    for (const auto& row : rows.value()) WriteArticleRow(w, row);
    w.EndArray();
  });
}

ApiResponse Api::GetArticle(const ApiRequest& r, const std::string& id) const {
  Params p(r.params);
  p.Allow({});
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  store::Store& st = lease.value().store();
  auto article = st.GetArticle(id);
  if (!article.ok()) return StoreError(article.status());
  if (!article.value()) {
    return ErrorResponse(404, "no article with id " + Shown(id), "list articles with GET /api/articles");
  }
  const Article& a = *article.value();
  // Duplicates: the article this one repeats (if any) and every article that repeats it.
  auto dups = st.DuplicatesOf(a.duplicate_of.value_or(a.id));
  if (!dups.ok()) return StoreError(dups.status());
  std::optional<store::StoryRecord> story;
  if (a.story_id) {
    auto s = st.GetStory(*a.story_id);
    if (!s.ok()) return StoreError(s.status());
    story = s.value();
  }
  // The export contract's JSON is embedded as is: one shape for an article everywhere.
  std::string body = "{\"article\":" + exporter::ArticleToJson(a) + ",\"duplicates\":";
  JsonWriter w(&body);
  w.BeginArray();
  for (const auto& b : dups.value()) {
    if (b.id != a.id) WriteBrief(w, b);
  }
  w.EndArray();
  body += ",\"story\":";
  JsonWriter ws(&body);
  if (story) {
    WriteStory(ws, *story, {});
  } else {
    ws.Null();
  }
  body += "}";
  return Json(std::move(body));
}

namespace {

std::string MainType(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (char& c : t) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}

// Fills doc from a JSON object body; an error message when the body is not usable.
std::optional<std::string> FromJson(const std::string& body, RawDocument* doc) {
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return "the body is not valid JSON (or not valid UTF-8)";
  if (!j.is_object()) return "the JSON body must be an object";
  static const char* const kFields[] = {"text", "html", "title", "url", "source", "date", "published",
                                        "author", "crawl_date"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* f : kFields) known |= key == f;
    if (!known) return "unknown field '" + Shown(key) + "'";
    if (!value.is_string() && !value.is_null()) return "field '" + Shown(key) + "' must be a string";
  }
  auto get = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; };
  std::string html = get("html"), text = get("text");
  if (!html.empty() && !text.empty()) return "give either 'text' or 'html', not both";
  doc->format = html.empty() ? DocFormat::kRecord : DocFormat::kHtml;
  doc->body = html.empty() ? text : html;
  doc->hints.title = get("title");
  doc->hints.url = get("url");
  doc->hints.source = get("source");
  doc->hints.date = get("date").empty() ? get("published") : get("date");
  doc->hints.author = get("author");
  doc->hints.crawl_date = get("crawl_date");
  return std::nullopt;
}

}  // namespace

ApiResponse Api::PostArticle(const ApiRequest& r) const {
  if (options_.read_only || ingester_ == nullptr) {
    return ErrorResponse(403, "this server is read-only",
                         "start marsad serve without --read-only to add articles with POST /api/articles");
  }
  Params p(r.params);
  p.Allow({});
  if (p.failed()) return BadParams(p);
  const std::string type = MainType(r.content_type);
  RawDocument doc;
  doc.input = "http:POST /api/articles";
  if (type == "application/json") {
    if (auto err = FromJson(r.body, &doc)) {
      return ErrorResponse(400, *err,
                           "send {\"text\": \"...\"} or {\"html\": \"...\"} with optional title, url, "
                           "source, date, author, crawl_date (strings)");
    }
  } else if (type == "text/html" || type == "text/plain") {
    auto repaired = utf8::Repair(r.body);
    doc.format = type == "text/html" ? DocFormat::kHtml : DocFormat::kText;
    doc.body = std::move(repaired.text);
    doc.invalid_utf8 = repaired.invalid_sequences;
  } else {
    return ErrorResponse(415, "unsupported Content-Type '" + Shown(r.content_type) + "'",
                         "use application/json, text/html or text/plain (UTF-8)");
  }
  if (doc.body.empty() && doc.hints.title.empty()) {
    return ErrorResponse(400, "the article is empty", "send the article's text or HTML in the body");
  }
  if (!doc.hints.url.empty()) doc.input += " " + doc.hints.url;
  auto result = ingester_->Ingest(std::move(doc));
  if (!result.ok()) {
    if (result.status().code() == Status::Code::kInvalidArgument) {
      return ErrorResponse(422, "the document could not be made into an article: " + Shown(result.status().message()),
                           "send a page or text with an article in it");
    }
    return StoreError(result.status());
  }
  const LiveIngestResult& res = result.value();
  ApiResponse out;
  out.status = res.created ? 201 : 200;
  JsonWriter w(&out.body);
  w.BeginObject();
  w.Key("id"), w.String(res.id);
  w.Key("created"), w.Bool(res.created);
  w.Key("title"), w.OptString(res.title);
  w.Key("source"), w.OptString(res.source);
  w.Key("published"), w.OptString(res.published);
  w.Key("duplicate_of"), w.OptString(res.duplicate_of);
  w.Key("story_id"), w.OptString(res.story_id);
  w.Key("href"), w.String("/api/articles/" + res.id);
  w.EndObject();
  return out;
}

ApiResponse Api::ListStories(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"since", "until", "entity", "limit", "offset"});
  store::StoryFilter f;
  f.since = p.Date("since");
  f.until = p.Date("until");
  f.entity = p.Str("entity");
  size_t limit = p.Size("limit", 20, 1, options_.max_limit);
  size_t offset = p.Size("offset", 0, 0, options_.max_offset);
  if (p.failed()) return BadParams(p);
  f.limit = offset + limit + 1;  // the store has no offset: take the pages before and one more
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto stories = lease.value().store().ListStories(f);
  if (!stories.ok()) return StoreError(stories.status());
  const auto& all = stories.value();
  std::vector<std::vector<std::pair<std::string, uint64_t>>> timelines;
  for (size_t i = offset; i < all.size() && i < offset + limit; ++i) {
    auto t = lease.value().listings().StoryTimeline(all[i].id);
    if (!t.ok()) return StoreError(t.status());
    timelines.push_back(std::move(t).value());
  }
  return PageResponse(limit, offset, all.size() > offset + limit, std::nullopt, [&](JsonWriter& w) {
    w.BeginArray();
    for (size_t i = 0; i < timelines.size(); ++i) WriteStory(w, all[offset + i], timelines[i]);
    w.EndArray();
  });
}

ApiResponse Api::GetStory(const ApiRequest& r, const std::string& id) const {
  Params p(r.params);
  p.Allow({});
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  store::Store& st = lease.value().store();
  auto story = st.GetStory(id);
  if (!story.ok()) return StoreError(story.status());
  if (!story.value()) return ErrorResponse(404, "no story with id " + Shown(id), "list stories with GET /api/stories");
  auto articles = st.StoryArticles(id);
  if (!articles.ok()) return StoreError(articles.status());
  auto timeline = lease.value().listings().StoryTimeline(id);
  if (!timeline.ok()) return StoreError(timeline.status());
  ApiResponse out;
  JsonWriter w(&out.body);
  w.BeginObject();
  w.Key("story"), WriteStory(w, *story.value(), timeline.value());
  w.Key("articles");  // oldest first
  w.BeginArray();
  for (const auto& b : articles.value()) WriteBrief(w, b);
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace marsad::server
