// Story clustering throughput and memory on the whole SaudiNewsNet corpus (31,030
// articles, read with tools/story_eval/corpus.h; title + "content" turned into match keys
// before timing, no cleaning). Each iteration feeds every article, in corpus order, with
// its day (date_extracted) and the duplicate_of found beforehand by NearDuplicateIndex,
// to a fresh StoryClusterer::Add, single thread (what the pipeline's ordered writer does).
// items_per_second = articles/s (target >= 5,000). Counters: stories created, merges,
// peak active stories and peak memory_bytes() (sampled every 500 articles).
//   build-story/bench/story_bench [--benchmark_filter=...]
// BM_StoryAdd/<window_days>: memory vs window. BM_Vectorize: the TF-IDF vectors alone.
// BM_DedupAndStories: NearDuplicateIndex::FindOrAdd + StoryClusterer::Add per article.
// MARSAD_CORPUS_DIR=DIR reads the zips of another directory.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "dedup/near_duplicate_index.h"
#include "story/article_vectorizer.h"
#include "story/story_clusterer.h"
#include "text/normalizer.h"

namespace {

using marsad::dedup::NearDuplicateIndex;
using marsad::story::StoryClusterer;
using marsad::story::StoryInput;

struct Stream {
  std::vector<StoryInput> inputs;  // duplicate_of filled from a NearDuplicateIndex pass
  std::string error;
};

const Stream& Inputs() {
  static const Stream s = [] {
    Stream out;
    std::vector<marsad::story_eval::CorpusRecord> corpus;
    if (!marsad::story_eval::ReadCorpus(marsad::story_eval::CorpusDir(MARSAD_SHARED_DIR), &corpus,
                                        &out.error)) {
      out.error += ": benchmark skipped";
      return out;
    }
    NearDuplicateIndex dedup;
    for (const auto& r : corpus) {
      StoryInput in;
      in.article_id = r.ref;
      in.title = r.title;
      in.match_key_text = marsad::text::MatchKey(r.content);
      in.source = r.source;
      in.day = r.day;
      if (auto original = dedup.FindOrAdd(in.article_id, in.match_key_text, in.day)) {
        in.duplicate_of = *original;
      }
      out.inputs.push_back(std::move(in));
    }
    return out;
  }();
  return s;
}

void RunStories(benchmark::State& state, const StoryClusterer::Options& options) {
  const Stream& s = Inputs();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  size_t created = 0, merges = 0, peak_stories = 0, peak_bytes = 0, peak_articles = 0;
  for (auto _ : state) {
    StoryClusterer c(options);
    created = merges = peak_stories = peak_bytes = peak_articles = 0;
    for (size_t i = 0; i < s.inputs.size(); ++i) {
      const marsad::story::Assignment a = c.Add(s.inputs[i]);
      created += a.created;
      merges += a.merged_away.size();
      if (i % 500 == 0) {
        state.PauseTiming();
        peak_stories = std::max(peak_stories, c.active_stories());
        peak_articles = std::max(peak_articles, c.active_articles());
        peak_bytes = std::max(peak_bytes, c.memory_bytes());
        state.ResumeTiming();
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.inputs.size()));
  state.counters["created"] = static_cast<double>(created);
  state.counters["merges"] = static_cast<double>(merges);
  state.counters["peak_stories"] = static_cast<double>(peak_stories);
  state.counters["peak_articles"] = static_cast<double>(peak_articles);
  state.counters["peak_MB"] = static_cast<double>(peak_bytes) / 1e6;
}

void BM_StoryAddDefault(benchmark::State& state) { RunStories(state, {}); }
BENCHMARK(BM_StoryAddDefault)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Arg: window in days (memory vs window).
void BM_StoryAdd(benchmark::State& state) {
  StoryClusterer::Options o;
  o.window_days = static_cast<int>(state.range(0));
  RunStories(state, o);
}
BENCHMARK(BM_StoryAdd)->Arg(1)->Arg(3)->Arg(7)->Arg(14)->Arg(30)->Unit(benchmark::kMillisecond);

// The whole writer-side cost per article: near-duplicate lookup, then clustering.
void BM_DedupAndStories(benchmark::State& state) {
  const Stream& s = Inputs();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  for (auto _ : state) {
    NearDuplicateIndex dedup;
    StoryClusterer c;
    for (const StoryInput& in : s.inputs) {
      StoryInput copy = in;
      copy.duplicate_of = dedup.FindOrAdd(in.article_id, in.match_key_text, in.day).value_or("");
      benchmark::DoNotOptimize(c.Add(copy));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.inputs.size()));
}
BENCHMARK(BM_DedupAndStories)->Unit(benchmark::kMillisecond);

// The TF-IDF vector of each article alone (tokenise, stem, weigh, keep the top terms).
void BM_Vectorize(benchmark::State& state) {
  const Stream& s = Inputs();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  const marsad::story::ArticleVectorizer v({}, &marsad::story::IdfTable::Default());
  size_t i = 0;
  for (auto _ : state) {
    const StoryInput& in = s.inputs[i];
    benchmark::DoNotOptimize(v.Vectorize(marsad::text::MatchKey(in.title), in.match_key_text, {}));
    if (++i == s.inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Vectorize);

}  // namespace

BENCHMARK_MAIN();
