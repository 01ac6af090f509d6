#include "server/json_out.h"

namespace marsad::server {

namespace {
long long I(uint64_t v) { return static_cast<long long>(v); }
}  // namespace

void WriteCounts(JsonWriter& w, const std::vector<std::pair<std::string, uint64_t>>& counts, const char* key,
                 const char* count_key) {
  w.BeginArray();
  for (const auto& [name, n] : counts) {
    w.BeginObject();
    w.Key(key), w.String(name);
    w.Key(count_key), w.Int(I(n));
    w.EndObject();
  }
  w.EndArray();
}

void WriteArticleRow(JsonWriter& w, const ArticleRow& r) {
  w.BeginObject();
  w.Key("id"), w.String(r.id);
  w.Key("title"), w.OptString(r.title);
  w.Key("source"), w.OptString(r.source);
  w.Key("published"), w.OptString(r.published);
  w.Key("date"), w.String(r.date);
  w.Key("duplicate_of"), w.OptString(r.duplicate_of);
  w.Key("story_id"), w.OptString(r.story_id);
  w.Key("snippet"), w.String(r.snippet);
  w.Key("entities"), w.Int(I(r.entities));
  w.Key("events"), w.Int(I(r.events));
  w.Key("quotes"), w.Int(I(r.quotes));
  w.EndObject();
}

void WriteBrief(JsonWriter& w, const store::ArticleBrief& b) {
  w.BeginObject();
  w.Key("id"), w.String(b.id);
  w.Key("title"), w.OptString(b.title);
  w.Key("source"), w.OptString(b.source);
  w.Key("published"), w.OptString(b.published);
  w.Key("duplicate_of"), w.OptString(b.duplicate_of);
  w.Key("story_id"), w.OptString(b.story_id);
  w.EndObject();
}

void WriteStory(JsonWriter& w, const store::StoryRecord& s,
                const std::vector<std::pair<std::string, uint64_t>>& timeline) {
  w.BeginObject();
  w.Key("id"), w.String(s.id);
  w.Key("title"), w.String(s.title);
  w.Key("first_seen"), w.OptString(s.first_seen);
  w.Key("last_seen"), w.OptString(s.last_seen);
  w.Key("article_count"), w.Int(I(s.article_count));
  w.Key("first_source"), w.String(s.first_source);
  w.Key("outlet_count"), w.Int(I(s.sources.size()));
  w.Key("sources"), WriteCounts(w, s.sources, "name", "articles");
  w.Key("entities"), WriteCounts(w, s.entities, "name", "articles");
  if (!timeline.empty()) w.Key("timeline"), WriteCounts(w, timeline, "date", "articles");
  w.EndObject();
}

void WriteEntitySummary(JsonWriter& w, const store::EntitySummary& e) {
  w.BeginObject();
  w.Key("id"), w.String(e.id);
  w.Key("name_en"), w.String(e.name_en);
  w.Key("name_ar"), w.String(e.name_ar);
  w.Key("type"), w.String(e.type);
  w.Key("country"), w.OptString(e.country);
  w.Key("cameo"), w.OptString(e.cameo);
  w.Key("articles"), w.Int(I(e.articles));
  w.Key("mentions"), w.Int(I(e.mentions));
  w.Key("first_seen"), w.OptString(e.first_seen);
  w.Key("last_seen"), w.OptString(e.last_seen);
  w.EndObject();
}

void WriteEntityDetail(JsonWriter& w, const store::EntityDetail& d) {
  w.BeginObject();
  w.Key("entity"), WriteEntitySummary(w, d.summary);
  w.Key("by_day"), WriteCounts(w, d.by_day, "date", "articles");
  w.Key("co_occurring"), WriteCounts(w, d.co_occurring, "name", "articles");
  w.Key("spellings"), WriteCounts(w, d.spellings, "text", "mentions");
  w.EndObject();
}

namespace {
void WriteActor(JsonWriter& w, const EventActor& a) {
  w.BeginObject();
  w.Key("entity"), w.OptString(a.entity);
  w.Key("name_en"), w.String(a.name_en);
  w.Key("cameo"), w.String(a.cameo);
  w.Key("country"), w.String(a.country);
  w.EndObject();
}
}  // namespace

void WriteEvent(JsonWriter& w, const Event& e) {
  w.BeginObject();
  w.Key("source"), WriteActor(w, e.source);
  w.Key("target"), WriteActor(w, e.target);
  w.Key("cameo_code"), w.String(e.cameo_code);
  w.Key("root"), w.String(e.root);
  w.Key("quad_class"), w.Int(e.quad_class);
  w.Key("goldstein"), w.Double(e.goldstein);
  w.Key("plover"), w.String(e.plover);
  w.Key("mode"), w.String(e.mode);
  w.Key("date"), w.OptString(e.date);
  w.Key("location");
  w.BeginObject();
  w.Key("name"), w.String(e.location_name);
  w.Key("country"), w.OptString(e.location_country);
  w.EndObject();
  w.Key("evidence");  // offsets: code points into the reporting article's text
  w.BeginObject();
  w.Key("text"), w.String(e.evidence_text);
  w.Key("start"), w.Int(e.evidence_start);
  w.Key("end"), w.Int(e.evidence_end);
  w.EndObject();
  w.Key("confidence"), w.Double(e.confidence);
  w.EndObject();
}

void WriteEventRecord(JsonWriter& w, const store::EventRecord& r) {
  w.BeginObject();
  w.Key("event"), WriteEvent(w, r.event);
  w.Key("article_id"), w.String(r.article_id);
  w.Key("story_id"), w.OptString(r.story_id);
  w.Key("published"), w.OptString(r.published);
  w.Key("source"), w.OptString(r.source);
  w.Key("date"), w.String(r.date);
  w.Key("num_articles"), w.Int(I(r.num_articles));
  w.Key("num_sources"), w.Int(I(r.num_sources));
  w.Key("article_ids");
  w.BeginArray();
  for (const auto& id : r.article_ids) w.String(id);
  w.EndArray();
  w.EndObject();
}

void WriteQuoteRecord(JsonWriter& w, const store::QuoteRecord& r) {
  w.BeginObject();
  w.Key("speaker"), w.OptString(r.quote.speaker);
  w.Key("speaker_name"), w.String(r.quote.speaker_name);
  w.Key("text"), w.String(r.quote.text);
  w.Key("direct"), w.Bool(r.quote.direct);
  w.Key("start"), w.Int(r.quote.start);
  w.Key("end"), w.Int(r.quote.end);
  w.Key("article_id"), w.String(r.article_id);
  w.Key("published"), w.OptString(r.published);
  w.Key("source"), w.OptString(r.source);
  w.EndObject();
}

void WriteDyadPoint(JsonWriter& w, const store::DyadPoint& p) {
  w.BeginObject();
  w.Key("period"), w.String(p.period);
  w.Key("events"), w.Int(I(p.events));
  w.Key("mean_goldstein"), w.Double(p.mean_goldstein);
  w.Key("quad_class");
  w.BeginArray();
  for (uint64_t n : p.quad_class) w.Int(I(n));
  w.EndArray();
  w.EndObject();
}

void WriteNetworkEdge(JsonWriter& w, const NetworkEdge& e) {
  w.BeginObject();
  w.Key("source"), w.String(e.source);
  w.Key("target"), w.String(e.target);
  w.Key("source_name"), w.String(e.source_name);
  w.Key("target_name"), w.String(e.target_name);
  w.Key("events"), w.Int(I(e.events));
  w.Key("mean_goldstein"), w.Double(e.mean_goldstein);
  w.Key("quad_class");
  w.BeginArray();
  for (uint64_t n : e.quad_class) w.Int(I(n));
  w.EndArray();
  w.EndObject();
}

void WriteStats(JsonWriter& w, const store::StoreStats& s) {
  w.BeginObject();
  w.Key("schema_version"), w.Int(s.schema_version);
  w.Key("articles"), w.Int(I(s.articles));
  w.Key("exact_duplicates"), w.Int(I(s.exact_duplicates));
  w.Key("related"), w.Int(I(s.related));
  w.Key("removed_blocks"), w.Int(I(s.removed_blocks));
  w.Key("entities"), w.Int(I(s.entities));
  w.Key("mentions"), w.Int(I(s.mentions));
  w.Key("quotes"), w.Int(I(s.quotes));
  w.Key("events"), w.Int(I(s.events));
  w.Key("stories"), w.Int(I(s.stories));
  w.Key("invalid_utf8_articles"), w.Int(I(s.invalid_utf8_articles));
  w.Key("first_published"), w.OptString(s.first_published);
  w.Key("last_published"), w.OptString(s.last_published);
  w.Key("by_source"), WriteCounts(w, s.by_source, "source", "articles");
  w.Key("removed_by_kind"), WriteCounts(w, s.removed_by_kind, "kind", "blocks");
  w.EndObject();
}

}  // namespace marsad::server
