// Reader throughput on the SaudiNewsNet corpus (18 zips of JSON arrays, 31,030 records):
// unzip + JSON parse + field mapping + UTF-8 checks, no cleaning. Reports records/s,
// MB/s of input files (bytes_per_second: the zips) and MB/s of article text delivered.
//   build-ingest/bench/ingest_bench [--benchmark_repetitions=3]
// MARSAD_BENCH_CORPUS=DIR reads another folder instead.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "ingest/reader.h"

namespace {

class CountingSink : public marsad::ingest::DocumentSink {
 public:
  void Accept(marsad::RawDocument doc) override {
    ++docs;
    text_bytes += doc.body.size();
  }
  void Fail(const std::string&, const std::string&) override { ++failures; }
  uint64_t docs = 0, text_bytes = 0, failures = 0;
};

std::string CorpusDir() {
  if (const char* env = std::getenv("MARSAD_BENCH_CORPUS")) return env;
  return std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset";
}

void BM_ReadCorpus(benchmark::State& state) {
  const std::string dir = CorpusDir();
  if (!std::filesystem::exists(dir)) {
    state.SkipWithError(("corpus not found: " + dir).c_str());
    return;
  }
  const uint64_t input_bytes = marsad::ingest::TotalInputBytes({dir});
  uint64_t docs = 0, text_bytes = 0;
  for (auto _ : state) {
    CountingSink sink;
    marsad::ingest::ReadPaths({dir}, {}, sink);
    docs += sink.docs;
    text_bytes += sink.text_bytes;
    state.counters["failures"] = static_cast<double>(sink.failures);
    state.counters["text_MB"] = sink.text_bytes / 1e6;
  }
  state.SetItemsProcessed(static_cast<int64_t>(docs));      // records/s
  state.SetBytesProcessed(static_cast<int64_t>(input_bytes * state.iterations()));  // input (zip) bytes/s
  state.counters["records"] = static_cast<double>(docs / state.iterations());
  state.counters["input_MB"] = input_bytes / 1e6;
  // Article text delivered per second (after unzip and JSON unescaping).
  state.counters["text_MB_per_s"] = benchmark::Counter(text_bytes / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadCorpus)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
