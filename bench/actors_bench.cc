// Actor matching throughput on SaudiNewsNet: the "content" fields of one zip
// (../shared/data/corpus/saudinewsnet/dataset/2015-07-21.zip, read with libzip and
// simdjson), display-normalised once before timing (Article::text is display-normalised).
// Single thread; bytes_per_second = UTF-8 bytes of input text per second.
//   BM_Scan            match key with offset map + tokenising (the floor under any matcher)
//   BM_MatchKb         Scan + TokenMatcher::Match with the knowledge base's names
//   BM_MatchLarge      the same with >= 20,000 names: the knowledge base plus actor and agent
//                      names of ../shared/data/reference/petrarch-arabic (read at run time,
//                      lemma '_' joins as spaces), multi-word ones also with the article,
//                      a title or و before them, until there are 20,000 or more
//   BM_Resolve         the whole ActorResolver::Resolve (matching + role phrases + entities)
// Target: BM_MatchLarge >= 50 MB/s per core.
//   build-actors/bench/actors_bench [--benchmark_filter=...]
// MARSAD_BENCH_ZIP=PATH reads another SaudiNewsNet zip.
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "actors/actor_kb.h"
#include "actors/actor_resolver.h"
#include "actors/token_matcher.h"
#include "text/normalizer.h"

namespace {

using marsad::actors::ActorKb;
using marsad::actors::ScanText;
using marsad::actors::TokenMatcher;

struct Corpus {
  std::vector<std::string> texts;
  int64_t bytes = 0;
  std::string error;
};

Corpus LoadCorpus() {
  Corpus c;
  std::string path = std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet/dataset/2015-07-21.zip";
  if (const char* env = std::getenv("MARSAD_BENCH_ZIP")) path = env;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    c.error = "cannot open " + path + ": benchmark skipped";
    return c;
  }
  std::string buf;
  zip_stat_t st;
  if (zip_stat_index(z, 0, 0, &st) == 0) {
    if (zip_file_t* f = zip_fopen_index(z, 0, 0)) {
      buf.resize(st.size);
      if (zip_fread(f, buf.data(), st.size) != static_cast<zip_int64_t>(st.size)) buf.clear();
      zip_fclose(f);
    }
  }
  zip_close(z);
  simdjson::dom::parser parser;
  simdjson::dom::array records;
  if (parser.parse(buf).get_array().get(records) == simdjson::SUCCESS) {
    for (simdjson::dom::element rec : records) {
      std::string_view content;
      if (rec["content"].get_string().get(content) != simdjson::SUCCESS) continue;
      c.texts.push_back(marsad::text::NormalizeDisplay(content));
      c.bytes += static_cast<int64_t>(c.texts.back().size());
    }
  }
  if (c.texts.empty()) c.error = "no content in " + path + ": benchmark skipped";
  return c;
}

const Corpus& Texts() {
  static const Corpus c = LoadCorpus();
  return c;
}

const ActorKb& Kb() {
  static const std::unique_ptr<ActorKb> kb = [] {
    auto r = ActorKb::Load();
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return *kb;
}

// Names of the PETRARCH Arabic dictionaries: the first field of entry lines.
std::vector<std::string> PetrarchNames() {
  std::vector<std::string> out;
  const std::string dir = std::string(MARSAD_SHARED_DIR) + "/data/reference/petrarch-arabic/";
  for (const char* file : {"actor_dict_ar_v4.txt", "agents.all.ar_v3.txt"}) {
    std::ifstream in(dir + file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line[0] == '\t' || line[0] == ' ' || line[0] == '[') continue;
      std::string name = line.substr(0, line.find_first_of(" \t["));
      for (char& ch : name) ch = ch == '_' ? ' ' : ch;
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (!name.empty() && name[0] != '~') out.push_back(name);
    }
  }
  return out;
}

struct Large {
  TokenMatcher matcher;
  size_t names = 0;
};

const Large& LargeMatcher() {
  static const Large l = [] {
    Large r;
    uint32_t v = 0;
    for (const auto& p : Kb().patterns()) r.matcher.AddText(p.form, v++, false);
    const std::vector<std::string> extra = PetrarchNames();
    std::set<std::string> seen;
    // Variants until 20,000: the names as listed, then multi-word names with the article
    // on their first word, with a title before them, and with the conjunction و.
    for (const char* prefix : {"", "ال", "السيد ", "الرئيس ", "و", "الشيخ ", "والسيد "}) {
      for (const std::string& n : extra) {
        if (r.matcher.pattern_count() >= 20000 && *prefix != 0) break;
        if (*prefix != 0 && n.find(' ') == std::string::npos) continue;
        const std::string form = prefix + n;
        if (seen.insert(form).second) r.matcher.AddText(form, v++, true);
      }
    }
    r.matcher.Finish();
    r.names = r.matcher.pattern_count();
    return r;
  }();
  return l;
}

void Report(benchmark::State& state, const Corpus& c, size_t names, int64_t hits) {
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["articles"] = static_cast<double>(c.texts.size());
  state.counters["names"] = static_cast<double>(names);
  state.counters["hits_per_article"] = static_cast<double>(hits) / static_cast<double>(c.texts.size());
}

void BM_Scan(benchmark::State& state) {
  const Corpus& c = Texts();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  int64_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const std::string& t : c.texts) tokens += static_cast<int64_t>(ScanText(t).tokens.size());
    benchmark::DoNotOptimize(tokens);
  }
  Report(state, c, 0, 0);
}
BENCHMARK(BM_Scan)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void RunMatch(benchmark::State& state, const TokenMatcher& m) {
  const Corpus& c = Texts();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  int64_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const std::string& t : c.texts) hits += static_cast<int64_t>(m.Match(ScanText(t)).size());
    benchmark::DoNotOptimize(hits);
  }
  Report(state, c, m.pattern_count(), hits);
}

void BM_MatchKb(benchmark::State& state) { RunMatch(state, Kb().matcher()); }
BENCHMARK(BM_MatchKb)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_MatchLarge(benchmark::State& state) { RunMatch(state, LargeMatcher().matcher); }
BENCHMARK(BM_MatchLarge)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Resolve(benchmark::State& state) {
  const Corpus& c = Texts();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  static const auto resolver = marsad::actors::ActorResolver::LoadDefault();
  if (!resolver.ok()) return state.SkipWithError(resolver.status().ToString().c_str());
  const std::optional<std::string> date = "2015-07-21";
  int64_t entities = 0;
  for (auto _ : state) {
    entities = 0;
    for (const std::string& t : c.texts) entities += static_cast<int64_t>(resolver.value()->Resolve(t, date).size());
    benchmark::DoNotOptimize(entities);
  }
  Report(state, c, resolver.value()->name_count(), entities);
}
BENCHMARK(BM_Resolve)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
