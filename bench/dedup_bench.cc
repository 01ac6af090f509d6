// Near-duplicate index throughput on the SaudiNewsNet corpus: the "content" fields of all
// zips in ../shared/data/corpus/saudinewsnet/dataset (tools/story_eval/corpus.h), turned
// into match keys with text::MatchKey once, before timing, with their days (date_extracted).
// Each iteration feeds every article, in corpus order, to a fresh NearDuplicateIndex::FindOrAdd
// (tokenising, shingling, MinHash, LSH lookup, verification, insertion), single thread.
// items_per_second = articles/s (target >= 50,000); counter near_dups = articles reported
// as near duplicates of an earlier one.
//   build-dedup/bench/dedup_bench [--benchmark_filter=...]
// BM_FindOrAdd/<shingle_words>/<rows> compares shingle sizes and band shapes (128 hashes),
// BM_FindOrAddThreshold/<percent> thresholds.
// BM_FindOrAddWindow/<days>: memory vs window (peak_MB, peak_stored).
// MARSAD_CORPUS_DIR=DIR reads the zips of another directory.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus.h"
#include "dedup/near_duplicate_index.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace {

using marsad::dedup::NearDuplicateIndex;

struct Corpus {
  std::vector<std::string> keys;  // match-key texts
  std::vector<int64_t> days;      // date_extracted, days since 1970-01-01
  int64_t bytes = 0;
  std::string error;
};

Corpus Load() {
  Corpus c;
  std::vector<marsad::story_eval::CorpusRecord> records;
  if (!marsad::story_eval::ReadCorpus(marsad::story_eval::CorpusDir(MARSAD_SHARED_DIR), &records,
                                      &c.error)) {
    c.error += ": benchmark skipped";
    return c;
  }
  for (const auto& r : records) {
    c.keys.push_back(marsad::text::MatchKey(r.content));
    c.days.push_back(r.day);
    c.bytes += static_cast<int64_t>(c.keys.back().size());
  }
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
      if (index.FindOrAdd(std::to_string(i), c.keys[i], c.days[i])) ++dups;
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

// Arg: window in days (0 = none). Memory held by the index (peak of memory_bytes(),
// sampled every 500 articles) against the window; the corpus covers 22 days.
void BM_FindOrAddWindow(benchmark::State& state) {
  const Corpus& c = Keys();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  NearDuplicateIndex::Options o;
  o.window_days = static_cast<int>(state.range(0));
  size_t peak = 0, peak_docs = 0;
  for (auto _ : state) {
    NearDuplicateIndex index(o);
    peak = peak_docs = 0;
    for (size_t i = 0; i < c.keys.size(); ++i) {
      benchmark::DoNotOptimize(index.FindOrAdd(std::to_string(i), c.keys[i], c.days[i]));
      if (i % 500 == 0) {
        peak = std::max(peak, index.memory_bytes());
        peak_docs = std::max(peak_docs, index.size());
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.keys.size()));
  state.counters["peak_MB"] = static_cast<double>(peak) / 1e6;
  state.counters["peak_stored"] = static_cast<double>(peak_docs);
}
BENCHMARK(BM_FindOrAddWindow)->Arg(0)->Arg(2)->Arg(4)->Arg(8)->Arg(30)->Unit(benchmark::kMillisecond);

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
