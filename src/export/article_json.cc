#include "export/article_json.h"

#include "export/json_writer.h"

namespace marsad::exporter {
namespace {

void WriteStrings(JsonWriter& w, const std::vector<std::string>& values) {
  w.BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}

void WriteEntity(JsonWriter& w, const Entity& e) {
  w.BeginObject();
  w.Key("id"), w.String(e.id);
  w.Key("name_en"), w.String(e.name_en);
  w.Key("name_ar"), w.String(e.name_ar);
  w.Key("type"), w.String(e.type);
  w.Key("country"), w.OptString(e.country);
  w.Key("cameo"), w.OptString(e.cameo);
  w.Key("mentions");
  w.BeginArray();
  for (const auto& m : e.mentions) {
    w.BeginObject();
    w.Key("start"), w.Int(m.start);
    w.Key("end"), w.Int(m.end);
    w.Key("text"), w.String(m.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteQuote(JsonWriter& w, const Quote& q) {
  w.BeginObject();
  w.Key("speaker"), w.OptString(q.speaker);
  w.Key("speaker_name"), w.String(q.speaker_name);
  w.Key("text"), w.String(q.text);
  w.Key("direct"), w.Bool(q.direct);
  w.Key("start"), w.Int(q.start);
  w.Key("end"), w.Int(q.end);
  w.EndObject();
}

void WriteActor(JsonWriter& w, const EventActor& a) {
  w.BeginObject();
  w.Key("entity"), w.OptString(a.entity);
  w.Key("name_en"), w.String(a.name_en);
  w.Key("cameo"), w.String(a.cameo);
  w.Key("country"), w.String(a.country);
  w.EndObject();
}

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
  w.Key("evidence");
  w.BeginObject();
  w.Key("text"), w.String(e.evidence_text);
  w.Key("start"), w.Int(e.evidence_start);
  w.Key("end"), w.Int(e.evidence_end);
  w.EndObject();
  w.Key("confidence"), w.Double(e.confidence);
  w.EndObject();
}

}  // namespace

std::string ArticleToJson(const Article& a) {
  std::string out;
  out.reserve(a.text.size() * 2 + 1024);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("schema"), w.String(kArticleSchema);
  w.Key("id"), w.String(a.id);
  w.Key("input"), w.String(a.input);
  w.Key("url"), w.OptString(a.url);
  w.Key("source"), w.OptString(a.source);
  w.Key("published"), w.OptString(a.published);
  w.Key("title"), w.OptString(a.title);
  w.Key("language"), w.String(a.language);
  w.Key("text"), w.String(a.text);
  w.Key("removed");
  w.BeginArray();
  for (const auto& r : a.removed) {
    w.BeginObject();
    w.Key("kind"), w.String(r.kind);
    w.Key("text"), w.String(r.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("related");
  w.BeginArray();
  for (const auto& r : a.related) {
    w.BeginObject();
    w.Key("title"), w.OptString(r.title);
    w.Key("text"), w.String(r.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("wires"), WriteStrings(w, a.wires);
  w.Key("keywords"), WriteStrings(w, a.keywords);
  w.Key("duplicate_of"), w.OptString(a.duplicate_of);
  w.Key("story_id"), w.OptString(a.story_id);
  w.Key("entities");
  w.BeginArray();
  for (const auto& e : a.entities) WriteEntity(w, e);
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const auto& q : a.quotes) WriteQuote(w, q);
  w.EndArray();
  w.Key("events");
  w.BeginArray();
  for (const auto& e : a.events) WriteEvent(w, e);
  w.EndArray();
  // Additions beyond the contract (allowed: "new fields may be added").
  w.Key("published_signal"), w.String(a.published_signal);
  w.Key("author"), w.OptString(a.author);
  w.Key("invalid_utf8"), w.Int(static_cast<long long>(a.invalid_utf8));
  w.EndObject();
  return out;
}

}  // namespace marsad::exporter
