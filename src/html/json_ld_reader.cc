#include "html/json_ld_reader.h"

#include <simdjson.h>

#include <string_view>

namespace marsad::html {
namespace {

using simdjson::dom::element;

bool IsArticleType(std::string_view t) {
  return t.find("Article") != std::string_view::npos || t.find("BlogPosting") != std::string_view::npos ||
         t == "Report" || t.find("NewsArticle") != std::string_view::npos ||
         t == "LiveBlogPosting" || t == "Review";
}

std::string_view StringOf(element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return s;
  return {};
}

// Name of a person/organisation value: a string, {"name": ...}, or a list of those.
std::string NamesOf(element e) {
  std::string out;
  auto add = [&out](element one) {
    std::string_view name = StringOf(one);
    if (one.is_object()) {
      element n;
      if (one["name"].get(n) == simdjson::SUCCESS) name = StringOf(n);
    }
    if (name.empty()) return;
    if (!out.empty()) out.append(", ");
    out.append(name);
  };
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    for (element one : arr) add(one);
  } else {
    add(e);
  }
  return out;
}

void SetIfEmpty(std::string* field, std::string_view value) {
  if (field->empty() && !value.empty()) field->assign(value);
}

bool TypeMatches(simdjson::dom::object obj) {
  element type;
  if (obj["@type"].get(type) != simdjson::SUCCESS) return false;
  simdjson::dom::array arr;
  if (type.get(arr) == simdjson::SUCCESS) {
    for (element t : arr) {
      if (IsArticleType(StringOf(t))) return true;
    }
    return false;
  }
  return IsArticleType(StringOf(type));
}

void Absorb(simdjson::dom::object obj, JsonLdArticle* a) {
  element v;
  if (obj["headline"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->headline, StringOf(v));
  if (obj["articleBody"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->article_body, StringOf(v));
  if (obj["datePublished"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->date_published, StringOf(v));
  if (obj["author"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->author, NamesOf(v));
  if (obj["publisher"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->publisher, NamesOf(v));
  if (obj["url"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->url, StringOf(v));
  if (obj["keywords"].get(v) == simdjson::SUCCESS) SetIfEmpty(&a->keywords, NamesOf(v));
}

// Collects the objects worth reading: the value itself, array items, @graph items.
// Depth-limited (JSON-LD that matters is at most two levels down).
void Collect(element e, int depth, std::vector<simdjson::dom::object>* out) {
  if (depth > 3) return;
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    for (element item : arr) Collect(item, depth + 1, out);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) return;
  out->push_back(obj);
  element graph;
  if (obj["@graph"].get(graph) == simdjson::SUCCESS) Collect(graph, depth + 1, out);
  element main;
  if (obj["mainEntity"].get(main) == simdjson::SUCCESS) Collect(main, depth + 1, out);
}

}  // namespace

JsonLdArticle ReadJsonLd(const std::vector<std::string>& blocks) {
  JsonLdArticle article;
  JsonLdArticle fallback;
  simdjson::dom::parser parser;
  for (const std::string& block : blocks) {
    std::string cleaned(block);
    for (char& c : cleaned) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    element root;
    if (parser.parse(cleaned).get(root) != simdjson::SUCCESS) continue;
    std::vector<simdjson::dom::object> objects;
    Collect(root, 0, &objects);
    for (simdjson::dom::object obj : objects) {
      Absorb(obj, TypeMatches(obj) ? &article : &fallback);
    }
  }
  // Fields only a non-article object carried (e.g. an Organization's name) still help.
  SetIfEmpty(&article.headline, fallback.headline);
  SetIfEmpty(&article.article_body, fallback.article_body);
  SetIfEmpty(&article.date_published, fallback.date_published);
  SetIfEmpty(&article.author, fallback.author);
  SetIfEmpty(&article.publisher, fallback.publisher);
  return article;
}

}  // namespace marsad::html
