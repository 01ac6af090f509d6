// Near-duplicate index throughput on the SaudiNewsNet corpus: the "content" fields of all
// zips in ../shared/data/corpus/saudinewsnet/dataset (JSON arrays, read with libzip and
// simdjson), turned into match keys with text::MatchKey once, before timing. Each
// iteration feeds every article, in corpus order, to a fresh NearDuplicateIndex::FindOrAdd
// (tokenising, shingling, MinHash, LSH lookup, verification, insertion), single thread.
// items_per_second = articles/s (target >= 50,000); counter near_dups = articles reported
// as near duplicates of an earlier one.
//   build-dedup/bench/dedup_bench [--benchmark_filter=...]
// BM_FindOrAdd/<shingle_words>/<rows> compares shingle sizes and band shapes (128 hashes),
// BM_FindOrAddThreshold/<percent> thresholds.
// MARSAD_BENCH_DIR=DIR reads the zips of another directory.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dedup/near_duplicate_index.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace {

using marsad::dedup::NearDuplicateIndex;

struct Corpus {
  std::vector<std::string> keys;  // match-key texts
  int64_t bytes = 0;
  std::string error;
};

void ReadZip(const std::string& path, simdjson::dom::parser& parser, Corpus& c) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) return;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (f == nullptr) continue;
    std::string buf(st.size, '\0');
    const zip_int64_t got = zip_fread(f, buf.data(), st.size);
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.size)) continue;
    simdjson::dom::array records;
    if (parser.parse(buf).get_array().get(records) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element rec : records) {
      std::string_view content;
      if (rec["content"].get_string().get(content) != simdjson::SUCCESS) continue;
      c.keys.push_back(marsad::text::MatchKey(content));
      c.bytes += static_cast<int64_t>(c.keys.back().size());
    }
  }
  zip_close(z);
}

Corpus Load() {
  Corpus c;
  std::string dir = std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset";
  if (const char* env = std::getenv("MARSAD_BENCH_DIR")) dir = env;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    c.error = "SaudiNewsNet directory not found (" + dir + "): benchmark skipped";
    return c;
  }
  std::vector<std::string> zips;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path().string());
  }
  std::sort(zips.begin(), zips.end());  // corpus order = date order
  simdjson::dom::parser parser;
  for (const std::string& z : zips) ReadZip(z, parser, c);
  if (c.keys.empty()) c.error = "no \"content\" fields under " + dir + ": benchmark skipped";
  return c;
}

const Corpus& Keys() {
  static const Corpus c = Load();
  return c;
}

void RunIndex(benchmark::State& state, const NearDuplicateIndex::Options& options, bool reserve) {
  const Corpus& c = Keys();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  int64_t dups = 0;
  size_t stored = 0;
  for (auto _ : state) {
    NearDuplicateIndex index(options);
    if (reserve) index.Reserve(c.keys.size());
    dups = 0;
    for (size_t i = 0; i < c.keys.size(); ++i) {
      if (index.FindOrAdd(std::to_string(i), c.keys[i])) ++dups;
    }
    stored = index.size();
    benchmark::DoNotOptimize(dups);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.keys.size()));
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["articles"] = static_cast<double>(c.keys.size());
  state.counters["near_dups"] = static_cast<double>(dups);
  state.counters["stored"] = static_cast<double>(stored);
}

// The default options: the headline figure. Reserved: a long-running index has its tables
// grown already; BM_FindOrAddGrowing includes the growth from empty.
void BM_FindOrAddDefault(benchmark::State& state) { RunIndex(state, {}, true); }
BENCHMARK(BM_FindOrAddDefault)->Unit(benchmark::kMillisecond)->MinTime(2.0);
void BM_FindOrAddGrowing(benchmark::State& state) { RunIndex(state, {}, false); }
BENCHMARK(BM_FindOrAddGrowing)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Args: shingle words, rows per band (bands = 128 / rows).
void BM_FindOrAdd(benchmark::State& state) {
  NearDuplicateIndex::Options o;
  o.shingle_words = static_cast<int>(state.range(0));
  o.rows = static_cast<int>(state.range(1));
  o.bands = o.num_hashes / o.rows;
  RunIndex(state, o, true);
}
BENCHMARK(BM_FindOrAdd)
    ->Args({2, 4})
    ->Args({3, 4})
    ->Args({4, 4})
    ->Args({5, 4})
    ->Args({3, 8})
    ->Unit(benchmark::kMillisecond);

// Arg: threshold in percent (default options otherwise): how the count moves with it.
void BM_FindOrAddThreshold(benchmark::State& state) {
  NearDuplicateIndex::Options o;
  o.threshold = static_cast<double>(state.range(0)) / 100.0;
  RunIndex(state, o, true);
}
BENCHMARK(BM_FindOrAddThreshold)
    ->Arg(50)
    ->Arg(60)
    ->Arg(70)
    ->Arg(90)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond);

// Signature computation alone (no index).
void BM_Compute(benchmark::State& state) {
  const Corpus& c = Keys();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const NearDuplicateIndex index;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.Compute(c.keys[i]));
    if (++i == c.keys.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compute);

// The tokeniser alone, for the cost breakdown of Compute().
void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = Keys();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(marsad::text::Tokenize(c.keys[i]));
    if (++i == c.keys.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Tokenize);

}  // namespace

BENCHMARK_MAIN();
