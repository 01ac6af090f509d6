// `marsad ingest PATH... [--db FILE] [--jobs N] [--quiet] [--*-field NAME]`
#include <cstdio>

#include "cli/commands.h"
#include "pipeline/standard_annotators.h"
#include "pipeline/ingest_pipeline.h"
#include "queue/publisher.h"

namespace marsad::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = DefaultDbPath();
  int jobs = 0;
  bool quiet = false;
  size_t batch = 256;
  size_t show_failures = 20;
  std::vector<std::string> title_fields, text_fields, url_fields, source_fields, date_fields,
      author_fields, crawl_date_fields;
  uint64_t max_file_mb = 1024, max_document_mb = 32;
  bool no_ner = false, no_actors = false, no_events = false, no_stories = false;
  double near_dup_threshold = -1;  // the measured default (docs/STORIES.md)
  bool no_near_dups = false;
  int window_days = 30;
  std::string nats;  // publish to NATS JetStream for `marsad worker` instead (docs/SCALE-OUT.md)
};

void PrintSummary(const pipeline::IngestSummary& s, const IngestArgs& args) {
  std::fprintf(stderr,
               "ingested %llu new articles (%llu duplicates by content, %llu near duplicates), "
               "%llu already present, %llu failed; %llu documents read in %.2f s (%.0f documents/s)\n",
               static_cast<unsigned long long>(s.ingested),
               static_cast<unsigned long long>(s.duplicates_by_content),
               static_cast<unsigned long long>(s.near_duplicates),
               static_cast<unsigned long long>(s.already_present),
               static_cast<unsigned long long>(s.failed),
               static_cast<unsigned long long>(s.documents), s.seconds,
               s.seconds > 0 ? s.documents / s.seconds : 0.0);
  if (s.repaired_utf8) {
    std::fprintf(stderr, "note: %llu articles had invalid UTF-8, repaired with U+FFFD (flagged)\n",
                 static_cast<unsigned long long>(s.repaired_utf8));
  }
  size_t shown = 0;
  for (const auto& f : s.failures) {
    if (shown++ == args.show_failures) {
      std::fprintf(stderr, "  ... and %llu more failures (use --show-failures N)\n",
                   static_cast<unsigned long long>(s.failed - args.show_failures));
      break;
    }
    std::fprintf(stderr, "  failed: %s: %s\n", f.input.c_str(), f.reason.c_str());
  }
}

void Run(const IngestArgs& args, int& exit_code) {
  pipeline::IngestOptions options;
  options.jobs = args.jobs;
  options.quiet = args.quiet;
  options.batch_size = args.batch;
  auto& f = options.reader.fields;
  // A field named on the command line is tried before the defaults.
  auto prepend = [](std::vector<std::string>& dst, const std::vector<std::string>& names) {
    dst.insert(dst.begin(), names.begin(), names.end());
  };
  prepend(f.title, args.title_fields);
  prepend(f.text, args.text_fields);
  prepend(f.url, args.url_fields);
  prepend(f.source, args.source_fields);
  prepend(f.date, args.date_fields);
  prepend(f.author, args.author_fields);
  prepend(f.crawl_date, args.crawl_date_fields);
  options.reader.max_file_bytes = args.max_file_mb << 20;
  options.reader.max_document_bytes = args.max_document_mb << 20;
  options.linker.near_duplicates = !args.no_near_dups;
  options.linker.near_duplicate_threshold = args.near_dup_threshold;
  options.linker.window_days = args.window_days;

  if (!args.nats.empty()) {
    auto published = queue::PublishToNats(args.nats, args.paths, options.reader);
    if (!published.ok()) {
      std::fprintf(stderr, "marsad: ingest --nats: %s\n", published.status().message().c_str());
      exit_code = kExitStore;
      return;
    }
    const queue::PublishSummary& p = published.value();
    if (!args.quiet) {
      std::fprintf(stderr, "published %llu documents for marsad worker (%llu published before), %llu failed, in %.2f s\n",
                   static_cast<unsigned long long>(p.published), static_cast<unsigned long long>(p.duplicates),
                   static_cast<unsigned long long>(p.failed), p.seconds);
      for (size_t i = 0; i < p.failures.size() && i < args.show_failures; ++i) {
        std::fprintf(stderr, "  failed: %s: %s\n", p.failures[i].first.c_str(), p.failures[i].second.c_str());
      }
    }
    if (p.failed > 0) exit_code = kExitSomeFailed;
    return;
  }
  auto store = OpenStoreOrReport(args.db, /*read_only=*/false);
  if (!store) {
    exit_code = kExitStore;
    return;
  }
  options.linker.stories = !args.no_stories;
  pipeline::AnnotatorChoice choice;
  choice.ner = !args.no_ner, choice.actors = !args.no_actors, choice.events = !args.no_events;
  auto annotators = pipeline::StandardAnnotators::Load(choice);
  if (!annotators.ok()) {
    std::fprintf(stderr, "marsad: %s\n  (reinstall marsad, or leave the stage out with --no-ner/--no-actors/--no-events)\n",
                 annotators.status().message().c_str());
    exit_code = kExitUsage;
    return;
  }
  for (const std::string& w : annotators.value()->warnings()) std::fprintf(stderr, "marsad: note: %s\n", w.c_str());
  options.annotators = annotators.value()->list();

  clean::Cleaner cleaner;
  auto result = pipeline::Ingest(args.paths, *store, cleaner, options);
  if (!result.ok()) {
    std::fprintf(stderr, "marsad: ingest stopped: the database %s failed: %s\n"
                 "  what was committed is kept; fix the cause and re-run the same command to resume\n",
                 args.db.c_str(), result.status().message().c_str());
    exit_code = kExitStore;
    return;
  }
  if (!args.quiet) PrintSummary(result.value(), args);
  if (result.value().failed > 0) exit_code = kExitSomeFailed;
}

}  // namespace

void RegisterIngest(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read files and folders (recursively) into the database: .txt pages, .html/.htm/.html.gz, "
      ".json/.jsonl records, .zip of those, TREC <DOC> files. Re-ingesting the same input adds "
      "nothing. Exit status 1 if some inputs failed (they are listed; the rest is stored).");
  cmd->add_option("paths", args->paths, "files or folders to read")->required();
  AddStoreOptions(cmd, args->db, "SQLite database file (created if missing)");
  cmd->add_option("--nats", args->nats,
                  "publish the documents to NATS JetStream (nats://host:4222) for `marsad worker` "
                  "instead of processing them here (docs/SCALE-OUT.md)");
  cmd->add_option("-j,--jobs", args->jobs, "cleaning threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->add_flag("-q,--quiet", args->quiet, "no progress bar and no summary");
  cmd->add_option("--batch", args->batch, "articles per database transaction")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--show-failures", args->show_failures, "how many failures to list");
  cmd->add_option("--title-field", args->title_fields, "JSON field holding the title (repeatable)");
  cmd->add_option("--text-field", args->text_fields, "JSON field holding the article text");
  cmd->add_option("--url-field", args->url_fields, "JSON field holding the URL");
  cmd->add_option("--source-field", args->source_fields, "JSON field holding the outlet");
  cmd->add_option("--date-field", args->date_fields, "JSON field holding the publication date");
  cmd->add_option("--author-field", args->author_fields, "JSON field holding the author");
  cmd->add_option("--crawl-date-field", args->crawl_date_fields,
                  "JSON field holding when the page was fetched (resolves dates like اليوم)");
  cmd->add_option("--max-file-mb", args->max_file_mb,
                  "refuse input files larger than this (MiB; default 1024)")->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--max-document-mb", args->max_document_mb,
                  "refuse single articles larger than this (MiB; default 32)")->check(CLI::Range(1, 4096));
  cmd->add_option("--near-dup-threshold", args->near_dup_threshold,
                  "Jaccard similarity (0-1] of word-shingle sets from which an article is a near "
                  "duplicate of an earlier one (default 0.55, measured on the gold set: docs/STORIES.md)")
      ->check(CLI::Range(0.05, 1.0));
  cmd->add_flag("--no-near-dups", args->no_near_dups, "only mark exact duplicates (same main text)");
  cmd->add_flag("--no-stories", args->no_stories, "do not cluster articles into stories");
  cmd->add_flag("--no-ner", args->no_ner, "no statistical names (actors from the knowledge base only)");
  cmd->add_flag("--no-actors", args->no_actors, "no entities, quotes or events (cleaning, duplicates, stories only)");
  cmd->add_flag("--no-events", args->no_events, "entities but no events or quotes");
  cmd->add_option("--window-days", args->window_days,
                  "days of earlier articles compared with new ones for near duplicates (default 30)")
      ->check(CLI::Range(1, 3650));
  cmd->callback([args, &exit_code] { Run(*args, exit_code); });
}

}  // namespace marsad::cli
