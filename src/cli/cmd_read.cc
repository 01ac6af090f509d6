// The reading commands: `marsad show ID`, `marsad list`, `marsad stats`.
#include <cstdio>

#include "cli/article_text.h"
#include "cli/commands.h"
#include "export/article_json.h"

namespace marsad::cli {

void RegisterShow(CLI::App& app, int& exit_code) {
  struct Args {
    std::string id, db = DefaultDbPath();
    bool explain = false, json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("show", "Print one article: metadata and main text.");
  cmd->add_option("id", args->id, "article id (see `marsad list`)")->required();
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_flag("--explain", args->explain,
                "also print every block the cleaner removed and each related article, with its kind");
  cmd->add_flag("--json", args->json, "print the export JSON object instead");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto found = store->GetArticle(args->id);
    if (!found.ok()) {
      std::fprintf(stderr, "marsad: %s\n", found.status().message().c_str());
      return void(exit_code = kExitStore);
    }
    if (!found.value()) {
      std::fprintf(stderr, "marsad: no article with id %s in %s (ids are listed by `marsad list`)\n",
                   args->id.c_str(), args->db.c_str());
      return void(exit_code = kExitSomeFailed);
    }
    const Article& a = *found.value();
    std::string out = args->json ? exporter::ArticleToJson(a) + "\n" : RenderArticle(a, args->explain);
    std::fwrite(out.data(), 1, out.size(), stdout);
  });
}

void RegisterList(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath();
    size_t limit = 50, width = 160;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("list", "List articles in ingest order: id, date, outlet, title.");
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_option("-n,--limit", args->limit, "at most this many (0 = all)");
  cmd->add_option("--width", args->width, "cut lines to this many characters");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    size_t n = 0;
    Status s = store->ForEachArticle([&](const Article& a) {
      std::printf("%s\n", RenderListLine(a, args->width).c_str());
      return args->limit == 0 || ++n < args->limit;
    });
    if (!s.ok()) {
      std::fprintf(stderr, "marsad: %s\n", s.message().c_str());
      exit_code = kExitStore;
    }
  });
}

void RegisterStats(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath();
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts: articles, sources, dates, removed blocks, entities, events.");
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->Stats();
    if (!r.ok()) {
      std::fprintf(stderr, "marsad: %s\n", r.status().message().c_str());
      return void(exit_code = kExitStore);
    }
    const auto& s = r.value();
    auto u = [](uint64_t v) { return static_cast<unsigned long long>(v); };
    std::printf("database        %s (schema %d)\n", args->db.c_str(), s.schema_version);
    std::printf("articles        %llu (%llu exact duplicates by content)\n", u(s.articles), u(s.exact_duplicates));
    std::printf("published       %s .. %s\n", s.first_published.value_or("?").c_str(),
                s.last_published.value_or("?").c_str());
    std::printf("related         %llu secondary articles kept apart\n", u(s.related));
    std::printf("removed blocks  %llu\n", u(s.removed_blocks));
    for (const auto& [kind, n] : s.removed_by_kind) std::printf("  %-20s %llu\n", kind.c_str(), u(n));
    std::printf("entities        %llu (%llu mentions)\n", u(s.entities), u(s.mentions));
    std::printf("quotes          %llu\n", u(s.quotes));
    std::printf("events          %llu\n", u(s.events));
    std::printf("stories         %llu\n", u(s.stories));
    if (s.invalid_utf8_articles) std::printf("repaired UTF-8  %llu articles\n", u(s.invalid_utf8_articles));
    std::printf("sources\n");
    for (const auto& [source, n] : s.by_source) std::printf("  %-30s %llu\n", source.c_str(), u(n));
  });
}

}  // namespace marsad::cli
