// JSON and JSON Lines records: shapes, field names, value types, bad records.
#include <gtest/gtest.h>

#include "ingest/ingest_test_util.h"

namespace marsad::ingest {
namespace {

using testing::ReadBytes;

const char kRecord1[] =
    R"({"source": "alriyadh", "url": "http://example.sa/a/1", "date_extracted": "2015-07-21 02:51:32",
        "title": "افتتاح معرض الكتاب في الرياض", "author": "الرياض: سعد العتيبي",
        "content": "افتتح أمير منطقة الرياض مساء أمس معرض الكتاب الدولي بمشاركة أكثر من خمسمائة دار نشر."})";
const char kRecord2[] =
    R"({"source": "okaz", "url": "http://example.sa/b/2", "title": "أمطار على جدة",
        "content": "توقعت هيئة الأرصاد هطول أمطار غزيرة على محافظة جدة خلال الساعات المقبلة."})";

TEST(JsonRecordReaderTest, ArrayOfRecordsMapsFields) {
  std::string json = std::string("[") + kRecord1 + ",\n" + kRecord2 + "]";
  auto sink = ReadBytes("day.json", json);
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_TRUE(sink.failures.empty()) << sink.Describe();
  const RawDocument& d = sink.docs[0];
  EXPECT_EQ(d.input, "day.json#record-1");
  EXPECT_EQ(d.format, DocFormat::kRecord);
  EXPECT_EQ(d.hints.source, "alriyadh");
  EXPECT_EQ(d.hints.url, "http://example.sa/a/1");
  EXPECT_EQ(d.hints.crawl_date, "2015-07-21 02:51:32");
  EXPECT_EQ(d.hints.title, "افتتاح معرض الكتاب في الرياض");
  EXPECT_EQ(d.hints.author, "الرياض: سعد العتيبي");
  EXPECT_NE(d.body.find("معرض الكتاب الدولي"), std::string::npos);
  EXPECT_EQ(d.invalid_utf8, 0u);
  EXPECT_EQ(sink.docs[1].input, "day.json#record-2");
  EXPECT_EQ(sink.docs[1].hints.date, "");
  EXPECT_EQ(sink.consumed, json.size());
}

TEST(JsonRecordReaderTest, SingleObjectIsOneDocumentNamedAfterTheFile) {
  auto sink = ReadBytes("one.json", kRecord2);
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, "one.json");
  EXPECT_EQ(sink.docs[0].hints.source, "okaz");
}

TEST(JsonRecordReaderTest, WrapperObjectWithArticlesArray) {
  std::string json = std::string(R"({"status": "ok", "tags": ["a", "b"], "totalResults": 2, "articles": [)") +
                     kRecord1 + "," + kRecord2 + "]}";
  auto sink = ReadBytes("api.json", json);
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, "api.json#record-1");
  EXPECT_EQ(sink.docs[1].hints.title, "أمطار على جدة");
}

TEST(JsonRecordReaderTest, NonStringValuesAreHandledSensibly) {
  const char json[] = R"([{"title": null, "date": 20150721, "source": {"id": null, "name": "BBC Arabic"},
      "author": ["أحمد", "منى"], "url": true,
      "content": ["الفقرة الأولى من الخبر.", "الفقرة الثانية من الخبر."]}])";
  auto sink = ReadBytes("x.json", json);
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  const RawDocument& d = sink.docs[0];
  EXPECT_EQ(d.hints.title, "");
  EXPECT_EQ(d.hints.date, "20150721");
  EXPECT_EQ(d.hints.source, "BBC Arabic");
  EXPECT_EQ(d.hints.author, "أحمد, منى");
  EXPECT_EQ(d.hints.url, "true");
  EXPECT_EQ(d.body, "الفقرة الأولى من الخبر.\n\nالفقرة الثانية من الخبر.");
}

TEST(JsonRecordReaderTest, FieldNamesAreConfigurableAndOrdered) {
  const char json[] = R"({"Headline": "عنوان", "title": "", "story": "نص الخبر كاملا.", "text": "نص احتياطي"})";
  ReaderOptions options;
  options.fields.text.insert(options.fields.text.begin(), "story");
  auto sink = ReadBytes("x.json", json, options);
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].body, "نص الخبر كاملا.");
  EXPECT_EQ(sink.docs[0].hints.title, "عنوان") << "empty title skipped, case-insensitive Headline";

  ReaderOptions defaults;
  auto plain = ReadBytes("x.json", json, defaults);
  ASSERT_EQ(plain.docs.size(), 1u);
  EXPECT_EQ(plain.docs[0].body, "نص احتياطي");
}

TEST(JsonRecordReaderTest, RecordWithoutTextFailsNamedOthersRead) {
  std::string json = std::string("[") + kRecord1 + R"(, {"title": "بلا نص", "content": null}, 7, )" + kRecord2 + "]";
  auto sink = ReadBytes("day.json", json);
  EXPECT_EQ(sink.docs.size(), 2u) << sink.Describe();
  ASSERT_EQ(sink.failures.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.failures[0].input, "day.json#record-2");
  EXPECT_NE(sink.failures[0].reason.find("no article text"), std::string::npos);
  EXPECT_NE(sink.failures[0].reason.find("content"), std::string::npos);
  EXPECT_EQ(sink.failures[1].input, "day.json#record-3");
  EXPECT_NE(sink.failures[1].reason.find("a number"), std::string::npos);
  EXPECT_EQ(sink.docs[1].input, "day.json#record-4");
}

TEST(JsonRecordReaderTest, BlankTextIsKeptMissingTextFails) {
  const char json[] = R"([{"title": "كاريكاتير", "content": " "}, {"title": "فارغ", "content": ""},
                          {"title": "بلا حقل"}, {"title": "رقم", "content": 5}])";
  auto sink = ReadBytes("x.json", json);
  ASSERT_EQ(sink.docs.size(), 3u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].hints.title, "كاريكاتير");
  EXPECT_EQ(sink.docs[0].body, "");
  EXPECT_EQ(sink.docs[2].body, "5");
  ASSERT_EQ(sink.failures.size(), 1u);
  EXPECT_EQ(sink.failures[0].input, "x.json#record-3");
}

TEST(JsonRecordReaderTest, HtmlContentBecomesHtmlFormat) {
  const char json[] = R"([{"content": "<div><p>خبر عاجل عن الاقتصاد</p><p>فقرة ثانية</p></div>"},
                          {"content": "<3 ليس وسما"}])";
  auto sink = ReadBytes("x.json", json);
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].format, DocFormat::kHtml);
  EXPECT_EQ(sink.docs[1].format, DocFormat::kRecord);
}

TEST(JsonRecordReaderTest, TruncatedJsonFailsNamingTheFile) {
  std::string json = std::string("[") + kRecord1 + ",\n" + kRecord2;
  json.resize(json.size() - 30);
  auto sink = ReadBytes("cut.json", json);
  ASSERT_FALSE(sink.failures.empty()) << sink.Describe();
  EXPECT_EQ(sink.failures.back().input, "cut.json");
  EXPECT_NE(sink.failures.back().reason.find("JSON"), std::string::npos);
  EXPECT_LE(sink.docs.size(), 1u);

  auto tiny = ReadBytes("t.json", R"([{"title": "x", "content": "نص)");
  ASSERT_EQ(tiny.failures.size(), 1u) << tiny.Describe();
  EXPECT_TRUE(tiny.docs.empty());
  EXPECT_NE(tiny.failures[0].reason.find("truncated"), std::string::npos) << tiny.failures[0].reason;
}

TEST(JsonRecordReaderTest, InvalidUtf8IsRepairedAndFlagged) {
  std::string json = "[{\"title\": \"t\", \"content\": \"نص \xff\xfe فيه بايتات تالفة\"}, {\"content\": \"سليم\"}]";
  auto sink = ReadBytes("bad.json", json);
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_GE(sink.docs[0].invalid_utf8, 1u);
  EXPECT_NE(sink.docs[0].body.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(sink.docs[1].invalid_utf8, 0u);
}

TEST(JsonRecordReaderTest, JsonLinesBadLineFailsOnlyThatRecord) {
  // JSON Lines need one record per line: compact the fixtures.
  auto one_line = [](std::string s) {
    for (char& c : s) if (c == '\n') c = ' ';
    return s;
  };
  std::string jsonl = one_line(kRecord1) + "\n\n" + "{\"content\": \"سطر مكسور\n" + one_line(kRecord2) + "\r\n[1,2]\n";
  auto sink = ReadBytes("feed.jsonl", jsonl);
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, "feed.jsonl#record-1");
  EXPECT_EQ(sink.docs[1].input, "feed.jsonl#record-4");
  ASSERT_EQ(sink.failures.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.failures[0].input, "feed.jsonl#record-3");
  EXPECT_NE(sink.failures[0].reason.find("line 3"), std::string::npos);
  EXPECT_EQ(sink.failures[1].input, "feed.jsonl#record-5");
  EXPECT_NE(sink.failures[1].reason.find("line 5"), std::string::npos);
  EXPECT_EQ(sink.consumed, jsonl.size());
}

TEST(JsonRecordReaderTest, ConcatenatedObjectsInDotJsonReadAsLines) {
  std::string s = "{\"content\": \"الخبر الأول\"}\n{\"content\": \"الخبر الثاني\"}\n";
  auto sink = ReadBytes("two.json", s);
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[1].body, "الخبر الثاني");
}

TEST(JsonRecordReaderTest, OddTopLevelsFail) {
  EXPECT_EQ(ReadBytes("a.json", "42").failures.size(), 1u);
  EXPECT_EQ(ReadBytes("a.json", "[]").failures.size(), 1u);
  EXPECT_EQ(ReadBytes("a.json", "{}").failures.size(), 1u);
  EXPECT_EQ(ReadBytes("a.json", "   ").failures.size(), 1u);
  EXPECT_EQ(ReadBytes("a.jsonl", "\n\n").failures.size(), 1u);
  // Trailing garbage: simdjson rejects the whole document up front.
  auto trailing = ReadBytes("a.json", "[{\"content\": \"نص\"}] xyz");
  EXPECT_LE(trailing.docs.size(), 1u);
  ASSERT_EQ(trailing.failures.size(), 1u) << trailing.Describe();
  EXPECT_EQ(trailing.failures[0].input, "a.json");
}

TEST(JsonRecordReaderTest, SniffedWithoutExtension) {
  auto sink = ReadBytes("download", std::string("  [") + kRecord1 + "]");
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, "download#record-1");
}

}  // namespace
}  // namespace marsad::ingest
