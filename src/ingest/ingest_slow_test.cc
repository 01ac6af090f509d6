// Slow ingest tests (CTest label "slow"): the real corpus, a 200 MB file, a folder of
// 100k files. Each checks that reading streams instead of holding everything.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>

#include "ingest/ingest_test_util.h"

namespace marsad::ingest {
namespace {

using testing::TempDir;

// Counts without keeping documents, like the pipeline's batching sink.
class CountingSink : public DocumentSink {
 public:
  void Accept(RawDocument doc) override {
    ++docs;
    bytes += doc.body.size();
    if (last_input >= doc.input) out_of_order = true;
    last_input = doc.input;
    if (doc.hints.url.empty() || doc.hints.source.empty()) ++missing_hints;
  }
  void Fail(const std::string& input, const std::string& reason) override {
    ++failures;
    first_failure = input + ": " + reason;
  }
  void Consumed(uint64_t n) override { consumed += n; }

  uint64_t docs = 0, bytes = 0, failures = 0, consumed = 0, missing_hints = 0;
  bool out_of_order = false;
  std::string last_input, first_failure;
};

long PeakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST(IngestSlowTest, SaudiNewsNetCorpusReadsAllRecords) {
  std::filesystem::path corpus =
      std::filesystem::path(MARSAD_SHARED_DIR) / "data/corpus/saudinewsnet/dataset";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "corpus not found at " << corpus;
  CountingSink sink;
  auto start = std::chrono::steady_clock::now();
  ReadPaths({corpus.string()}, {}, sink);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(sink.docs, 31030u);
  EXPECT_EQ(sink.failures, 0u) << sink.first_failure;
  EXPECT_EQ(sink.consumed, TotalInputBytes({corpus.string()}));
  std::printf("corpus: %llu records, %.1f MB of text in %.2f s\n", static_cast<unsigned long long>(sink.docs),
              sink.bytes / 1e6, s);
}

TEST(IngestSlowTest, HugeFileIsRefusedWithoutReadingIt) {
  TempDir dir;
  std::string path = dir.Write("huge.txt", "");
  {
    // 200 MB of real bytes (not sparse): reading it would show in the peak RSS.
    int fd = open(path.c_str(), O_WRONLY | O_TRUNC);
    ASSERT_GE(fd, 0);
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) ASSERT_EQ(write(fd, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
    close(fd);
  }
  long before = PeakRssKiB();
  ReaderOptions options;
  options.max_file_bytes = 100ull << 20;
  testing::CollectingSink sink;
  auto start = std::chrono::steady_clock::now();
  ReadPaths({path}, options, sink);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(sink.failures.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.failures[0].input, path);
  EXPECT_NE(sink.failures[0].reason.find("limit per file"), std::string::npos);
  EXPECT_LT(PeakRssKiB() - before, 50 * 1024) << "the refused file must not be read into memory";
  EXPECT_LT(s, 1.0);
  EXPECT_EQ(sink.consumed, 200ull << 20);
}

TEST(IngestSlowTest, HundredThousandFilesStreamInOrder) {
  TempDir dir;
  const int kFiles = 100000;
  std::string body = "خبر قصير رقم ";
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "f%06d.txt", i);
    std::string path = (dir.path() / name).string();
    int fd = open(path.c_str(), O_CREAT | O_WRONLY, 0644);
    ASSERT_GE(fd, 0);
    std::string text = body + std::to_string(i);
    ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    close(fd);
  }
  long before = PeakRssKiB();
  CountingSink sink;
  ReadPaths({dir.path().string()}, {}, sink);
  EXPECT_EQ(sink.docs, static_cast<uint64_t>(kFiles));
  EXPECT_EQ(sink.failures, 0u) << sink.first_failure;
  EXPECT_FALSE(sink.out_of_order);
  EXPECT_EQ(sink.consumed, TotalInputBytes({dir.path().string()}));
  EXPECT_LT(PeakRssKiB() - before, 64 * 1024) << "documents must not be held in memory";
}

}  // namespace
}  // namespace marsad::ingest
