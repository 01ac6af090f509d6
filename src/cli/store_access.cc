#include <cstdio>
#include <cstdlib>

#include "cli/commands.h"
#include "pgstore/pg_store.h"
#include "store/sqlite_store.h"

namespace marsad::cli {

std::string DefaultDbPath() {
  const char* env = std::getenv("MARSAD_DB");
  return env && *env ? env : "marsad.db";
}

void AddStoreOptions(CLI::App* cmd, std::string& db, const std::string& help) {
  CLI::Option* file = cmd->add_option("--db", db, help + " (or postgresql://...; env MARSAD_DB)");
  CLI::Option* pg = cmd->add_option_function<std::string>(
      "--pg", [&db](const std::string& url) { db = url; },
      "PostgreSQL store of the scale-out mode instead of --db (postgresql://user@host:5432/db)");
  pg->check([](const std::string& url) {
    return pgstore::IsPostgresUrl(url) ? std::string() : "--pg takes a postgresql:// URL, got " + url;
  });
  pg->excludes(file);
}

std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& path, bool read_only) {
  if (pgstore::IsPostgresUrl(path)) {  // --db postgresql://...: the scale-out store (docs/SCALE-OUT.md)
    auto pg = pgstore::OpenPgStore({path, read_only});
    if (!pg.ok()) std::fprintf(stderr, "marsad: %s\n", pg.status().message().c_str());
    return pg.ok() ? std::move(pg).value() : nullptr;
  }
  store::SqliteOptions options;
  options.read_only = read_only;
  auto opened = store::OpenSqliteStore(path, options);
  if (!opened.ok() && read_only && opened.status().code() == Status::Code::kUnsupported &&
      opened.status().message().find("older schema") != std::string::npos) {
    // A database from an older marsad: upgrade it once (a writable open migrates in one
    // transaction per step), then open it read-only as asked.
    store::SqliteOptions writable;
    if (auto upgraded = store::OpenSqliteStore(path, writable); upgraded.ok()) {
      upgraded.value().reset();
      std::fprintf(stderr, "marsad: upgraded %s to the current schema\n", path.c_str());
      opened = store::OpenSqliteStore(path, options);
    }
  }
  if (!opened.ok()) {
    std::fprintf(stderr, "marsad: cannot open database %s: %s\n", path.c_str(),
                 opened.status().message().c_str());
    if (read_only && opened.status().code() == Status::Code::kNotFound) {
      std::fprintf(stderr, "  (create one with: marsad ingest PATH --db %s)\n", path.c_str());
    }
    return nullptr;
  }
  return std::move(opened).value();
}

}  // namespace marsad::cli
