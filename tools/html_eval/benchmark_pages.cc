#include "benchmark_pages.h"

#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

namespace marsad::html_eval {
namespace {

Result<std::string> ReadGzip(const std::string& path) {
  std::unique_ptr<gzFile_s, int (*)(gzFile)> f(gzopen(path.c_str(), "rb"), gzclose);
  if (!f) return Status::IoError("cannot open " + path);
  std::string out;
  std::string buf(1 << 16, '\0');
  while (true) {
    int n = gzread(f.get(), buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) return Status::Corrupt("bad gzip data in " + path);
    if (n == 0) break;
    out.append(buf.data(), static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

Result<std::vector<BenchPage>> LoadBenchmark(const std::string& dir) {
  const std::string truth_path = dir + "/ground-truth.json";
  simdjson::padded_string json;
  if (simdjson::padded_string::load(truth_path).get(json) != simdjson::SUCCESS) {
    return Status::NotFound("cannot read " + truth_path);
  }
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(json).get(root) != simdjson::SUCCESS) return Status::Corrupt("bad JSON in " + truth_path);
  std::vector<BenchPage> pages;
  for (auto [key, value] : root) {
    BenchPage page;
    page.hash = std::string(key);
    std::string_view body, url;
    if (value["articleBody"].get(body) != simdjson::SUCCESS) return Status::Corrupt("no articleBody for " + page.hash);
    if (value["url"].get(url) != simdjson::SUCCESS) url = {};
    page.truth = std::string(body);
    page.url = std::string(url);
    Result<std::string> html = ReadGzip(dir + "/html/" + page.hash + ".html.gz");
    if (!html.ok()) return html.status();
    page.html = std::move(html).value();
    pages.push_back(std::move(page));
  }
  std::sort(pages.begin(), pages.end(), [](const BenchPage& a, const BenchPage& b) { return a.hash < b.hash; });
  return pages;
}

}  // namespace marsad::html_eval
