// `marsad export --format jsonl [--out FILE]`
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "export/article_json.h"

namespace marsad::cli {

void RegisterExport(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath(), format = "jsonl", out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write every article as JSON Lines (schema marsad.article/1, docs/EXPORT-FORMAT.md).");
  cmd->add_option("--db", args->db, "SQLite database file (env MARSAD_DB)");
  cmd->add_option("--format", args->format, "output format")->check(CLI::IsMember({"jsonl"}));
  cmd->add_option("-o,--out", args->out,
                  "output file (written to FILE.tmp, renamed when complete); default stdout");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    std::string tmp = args->out.empty() ? "" : args->out + ".tmp";
    FILE* out = args->out.empty() ? stdout : std::fopen(tmp.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "marsad: cannot write %s: check the folder exists and is writable\n", tmp.c_str());
      return void(exit_code = kExitUsage);
    }
    std::string line;
    Status s = store->ForEachArticle([&](const Article& a) {
      line = exporter::ArticleToJson(a);
      line.push_back('\n');
      return std::fwrite(line.data(), 1, line.size(), out) == line.size();
    });
    bool write_ok = std::fflush(out) == 0 && !std::ferror(out);
    if (out != stdout) write_ok = (std::fclose(out) == 0) && write_ok;
    if (!s.ok() || !write_ok) {
      std::fprintf(stderr, "marsad: export failed: %s\n", s.ok() ? "write error (disk full?)" : s.message().c_str());
      if (!tmp.empty()) std::filesystem::remove(tmp);
      return void(exit_code = kExitStore);
    }
    if (!tmp.empty()) std::filesystem::rename(tmp, args->out);
  });
}

}  // namespace marsad::cli
