// `marsad search QUERY`: full-text search (docs/SEARCH.md).
#include <cstdio>

#include "cli/commands.h"
#include "core/utf8.h"
#include "export/json_writer.h"
#include "pgstore/pg_search.h"
#include "pgstore/pg_store.h"
#include "search/searcher.h"

namespace marsad::cli {
namespace {

// s with [ ] around each span (code points), for the terminal.
std::string Marked(const std::string& s, const std::vector<search::Span>& spans) {
  std::string out;
  size_t done = 0;
  for (const auto& [b, e] : spans) {
    const size_t bb = utf8::ByteOffsetOfCodePoint(s, b), eb = utf8::ByteOffsetOfCodePoint(s, e);
    if (bb < done || eb < bb) continue;
    out += s.substr(done, bb - done) + "[" + s.substr(bb, eb - bb) + "]";
    done = eb;
  }
  return out + s.substr(std::min(done, s.size()));
}

void Spans(exporter::JsonWriter& w, const std::vector<search::Span>& spans) {
  w.BeginArray();
  for (const auto& [b, e] : spans) {
    w.BeginArray();
    w.Int(b), w.Int(e);
    w.EndArray();
  }
  w.EndArray();
}

std::string HeaderJson(const search::Query& q, const search::Results& r) {
  std::string out;
  exporter::JsonWriter w(&out);
  w.BeginObject();
  w.Key("query"), w.String(q.text);
  w.Key("total"), w.Int(static_cast<long long>(r.total));
  w.Key("total_groups"), w.Int(static_cast<long long>(r.total_groups));
  w.Key("groups"), w.Int(static_cast<long long>(r.groups.size()));
  w.Key("offset"), w.Int(static_cast<long long>(q.offset));
  w.Key("millis"), w.Double(r.millis);
  w.EndObject();
  return out;
}

std::string HitJson(const search::Results& r, const search::Hit& h) {
  std::string out;
  exporter::JsonWriter w(&out);
  auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  w.BeginObject();
  w.Key("group"), w.Int(static_cast<long long>(h.group));
  w.Key("group_matches"), w.Int(static_cast<long long>(r.groups[h.group].matches));
  w.Key("id"), w.String(h.article_id);
  w.Key("story_id"), w.OptString(opt(h.story_id));
  w.Key("published"), w.OptString(opt(h.published));
  w.Key("source"), w.OptString(opt(h.source));
  w.Key("title"), w.String(h.title);
  w.Key("title_highlights"), Spans(w, h.title_highlights);
  w.Key("snippet"), w.String(h.snippet);
  w.Key("highlights"), Spans(w, h.highlights);
  w.Key("score"), w.Double(h.score);
  w.EndObject();
  return out;
}

void PrintTable(const search::Query& q, const search::Results& r) {
  std::printf("%zu matching articles in %zu groups (stories or single articles), %.1f ms; groups %zu-%zu:\n",
              r.total, r.total_groups, r.millis, r.groups.empty() ? 0 : q.offset + 1, q.offset + r.groups.size());
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const search::Group& group = r.groups[g];
    if (group.story_id.empty()) {
      std::printf("\n%zu.\n", q.offset + g + 1);
    } else {
      std::printf("\n%zu. story %s (%zu matching articles)\n", q.offset + g + 1, group.story_id.c_str(), group.matches);
    }
    for (size_t i : group.hits) {
      const search::Hit& h = r.hits[i];
      std::printf("   %s  %-10s  %-18s  %s\n", h.article_id.c_str(), h.published.substr(0, 10).c_str(),
                  h.source.c_str(), Marked(h.title, h.title_highlights).c_str());
      std::printf("      %s\n", Marked(h.snippet, h.highlights).c_str());
    }
  }
}

}  // namespace

void RegisterSearch(CLI::App& app, int& exit_code) {
  struct Args {
    std::vector<std::string> words;
    std::string db = DefaultDbPath(), format = "table";
    search::Query q;
    bool explain = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Full-text search of titles and texts, Arabic-aware: hamza/ta marbuta/diacritics folded, clitics\n"
      "and light stems (والكرملين finds الكرملين), spelling variants of names (ترمب finds ترامب).\n"
      "Results are ranked (BM25, title words count more) and grouped by story.\n\n"
      "Query language (quote the whole query in the shell):\n"
      "  ترامب بوتين           both words              \"البيت الأبيض\"   a phrase («…» too)\n"
      "  ترامب OR ترمب         either (also |)         ترامب -بايدن     without (also NOT)\n"
      "  (إيران OR طهران) نووي  grouping               =ترمب            this exact form only\n"
      "  اقتصاد*               words starting so\n"
      "Examples:\n"
      "  marsad search 'ترمب \"البيت الأبيض\"' --since 2015-07-01 --db news.db\n"
      "  marsad search 'الكرملين' --pg postgresql://marsad@127.0.0.1:5432/marsad\n"
      "  marsad search 'النفط -إيران' --source Okaz --format jsonl");
  cmd->add_option("query", args->words, "the query (several arguments are joined with spaces)")->required();
  AddStoreOptions(cmd, args->db, "database file");
  cmd->add_option("--since", args->q.since, "only articles published on or after this date (YYYY-MM-DD, YYYY-MM, YYYY)");
  cmd->add_option("--until", args->q.until, "only articles published on or before this date (YYYY-MM-DD, YYYY-MM, YYYY)");
  cmd->add_option("--source", args->q.source, "only this outlet, as `marsad stats` lists it (case-insensitive)");
  cmd->add_option("--entity", args->q.entity, "only articles mentioning this entity (id, English or Arabic name)");
  cmd->add_option("--story", args->q.story, "only articles of this story (id from `marsad stories`)");
  cmd->add_option("-n,--limit", args->q.limit, "groups per page (default 20, at most 1000)");
  cmd->add_option("--offset", args->q.offset, "groups to skip (paging)");
  cmd->add_option("--per-story", args->q.per_group, "articles shown per story group (default 3)");
  cmd->add_option("--format", args->format, "table (default) or jsonl (a summary line, then one line per article)");
  cmd->add_flag("--explain", args->explain,
                "also print the compiled query (FTS5 expression, or tsquery on PostgreSQL) to stderr");
  cmd->callback([args, &exit_code] {
    if (args->format != "table" && args->format != "jsonl") {
      std::fprintf(stderr, "marsad: unknown --format %s (use table or jsonl)\n", args->format.c_str());
      return void(exit_code = kExitUsage);
    }
    for (const std::string& w : args->words) args->q.text += (args->q.text.empty() ? "" : " ") + w;
    // Query syntax first: a typo is reported without touching the database.
    if (auto parsed = search::ParseQuery(args->q.text); !parsed.ok()) {
      std::fprintf(stderr, "marsad: bad query: %s\n", parsed.status().message().c_str());
      return void(exit_code = kExitUsage);
    }
    // SQLite: the store open checks the file and upgrades an older schema (building the
    // index). PostgreSQL: OpenPgSearch checks the schema (docs/SCALE-OUT.md).
    std::unique_ptr<search::Searcher> searcher;
    std::unique_ptr<search::Backend> pg;
    if (pgstore::IsPostgresUrl(args->db)) {
      auto opened = pgstore::OpenPgSearch(args->db);
      if (!opened.ok()) {
        std::fprintf(stderr, "marsad: %s\n", opened.status().message().c_str());
        return void(exit_code = kExitStore);
      }
      pg = std::move(opened).value();
    } else {
      if (!OpenStoreOrReport(args->db, true)) return void(exit_code = kExitStore);
      auto opened = search::Searcher::Open(args->db);
      if (!opened.ok()) {
        std::fprintf(stderr, "marsad: %s\n", opened.status().message().c_str());
        return void(exit_code = kExitStore);
      }
      searcher = std::move(opened).value();
    }
    auto r = pg ? search::Search(*pg, args->q) : searcher->Search(args->q);
    if (!r.ok()) {
      std::fprintf(stderr, "marsad: %s\n", r.status().message().c_str());
      return void(exit_code = r.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitStore);
    }
    if (args->explain) std::fprintf(stderr, "%s: %s\n", r.value().engine.c_str(), r.value().compiled_query.c_str());
    if (args->format == "jsonl") {
      std::printf("%s\n", HeaderJson(args->q, r.value()).c_str());
      for (const search::Hit& h : r.value().hits) std::printf("%s\n", HitJson(r.value(), h).c_str());
    } else {
      PrintTable(args->q, r.value());
    }
  });
}

}  // namespace marsad::cli
