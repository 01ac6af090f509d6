// Text-core throughput on real Arabic news text: the "content" fields of one SaudiNewsNet
// zip (../shared/data/corpus/saudinewsnet/dataset/2015-07-21.zip, unzipped with libzip,
// parsed with simdjson, once, before timing). bytes_per_second = MB/s of input article text,
// single thread. The headline figure is BM_DisplayKeyTokenize (display + match key of the
// display text + tokenising the display text), target >= 100 MB/s.
//   build-text/bench/text_bench [--benchmark_filter=...] [--benchmark_repetitions=3]
// MARSAD_BENCH_ZIP=FILE reads another zip of JSON arrays instead.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

using namespace marsad::text;

struct Corpus {
  std::vector<std::string> texts;
  int64_t bytes = 0;
  std::string error;
};

std::string ZipPath() {
  if (const char* env = std::getenv("MARSAD_BENCH_ZIP")) return env;
  return std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset/2015-07-21.zip";
}

Corpus Load() {
  Corpus c;
  const std::string path = ZipPath();
  if (!std::filesystem::exists(path)) {
    c.error = "SaudiNewsNet zip not found (" + path + "): benchmark skipped";
    return c;
  }
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    c.error = "cannot open " + path;
    return c;
  }
  simdjson::dom::parser parser;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (f == nullptr) continue;
    std::string buf(st.size, '\0');
    const zip_int64_t got = zip_fread(f, buf.data(), st.size);
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.size)) continue;
    simdjson::dom::element doc;
    if (parser.parse(buf).get(doc) != simdjson::SUCCESS) continue;
    simdjson::dom::array records;
    if (doc.get_array().get(records) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element rec : records) {
      std::string_view content;
      if (rec["content"].get_string().get(content) == simdjson::SUCCESS && !content.empty()) {
        c.texts.emplace_back(content);
        c.bytes += static_cast<int64_t>(content.size());
      }
    }
  }
  zip_close(z);
  if (c.texts.empty()) c.error = "no \"content\" fields in " + path;
  return c;
}

const Corpus& Texts() {
  static const Corpus c = Load();
  return c;
}

template <typename Fn>
void Measure(benchmark::State& state, Fn fn) {
  const Corpus& c = Texts();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const std::string& t : c.texts) fn(t);
  }
  state.SetBytesProcessed(c.bytes * state.iterations());
  state.counters["articles"] = static_cast<double>(c.texts.size());
  state.counters["MB"] = c.bytes / 1e6;
}

void BM_DisplayKeyTokenize(benchmark::State& state) {
  Measure(state, [](const std::string& t) {
    std::string display = NormalizeDisplay(t);
    std::string key = MatchKey(display);
    std::vector<Token> tokens = Tokenize(display);
    benchmark::DoNotOptimize(key.data());
    benchmark::DoNotOptimize(tokens.data());
  });
}
BENCHMARK(BM_DisplayKeyTokenize)->Unit(benchmark::kMillisecond);

void BM_Display(benchmark::State& state) {
  Measure(state, [](const std::string& t) { benchmark::DoNotOptimize(NormalizeDisplay(t).data()); });
}
BENCHMARK(BM_Display)->Unit(benchmark::kMillisecond);

void BM_MatchKey(benchmark::State& state) {
  Measure(state, [](const std::string& t) { benchmark::DoNotOptimize(MatchKey(t).data()); });
}
BENCHMARK(BM_MatchKey)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  Measure(state, [](const std::string& t) { benchmark::DoNotOptimize(Tokenize(t).data()); });
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_NormalizeWithOffsets(benchmark::State& state) {
  Measure(state, [](const std::string& t) {
    benchmark::DoNotOptimize(Normalize(t, NormLevel::kMatchKey).to_original.data());
  });
}
BENCHMARK(BM_NormalizeWithOffsets)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  Measure(state, [](const std::string& t) { benchmark::DoNotOptimize(SplitSentences(t).data()); });
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
