// Loads the HTML extraction benchmark (../shared/data/html-extraction: html/<hash>.html.gz
// and ground-truth.json {hash: {articleBody, url}}) for html_eval, the slow test and
// the html bench. Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace marsad::html_eval {

struct BenchPage {
  std::string hash;
  std::string url;
  std::string truth;  // ground-truth articleBody
  std::string html;   // decompressed page
};

// Pages sorted by hash. Errors name the missing or unreadable file.
Result<std::vector<BenchPage>> LoadBenchmark(const std::string& dir);

}  // namespace marsad::html_eval
