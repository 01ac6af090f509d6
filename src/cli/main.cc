// marsad: Arabic-first news event intelligence. Entry point of the command line tool.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "marsad (مرصد): Arabic news event intelligence.\n"
      "Reads scraped news pages, HTML, JSON/JSONL, zip and TREC files; cleans them; stores\n"
      "articles in an SQLite file; exports JSON Lines (schema marsad.article/1).\n\n"
      "Typical use:\n"
      "  marsad ingest samples/ --db news.db     read files/folders into news.db\n"
      "  marsad list --db news.db                what is in it\n"
      "  marsad show ID --explain --db news.db   one article, with what the cleaner removed\n"
      "  marsad export --format jsonl --db news.db > news.jsonl\n",
      "marsad"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "marsad 0.1.0");
  int exit_code = marsad::cli::kExitOk;
  marsad::cli::RegisterIngest(app, exit_code);
  marsad::cli::RegisterList(app, exit_code);
  marsad::cli::RegisterShow(app, exit_code);
  marsad::cli::RegisterStats(app, exit_code);
  marsad::cli::RegisterExport(app, exit_code);
  marsad::cli::RegisterStories(app, exit_code);
  marsad::cli::RegisterStory(app, exit_code);
  marsad::cli::RegisterDuplicates(app, exit_code);
  marsad::cli::RegisterSearch(app, exit_code);
  marsad::cli::RegisterEntities(app, exit_code);
  marsad::cli::RegisterEntity(app, exit_code);
  marsad::cli::RegisterEvents(app, exit_code);
  marsad::cli::RegisterQuotes(app, exit_code);
  marsad::cli::RegisterDyad(app, exit_code);
  marsad::cli::RegisterServe(app, exit_code);
  marsad::cli::RegisterWorker(app, exit_code);
  marsad::cli::RegisterBench(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : marsad::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "marsad: %s\n", e.what());
    return marsad::cli::kExitStore;
  }
  return exit_code;
}
