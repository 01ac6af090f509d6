// The figures `marsad bench` measures, as a Markdown block for docs/BENCHMARKS.md.
//
// A report is a list of rows (what was measured, the figure, the target it is held to,
// and the command that reproduces it), grouped in sections, with a header naming the
// machine, the load at the start, the commit and the date. `ReplaceGeneratedBlock` puts
// the block into a file between two marker lines, replacing what an earlier run wrote
// there and keeping everything else; a file without the markers gets the block appended.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace marsad::cli {

inline constexpr std::string_view kBenchBlockBegin = "<!-- BEGIN marsad bench: generated, replaced by each `marsad bench --write` run -->";
inline constexpr std::string_view kBenchBlockEnd = "<!-- END marsad bench -->";

struct BenchRow {
  std::string what;     // "ingest end to end, every stage"
  std::string figure;   // "449 articles/s, 69.1 s, peak RSS 425 MiB"
  std::string target;   // "≥ 2,000 articles/s (issue 6)", or empty
  std::string peer;     // the same measure by a peer in the same run, or empty
};

class BenchReport {
 public:
  // `header` lines are written as a bullet list before the tables (machine, date, ...).
  void AddHeader(std::string line) { header_.push_back(std::move(line)); }
  const std::vector<std::string>& header() const { return header_; }
  void StartSection(std::string title, std::string command);
  void Add(BenchRow row);
  // Notes below the current section's table (a measurement skipped and why, ...).
  void Note(std::string line);

  std::string Markdown() const;  // the block, markers included

 private:
  struct Section {
    std::string title, command;
    std::vector<BenchRow> rows;
    std::vector<std::string> notes;
  };
  std::vector<std::string> header_;
  std::vector<Section> sections_;
};

// printf into a string, for report cells (at most 511 bytes).
template <typename... Args>
std::string Format(const char* fmt, Args... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

// "1,234,567": a rate rounded to a whole number, digits grouped for reading.
std::string Grouped(double v);

// Writes `block` (starting with kBenchBlockBegin and ending with kBenchBlockEnd) into the
// file at `path`: replaces the text between the first begin marker and the next end
// marker, or appends the block after a blank line when the file has no begin marker; a
// missing file is created. Writes a temporary file beside it and renames it over the old
// one, so a crash leaves the old or the new file, never half of one. Errors name the path.
Status ReplaceGeneratedBlock(const std::string& path, const std::string& block);

// Pure form of the above, for tests: the new file contents.
std::string WithGeneratedBlock(std::string_view old_contents, std::string_view block);

}  // namespace marsad::cli
