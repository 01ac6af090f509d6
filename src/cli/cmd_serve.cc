// `marsad serve [--db FILE | --pg URL] [--port 8080] [--bind 127.0.0.1] [--read-only]`: the
// HTTP API and web page (docs/SERVER.md) over SQLite or PostgreSQL (docs/SCALE-OUT.md).
// Stops cleanly on SIGINT/SIGTERM.
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "pgstore/pg_store.h"
#include "pipeline/standard_annotators.h"
#include "server/server.h"

namespace marsad::cli {
namespace {

struct ServeArgs {
  std::string db = DefaultDbPath();
  std::string bind = "127.0.0.1";
  int port = 8080;
  bool read_only = false;
  size_t max_body_mb = 8;
  int threads = 16;
  bool log = false;
  bool no_ner = false, no_actors = false, no_events = false, no_stories = false;
};

void Run(const ServeArgs& args, int& exit_code) {
  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ServerOptions options;
  options.db_path = args.db;
  options.bind = args.bind;
  options.port = args.port;
  options.read_only = args.read_only;
  options.max_body_bytes = args.max_body_mb << 20;
  options.threads = args.threads;
  options.log_requests = args.log;
  // Live ingest (POST) runs the same stages as `marsad ingest`, with the same switches.
  std::unique_ptr<pipeline::StandardAnnotators> annotators;
  if (!args.read_only) {
    pipeline::AnnotatorChoice choice;
    choice.ner = !args.no_ner, choice.actors = !args.no_actors, choice.events = !args.no_events;
    auto loaded = pipeline::StandardAnnotators::Load(choice);
    if (!loaded.ok()) {
      std::fprintf(stderr, "marsad: %s\n  (leave the stage out with --no-ner/--no-actors/--no-events)\n",
                   loaded.status().message().c_str());
      exit_code = kExitUsage;
      return;
    }
    annotators = std::move(loaded).value();
    for (const std::string& w : annotators->warnings()) std::fprintf(stderr, "marsad: note: %s\n", w.c_str());
    options.annotators = annotators->list();
  }
  options.linker.stories = !args.no_stories;
  auto opened = server::HttpServer::Open(options);
  if (!opened.ok()) {
    std::fprintf(stderr, "marsad: cannot serve %s: %s\n", pgstore::RedactUrl(args.db).c_str(),
                 opened.status().message().c_str());
    if (args.read_only && opened.status().code() == Status::Code::kNotFound) {
      std::fprintf(stderr, "  (create one with: marsad ingest PATH --db %s)\n", args.db.c_str());
    }
    exit_code = kExitStore;
    return;
  }
  auto& server = *opened.value();
  auto port = server.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "marsad: %s\n", port.status().message().c_str());
    exit_code = kExitUsage;
    return;
  }
  std::fprintf(stderr, "marsad: serving %s%s on http://%s:%d/ (Ctrl-C stops)\n", pgstore::RedactUrl(args.db).c_str(),
               args.read_only ? " read-only" : "", args.bind.c_str(), port.value());
  std::fflush(stderr);
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  Status s = server.Run();
  // Wake the watcher if the server stopped on its own.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  if (!s.ok()) {
    std::fprintf(stderr, "marsad: %s\n", s.message().c_str());
    exit_code = kExitStore;
  }
}

}  // namespace

void RegisterServe(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the HTTP API (/api/..., described at /api/openapi.json) and the web page (/) over "
      "the database. POST /api/articles ingests live unless --read-only. See docs/SERVER.md.");
  AddStoreOptions(cmd, args->db, "SQLite database file (created if missing unless --read-only)");
  cmd->add_option("--port", args->port, "TCP port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", args->bind,
                  "address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 exposes the API)");
  cmd->add_flag("--read-only", args->read_only, "open the database read-only and refuse POST");
  cmd->add_option("--max-body-mb", args->max_body_mb, "largest request body accepted (MiB; default 8)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--threads", args->threads, "worker threads (default 16); a keep-alive connection holds one while open, so give at least as many as concurrent clients")->check(CLI::Range(1, 256));
  cmd->add_flag("--log", args->log, "log each request on stderr");
  cmd->add_flag("--no-ner", args->no_ner, "POST: no statistical name finder (as marsad ingest --no-ner)");
  cmd->add_flag("--no-actors", args->no_actors, "POST: no actor resolution (implies --no-events)");
  cmd->add_flag("--no-events", args->no_events, "POST: no event and quote coding");
  cmd->add_flag("--no-stories", args->no_stories, "POST: no story clustering");
  cmd->callback([args, &exit_code] { Run(*args, exit_code); });
}

}  // namespace marsad::cli
