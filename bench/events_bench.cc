// Event and quote coding throughput (events::EventCoder::Code) on SaudiNewsNet articles:
// the "content" fields of the first zips of ../shared/data/corpus/saudinewsnet/dataset,
// display-normalised (text::NormalizeDisplay), with their entities found once, before
// timing, by the actors stage (actors::ActorResolver). Each iteration codes every article
// (sentence splitting, tokens, triggers, roles, modes, dates, locations, quotes), single
// thread. items_per_second = sentences/s (target >= 20,000 per core); counters: articles,
// sentences, events and quotes per pass.
//   build-events/bench/events_bench [--benchmark_filter=...]
// MARSAD_BENCH_ZIPS=N reads N zips (default 3); MARSAD_CORPUS_DIR=DIR another folder.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "actors/actor_resolver.h"
#include "events/event_coder.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace {

using marsad::Article;

struct Corpus {
  std::vector<Article> articles;
  int64_t sentences = 0, bytes = 0;
  std::string error;
};

void ReadZip(const std::string& path, simdjson::dom::parser& parser, std::vector<Article>* out) {
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
      std::string_view content, date;
      if (rec["content"].get_string().get(content) != simdjson::SUCCESS) continue;
      Article a;
      a.text = marsad::text::NormalizeDisplay(content);
      if (rec["date_extracted"].get_string().get(date) == simdjson::SUCCESS && date.size() >= 10)
        a.published = std::string(date.substr(0, 10));
      out->push_back(std::move(a));
    }
  }
  zip_close(z);
}

const Corpus& Load() {
  static const Corpus corpus = [] {
    Corpus c;
    const char* env = std::getenv("MARSAD_CORPUS_DIR");
    const std::string dir = env ? env : std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset";
    const char* nz = std::getenv("MARSAD_BENCH_ZIPS");
    const size_t want = nz ? static_cast<size_t>(std::atoi(nz)) : 3;
    std::vector<std::string> zips;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".zip") zips.push_back(e.path().string());
    std::sort(zips.begin(), zips.end());
    if (zips.size() > want) zips.resize(want);
    simdjson::dom::parser parser;
    for (const std::string& z : zips) ReadZip(z, parser, &c.articles);
    if (c.articles.empty()) {
      c.error = "no articles in " + dir;
      return c;
    }
    auto resolver = marsad::actors::ActorResolver::LoadDefault();
    if (!resolver.ok()) {
      c.error = resolver.status().ToString();
      return c;
    }
    for (Article& a : c.articles) {
      a.entities = resolver.value()->Resolve(a.text, a.published);
      c.sentences += static_cast<int64_t>(marsad::text::SplitSentences(a.text).size());
      c.bytes += static_cast<int64_t>(a.text.size());
    }
    return c;
  }();
  return corpus;
}

void BM_CodeArticles(benchmark::State& state) {
  const Corpus& c = Load();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  auto coder = marsad::events::EventCoder::LoadDefault();
  if (!coder.ok()) {
    state.SkipWithError(coder.status().ToString().c_str());
    return;
  }
  std::vector<Article> work = c.articles;
  int64_t events = 0, quotes = 0;
  for (auto _ : state) {
    events = quotes = 0;
    for (Article& a : work) {
      coder.value()->Code(a);
      events += static_cast<int64_t>(a.events.size());
      quotes += static_cast<int64_t>(a.quotes.size());
    }
    benchmark::DoNotOptimize(events);
  }
  state.SetItemsProcessed(state.iterations() * c.sentences);
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["articles"] = static_cast<double>(c.articles.size());
  state.counters["sentences"] = static_cast<double>(c.sentences);
  state.counters["events"] = static_cast<double>(events);
  state.counters["quotes"] = static_cast<double>(quotes);
}
BENCHMARK(BM_CodeArticles)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
