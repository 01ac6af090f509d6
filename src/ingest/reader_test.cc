// Formats read from files and buffers: text, HTML, gzip, UTF-16, TREC, zip; order,
// naming and progress.
#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/ingest_test_util.h"

namespace marsad::ingest {
namespace {

using testing::CollectingSink;
using testing::Gzip;
using testing::MakeZip;
using testing::ReadAll;
using testing::ReadBytes;
using testing::TempDir;

const char kArabicPage[] =
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الدمام بسعة ثلاثمائة سرير.\n\n"
    "وقال المتحدث الرسمي إن المستشفى سيخدم أكثر من مليون نسمة في المنطقة الشرقية.\n";
const char kHtmlPage[] =
    "<!DOCTYPE html><html><head><title>خبر</title></head><body><article><h1>عنوان الخبر</h1>"
    "<p>أعلنت الهيئة العامة للإحصاء ارتفاع معدل التضخم خلال الشهر الماضي.</p></article></body></html>";

TEST(ReaderTest, PlainTextFile) {
  TempDir dir;
  std::string path = dir.Write("news/page.txt", kArabicPage);
  auto sink = ReadAll({path});
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, path);
  EXPECT_EQ(sink.docs[0].format, DocFormat::kText);
  EXPECT_EQ(sink.docs[0].body, kArabicPage);
  EXPECT_EQ(sink.consumed, TotalInputBytes({path}));
}

TEST(ReaderTest, HtmlByExtensionAndBySniffing) {
  auto a = ReadBytes("p.html", kHtmlPage);
  auto b = ReadBytes("p.HTM", kHtmlPage);
  auto c = ReadBytes("no-extension", kHtmlPage);
  for (auto* s : {&a, &b, &c}) {
    ASSERT_EQ(s->docs.size(), 1u) << s->Describe();
    EXPECT_EQ(s->docs[0].format, DocFormat::kHtml);
    EXPECT_EQ(s->docs[0].body, kHtmlPage);
  }
  auto text = ReadBytes("unknown.dat", kArabicPage);
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].format, DocFormat::kText);
}

TEST(ReaderTest, GzipHtmlByExtensionAndByMagic) {
  std::string gz = Gzip(kHtmlPage);
  for (const char* name : {"page.html.gz", "page.html", "page"}) {
    auto s = ReadBytes(name, gz);
    ASSERT_EQ(s.docs.size(), 1u) << name << "\n" << s.Describe();
    EXPECT_EQ(s.docs[0].input, name);
    EXPECT_EQ(s.docs[0].format, DocFormat::kHtml);
    EXPECT_EQ(s.docs[0].body, kHtmlPage);
    EXPECT_EQ(s.consumed, gz.size());
  }
  // Concatenated gzip members are one stream.
  auto two = ReadBytes("x.txt.gz", Gzip("الجزء الأول. ") + Gzip("الجزء الثاني."));
  ASSERT_EQ(two.docs.size(), 1u) << two.Describe();
  EXPECT_EQ(two.docs[0].body, "الجزء الأول. الجزء الثاني.");
  auto json = ReadBytes("day.json.gz", Gzip(R"([{"content": "نص مضغوط"}])"));
  ASSERT_EQ(json.docs.size(), 1u) << json.Describe();
  EXPECT_EQ(json.docs[0].input, "day.json.gz#record-1");
}

TEST(ReaderTest, BomIsStrippedAndUtf16Converted) {
  auto bom = ReadBytes("a.txt", std::string("\xEF\xBB\xBF") + "نص بعلامة ترتيب");
  ASSERT_EQ(bom.docs.size(), 1u);
  EXPECT_EQ(bom.docs[0].body, "نص بعلامة ترتيب");

  // "سلام A😀" in UTF-16LE and UTF-16BE, written out by hand.
  std::u16string u = u"سلام A\U0001F600";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char16_t c : u) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
    be.push_back(static_cast<char>(c >> 8));
    be.push_back(static_cast<char>(c & 0xFF));
  }
  for (const std::string& bytes : {le, be}) {
    auto s = ReadBytes("u16.txt", bytes);
    ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
    EXPECT_EQ(s.docs[0].body, "سلام A\xF0\x9F\x98\x80");
    EXPECT_EQ(s.docs[0].invalid_utf8, 0u);
  }
  // A lone surrogate and an odd trailing byte are replaced and counted.
  std::string broken("\xFF\xFE" "A\0\x00\xD8" "B\0C", 9);
  auto s = ReadBytes("u16.txt", broken);
  ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
  EXPECT_EQ(s.docs[0].invalid_utf8, 2u);
  EXPECT_EQ(s.docs[0].body, "A\xEF\xBF\xBD" "B\xEF\xBF\xBD");
  // UTF-16 JSON too.
  std::u16string uj = uR"([{"content": "خبر"}])";
  std::string lej = "\xFF\xFE";
  for (char16_t c : uj) {
    lej.push_back(static_cast<char>(c & 0xFF));
    lej.push_back(static_cast<char>(c >> 8));
  }
  auto j = ReadBytes("u16.json", lej);
  ASSERT_EQ(j.docs.size(), 1u) << j.Describe();
  EXPECT_EQ(j.docs[0].body, "خبر");
}

TEST(ReaderTest, LegacyCharsetHtmlIsConverted) {
  // "أعلنت الحكومة" in windows-1256, inside a page that declares its charset.
  std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
                     "</head><body><p>\xC3\xDA\xE1\xE4\xCA \xC7\xE1\xCD\xDF\xE6\xE3\xC9</p></body></html>";
  auto s = ReadBytes("old.htm", page);
  ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
  EXPECT_NE(s.docs[0].body.find("<p>أعلنت الحكومة</p>"), std::string::npos) << s.docs[0].body;
  EXPECT_EQ(s.docs[0].invalid_utf8, 0u);
  // Declared legacy but already UTF-8: left alone.
  std::string utf8_page = "<html><head><meta charset=\"windows-1256\"></head><body><p>أعلنت</p></body></html>";
  auto u = ReadBytes("new.html", utf8_page);
  ASSERT_EQ(u.docs.size(), 1u);
  EXPECT_EQ(u.docs[0].body, utf8_page);
  // An unknown charset fails, named.
  auto bad = ReadBytes("x.html", "<html><meta charset=\"klingon-9\"><p>\xC3\xDA</p></html>");
  ASSERT_EQ(bad.failures.size(), 1u) << bad.Describe();
  EXPECT_NE(bad.failures[0].reason.find("klingon-9"), std::string::npos);
}

TEST(ReaderTest, TrecDocuments) {
  const char trec[] =
      "<DOC>\n<DOCNO>AR-0001</DOCNO>\n<URL>http://example.ye/1</URL>\n<SRC>Saba</SRC>\n"
      "<TITLE>المبعوث الأممي يصل إلى عدن</TITLE>\n<TIME>2024-03-01</TIME>\n"
      "<TEXT>\nوصل المبعوث الأممي إلى مدينة عدن صباح اليوم في زيارة تستغرق يومين.\n</TEXT>\n</DOC>\n"
      "<doc><headline>اجتماع أوبك</headline><date>2024-03-02</date>\n"
      "<text type=\"body\">اجتمع وزراء أوبك في فيينا لبحث مستويات الإنتاج.</text></doc>\n"
      "<DOC><DOCNO>AR-0003</DOCNO>\nنص بلا وسم النص لكنه خبر كامل عن الطقس.\n</DOC>\n"
      "<DOC><DOCNO>AR-0004</DOCNO><TITLE>بلا نص</TITLE></DOC>\n"
      "<DOC><TITLE>مقطوع</TITLE><TEXT>هذا الملف انقطع في منتصف";
  auto sink = ReadBytes("wire.trec", trec);
  ASSERT_EQ(sink.docs.size(), 4u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, "wire.trec#record-1");
  EXPECT_EQ(sink.docs[0].format, DocFormat::kRecord);
  EXPECT_EQ(sink.docs[0].hints.url, "http://example.ye/1");
  EXPECT_EQ(sink.docs[0].hints.source, "Saba");
  EXPECT_EQ(sink.docs[0].hints.title, "المبعوث الأممي يصل إلى عدن");
  EXPECT_EQ(sink.docs[0].hints.date, "2024-03-01");
  EXPECT_EQ(sink.docs[0].body, "وصل المبعوث الأممي إلى مدينة عدن صباح اليوم في زيارة تستغرق يومين.");
  EXPECT_EQ(sink.docs[1].hints.title, "اجتماع أوبك");
  EXPECT_EQ(sink.docs[1].hints.date, "2024-03-02");
  EXPECT_EQ(sink.docs[1].body, "اجتمع وزراء أوبك في فيينا لبحث مستويات الإنتاج.");
  EXPECT_EQ(sink.docs[2].body, "نص بلا وسم النص لكنه خبر كامل عن الطقس.");
  EXPECT_EQ(sink.docs[3].input, "wire.trec#record-5");
  EXPECT_EQ(sink.docs[3].body, "هذا الملف انقطع في منتصف");
  ASSERT_EQ(sink.failures.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.failures[0].input, "wire.trec#record-4");
  // Sniffed without the extension; a .trec file without <DOC> fails.
  EXPECT_EQ(ReadBytes("wire.sgml.bak", trec).docs.size(), 4u);
  EXPECT_EQ(ReadBytes("x.trec", "لا شيء هنا").failures.size(), 1u);
}

TEST(ReaderTest, ZipMembersAreNamedAndReadRecursively) {
  std::string inner = MakeZip({{"deep.txt", "خبر داخل أرشيف داخل أرشيف."}});
  std::string zip = MakeZip({{"2015-07-21.json", R"([{"content": "الخبر الأول"}, {"content": "الخبر الثاني"}])"},
                             {"pages/p.html", kHtmlPage},
                             {"pages/.hidden.txt", "مخفي"},
                             {"__MACOSX/._p.html", "junk"},
                             {"pages/", ""},
                             {"inner.zip", inner},
                             {"feed.jsonl.gz", Gzip("{\"content\": \"سطر مضغوط\"}\n")}});
  TempDir dir;
  std::string path = dir.Write("in/day.zip", zip);
  auto sink = ReadAll({dir.path().string()});
  EXPECT_TRUE(sink.failures.empty()) << sink.Describe();
  std::vector<std::string> want = {path + "!2015-07-21.json#record-1", path + "!2015-07-21.json#record-2",
                                   path + "!pages/p.html", path + "!inner.zip!deep.txt",
                                   path + "!feed.jsonl.gz#record-1"};
  EXPECT_EQ(sink.Inputs(), want);
  EXPECT_EQ(sink.docs[2].format, DocFormat::kHtml);
  EXPECT_EQ(sink.consumed, zip.size());
  EXPECT_EQ(sink.consumed, TotalInputBytes({dir.path().string()}));
  EXPECT_GT(sink.consumed_calls, 3u) << "zip progress should move member by member";
}

TEST(ReaderTest, FoldersAreWalkedSortedAndDeterministically) {
  TempDir dir;
  dir.Write("b/2.txt", "نص اثنان");
  dir.Write("b/10.txt", "نص عشرة");
  dir.Write("a.txt", "نص أ");
  dir.Write("c/d/e.json", R"({"content": "نص عميق"})");
  dir.Write(".git/config", "hidden");
  dir.Write("b/.DS_Store", "hidden");
  std::string root = dir.path().string() + "/";
  auto first = ReadAll({root});
  auto second = ReadAll({root});
  std::vector<std::string> want = {root + "a.txt", root + "b/10.txt", root + "b/2.txt", root + "c/d/e.json"};
  EXPECT_EQ(first.Inputs(), want) << first.Describe();
  EXPECT_EQ(second.Inputs(), want);
  EXPECT_EQ(first.consumed, TotalInputBytes({root}));
  // Roots are read in the order given.
  auto ordered = ReadAll({root + "c", root + "a.txt"});
  EXPECT_EQ(ordered.Inputs(), (std::vector<std::string>{root + "c/d/e.json", root + "a.txt"}));
}

TEST(ReaderTest, ZipInsideFolderAndSymlinkedFiles) {
  TempDir dir;
  dir.Write("data/x/archive.zip", MakeZip({{"a.txt", "نص في الأرشيف"}}));
  std::string target = dir.Write("elsewhere/real.txt", "نص حقيقي");
  std::filesystem::create_symlink(target, dir.path() / "data" / "link.txt");
  auto sink = ReadAll({(dir.path() / "data").string()});
  EXPECT_TRUE(sink.failures.empty()) << sink.Describe();
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].input, (dir.path() / "data/link.txt").string());
  EXPECT_EQ(sink.docs[1].input, (dir.path() / "data/x/archive.zip!a.txt").string());
}

TEST(ReaderTest, SeedsFolderReadsThreeTextDocuments) {
  std::filesystem::path seeds = std::filesystem::path(MARSAD_SHARED_DIR) / "samples" / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "shared samples not found at " << seeds;
  auto sink = ReadAll({seeds.string()});
  EXPECT_TRUE(sink.failures.empty()) << sink.Describe();
  ASSERT_EQ(sink.docs.size(), 3u) << sink.Describe();
  for (const RawDocument& d : sink.docs) {
    EXPECT_EQ(d.format, DocFormat::kText);
    EXPECT_GT(d.body.size(), 100u);
  }
  EXPECT_EQ(sink.consumed, TotalInputBytes({seeds.string()}));
}

}  // namespace
}  // namespace marsad::ingest
