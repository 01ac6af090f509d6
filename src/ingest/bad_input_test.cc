// Bad input: each case fails with a message naming the input, and the good inputs
// beside it are still read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/ingest_test_util.h"

namespace marsad::ingest {
namespace {

using testing::Gzip;
using testing::MakeZip;
using testing::ReadAll;
using testing::ReadBytes;
using testing::TempDir;

const char kGood[] = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.";

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(BadInputTest, MixedFolderFailsEachBadFileAndReadsTheRest) {
  TempDir dir;
  dir.Write("good.txt", kGood);
  dir.Write("empty.txt", "");
  std::string random(4096, '\0');
  uint32_t x = 12345;
  for (char& c : random) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  dir.Write("random.bin", random);
  dir.Write("sub/bad-utf8.txt", "خبر \xff\xfe عن الاقتصاد المحلي وارتفاع أسعار المواد الغذائية.\n");
  dir.Write("truncated.json", R"([{"title": "x", "content": "نص)");
  dir.Write("truncated.zip", "PK\x03\x04 this is not really a zip");
  std::string gz = Gzip("<html><body><p>نص خبر طويل بما يكفي ليضغط</p></body></html>");
  dir.Write("truncated.html.gz", gz.substr(0, 20));
  std::string zip = MakeZip({{"a.json", R"([{"content": "نص"}])"}});
  dir.Write("cut.zip", zip.substr(0, zip.size() - 10));

  auto sink = ReadAll({dir.path().string()});
  EXPECT_EQ(sink.docs.size(), 2u) << sink.Describe();
  ASSERT_EQ(sink.failures.size(), 6u) << sink.Describe();
  const auto* f = sink.FailureFor("/empty.txt");
  ASSERT_TRUE(f);
  EXPECT_TRUE(Contains(f->reason, "empty file"));
  ASSERT_TRUE(f = sink.FailureFor("/random.bin"));
  EXPECT_TRUE(Contains(f->reason, "binary file, not a supported input")) << f->reason;
  ASSERT_TRUE(f = sink.FailureFor("/truncated.json"));
  EXPECT_TRUE(Contains(f->reason, "truncated")) << f->reason;
  ASSERT_TRUE(f = sink.FailureFor("/truncated.zip"));
  EXPECT_TRUE(Contains(f->reason, "zip")) << f->reason;
  ASSERT_TRUE(f = sink.FailureFor("/cut.zip"));
  EXPECT_TRUE(Contains(f->reason, "truncated or corrupt")) << f->reason;
  ASSERT_TRUE(f = sink.FailureFor("/truncated.html.gz"));
  EXPECT_TRUE(Contains(f->reason, "truncated gzip")) << f->reason;
  const RawDocument* repaired = nullptr;
  for (const auto& d : sink.docs) {
    if (Contains(d.input, "bad-utf8.txt")) repaired = &d;
  }
  ASSERT_TRUE(repaired);
  EXPECT_EQ(repaired->invalid_utf8, 2u);
  EXPECT_TRUE(Contains(repaired->body, "\xEF\xBF\xBD"));
  EXPECT_EQ(sink.consumed, TotalInputBytes({dir.path().string()}));
}

TEST(BadInputTest, EmptyAndWhitespaceAndBomOnly) {
  EXPECT_TRUE(Contains(ReadBytes("a.txt", "").failures.at(0).reason, "empty file"));
  EXPECT_TRUE(Contains(ReadBytes("a.txt", " \n\t\n").failures.at(0).reason, "empty"));
  EXPECT_TRUE(Contains(ReadBytes("a.txt", "\xEF\xBB\xBF").failures.at(0).reason, "empty"));
  EXPECT_TRUE(Contains(ReadBytes("a.json", "").failures.at(0).reason, "empty"));
}

TEST(BadInputTest, TextWithNulsAndControlsIsBinary) {
  std::string elf = std::string("\x7F" "ELF\x02\x01\x01", 7) + std::string(200, '\0') + "libc.so.6";
  auto s = ReadBytes("program", elf);
  ASSERT_EQ(s.failures.size(), 1u) << s.Describe();
  EXPECT_EQ(s.failures[0].input, "program");
  EXPECT_TRUE(Contains(s.failures[0].reason, "binary"));
  // Legacy 8-bit Arabic (windows-1256) is not UTF-8: refused with the iconv hint.
  std::string cp1256 = "\xC3\xDA\xE1\xE4\xCA \xC7\xE1\xCD\xDF\xE6\xE3\xC9 \xC7\xE1\xED\xE6\xE3";
  auto legacy = ReadBytes("old.txt", cp1256);
  ASSERT_EQ(legacy.failures.size(), 1u) << legacy.Describe();
  EXPECT_TRUE(Contains(legacy.failures[0].reason, "iconv"));
}

TEST(BadInputTest, TruncatedHtmlIsReadAsFarAsItGoes) {
  auto s = ReadBytes("cut.html", "<html><body><p>خبر عن انقطاع الكهرباء في بعض أحياء المدينة");
  ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
  EXPECT_EQ(s.docs[0].format, DocFormat::kHtml);
}

TEST(BadInputTest, CorruptGzipAndGzipBomb) {
  std::string gz = Gzip(std::string(3000, 'x'));
  gz[gz.size() / 2] ^= 0x55;
  gz[gz.size() / 2 + 1] ^= 0x55;
  auto s = ReadBytes("c.txt.gz", gz);
  ASSERT_EQ(s.failures.size(), 1u) << s.Describe();
  EXPECT_EQ(s.failures[0].input, "c.txt.gz");

  ReaderOptions small;
  small.max_file_bytes = 1000;
  auto bomb = ReadBytes("bomb.txt.gz", Gzip(std::string(100000, 'a')), small);
  ASSERT_EQ(bomb.failures.size(), 1u) << bomb.Describe();
  EXPECT_TRUE(Contains(bomb.failures[0].reason, "max_file_bytes"));
}

TEST(BadInputTest, CorruptZipMemberFailsNamedOthersRead) {
  std::string body(5000, 'b');
  std::string zip = MakeZip({{"good.txt", kGood}, {"bad.txt", body}});
  // Flip bytes inside the second member's compressed data (after its local header).
  size_t at = zip.find("bad.txt");
  ASSERT_NE(at, std::string::npos);
  zip[at + 7 + 5] ^= 0x5A;
  auto s = ReadBytes("z.zip", zip);
  ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
  EXPECT_EQ(s.docs[0].input, "z.zip!good.txt");
  ASSERT_EQ(s.failures.size(), 1u) << s.Describe();
  EXPECT_EQ(s.failures[0].input, "z.zip!bad.txt");
}

TEST(BadInputTest, FileOverMaxFileBytesIsRefusedUnread) {
  TempDir dir;
  std::string big = (dir.path() / "big.txt").string();
  int fd = open(big.c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 5000), 0);  // sparse: no bytes written
  close(fd);
  chmod(big.c_str(), 0);  // unreadable too: refusal must come from the size alone
  dir.Write("ok.txt", kGood);
  ReaderOptions options;
  options.max_file_bytes = 4096;
  auto sink = ReadAll({dir.path().string()}, options);
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  ASSERT_EQ(sink.failures.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.failures[0].input, big);
  EXPECT_TRUE(Contains(sink.failures[0].reason, "limit per file")) << sink.failures[0].reason;
  EXPECT_EQ(sink.consumed, TotalInputBytes({dir.path().string()}));
}

TEST(BadInputTest, DocumentOverMaxDocumentBytes) {
  ReaderOptions options;
  options.max_document_bytes = 100;
  std::string json = R"([{"content": ")" + std::string(500, 'x') + R"("}, {"content": "قصير"}])";
  auto s = ReadBytes("d.json", json, options);
  ASSERT_EQ(s.docs.size(), 1u) << s.Describe();
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_EQ(s.failures[0].input, "d.json#record-1");
  EXPECT_TRUE(Contains(s.failures[0].reason, "max_document_bytes"));
  auto t = ReadBytes("t.txt", std::string(101, 'a'), options);
  ASSERT_EQ(t.failures.size(), 1u);
  EXPECT_EQ(t.failures[0].input, "t.txt");
}

TEST(BadInputTest, MissingPathUnreadableFolderAndFile) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions are not enforced";
  TempDir dir;
  dir.Write("locked/secret.txt", kGood);
  std::string file = dir.Write("noread.txt", kGood);
  dir.Write("ok.txt", kGood);
  chmod((dir.path() / "locked").c_str(), 0);
  chmod(file.c_str(), 0);
  auto sink = ReadAll({(dir.path() / "missing").string(), dir.path().string()});
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  ASSERT_EQ(sink.failures.size(), 3u) << sink.Describe();
  EXPECT_TRUE(Contains(sink.failures[0].reason, "no such file or folder"));
  EXPECT_TRUE(Contains(sink.FailureFor("/locked")->reason, "Permission denied"));
  EXPECT_TRUE(Contains(sink.FailureFor("/noread.txt")->reason, "Permission denied"));
}

TEST(BadInputTest, SymlinkLoopsBrokenLinksAndFifos) {
  TempDir dir;
  dir.Write("a/b/news.txt", kGood);
  std::filesystem::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "b" / "loop");
  std::filesystem::create_directory_symlink(dir.path() / "a" / "b", dir.path() / "a" / "again");
  std::filesystem::create_symlink(dir.path() / "nowhere.txt", dir.path() / "a" / "broken.txt");
  std::filesystem::create_symlink(dir.path() / "a" / "self", dir.path() / "a" / "self");
  ASSERT_EQ(mkfifo((dir.path() / "a" / "pipe").c_str(), 0644), 0);
  auto sink = ReadAll({dir.path().string()});
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();  // b/ is read once, through "again"
  EXPECT_TRUE(Contains(sink.docs[0].input, "/a/again/news.txt")) << sink.Describe();
  ASSERT_TRUE(sink.FailureFor("/loop"));
  EXPECT_TRUE(Contains(sink.FailureFor("/loop")->reason, "loop"));
  ASSERT_TRUE(sink.FailureFor("/broken.txt"));
  EXPECT_TRUE(Contains(sink.FailureFor("/broken.txt")->reason, "broken symbolic link"));
  ASSERT_TRUE(sink.FailureFor("/self"));
  ASSERT_TRUE(sink.FailureFor("/pipe"));
  EXPECT_TRUE(Contains(sink.FailureFor("/pipe")->reason, "not a regular file"));
}

TEST(BadInputTest, ZipBadCases) {
  std::string empty_zip = std::string("PK\x05\x06", 4) + std::string(18, '\0');  // end record only
  EXPECT_TRUE(Contains(ReadBytes("e.zip", empty_zip).failures.at(0).reason, "holds no files"));
  auto empty_member = ReadBytes("m.zip", MakeZip({{"empty.txt", ""}, {"ok.txt", kGood}}));
  EXPECT_EQ(empty_member.docs.size(), 1u);
  ASSERT_EQ(empty_member.failures.size(), 1u);
  EXPECT_EQ(empty_member.failures[0].input, "m.zip!empty.txt");
  // Archives nested deeper than the limit are refused, not recursed forever.
  std::string z = MakeZip({{"x.txt", kGood}});
  for (int i = 0; i < 6; ++i) z = MakeZip({{"n" + std::to_string(i) + ".zip", z}});
  auto deep = ReadBytes("deep.zip", z);
  EXPECT_TRUE(deep.docs.empty());
  ASSERT_EQ(deep.failures.size(), 1u) << deep.Describe();
  EXPECT_TRUE(Contains(deep.failures[0].reason, "nested"));
}

TEST(BadInputTest, GarbageNeverCrashes) {
  // Prefixes of every format at every length: each must end in documents or failures.
  std::string zip = MakeZip({{"a.json", R"([{"content": "نص"}, {"content": "نص آخر"}])"}});
  std::string gz = Gzip("<html><p>نص</p></html>");
  const std::pair<std::string, std::string> inputs[] = {
      {"a.zip", zip}, {"a.html.gz", gz}, {"a.json", R"({"articles": [{"content": "نص"}, {"text": 5}]})"},
      {"a.trec", "<DOC><TITLE>ع</TITLE><TEXT>نص</TEXT></DOC>"}, {"a.jsonl", "{\"content\": \"x\"}\n{\"a\":[1,{}]}\n"}};
  for (const auto& [name, bytes] : inputs) {
    for (size_t n = 0; n <= bytes.size(); ++n) {
      auto s = ReadBytes(name, bytes.substr(0, n));
      EXPECT_GE(s.docs.size() + s.failures.size(), 1u) << name << " cut at " << n;
      EXPECT_EQ(s.consumed, n) << name << " cut at " << n;
    }
  }
}

}  // namespace
}  // namespace marsad::ingest
