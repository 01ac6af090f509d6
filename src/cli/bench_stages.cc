#include "cli/bench_stages.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/bench_quality.h"
#include "clean/cleaner.h"
#include "core/civil_date.h"
#include "dedup/near_duplicate_index.h"
#include "search/searcher.h"
#include "story/story_clusterer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace marsad::cli {

namespace {

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string PeerLine(const std::string& script, const std::string& args) {
  auto path = FindRepoFile(script);
  if (!path) return "not run: " + script + " not found (run from the repository root)";
  const PeerRun run = RunPeer(PeerPython() + " " + ShellQuote(*path) + " " + args);
  std::printf("  peer: %s\n", run.line.c_str());
  if (!run.ok) return "failed: " + run.line;
  // The peers read SaudiNewsNet-style zips only; on other input they measure nothing.
  if (FigureAfterEquals(run.line) == 0) return "not comparable: the peer reads only SaudiNewsNet-style zips";
  return run.line;
}

}  // namespace

void BenchCleaning(const std::vector<RawDocument>& docs, BenchReport& report) {
  clean::Cleaner cleaner;
  size_t bytes = 0, kept = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const RawDocument& d : docs) {
    bytes += d.body.size();
    kept += !cleaner.Clean(d).text.empty();
  }
  const double s = Since(t0);
  std::printf("cleaning (1 thread): %zu documents in %.2f s = %.0f articles/s, %.1f MB/s\n", docs.size(), s,
              docs.size() / s, bytes / 1e6 / s);
  report.Add({Format("cleaning: main text, boilerplate, metadata (%zu documents)", docs.size()),
              Grouped(docs.size() / s) + Format(" articles/s, %.1f MB/s", bytes / 1e6 / s), "", ""});
  (void)kept;
}

void BenchAnnotators(store::Store& store, const StageOptions& options,
                     const Result<std::unique_ptr<pipeline::StandardAnnotators>>& annotators,
                     const Result<std::unique_ptr<ner::NerTagger>>& tagger, BenchReport& report) {
  std::vector<Article> sample;
  store.ForEachArticle([&](const Article& a) {
    if (!a.text.empty()) sample.push_back(a);
    return sample.size() < options.annotate_articles;
  });
  if (sample.empty() || !annotators.ok() || !tagger.ok()) {
    report.Note("annotators: skipped (" +
                (sample.empty() ? std::string("no stored articles")
                                : !annotators.ok() ? annotators.status().message() : tagger.status().message()) +
                ")");
    return;
  }
  size_t tokens = 0, sentences = 0, bytes = 0;
  for (const Article& a : sample) {
    tokens += text::Tokenize(a.text).size();
    sentences += text::SplitSentences(a.text).size();
    bytes += a.text.size();
  }
  auto t0 = std::chrono::steady_clock::now();
  size_t names = 0;
  for (const Article& a : sample) names += tagger.value()->Tag(a.text).size();
  const double ner_s = Since(t0);

  const auto& list = annotators.value()->list();  // ner+actors, events
  std::vector<double> stage_s(list.size());
  for (size_t k = 0; k < list.size(); ++k) {
    t0 = std::chrono::steady_clock::now();
    for (Article& a : sample) list[k]->Annotate(a);
    stage_s[k] = Since(t0);
  }
  size_t events = 0, entities = 0;
  for (const Article& a : sample) events += a.events.size(), entities += a.entities.size();
  const std::string of = Format(" (%zu articles, %.1f MB, %zu sentences)", sample.size(), bytes / 1e6, sentences);
  std::printf("NER alone (1 thread): %.0f tokens/s, %zu names%s\n", tokens / ner_s, names, of.c_str());
  report.Add({"NER alone" + of, Grouped(tokens / ner_s) + " tokens/s = " + Grouped(sample.size() / ner_s) +
                                    " articles/s", "≥ 100,000 tokens/s (issue 5)", ""});
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string name = list[k]->name();
    std::printf("%s (1 thread): %.0f articles/s, %.0f sentences/s\n", name.c_str(), sample.size() / stage_s[k],
                sentences / stage_s[k]);
    const bool is_events = name == "events";
    report.Add({"annotator `" + name + "`" + (is_events ? Format(" (%zu events found)", events)
                                                        : Format(" (%zu entities found)", entities)),
                Grouped(sample.size() / stage_s[k]) + " articles/s = " + Grouped(sentences / stage_s[k]) +
                    " sentences/s",
                is_events ? "≥ 20,000 sentences/s (issue 6)" : "", ""});
  }
}

void BenchLinking(store::Store& store, const StageOptions& options, BenchReport& report) {
  struct Item {
    std::string id, title, key;
    int64_t day;
  };
  std::vector<Item> items;
  int64_t last_day = 0;
  store.ForEachArticle([&](const Article& a) {
    auto day = a.published ? DaysFromIso(*a.published) : std::nullopt;
    last_day = day.value_or(last_day);
    items.push_back({a.id, a.title.value_or(""), text::MatchKey(a.text), last_day});
    return true;
  });
  if (items.empty()) return;
  dedup::NearDuplicateIndex index;
  size_t dups = 0;
  std::vector<std::string> dup_of(items.size());
  auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < items.size(); ++i) {
    if (auto o = index.FindOrAdd(items[i].id, items[i].key, items[i].day)) dup_of[i] = *o, ++dups;
  }
  const double dedup_s = Since(t0);
  story::StoryClusterer stories;
  size_t peak = 0;
  t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < items.size(); ++i) {
    story::StoryInput in;
    in.article_id = items[i].id, in.title = items[i].title, in.match_key_text = items[i].key;
    in.day = items[i].day, in.duplicate_of = dup_of[i];
    stories.Add(in);
    if ((i & 1023) == 0) peak = std::max(peak, stories.memory_bytes());
  }
  const double story_s = Since(t0);
  std::printf("near duplicates (MinHash/LSH, 1 thread): %zu articles in %.2f s = %.0f articles/s (%zu found)\n",
              items.size(), dedup_s, items.size() / dedup_s, dups);
  const std::string peer = options.peers ? PeerLine("bench/peers/minhash_peer.py", ShellQuote(options.corpus) + " 3000")
                                         : std::string();
  std::printf("stories (TF-IDF centroids, 1 thread): %zu articles in %.2f s = %.0f articles/s, peak %.1f MB\n",
              items.size(), story_s, items.size() / story_s, peak / 1e6);
  const double peer_rate = FigureAfterEquals(peer);
  report.Add({Format("near duplicates, MinHash/LSH over the cleaned texts (%zu articles, %zu found)", items.size(),
                     dups),
              Grouped(items.size() / dedup_s) + " articles/s", "≥ 50,000 articles/s (issue 4)",
              peer_rate > 0 ? "Python MinHash (bench/peers/minhash_peer.py, 3,000 raw texts): " + Grouped(peer_rate) +
                                  " articles/s"
                            : peer});
  report.Add({"stories, TF-IDF centroids in a sliding window", Grouped(items.size() / story_s) +
                                                                   Format(" articles/s, peak %.1f MB", peak / 1e6),
              "≥ 5,000 articles/s (issue 4)", ""});
}

void BenchSearch(const std::string& db, BenchReport& report) {
  auto searcher = search::Searcher::Open(db);
  if (!searcher.ok()) {
    std::printf("search: skipped: %s\n", searcher.status().message().c_str());
    report.Note("search: skipped: " + searcher.status().message());
    return;
  }
  const char* queries[] = {"السعودية", "النفط", "الحوثيين", "ترمب", "بوتين", "جرينلاند", "\"ولي العهد\"",
                           "\"الأمم المتحدة\"", "اليمن -الحوثي", "(إيران OR طهران) \"الاتفاق النووي\"",
                           "اقتصاد*", "الملك سلمان الرياض"};
  std::vector<double> ms;
  for (int round = 0; round < 3; ++round) {
    for (const char* text : queries) {
      search::Query q;
      q.text = text;
      auto t0 = std::chrono::steady_clock::now();
      auto r = searcher.value()->Search(q);
      ms.push_back(Since(t0) * 1000);
      if (!r.ok()) {
        std::printf("search: %s failed: %s\n", text, r.status().message().c_str());
        report.Note(std::string("search: query ") + text + " failed: " + r.status().message());
        return;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  std::printf("search (%zu queries): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", ms.size(), pct(0.5), pct(0.95),
              ms.back());
  report.Add({Format("search latency, %zu queries (words, names, phrases, boolean, prefix) on the ingested "
                     "database",
                     ms.size()),
              Format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", pct(0.5), pct(0.95), ms.back()),
              "p95 ≤ 50 ms (issue 7)", ""});
}

void BenchTextCore(const std::vector<RawDocument>& docs, const StageOptions& options, BenchReport& report) {
  size_t bytes = 0, tokens = 0, key_bytes = 0;
  for (const RawDocument& d : docs) bytes += d.body.size();
  const auto t0 = std::chrono::steady_clock::now();
  for (const RawDocument& d : docs) {
    const std::string display = text::NormalizeDisplay(d.body);
    const std::string key = text::MatchKey(display);
    tokens += text::Tokenize(display).size();
    key_bytes += key.size();  // used, so the work is not optimised away
  }
  const double s = Since(t0);
  std::printf("text core (display + match-key + tokenise, 1 thread): %.1f MB in %.2f s = %.1f MB/s, "
              "%zu tokens (%.1f M tokens/s)\n",
              bytes / 1e6, s, bytes / 1e6 / s, tokens, tokens / 1e6 / s);
  if (key_bytes == 0 && bytes > 0) std::printf("  (no match-key output)\n");
  const std::string peer = options.peers ? PeerLine("bench/peers/text_core_peer.py", ShellQuote(options.corpus))
                                         : std::string();
  const double peer_mb_s = FigureAfterEquals(peer);
  report.Add({Format("text core: display + match-key normalisation + tokenising (%.1f MB)", bytes / 1e6),
              Format("%.1f MB/s, %.1f M tokens/s", bytes / 1e6 / s, tokens / 1e6 / s), "≥ 100 MB/s (issue 2)",
              peer_mb_s > 0 ? Format("Python (str.translate + re + unicodedata): %.1f MB/s", peer_mb_s) : peer});
}

}  // namespace marsad::cli
