// NER tagger throughput on real Arabic news: the "content" fields of one SaudiNewsNet zip
// (../shared/data/corpus/saudinewsnet/dataset/2015-07-21.zip), display-normalised once before
// timing, tagged by the default (embedded) two-pass model, one thread.
// items_per_second = tokens (text::Tokenize tokens) per second; target >= 100,000 per core.
//   build-ner/bench/ner_bench [--benchmark_filter=...] [--benchmark_repetitions=3]
// MARSAD_BENCH_ZIP=FILE reads another zip of JSON arrays instead.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ner/ner_tagger.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace {

using marsad::ner::NerTagger;

struct Corpus {
  std::vector<std::string> texts;  // display-normalised article texts
  int64_t tokens = 0, bytes = 0;
  std::string error;
};

Corpus Load() {
  Corpus c;
  const char* env = std::getenv("MARSAD_BENCH_ZIP");
  const std::string path =
      env ? env : std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset/2015-07-21.zip";
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
    simdjson::dom::array records;
    if (parser.parse(buf).get(doc) != simdjson::SUCCESS || doc.get_array().get(records) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element rec : records) {
      std::string_view content;
      if (rec["content"].get_string().get(content) == simdjson::SUCCESS && !content.empty()) {
        c.texts.push_back(marsad::text::NormalizeDisplay(content));
        c.tokens += static_cast<int64_t>(marsad::text::Tokenize(c.texts.back()).size());
        c.bytes += static_cast<int64_t>(c.texts.back().size());
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

const NerTagger* Tagger(benchmark::State& state) {
  static const auto tagger = NerTagger::LoadDefault();
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().ToString().c_str());
    return nullptr;
  }
  return tagger.value().get();
}

// Tag(): sentence splitting, tokenising, both passes, spans with offsets.
void BM_NerTag(benchmark::State& state) {
  const Corpus& c = Texts();
  const NerTagger* tagger = Tagger(state);
  if (!c.error.empty()) state.SkipWithError(c.error.c_str());
  if (!tagger || !c.error.empty()) return;
  size_t spans = 0;
  for (auto _ : state) {
    for (const std::string& t : c.texts) {
      const auto found = tagger->Tag(t);
      spans += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * c.tokens);
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["articles"] = static_cast<double>(c.texts.size());
  state.counters["spans_per_article"] =
      static_cast<double>(spans) / static_cast<double>(state.iterations() * c.texts.size());
}
BENCHMARK(BM_NerTag)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
