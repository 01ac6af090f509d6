// The quality parts of `marsad bench`: main-text extraction on the HTML extraction
// benchmark (marsad beside Debian's python3-readability, run in the same call) and NER on
// ANERcorp's test file, plus the helpers that run the Python peers. Each function prints
// its figures as it goes and adds them to the report; a missing data set or peer is a
// note in the report saying what to install or where to put it, never an error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/bench_report.h"
#include "ner/ner_tagger.h"

namespace marsad::cli {

// A file of the repository (a peer script) found from the working directory or from
// the folder above the running binary (build/marsad -> the repository root).
std::optional<std::string> FindRepoFile(std::string_view relative);

// `s` quoted for /bin/sh.
std::string ShellQuote(std::string_view s);

// Debian's /usr/bin/python3 (where python3-readability is installed), else python3.
std::string PeerPython();

// Runs a peer command with /bin/sh; ok with its last non-empty output line, or not ok
// with that line (or the reason it could not start) when it exits non-zero.
struct PeerRun {
  bool ok = false;
  std::string line;
};
PeerRun RunPeer(const std::string& command);

// The number after the last "= " in a peer's line ("... = 10.5 MB/s" -> 10.5), or 0.
double FigureAfterEquals(std::string_view line);

void BenchHtmlExtraction(const std::string& shared_dir, BenchReport& report);
void BenchNer(const std::string& shared_dir, const Result<std::unique_ptr<ner::NerTagger>>& tagger,
              BenchReport& report);

}  // namespace marsad::cli
