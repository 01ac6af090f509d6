// `marsad bench [--corpus DIR] [--jobs N]`: measures, on a real corpus, the text core
// (display + match-key normalisation + tokenising, MB/s on one core) and the end-to-end
// ingest (articles/s, MB/s, peak RSS) into a temporary database. Prints the figures
// with the machine and the command, ready for docs/BENCHMARKS.md.
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "pipeline/ingest_pipeline.h"
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

void BenchIngest(const std::string& corpus, int jobs) {
  fs::path db = fs::temp_directory_path() / ("marsad_bench_" + std::to_string(::getpid()) + ".db");
  fs::remove(db);
  auto store = OpenStoreOrReport(db.string(), false);
  if (!store) return;
  clean::Cleaner cleaner;
  pipeline::IngestOptions options;
  options.jobs = jobs;
  options.quiet = true;
  auto r = pipeline::Ingest({corpus}, *store, cleaner, options);
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  if (!r.ok()) {
    std::printf("ingest: failed: %s\n", r.status().message().c_str());
    return;
  }
  const auto& s = r.value();
  std::printf("ingest end-to-end (read+clean+store, --jobs %d): %llu documents, %llu stored, %.2f s, "
              "%.0f articles/s, %.1f MB/s of input files (as stored, e.g. zipped), peak RSS %.0f MiB\n",
              jobs > 0 ? jobs : static_cast<int>(std::thread::hardware_concurrency()),
              static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.ingested),
              s.seconds, s.documents / s.seconds, s.input_bytes / 1e6 / s.seconds, PeakRssMiB());
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
      "bench", "Measure text-core and end-to-end ingest speed on a corpus (default: SaudiNewsNet in ../shared).");
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
