// The analysis commands: `marsad entities`, `entity NAME`, `events`, `quotes`, `dyad A B`.
#include <cmath>
#include <cstdio>

#include "cli/article_text.h"
#include "cli/commands.h"
#include "export/json_writer.h"
#include "pgstore/pg_store.h"

namespace marsad::cli {

namespace {

// Tab/newline-free for one-line formats.
std::string Flat(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

bool FailOn(const Status& s, int& exit_code) {
  if (s.ok()) return false;
  std::fprintf(stderr, "marsad: %s\n", s.message().c_str());
  exit_code = s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitStore;
  return true;
}

void AddDb(CLI::App* cmd, std::string& db) { AddStoreOptions(cmd, db, "SQLite database file"); }

const char* kEventColumnsHeader[] = {"date", "source", "source_cameo", "target", "target_cameo", "cameo_code", "root",
                                     "quad_class", "goldstein", "plover", "mode", "location", "location_country",
                                     "num_articles", "num_sources", "article_id", "story_id", "evidence"};

std::vector<std::string> EventCells(const store::EventRecord& r) {
  const Event& e = r.event;
  char goldstein[32];
  std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
  return {r.date, e.source.name_en, e.source.cameo, e.target.name_en, e.target.cameo, e.cameo_code, e.root,
          std::to_string(e.quad_class), goldstein, e.plover, e.mode, e.location_name,
          e.location_country.value_or(""), std::to_string(r.num_articles), std::to_string(r.num_sources),
          r.article_id, r.story_id.value_or(""), Flat(e.evidence_text)};
}

std::string EventJson(const store::EventRecord& r) {
  std::string out;
  exporter::JsonWriter w(&out);
  const Event& e = r.event;
  w.BeginObject();
  w.Key("date"), w.String(r.date);
  for (const auto* side : {&e.source, &e.target}) {
    w.Key(side == &e.source ? "source" : "target");
    w.BeginObject();
    w.Key("entity"), w.OptString(side->entity);
    w.Key("name_en"), w.String(side->name_en);
    w.Key("cameo"), w.String(side->cameo);
    w.Key("country"), w.String(side->country);
    w.EndObject();
  }
  w.Key("cameo_code"), w.String(e.cameo_code);
  w.Key("root"), w.String(e.root);
  w.Key("quad_class"), w.Int(e.quad_class);
  w.Key("goldstein"), w.Double(e.goldstein);
  w.Key("plover"), w.String(e.plover);
  w.Key("mode"), w.String(e.mode);
  w.Key("location");
  w.BeginObject();
  w.Key("name"), w.String(e.location_name);
  w.Key("country"), w.OptString(e.location_country);
  w.EndObject();
  w.Key("evidence");
  w.BeginObject();
  w.Key("text"), w.String(e.evidence_text);
  w.Key("start"), w.Int(e.evidence_start);
  w.Key("end"), w.Int(e.evidence_end);
  w.EndObject();
  w.Key("confidence"), w.Double(e.confidence);
  w.Key("num_articles"), w.Int(static_cast<long long>(r.num_articles));
  w.Key("num_sources"), w.Int(static_cast<long long>(r.num_sources));
  w.Key("story_id"), w.OptString(r.story_id);
  w.Key("articles");
  w.BeginArray();
  for (const std::string& id : r.article_ids) w.String(id);
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace

void RegisterEntities(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath();
    store::EntityFilter filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("entities", "Entities (actors, people, places, media) by number of articles.");
  AddDb(cmd, args->db);
  cmd->add_option("--type", args->filter.type, "PERSON, ORG, GPE, LOC, MEDIA or OTHER");
  cmd->add_option("--country", args->filter.country, "ISO 3166 alpha-3 code, e.g. RUS");
  cmd->add_option("-n,--limit", args->filter.limit, "at most this many (default 50)");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->ListEntities(args->filter);
    if (FailOn(r.status(), exit_code)) return;
    for (const auto& e : r.value()) {
      std::printf("%-22s %-7s %-4s %-8s %6llu articles %7llu mentions  %s (%s)\n", Cut(e.id, 22).c_str(),
                  e.type.c_str(), e.country.value_or("-").c_str(), e.cameo.value_or("-").c_str(),
                  static_cast<unsigned long long>(e.articles), static_cast<unsigned long long>(e.mentions),
                  e.name_en.c_str(), e.name_ar.c_str());
    }
  });
}

void RegisterEntity(CLI::App& app, int& exit_code) {
  struct Args {
    std::string name, db = DefaultDbPath();
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("entity", "One entity: spellings, mentions over time, top co-occurring actors.");
  cmd->add_option("name", args->name, "entity id, English or Arabic name (see `marsad entities`)")->required();
  AddDb(cmd, args->db);
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->GetEntity(args->name);
    if (FailOn(r.status(), exit_code)) return;
    if (!r.value()) {
      std::fprintf(stderr, "marsad: no entity '%s' in %s (see `marsad entities`)\n", args->name.c_str(),
                   pgstore::RedactUrl(args->db).c_str());
      return void(exit_code = kExitSomeFailed);
    }
    const store::EntityDetail& d = *r.value();
    const store::EntitySummary& e = d.summary;
    std::printf("%s — %s (%s)\n", e.id.c_str(), e.name_en.c_str(), e.name_ar.c_str());
    std::printf("type %s, country %s, CAMEO %s; %llu articles, %llu mentions, %s .. %s\n", e.type.c_str(),
                e.country.value_or("-").c_str(), e.cameo.value_or("-").c_str(),
                static_cast<unsigned long long>(e.articles), static_cast<unsigned long long>(e.mentions),
                e.first_seen.value_or("?").c_str(), e.last_seen.value_or("?").c_str());
    std::printf("\nwritten as:\n");
    for (const auto& [form, n] : d.spellings) std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), form.c_str());
    std::printf("\narticles per day:\n");
    uint64_t most = 1;
    for (const auto& p : d.by_day) most = std::max(most, p.second);
    for (const auto& [day, n] : d.by_day) {
      std::printf("  %s %5llu %s\n", day.c_str(), static_cast<unsigned long long>(n),
                  std::string(static_cast<size_t>(std::ceil(40.0 * n / most)), '#').c_str());
    }
    std::printf("\nmost often with:\n");
    for (const auto& [name, n] : d.co_occurring) {
      std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), name.c_str());
    }
  });
}

void RegisterEvents(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath(), format = "table";
    store::EventFilter filter;
    bool unmerged = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "CAMEO-coded events (who did what to whom), newest first; reports of one event by several "
      "articles of a story are merged (num_articles, num_sources).");
  AddDb(cmd, args->db);
  cmd->add_option("--actor", args->filter.actor, "source actor: CAMEO code or prefix (RUS, USAGOV), entity id or name");
  cmd->add_option("--target", args->filter.target, "target actor, as --actor");
  cmd->add_option("--root", args->filter.root, "CAMEO root code, e.g. 04 (consult)");
  cmd->add_option("--code", args->filter.code, "full CAMEO event code, e.g. 036");
  cmd->add_option("--mode", args->filter.mode, "asserted, negated, future or hypothetical");
  cmd->add_option("--since", args->filter.since, "event date on or after (YYYY-MM-DD)");
  cmd->add_option("--until", args->filter.until, "event date on or before (YYYY-MM-DD)");
  cmd->add_option("-n,--limit", args->filter.limit, "at most this many (default 100)");
  cmd->add_flag("--unmerged", args->unmerged, "one row per article report instead of per event");
  cmd->add_option("--format", args->format, "table (default), csv, tsv or jsonl");
  cmd->callback([args, &exit_code] {
    const std::string& f = args->format;
    if (f != "table" && f != "csv" && f != "tsv" && f != "jsonl") {
      std::fprintf(stderr, "marsad: unknown --format %s (use table, csv, tsv or jsonl)\n", f.c_str());
      return void(exit_code = kExitUsage);
    }
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    args->filter.merged = !args->unmerged;
    auto r = store->ListEvents(args->filter);
    if (FailOn(r.status(), exit_code)) return;
    if (f == "csv" || f == "tsv") {
      std::string sep = f == "csv" ? "," : "\t";
      std::string line;
      for (const char* h : kEventColumnsHeader) line += (line.empty() ? "" : sep) + h;
      std::printf("%s\n", line.c_str());
      for (const auto& rec : r.value()) {
        line.clear();
        bool first = true;
        for (const std::string& cell : EventCells(rec)) {
          line += (first ? "" : sep) + (f == "csv" ? CsvField(cell) : cell);
          first = false;
        }
        std::printf("%s\n", line.c_str());
      }
      return;
    }
    for (const auto& rec : r.value()) {
      if (f == "jsonl") {
        std::printf("%s\n", EventJson(rec).c_str());
        continue;
      }
      const Event& e = rec.event;
      std::printf("%s  %-9s %-4s %-9s %5.1f  %-12s x%llu  %s\n", rec.date.c_str(), Cut(e.source.cameo, 9).c_str(),
                  e.cameo_code.c_str(), Cut(e.target.cameo, 9).c_str(), e.goldstein, e.mode.c_str(),
                  static_cast<unsigned long long>(rec.num_articles), Cut(Flat(e.evidence_text), 90).c_str());
    }
  });
}

void RegisterQuotes(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath();
    store::QuoteFilter filter;
    bool jsonl = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("quotes", "Quotes with their speakers, newest first.");
  AddDb(cmd, args->db);
  cmd->add_option("--speaker", args->filter.speaker, "entity id, or (part of) the speaker's name");
  cmd->add_option("--since", args->filter.since, "article date on or after (YYYY-MM-DD)");
  cmd->add_option("--until", args->filter.until, "article date on or before (YYYY-MM-DD)");
  cmd->add_option("-n,--limit", args->filter.limit, "at most this many (default 100)");
  cmd->add_flag("--jsonl", args->jsonl, "one JSON object per line");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->ListQuotes(args->filter);
    if (FailOn(r.status(), exit_code)) return;
    for (const auto& q : r.value()) {
      if (args->jsonl) {
        std::string out;
        exporter::JsonWriter w(&out);
        w.BeginObject();
        w.Key("speaker"), w.OptString(q.quote.speaker);
        w.Key("speaker_name"), w.String(q.quote.speaker_name);
        w.Key("text"), w.String(q.quote.text);
        w.Key("direct"), w.Bool(q.quote.direct);
        w.Key("start"), w.Int(q.quote.start);
        w.Key("end"), w.Int(q.quote.end);
        w.Key("article_id"), w.String(q.article_id);
        w.Key("published"), w.OptString(q.published);
        w.Key("source"), w.OptString(q.source);
        w.EndObject();
        std::printf("%s\n", out.c_str());
        continue;
      }
      std::printf("%s  %-24s %s %s\n", q.published.value_or("?").substr(0, 10).c_str(),
                  Cut(q.quote.speaker_name, 24).c_str(), q.quote.direct ? "«" : "~",
                  Cut(Flat(q.quote.text), 100).c_str());
    }
  });
}

void RegisterDyad(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath();
    store::DyadQuery query;
    bool jsonl = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "dyad", "Events between two actors over time: count, mean Goldstein, QuadClass mix (1 verbal coop, "
              "2 material coop, 3 verbal conflict, 4 material conflict).");
  cmd->add_option("a", args->query.a, "first actor: CAMEO code or prefix (RUS), entity id or name")->required();
  cmd->add_option("b", args->query.b, "second actor")->required();
  AddDb(cmd, args->db);
  cmd->add_option("--by", args->query.by, "day (default), week or month");
  cmd->add_flag("--directed", args->query.directed, "only events from a to b");
  cmd->add_option("--since", args->query.since, "event date on or after (YYYY-MM-DD)");
  cmd->add_option("--until", args->query.until, "event date on or before (YYYY-MM-DD)");
  cmd->add_flag("--jsonl", args->jsonl, "one JSON object per period");
  cmd->callback([args, &exit_code] {
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->Dyad(args->query);
    if (FailOn(r.status(), exit_code)) return;
    if (!args->jsonl) std::printf("%-10s %6s %9s   q1   q2   q3   q4\n", "period", "events", "goldstein");
    for (const auto& p : r.value()) {
      if (args->jsonl) {
        std::string out;
        exporter::JsonWriter w(&out);
        w.BeginObject();
        w.Key("period"), w.String(p.period);
        w.Key("events"), w.Int(static_cast<long long>(p.events));
        w.Key("mean_goldstein"), w.Double(p.mean_goldstein);
        w.Key("quad_class");
        w.BeginArray();
        for (uint64_t n : p.quad_class) w.Int(static_cast<long long>(n));
        w.EndArray();
        w.EndObject();
        std::printf("%s\n", out.c_str());
        continue;
      }
      std::printf("%-10s %6llu %9.2f %4llu %4llu %4llu %4llu\n", p.period.c_str(),
                  static_cast<unsigned long long>(p.events), p.mean_goldstein,
                  static_cast<unsigned long long>(p.quad_class[0]), static_cast<unsigned long long>(p.quad_class[1]),
                  static_cast<unsigned long long>(p.quad_class[2]), static_cast<unsigned long long>(p.quad_class[3]));
    }
  });
}

}  // namespace marsad::cli
