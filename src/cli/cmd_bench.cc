// `marsad bench [--shared DIR] [--corpus DIR] [--jobs N] [--write FILE] [--no-peers]`:
// the benchmark suite on ../shared data, in one run:
//   - end-to-end ingest with every stage into a temporary database (articles/s, peak RSS);
//   - per stage on one thread: cleaning, NER, actors, events, near duplicates, stories,
//     the text core; search latency on the ingested database;
//   - quality: HTML extraction F1 and speed, NER F1 and speed;
//   - the Python peers (text core, MinHash, python3-readability) in the same run.
// Prints each figure as it is measured, then a Markdown block (bench_report.h) with the
// machine, load, commit and commands; `--write docs/BENCHMARKS.md` puts the block into
// that file in place of the previous run's.
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>

#include "cli/bench_quality.h"
#include "cli/bench_report.h"
#include "cli/bench_stages.h"
#include "cli/commands.h"
#include "ingest/reader.h"
#include "pipeline/ingest_pipeline.h"
#include "pipeline/standard_annotators.h"

namespace marsad::cli {
namespace {

namespace fs = std::filesystem;

class CollectingSink : public ingest::DocumentSink {
 public:
  void Accept(RawDocument doc) override { docs.push_back(std::move(doc)); }
  void Fail(const std::string&, const std::string&) override {}
  std::vector<RawDocument> docs;
};

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

void AddHeader(const std::string& command, const std::string& corpus, const std::string& written,
               BenchReport& report) {
  utsname n{};
  uname(&n);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  PeerRun commit = RunPeer("git rev-parse --short HEAD");
  if (commit.ok) {
    // The file being written does not count as a change to what is measured.
    const std::string skip = written.empty() ? "" : " " + ShellQuote(":(exclude)" + written);
    const PeerRun dirty = RunPeer("git status --porcelain --untracked-files=no -- ." + skip + " | head -1");
    if (dirty.ok && dirty.line != "(no output)") commit.line += " + uncommitted changes";
  }
  report.AddHeader(std::string("run ") + date + " by `" + command + "`");
  report.AddHeader(Format("machine: %s %s %s, %u cores; load average at the start %.2f (figures vary ±20 %% on "
                          "a shared machine)",
                          n.sysname, n.release, n.machine, std::thread::hardware_concurrency(), load[0]));
#ifdef NDEBUG
  const char* build = "optimised build (NDEBUG)";
#else
  const char* build = "debug build (assertions on): not comparable with optimised figures";
#endif
  report.AddHeader("commit: " + (commit.ok ? commit.line : std::string("unknown (not a git checkout)")) + ", " +
                   build);
  report.AddHeader("corpus: `" + corpus + "`");
}

// Ingests the corpus with every stage into `db`; returns false when it failed.
bool BenchIngest(const std::string& corpus, const std::string& db, int jobs,
                 const Result<std::unique_ptr<pipeline::StandardAnnotators>>& annotators, BenchReport& report) {
  report.StartSection("Ingest end to end (read, clean, NER, actors, events, near duplicates, stories, store + "
                      "search index), fresh SQLite database",
                      Format("marsad ingest CORPUS --db NEW.db --jobs %d", jobs));
  auto store = OpenStoreOrReport(db, false);
  if (!store) return false;
  clean::Cleaner cleaner;
  pipeline::IngestOptions options;
  options.jobs = jobs;
  options.quiet = true;
  if (annotators.ok()) options.annotators = annotators.value()->list();
  else report.Note("without NER, actors, events: " + annotators.status().message());
  auto r = pipeline::Ingest({corpus}, *store, cleaner, options);
  if (!r.ok()) {
    std::printf("ingest: failed: %s\n", r.status().message().c_str());
    report.Note("ingest failed: " + r.status().message());
    return false;
  }
  const auto& s = r.value();
  const double rss = PeakRssMiB();
  std::printf("ingest end-to-end (every stage; --jobs %d): %llu documents, %llu stored, %.2f s, %.0f articles/s, "
              "%.1f MB/s of input files, peak RSS %.0f MiB\n",
              jobs, static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.ingested),
              s.seconds, s.documents / s.seconds, s.input_bytes / 1e6 / s.seconds, rss);
  std::printf("  busy: workers %.1f s (clean + annotators, summed over %d threads), writer: linking %.1f s, "
              "store write %.1f s\n", s.worker_seconds, jobs, s.link_seconds, s.write_seconds);
  std::fflush(stdout);
  report.Add({Format("%llu documents, %llu stored, %d worker threads", static_cast<unsigned long long>(s.documents),
                     static_cast<unsigned long long>(s.ingested), jobs),
              Format("%.0f articles/s (%.1f s), peak RSS %.0f MiB", s.documents / s.seconds, s.seconds, rss),
              "≥ 2,000 articles/s, peak RSS ≤ 2 GB (issue 6)", ""});
  report.Add({"where the time went (busy seconds, wall-clock, summed per thread kind)",
              Format("workers (clean + NER + actors + events): %.1f s over %d threads; the one writer thread: "
                     "linking %.1f s, store write (rows + search index) %.1f s",
                     s.worker_seconds, jobs, s.link_seconds, s.write_seconds),
              "", ""});
  return true;
}

}  // namespace

void RegisterBench(CLI::App& app, int& exit_code) {
  struct Args {
    std::string shared = "../shared";
    std::string corpus;  // default: SHARED/data/corpus/saudinewsnet/dataset
    std::string write;
    int jobs = 0;
    size_t annotate_articles = 3000;
    bool no_peers = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Run the benchmark suite on ../shared data: end-to-end ingest with every stage (articles/s, peak RSS), each "
      "stage on one thread, search latency, HTML extraction F1 and NER F1, with the Python peers (text core, "
      "MinHash, python3-readability) measured in the same run. Prints the figures and a Markdown block for "
      "docs/BENCHMARKS.md (--write puts it there). Takes a few minutes on the whole corpus; run it on a quiet "
      "machine.");
  cmd->add_option("--shared", args->shared, "the shared data folder (corpus, HTML benchmark, ANERcorp)");
  cmd->add_option("--corpus", args->corpus,
                  "folder or file of articles to ingest (default: SHARED/data/corpus/saudinewsnet/dataset)");
  cmd->add_option("-j,--jobs", args->jobs, "cleaning threads for the ingest run (0 = one per core)");
  cmd->add_option("--write", args->write,
                  "put the Markdown block into this file (e.g. docs/BENCHMARKS.md), replacing the previous run's");
  cmd->add_option("--annotate-articles", args->annotate_articles,
                  "stored articles the one-thread NER/actors/events figures use")
      ->check(CLI::Range(size_t{1}, size_t{1} << 24));
  cmd->add_flag("--no-peers", args->no_peers, "do not run the Python peers");
  cmd->callback([args, &exit_code] {
    if (args->corpus.empty()) args->corpus = args->shared + "/data/corpus/saudinewsnet/dataset";
    if (!fs::exists(args->corpus)) {
      std::fprintf(stderr, "marsad bench: corpus %s not found; pass --shared DIR (the folder with data/) or "
                   "--corpus DIR (any input marsad ingests)\n", args->corpus.c_str());
      return void(exit_code = kExitUsage);
    }
    const int jobs = args->jobs > 0 ? args->jobs : static_cast<int>(std::thread::hardware_concurrency());
    std::string command = "marsad bench";
    if (args->shared != "../shared") command += " --shared " + args->shared;
    if (!args->write.empty()) command += " --write " + args->write;
    if (args->no_peers) command += " --no-peers";
    BenchReport report;
    AddHeader(command, args->corpus, args->write, report);
    for (const std::string& line : report.header()) std::printf("%s\n", line.c_str());

    const fs::path db = fs::temp_directory_path() / ("marsad_bench_" + std::to_string(::getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    StageOptions stage;
    stage.corpus = args->corpus, stage.annotate_articles = args->annotate_articles, stage.peers = !args->no_peers;
    // Loaded once: the ingest, the one-thread stage figures and the NER scores share them.
    const auto annotators = pipeline::StandardAnnotators::Load({});
    const auto tagger = ner::NerTagger::LoadDefault();
    if (BenchIngest(args->corpus, db.string(), jobs, annotators, report)) {
      CollectingSink sink;
      ingest::ReadPaths({args->corpus}, {}, sink);
      report.StartSection("Stages, one thread each", "");
      report.Note("Measured inside `marsad bench`; bench/ has a Google Benchmark program per stage for closer "
                  "study (text_bench, ner_bench, actors_bench, events_bench, dedup_bench, story_bench, "
                  "search_bench). Peers: bench/peers/*.py with Debian's python3.");
      {
        auto store = OpenStoreOrReport(db.string(), true);
        if (store) {
          BenchCleaning(sink.docs, report);
          BenchAnnotators(*store, stage, annotators, tagger, report);
          BenchLinking(*store, stage, report);
        }
      }
      BenchTextCore(sink.docs, stage, report);
      BenchSearch(db.string(), report);
    } else {
      exit_code = kExitSomeFailed;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    BenchHtmlExtraction(args->shared, report);
    BenchNer(args->shared, tagger, report);

    const std::string block = report.Markdown();
    if (args->write.empty()) {
      std::printf("\n%s", block.c_str());
      return;
    }
    if (Status s = ReplaceGeneratedBlock(args->write, block); !s.ok()) {
      std::fprintf(stderr, "marsad bench: %s\n", s.message().c_str());
      return void(exit_code = kExitSomeFailed);
    }
    std::printf("wrote the figures into %s\n", args->write.c_str());
  });
}

}  // namespace marsad::cli
