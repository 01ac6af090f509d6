#include "cli/bench_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "cli/bench_quality.h"

namespace marsad::cli {
namespace {

std::string Block(const std::string& figure) {
  BenchReport r;
  r.AddHeader("machine: test");
  r.StartSection("Ingest", "marsad bench");
  r.Add({"articles/s", figure, "≥ 2,000", ""});
  return r.Markdown();
}

TEST(BenchReport, MarkdownHasMarkersHeaderAndTable) {
  BenchReport r;
  r.AddHeader("machine: x86_64, 2 cores");
  r.StartSection("Search", "marsad bench");
  r.Add({"p95", "41.7 ms", "≤ 50 ms", ""});
  r.Add({"a | b", "1", "", "peer 2"});
  r.Note("skipped nothing");
  const std::string md = r.Markdown();
  EXPECT_EQ(md.find(kBenchBlockBegin), 0u);
  EXPECT_NE(md.find(kBenchBlockEnd), std::string::npos);
  EXPECT_NE(md.find("- machine: x86_64, 2 cores"), std::string::npos);
  EXPECT_NE(md.find("Command: `marsad bench`"), std::string::npos);
  EXPECT_NE(md.find("| what | marsad | target | peer, same run |"), std::string::npos);
  EXPECT_NE(md.find("| p95 | 41.7 ms | ≤ 50 ms |  |"), std::string::npos);
  EXPECT_NE(md.find("| a \\| b | 1 |  | peer 2 |"), std::string::npos) << "a '|' in a cell is escaped";
  EXPECT_NE(md.find("- skipped nothing"), std::string::npos);
}

TEST(BenchReport, ReplacesOnlyTheGeneratedBlock) {
  const std::string before = "# Benchmarks\n\nprose above\n\n";
  const std::string after = "\n## Hand-written section\n\nkept\n";
  const std::string first = WithGeneratedBlock(before + Block("1") + after, Block("2"));
  EXPECT_EQ(first, before + Block("2") + after);
  // A second run replaces again; the block appears once.
  const std::string second = WithGeneratedBlock(first, Block("3"));
  EXPECT_EQ(second, before + Block("3") + after);
  size_t count = 0;
  for (size_t at = second.find(kBenchBlockBegin); at != std::string::npos; at = second.find(kBenchBlockBegin, at + 1))
    ++count;
  EXPECT_EQ(count, 1u);
}

TEST(BenchReport, AppendsWhenThereIsNoBlockAndRepairsAnUnclosedOne) {
  EXPECT_EQ(WithGeneratedBlock("", Block("1")), Block("1"));
  EXPECT_EQ(WithGeneratedBlock("# B\ntext", Block("1")), "# B\ntext\n\n" + Block("1"));
  // A begin marker whose end was lost: the rest of the file was the old block.
  const std::string broken = "# B\n\n" + std::string(kBenchBlockBegin) + "\nhalf a table\n";
  EXPECT_EQ(WithGeneratedBlock(broken, Block("1")), "# B\n\n" + Block("1"));
}

TEST(BenchReport, WritesTheFileAndNamesItOnError) {
  const auto dir = std::filesystem::temp_directory_path() / ("bench_report_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "BENCHMARKS.md").string();
  { std::ofstream(path) << "# Benchmarks\n"; }
  ASSERT_TRUE(ReplaceGeneratedBlock(path, Block("1")).ok());
  ASSERT_TRUE(ReplaceGeneratedBlock(path, Block("2")).ok());
  std::ifstream in(path);
  std::stringstream got;
  got << in.rdbuf();
  EXPECT_EQ(got.str(), "# Benchmarks\n\n" + Block("2"));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  const Status bad = ReplaceGeneratedBlock((dir / "no-such-dir" / "B.md").string(), Block("1"));
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("no-such-dir"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(BenchReport, Grouped) {
  EXPECT_EQ(Grouped(0), "0");
  EXPECT_EQ(Grouped(999.4), "999");
  EXPECT_EQ(Grouped(1234567), "1,234,567");
  EXPECT_EQ(Grouped(100000), "100,000");
  EXPECT_EQ(Grouped(std::numeric_limits<double>::quiet_NaN()), "n/a");
}

TEST(BenchPeers, FigureAfterEqualsAndShellQuote) {
  EXPECT_DOUBLE_EQ(FigureAfterEquals("python peer: 96.4 MB in 9.2 s = 10.5 MB/s, 9 tokens"), 10.5);
  EXPECT_DOUBLE_EQ(FigureAfterEquals("peer: 3000 articles in 22.7 s = 1,132 articles/s"), 1132);
  EXPECT_DOUBLE_EQ(FigureAfterEquals("no figure"), 0);
  EXPECT_DOUBLE_EQ(FigureAfterEquals("odd = . MB/s"), 0);
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  const PeerRun ok = RunPeer("printf 'first\\nlast line\\n\\n'");
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.line, "last line");
  const PeerRun failed = RunPeer("echo nope; exit 3");
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(failed.line, "nope");
}

}  // namespace
}  // namespace marsad::cli
