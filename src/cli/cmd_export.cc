// `marsad export --format jsonl|events-tsv [--out FILE]`
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "export/article_json.h"

namespace marsad::cli {

namespace {

// GDELT-like event columns (docs/EXPORT-FORMAT.md, "events-tsv"): one row per event report.
constexpr const char* kEventsTsvHeader =
    "EventId\tSQLDATE\tActor1Code\tActor1Name\tActor1CountryCode\tActor1EntityId\tActor2Code\tActor2Name\t"
    "Actor2CountryCode\tActor2EntityId\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\t"
    "Plover\tMode\tConfidence\tActionGeo_FullName\tActionGeo_CountryCode\tArticleId\tStoryId\tPublished\t"
    "Source\tSourceUrl\tEvidence\n";

std::string TsvCell(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string EventsTsv(const Article& a) {
  std::string out;
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    std::string date = e.date.value_or(a.published.value_or("")).substr(0, 10);
    std::string sqldate;
    for (char c : date) {
      if (c != '-') sqldate += c;
    }
    char goldstein[32], confidence[32];
    std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
    std::snprintf(confidence, sizeof confidence, "%.2f", e.confidence);
    const std::string cells[] = {a.id + ":" + std::to_string(i), sqldate, e.source.cameo, e.source.name_en,
                                 e.source.country, e.source.entity.value_or(""), e.target.cameo, e.target.name_en,
                                 e.target.country, e.target.entity.value_or(""), e.cameo_code,
                                 e.cameo_code.substr(0, 3), e.root, std::to_string(e.quad_class), goldstein,
                                 e.plover, e.mode, confidence, e.location_name, e.location_country.value_or(""),
                                 a.id, a.story_id.value_or(""), a.published.value_or(""), a.source.value_or(""),
                                 a.url.value_or(""), e.evidence_text};
    bool first = true;
    for (const std::string& c : cells) {
      out += (first ? "" : "\t") + TsvCell(c);
      first = false;
    }
    out += '\n';
  }
  return out;
}

}  // namespace

void RegisterExport(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath(), format = "jsonl", out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write every article as JSON Lines (schema marsad.article/1), or every event as a GDELT-like "
      "TSV row (--format events-tsv); docs/EXPORT-FORMAT.md.");
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_option("--format", args->format, "jsonl (default) or events-tsv")
      ->check(CLI::IsMember({"jsonl", "events-tsv"}));
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
    bool tsv = args->format == "events-tsv";
    if (tsv) std::fputs(kEventsTsvHeader, out);
    std::string line;
    Status s = store->ForEachArticle([&](const Article& a) {
      if (tsv) {
        line = EventsTsv(a);
      } else {
        line = exporter::ArticleToJson(a);
        line.push_back('\n');
      }
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
