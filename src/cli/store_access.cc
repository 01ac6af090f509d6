#include <cstdio>
#include <cstdlib>

#include "cli/commands.h"
#include "store/sqlite_store.h"

namespace marsad::cli {

std::string DefaultDbPath() {
  const char* env = std::getenv("MARSAD_DB");
  return env && *env ? env : "marsad.db";
}

std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& path, bool read_only) {
  store::SqliteOptions options;
  options.read_only = read_only;
  auto opened = store::OpenSqliteStore(path, options);
  if (!opened.ok()) {
    std::fprintf(stderr, "marsad: cannot open database %s: %s\n", path.c_str(),
                 opened.status().message().c_str());
    if (read_only) std::fprintf(stderr, "  (create one with: marsad ingest PATH --db %s)\n", path.c_str());
    return nullptr;
  }
  return std::move(opened).value();
}

}  // namespace marsad::cli
