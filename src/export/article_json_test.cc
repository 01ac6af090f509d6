#include "export/article_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "export/json_writer.h"

namespace marsad::exporter {
namespace {

simdjson::dom::element Parse(simdjson::dom::parser& parser, const std::string& json) {
  auto result = parser.parse(json);
  EXPECT_EQ(result.error(), simdjson::SUCCESS) << json;
  return result.value();
}

TEST(JsonWriter, EscapesControlQuotesAndLineSeparators) {
  std::string out;
  const char input[] = "a\"b\\c\n\x01 \xE2\x80\xA8 ب";
  JsonWriter::AppendEscaped(&out, std::string_view(input, sizeof input - 1));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001 \\u2028 ب\"");
}

TEST(ArticleJson, EmptyArticleHasEveryContractField) {
  Article a;
  a.id = "x";
  simdjson::dom::parser parser;
  std::string json = ArticleToJson(a);
  auto doc = Parse(parser, json);
  for (const char* field : {"schema", "id", "input", "url", "source", "published", "title", "language",
                            "text", "removed", "related", "wires", "keywords", "duplicate_of",
                            "story_id", "entities", "quotes", "events"}) {
    EXPECT_EQ(doc[field].error(), simdjson::SUCCESS) << field;
  }
  EXPECT_EQ(std::string_view(doc["schema"]), "marsad.article/1");
  EXPECT_TRUE(doc["url"].is_null());
  EXPECT_TRUE(doc["story_id"].is_null());
  EXPECT_EQ(simdjson::dom::array(doc["entities"]).size(), 0u);
}

TEST(ArticleJson, FullArticleRoundTripsThroughAParser) {
  Article a;
  a.id = "abc";
  a.input = "seeds/000.txt";
  a.title = "روسيا والولايات المتحدة \"تتحادثان\"";
  a.text = "فقرة أولى.\n\nفقرة ثانية.";
  a.removed.push_back({"tags", "كلمات دلالية: القطب الشمالي"});
  a.related.push_back({std::nullopt, "نص ثانوي"});
  a.wires = {"Bloomberg"};
  Entity e;
  e.id = "RUS";
  e.name_en = "Russia";
  e.type = "GPE";
  e.cameo = "RUS";
  e.mentions.push_back({0, 5, "روسيا"});
  a.entities.push_back(e);
  Event ev;
  ev.cameo_code = "036";
  ev.root = "03";
  ev.quad_class = 1;
  ev.goldstein = 4;
  a.events.push_back(ev);
  simdjson::dom::parser parser;
  std::string json = ArticleToJson(a);
  auto doc = Parse(parser, json);
  EXPECT_EQ(std::string_view(doc["title"]), *a.title);
  EXPECT_EQ(std::string_view(doc["text"]), a.text);
  EXPECT_EQ(std::string_view(doc["removed"].at(0)["kind"]), "tags");
  EXPECT_TRUE(doc["related"].at(0)["title"].is_null());
  EXPECT_EQ(int64_t(doc["entities"].at(0)["mentions"].at(0)["end"]), 5);
  EXPECT_EQ(double(doc["events"].at(0)["goldstein"]), 4.0);
  EXPECT_NE(json.find("\"goldstein\":4.0"), std::string::npos);
  EXPECT_EQ(json.find('\n'), std::string::npos);  // one line
}

}  // namespace
}  // namespace marsad::exporter
