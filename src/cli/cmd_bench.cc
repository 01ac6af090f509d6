// `marsad bench [--corpus DIR] [--jobs N]`: measures, on a real corpus, the end-to-end
// ingest with every stage (articles/s, MB/s, peak RSS) into a temporary database, then on
// that database's articles, one thread each: near duplicates and story clustering
// (articles/s, in stored order) and search latency (p50/p95/max over a query mix); and the
// text core (display + match-key normalisation + tokenising, MB/s on one core). Prints the
// figures with the machine, ready for docs/BENCHMARKS.md (the stage benchmarks in bench/
// and the quality evaluations are separate programs, listed there).
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/commands.h"
#include "core/civil_date.h"
#include "dedup/near_duplicate_index.h"
#include "ingest/reader.h"
#include "pipeline/ingest_pipeline.h"
#include "pipeline/standard_annotators.h"
#include "search/searcher.h"
#include "story/story_clusterer.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace marsad::cli {
namespace {

namespace fs = std::filesystem;

class CollectingSink : public ingest::DocumentSink {
 public:
  void Accept(RawDocument doc) override { bodies.push_back(std::move(doc.body)); }
  void Fail(const std::string&, const std::string&) override {}
  std::vector<std::string> bodies;
};

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

std::string MachineLine() {
  utsname n{};
  uname(&n);
  return std::string(n.sysname) + " " + n.release + " " + n.machine + ", " +
         std::to_string(std::thread::hardware_concurrency()) + " cores";
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Near duplicates and stories over the stored articles, in stored order, one thread.
void BenchLinking(store::Store& store) {
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
  std::printf("stories (TF-IDF centroids, 1 thread): %zu articles in %.2f s = %.0f articles/s, peak %.1f MB\n",
              items.size(), story_s, items.size() / story_s, peak / 1e6);
}

// Search latency over the database: a mix of words, names, phrases, boolean and prefix
// queries, each run 3 times.
void BenchSearch(const std::string& db) {
  auto searcher = search::Searcher::Open(db);
  if (!searcher.ok()) {
    std::printf("search: skipped: %s\n", searcher.status().message().c_str());
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
        return;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  std::printf("search (%zu queries): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", ms.size(), pct(0.5), pct(0.95),
              ms.back());
}

void BenchIngest(const std::string& corpus, int jobs) {
  fs::path db = fs::temp_directory_path() / ("marsad_bench_" + std::to_string(::getpid()) + ".db");
  fs::remove(db);
  auto store = OpenStoreOrReport(db.string(), false);
  if (!store) return;
  clean::Cleaner cleaner;
  auto annotators = pipeline::StandardAnnotators::Load({});
  pipeline::IngestOptions options;
  options.jobs = jobs;
  options.quiet = true;
  if (annotators.ok()) options.annotators = annotators.value()->list();
  auto r = pipeline::Ingest({corpus}, *store, cleaner, options);
  if (r.ok()) {
    const auto& s = r.value();
    const double peak_rss = PeakRssMiB();  // before the measurements below add their own
    std::printf("ingest end-to-end (read, clean, NER, actors, events, near dups, stories, store + search "
                "index; --jobs %d): %llu documents, %llu stored, %.2f s, %.0f articles/s, %.1f MB/s of input "
                "files (as stored, e.g. zipped), peak RSS %.0f MiB\n",
                jobs > 0 ? jobs : static_cast<int>(std::thread::hardware_concurrency()),
                static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.ingested),
                s.seconds, s.documents / s.seconds, s.input_bytes / 1e6 / s.seconds, peak_rss);
    if (!annotators.ok()) std::printf("  (without NER, actors, events: %s)\n", annotators.status().message().c_str());
    std::fflush(stdout);
    BenchLinking(*store);
  } else {
    std::printf("ingest: failed: %s\n", r.status().message().c_str());
  }
  store.reset();
  if (r.ok()) BenchSearch(db.string());
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

void BenchTextCore(const std::string& corpus) {
  CollectingSink sink;
  ingest::ReadPaths({corpus}, {}, sink);
  size_t bytes = 0;
  for (const auto& b : sink.bodies) bytes += b.size();
  auto start = std::chrono::steady_clock::now();
  size_t tokens = 0, out_bytes = 0;
  for (const auto& b : sink.bodies) {
    std::string display = text::NormalizeDisplay(b);
    std::string key = text::MatchKey(display);
    tokens += text::Tokenize(display).size();
    out_bytes += key.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("text core (display + match-key + tokenise, 1 thread): %.1f MB in %.2f s = %.1f MB/s, "
              "%zu tokens (%.1f M tokens/s)\n",
              bytes / 1e6, s, bytes / 1e6 / s, tokens, tokens / 1e6 / s);
  (void)out_bytes;
}

}  // namespace

void RegisterBench(CLI::App& app, int& exit_code) {
  struct Args {
    std::string corpus = "../shared/data/corpus/saudinewsnet/dataset";
    int jobs = 0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Measure on a corpus (default: SaudiNewsNet in ../shared): end-to-end ingest with every stage, "
      "near duplicates, stories, search latency and the text core; prints figures for docs/BENCHMARKS.md.");
  cmd->add_option("--corpus", args->corpus, "folder or file of articles to measure on");
  cmd->add_option("-j,--jobs", args->jobs, "cleaning threads for the ingest run (0 = one per core)");
  cmd->callback([args, &exit_code] {
    if (!fs::exists(args->corpus)) {
      std::fprintf(stderr, "marsad bench: corpus %s not found; pass --corpus DIR (any input marsad ingests)\n",
                   args->corpus.c_str());
      return void(exit_code = kExitUsage);
    }
    std::printf("machine: %s\ncorpus: %s\n", MachineLine().c_str(), args->corpus.c_str());
    BenchIngest(args->corpus, args->jobs);
    BenchTextCore(args->corpus);
  });
}

}  // namespace marsad::cli
