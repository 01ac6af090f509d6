// Slow survey (ctest -L slow): cleans every SaudiNewsNet article in ../shared and prints
// how many articles had which boilerplate kinds removed, plus articles/s. The figures
// go into docs/CLEANING.md. Reads the corpus at run time; skipped when it is absent.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "clean/cleaner.h"

namespace marsad::clean {
namespace {

namespace fs = std::filesystem;

std::string ReadMember(zip_t* z, zip_uint64_t i) {
  zip_stat_t st;
  if (zip_stat_index(z, i, 0, &st) != 0) return "";
  zip_file_t* f = zip_fopen_index(z, i, 0);
  if (f == nullptr) return "";
  std::string data(st.size, '\0');
  zip_int64_t n = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  data.resize(n < 0 ? 0 : static_cast<size_t>(n));
  return data;
}

TEST(CleanCorpusSurvey, SaudiNewsNet) {
  fs::path dir = fs::path(MARSAD_SHARED_DIR) / "data/corpus/saudinewsnet/dataset";
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " not found; corpus survey skipped";
  std::vector<RawDocument> docs;
  simdjson::dom::parser parser;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".zip") continue;
    int err = 0;
    zip_t* z = zip_open(entry.path().c_str(), ZIP_RDONLY, &err);
    ASSERT_NE(z, nullptr) << entry.path();
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
      std::string json = ReadMember(z, static_cast<zip_uint64_t>(i));
      simdjson::dom::element root;
      if (parser.parse(json).get(root)) continue;
      simdjson::dom::array arr;
      if (root.get_array().get(arr)) continue;
      for (simdjson::dom::element rec : arr) {
        RawDocument d;
        auto field = [&](const char* k) {
          std::string_view v;
          return rec[k].get_string().get(v) ? std::string() : std::string(v);
        };
        d.body = field("content");
        d.hints.title = field("title");
        d.hints.url = field("url");
        d.hints.source = field("source");
        d.hints.author = field("author");
        d.hints.crawl_date = field("date_extracted");
        d.input = entry.path().filename().string() + "#" + std::to_string(docs.size());
        docs.push_back(std::move(d));
      }
    }
    zip_close(z);
  }
  ASSERT_GT(docs.size(), 1000u);

  // MARSAD_SURVEY_EXAMPLES=N prints the first N removed blocks of each kind (for review).
  const char* ex = std::getenv("MARSAD_SURVEY_EXAMPLES");
  const size_t examples = ex ? std::strtoul(ex, nullptr, 10) : 0;
  Cleaner cleaner;
  std::map<std::string, size_t> articles_with_kind, blocks_of_kind, signals, sources;
  size_t with_related = 0, with_wires = 0, empty_text = 0, with_keywords = 0;
  size_t bytes_in = 0, bytes_out = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const RawDocument& d : docs) {
    Article a = cleaner.Clean(d);
    std::set<std::string> kinds;
    for (const RemovedBlock& b : a.removed) {
      kinds.insert(b.kind);
      if (++blocks_of_kind[b.kind] <= examples) {
        std::printf("--- %s [%s]\n%s\n", b.kind.c_str(), d.input.c_str(), b.text.substr(0, 600).c_str());
      }
    }
    for (const std::string& k : kinds) ++articles_with_kind[k];
    ++signals[a.published_signal];
    ++sources[a.source.value_or("(none)")];
    with_related += !a.related.empty();
    with_wires += !a.wires.empty();
    with_keywords += !a.keywords.empty();
    empty_text += a.text.empty();
    bytes_in += d.body.size();
    bytes_out += a.text.size();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("articles: %zu, %.1f s, %.0f articles/s, %.1f MB/s\n", docs.size(), secs, docs.size() / secs,
              bytes_in / 1e6 / secs);
  std::printf("text kept: %.1f%% of input bytes; empty text: %zu\n", 100.0 * bytes_out / bytes_in, empty_text);
  std::printf("with related articles: %zu, with wires: %zu, with keywords: %zu\n", with_related, with_wires,
              with_keywords);
  for (const auto& [k, n] : articles_with_kind) {
    std::printf("removed %-18s in %6zu articles (%zu blocks)\n", k.c_str(), n, blocks_of_kind[k]);
  }
  for (const auto& [k, n] : signals) std::printf("published_signal %-12s %zu\n", k.c_str(), n);
  for (const auto& [k, n] : sources) std::printf("source %-20s %zu\n", k.c_str(), n);
  // Sanity: the cleaner must keep the bulk of real news text.
  EXPECT_GT(bytes_out, bytes_in * 8 / 10);
}

}  // namespace
}  // namespace marsad::clean
