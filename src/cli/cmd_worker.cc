// `marsad worker --nats URL --pg URL [--jobs N]`: one scale-out worker process
// (docs/SCALE-OUT.md). Runs N document threads (clean + annotate, in parallel with every
// other worker) and competes for the story-assigner role: the worker that holds the
// database's advisory lock puts processed articles in order and stores them; when it
// dies, another takes over within a second.
#include <csignal>
#include <functional>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "pgstore/pg_store.h"
#include "pipeline/standard_annotators.h"
#include "queue/doc_worker.h"
#include "queue/nats_queue.h"
#include "queue/pg_sequenced_store.h"
#include "queue/story_assigner.h"

namespace marsad::cli {
namespace {

std::atomic<bool> g_stop{false};

struct WorkerArgs {
  std::string nats, pg, prefix = "marsad";
  int jobs = 0;
  size_t batch = 256;
  int ack_wait_s = 30, max_attempts = 5;
  double idle_exit_s = 0;
  bool no_assigner = false, quiet = false;
  double near_dup_threshold = -1;  // the measured default (docs/STORIES.md)
  bool no_near_dups = false;
  int window_days = 30;
  bool no_ner = false, no_actors = false, no_events = false, no_stories = false;
};

queue::NatsOptions NatsOptionsFor(const WorkerArgs& a) {
  queue::NatsOptions o;
  o.url = a.nats;
  o.prefix = a.prefix;
  o.ack_wait = std::chrono::seconds(a.ack_wait_s);
  // The assigner refreshes what it holds every third of this; a dead assigner's messages
  // come back after it (the new leader waits that long at most for a gap).
  o.assigner_ack_wait = std::chrono::seconds(std::max(10, 3 * a.ack_wait_s));
  o.max_deliver = a.max_attempts + 3;  // room for the dead-lettering delivery and its retries
  return o;
}

// The assigner role: wait for leadership, then run until stopped, idle or deposed.
void AssignerLoop(const WorkerArgs& args, const std::atomic<int>& doc_threads_left, queue::AssignerStats* stats,
                  std::function<queue::ArticleOutcome(const queue::Received&)> reprocess, Status* error) {
  auto q = queue::OpenNatsQueue(NatsOptionsFor(args));
  if (!q.ok()) {
    *error = q.status();
    return;
  }
  auto pg = pgstore::OpenPgStore({args.pg});
  if (!pg.ok()) {
    *error = pg.status();
    return;
  }
  queue::PgSequencedStore ss(*pg.value(), args.prefix);
  queue::AssignerOptions o;
  o.batch_size = args.batch;
  o.linker.near_duplicates = !args.no_near_dups;
  o.linker.near_duplicate_threshold = args.near_dup_threshold;
  o.linker.window_days = args.window_days;
  o.linker.stories = !args.no_stories;
  o.idle_exit = std::chrono::milliseconds(static_cast<int64_t>(args.idle_exit_s * 1000));
  o.touch_every = std::chrono::seconds(std::max(10, 3 * args.ack_wait_s)) / 3;
  // Longer than a dead leader's messages take to come back (assigner_ack_wait).
  o.gap_wait = std::chrono::seconds(std::max(10, 3 * args.ack_wait_s));
  o.reprocess = std::move(reprocess);
  auto on_failure = [&](const std::string& input, const std::string& reason) {
    if (!args.quiet) std::fprintf(stderr, "  failed: %s: %s\n", input.c_str(), reason.c_str());
  };
  bool announced = false;
  while (!g_stop.load()) {
    auto lead = ss.TryLead();
    if (lead.ok() && lead.value()) {
      if (!args.quiet && !announced) std::fprintf(stderr, "marsad worker: story assigner for %s\n", pg.value()->url().c_str());
      announced = true;
      Status s = queue::RunStoryAssigner(*q.value(), ss, o, g_stop, stats, on_failure);
      if (s.ok()) return;  // stopped or idle
      continue;            // leadership lost (e.g. PostgreSQL restarted): try again
    }
    // Not the leader: exit with the document threads when idle.
    if (args.idle_exit_s > 0 && doc_threads_left.load() == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
}

void Run(const WorkerArgs& args, int& exit_code) {
  if (!queue::IsNatsUrl(args.nats) || !pgstore::IsPostgresUrl(args.pg)) {
    std::fprintf(stderr, "marsad worker: give --nats nats://HOST:PORT and --pg postgresql://USER@HOST:PORT/DB\n");
    exit_code = kExitUsage;
    return;
  }
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  // Check both servers before starting threads: errors say what to start.
  {
    auto q = queue::OpenNatsQueue(NatsOptionsFor(args));
    if (!q.ok()) {
      std::fprintf(stderr, "marsad worker: %s\n", q.status().message().c_str());
      exit_code = kExitStore;
      return;
    }
    auto pg = pgstore::OpenPgStore({args.pg});
    if (!pg.ok()) {
      std::fprintf(stderr, "marsad worker: %s\n", pg.status().message().c_str());
      exit_code = kExitStore;
      return;
    }
  }
  int jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  clean::Cleaner cleaner;
  // The same stages as `marsad ingest` (same flags): the results must not depend on the mode.
  pipeline::AnnotatorChoice choice;
  choice.ner = !args.no_ner, choice.actors = !args.no_actors, choice.events = !args.no_events;
  auto annotators = pipeline::StandardAnnotators::Load(choice);
  if (!annotators.ok()) {
    std::fprintf(stderr, "marsad worker: %s\n", annotators.status().message().c_str());
    exit_code = kExitUsage;
    return;
  }
  for (const std::string& w : annotators.value()->warnings()) std::fprintf(stderr, "marsad: note: %s\n", w.c_str());
  const auto& stages = annotators.value()->list();
  queue::DocWorkerStats wstats;
  queue::AssignerStats astats;
  queue::DocWorkerOptions wo;
  wo.max_attempts = args.max_attempts;
  wo.idle_exit = std::chrono::milliseconds(static_cast<int64_t>(args.idle_exit_s * 1000));
  std::atomic<int> doc_threads_left{jobs};
  std::vector<Status> errors(jobs + 1);
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) {
    threads.emplace_back([&, i] {
      auto q = queue::OpenNatsQueue(NatsOptionsFor(args));
      if (q.ok()) errors[i] = queue::RunDocWorker(*q.value(), cleaner, stages, wo, g_stop, &wstats);
      else errors[i] = q.status();
      --doc_threads_left;
    });
  }
  queue::DocWorkerStats recovered_stats;
  auto reprocess = [&](const queue::Received& m) {
    return queue::ProcessDocumentMessage(m, cleaner, stages, &recovered_stats);
  };
  if (!args.no_assigner) AssignerLoop(args, doc_threads_left, &astats, reprocess, &errors[jobs]);
  for (auto& t : threads) t.join();
  for (const Status& s : errors) {
    if (!s.ok()) {
      std::fprintf(stderr, "marsad worker: %s\n", s.message().c_str());
      exit_code = kExitStore;
    }
  }
  if (!args.quiet) {
    std::fprintf(stderr,
                 "marsad worker: processed %llu documents (%llu failed, %llu dead-lettered); stored %llu new "
                 "articles (%llu duplicates by content), %llu already present, in %llu batches\n",
                 static_cast<unsigned long long>(wstats.processed + wstats.failed),
                 static_cast<unsigned long long>(wstats.failed.load()),
                 static_cast<unsigned long long>(wstats.dead_lettered.load()),
                 static_cast<unsigned long long>(astats.stored.load()),
                 static_cast<unsigned long long>(astats.duplicates_by_content.load()),
                 static_cast<unsigned long long>(astats.already_present.load()),
                 static_cast<unsigned long long>(astats.batches.load()));
    if (astats.recovered > 0) {
      std::fprintf(stderr, "marsad worker: %llu documents read back from the docs topic (their outcome never came)\n",
                   static_cast<unsigned long long>(astats.recovered.load()));
    }
  }
}

}  // namespace

void RegisterWorker(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<WorkerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "worker",
      "Scale-out worker: takes documents published by `marsad ingest --nats` from NATS JetStream, "
      "cleans them (--jobs threads), and stores them in PostgreSQL; run as many as you like, on "
      "any machines (docs/SCALE-OUT.md). Stops on Ctrl-C/SIGTERM without losing anything.");
  cmd->add_option("--nats", args->nats, "NATS server URL(s), comma-separated (nats://host:4222)")->required();
  cmd->add_option("--pg", args->pg, "PostgreSQL URL (postgresql://user@host:5432/db)")->required();
  cmd->add_option("-j,--jobs", args->jobs, "document threads (default: one per core)")->check(CLI::Range(0, 256));
  cmd->add_option("--batch", args->batch, "articles per database transaction (assigner)")->check(CLI::Range(1, 100000));
  cmd->add_option("--prefix", args->prefix, "NATS subject prefix and stream names (default marsad)");
  cmd->add_option("--ack-wait", args->ack_wait_s,
                  "seconds before a document taken by a dead worker goes to another (default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--max-attempts", args->max_attempts,
                  "deliveries of one document before it is dead-lettered (default 5)")->check(CLI::Range(1, 100));
  cmd->add_option("--idle-exit", args->idle_exit_s, "exit after this many seconds without work (default: run until stopped)");
  cmd->add_flag("--no-assigner", args->no_assigner, "never take the story-assigner role (document threads only)");
  cmd->add_flag("-q,--quiet", args->quiet, "no messages but errors");
  cmd->add_option("--near-dup-threshold", args->near_dup_threshold, "as for ingest (default 0.55)")
      ->check(CLI::Range(0.05, 1.0));
  cmd->add_flag("--no-near-dups", args->no_near_dups, "as for ingest");
  cmd->add_option("--window-days", args->window_days, "as for ingest (default 30)")->check(CLI::Range(1, 3650));
  cmd->add_flag("--no-stories", args->no_stories, "as for ingest");
  cmd->add_flag("--no-ner", args->no_ner, "as for ingest");
  cmd->add_flag("--no-actors", args->no_actors, "as for ingest");
  cmd->add_flag("--no-events", args->no_events, "as for ingest");
  cmd->callback([args, &exit_code] { Run(*args, exit_code); });
}

}  // namespace marsad::cli
