#include "queue/wire_format.h"

#include <gtest/gtest.h>

namespace marsad::queue {
namespace {

Article Full() {
  static constexpr char kText[] = "نص\n\nفقرة\0ثانية";  // an embedded NUL must survive
  Article a;
  a.id = "id1", a.input = "in.jsonl#record-3", a.url = "https://x/y", a.source = "سبق", a.published = "2025-02-16";
  a.title = "عنوان", a.published_signal = "meta", a.language = "ar", a.text = std::string(kText, sizeof(kText) - 1);
  a.removed = {{"tags", "وسوم"}};
  a.related = {{std::nullopt, "نص"}, {std::string("ع"), "ن"}};
  a.wires = {"واس"}, a.keywords = {"k1", "k2"}, a.author = "كاتب", a.content_hash = "h";
  a.duplicate_of = "d", a.story_id = std::nullopt, a.invalid_utf8 = 3;
  Entity e;
  e.id = "SAU", e.name_en = "Saudi Arabia", e.name_ar = "السعودية", e.type = "GPE", e.cameo = "SAU";
  e.mentions = {{1, 4, "سعو"}};
  a.entities = {e};
  a.quotes = {{std::string("X"), "س", "قال", true, 5, 9}};
  Event ev;
  ev.source = {std::nullopt, "A", "B", "C"};
  ev.target = {std::string("T"), "D", "E", "F"};
  ev.cameo_code = "190", ev.root = "19", ev.quad_class = -1, ev.goldstein = -10.0 / 3, ev.confidence = 0.1 + 0.2;
  ev.date = "2025-01-01", ev.evidence_end = 4000000000u;
  a.events = {ev};
  return a;
}

TEST(WireFormat, OutcomeRoundTripsEveryField) {
  ArticleOutcome o;
  o.doc_seq = 123456789012ULL;
  o.ok = true;
  o.article = Full();
  auto back = DecodeOutcome(EncodeOutcome(o));
  ASSERT_TRUE(back.ok()) << back.status().message();
  const Article &a = back.value().article, b = Full();
  EXPECT_EQ(back.value().doc_seq, o.doc_seq);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.story_id, b.story_id);
  EXPECT_EQ(a.duplicate_of, b.duplicate_of);
  EXPECT_EQ(a.related[0].title, std::nullopt);
  EXPECT_EQ(a.related[1].title, "ع");
  EXPECT_EQ(a.keywords, b.keywords);
  EXPECT_EQ(a.invalid_utf8, 3u);
  EXPECT_EQ(a.entities[0].mentions[0].text, "سعو");
  EXPECT_EQ(a.entities[0].country, std::nullopt);
  EXPECT_EQ(a.quotes[0].end, 9u);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.events[0].quad_class, -1);
  EXPECT_EQ(a.events[0].goldstein, -10.0 / 3);
  EXPECT_EQ(a.events[0].confidence, 0.1 + 0.2);
  EXPECT_EQ(a.events[0].evidence_end, 4000000000u);
  EXPECT_EQ(a.events[0].target.entity, "T");
  EXPECT_EQ(a.events[0].mode, "asserted");
  // Encoding is deterministic: the same article, the same bytes.
  EXPECT_EQ(EncodeOutcome(back.value()), EncodeOutcome(o));
}

TEST(WireFormat, FailureAndDocumentRoundTrip) {
  ArticleOutcome f;
  f.doc_seq = 7, f.input = "a.html", f.reason = "no text";
  auto back = DecodeOutcome(EncodeOutcome(f));
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back.value().ok);
  EXPECT_EQ(back.value().reason, "no text");
  RawDocument d;
  d.input = "x.zip!a.html", d.format = DocFormat::kHtml, d.body = "<p>نص</p>", d.invalid_utf8 = 2;
  d.hints.title = "t", d.hints.crawl_date = "2025-01-02";
  auto doc = DecodeDocument(EncodeDocument(d));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.value().input, d.input);
  EXPECT_EQ(doc.value().format, DocFormat::kHtml);
  EXPECT_EQ(doc.value().body, d.body);
  EXPECT_EQ(doc.value().hints.crawl_date, "2025-01-02");
  EXPECT_EQ(doc.value().invalid_utf8, 2u);
}

TEST(WireFormat, RejectsTruncatedAndForeignBytes) {
  ArticleOutcome o;
  o.ok = true;
  o.article = Full();
  std::string bytes = EncodeOutcome(o);
  for (size_t cut : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_FALSE(DecodeOutcome(bytes.substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(DecodeOutcome(bytes + "x").ok());
  EXPECT_FALSE(DecodeDocument("\x09garbage").ok());
  std::string huge_count = std::string("\x01\x01\x01") + "\xff\xff\xff\xff\x0f";
  EXPECT_FALSE(DecodeOutcome(huge_count).ok());
}

// When a field is added to Article, the wire format must carry it: this pins the sizes
// the encoder was written for. Update wire_format.cc (both directions), then these.
TEST(WireFormat, KnowsEveryArticleField) {
  EXPECT_EQ(sizeof(Article), 648u) << "core/article.h changed: update queue/wire_format.cc";
  EXPECT_EQ(sizeof(Event), 576u) << "core/article.h changed: update queue/wire_format.cc";
  EXPECT_EQ(sizeof(Entity), 232u) << "core/article.h changed: update queue/wire_format.cc";
  EXPECT_EQ(sizeof(RawDocument), 272u) << "core/article.h changed: update queue/wire_format.cc";
}

}  // namespace
}  // namespace marsad::queue
