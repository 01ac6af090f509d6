// The story commands: `marsad stories`, `marsad story ID`, `marsad duplicates ID`.
#include <cstdio>

#include "cli/article_text.h"
#include "cli/commands.h"
#include "export/json_writer.h"

namespace marsad::cli {

namespace {

std::string StoryJson(const store::StoryRecord& s) {
  std::string out;
  exporter::JsonWriter w(&out);
  w.BeginObject();
  w.Key("id"), w.String(s.id);
  w.Key("title"), w.String(s.title);
  w.Key("first_seen"), w.OptString(s.first_seen);
  w.Key("last_seen"), w.OptString(s.last_seen);
  w.Key("article_count"), w.Int(static_cast<long long>(s.article_count));
  w.Key("first_source"), w.String(s.first_source);
  for (const auto* list : {&s.sources, &s.entities}) {
    w.Key(list == &s.sources ? "sources" : "entities");
    w.BeginArray();
    for (const auto& [name, n] : *list) {
      w.BeginObject();
      w.Key("name"), w.String(name);
      w.Key("articles"), w.Int(static_cast<long long>(n));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return out;
}

std::string BriefJson(const store::ArticleBrief& b) {
  std::string out;
  exporter::JsonWriter w(&out);
  w.BeginObject();
  w.Key("id"), w.String(b.id);
  w.Key("published"), w.OptString(b.published);
  w.Key("source"), w.OptString(b.source);
  w.Key("title"), w.OptString(b.title);
  w.Key("duplicate_of"), w.OptString(b.duplicate_of);
  w.Key("story_id"), w.OptString(b.story_id);
  w.EndObject();
  return out;
}

void PrintBriefs(const std::vector<store::ArticleBrief>& briefs, bool json) {
  for (const auto& b : briefs) {
    if (json) {
      std::printf("%s\n", BriefJson(b).c_str());
      continue;
    }
    std::printf("%s  %-10s  %-18s  %s%s\n", b.id.c_str(), b.published.value_or("?").substr(0, 10).c_str(),
                Cut(b.source.value_or("?"), 18).c_str(), b.duplicate_of ? "[dup] " : "",
                Cut(b.title.value_or(""), 90).c_str());
  }
}

bool CheckFormat(const std::string& format) {
  if (format == "table" || format == "jsonl") return true;
  std::fprintf(stderr, "marsad: unknown --format %s (use table or jsonl)\n", format.c_str());
  return false;
}

}  // namespace

void RegisterStories(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db = DefaultDbPath(), format = "table";
    std::optional<std::string> since, until, entity;
    size_t top = 20;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "stories", "List stories (clusters of articles on one event), biggest first: id, dates, articles, outlets, title.");
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_option("--since", args->since, "only stories still running on or after this date (YYYY-MM-DD)");
  cmd->add_option("--until", args->until, "only stories that started on or before this date (YYYY-MM-DD)");
  cmd->add_option("--entity", args->entity, "only stories mentioning this entity (id, English or Arabic name)");
  cmd->add_option("-n,--top", args->top, "at most this many stories");
  cmd->add_option("--format", args->format, "table (default) or jsonl");
  cmd->callback([args, &exit_code] {
    if (!CheckFormat(args->format)) return void(exit_code = kExitUsage);
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    store::StoryFilter f;
    f.since = args->since, f.until = args->until, f.entity = args->entity, f.limit = args->top;
    auto r = store->ListStories(f);
    if (!r.ok()) {
      std::fprintf(stderr, "marsad: %s\n", r.status().message().c_str());
      return void(exit_code = kExitStore);
    }
    for (const auto& s : r.value()) {
      if (args->format == "jsonl") {
        std::printf("%s\n", StoryJson(s).c_str());
        continue;
      }
      std::printf("%s  %s..%s  %4llu articles  %2zu outlets  %s\n", s.id.c_str(),
                  s.first_seen.value_or("?").c_str(), s.last_seen.value_or("?").c_str(),
                  static_cast<unsigned long long>(s.article_count), s.sources.size(), Cut(s.title, 80).c_str());
    }
    if (r.value().empty() && args->format == "table") {
      std::fprintf(stderr, "marsad: no stories match (stories are built during `marsad ingest`)\n");
    }
  });
}

void RegisterStory(CLI::App& app, int& exit_code) {
  struct Args {
    std::string id, db = DefaultDbPath(), format = "table";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("story", "One story: its outlets, top actors and its articles in time order.");
  cmd->add_option("id", args->id, "story id (see `marsad stories`)")->required();
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_option("--format", args->format, "table (default) or jsonl (the story, then one line per article)");
  cmd->callback([args, &exit_code] {
    if (!CheckFormat(args->format)) return void(exit_code = kExitUsage);
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto story = store->GetStory(args->id);
    auto articles = store->StoryArticles(args->id);
    for (const Status& s : {story.status(), articles.status()}) {
      if (!s.ok()) {
        std::fprintf(stderr, "marsad: %s\n", s.message().c_str());
        return void(exit_code = kExitStore);
      }
    }
    if (!story.value()) {
      std::fprintf(stderr, "marsad: no story %s in %s (ids are listed by `marsad stories`)\n", args->id.c_str(),
                   args->db.c_str());
      return void(exit_code = kExitSomeFailed);
    }
    const store::StoryRecord& s = *story.value();
    bool json = args->format == "jsonl";
    if (json) {
      std::printf("%s\n", StoryJson(s).c_str());
    } else {
      std::printf("story %s: %s\n", s.id.c_str(), s.title.c_str());
      std::printf("%s .. %s, %llu articles, first reported by %s\n", s.first_seen.value_or("?").c_str(),
                  s.last_seen.value_or("?").c_str(), static_cast<unsigned long long>(s.article_count),
                  s.first_source.empty() ? "?" : s.first_source.c_str());
      std::string outlets, actors;
      for (const auto& [name, n] : s.sources) outlets += (outlets.empty() ? "" : ", ") + name + " " + std::to_string(n);
      for (const auto& [name, n] : s.entities) actors += (actors.empty() ? "" : ", ") + name + " " + std::to_string(n);
      std::printf("outlets: %s\n", outlets.c_str());
      if (!actors.empty()) std::printf("actors: %s\n", actors.c_str());
      std::printf("\n");
    }
    PrintBriefs(articles.value(), json);
  });
}

void RegisterDuplicates(CLI::App& app, int& exit_code) {
  struct Args {
    std::string id, db = DefaultDbPath(), format = "table";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "duplicates", "An article's original and all its (near-)duplicates, oldest first; [dup] marks the copies.");
  cmd->add_option("id", args->id, "article id (see `marsad list`)")->required();
  AddStoreOptions(cmd, args->db, "SQLite database file");
  cmd->add_option("--format", args->format, "table (default) or jsonl");
  cmd->callback([args, &exit_code] {
    if (!CheckFormat(args->format)) return void(exit_code = kExitUsage);
    auto store = OpenStoreOrReport(args->db, true);
    if (!store) return void(exit_code = kExitStore);
    auto r = store->DuplicatesOf(args->id);
    if (!r.ok()) {
      std::fprintf(stderr, "marsad: %s\n", r.status().message().c_str());
      return void(exit_code = kExitStore);
    }
    if (r.value().empty()) {
      std::fprintf(stderr, "marsad: no article with id %s in %s (ids are listed by `marsad list`)\n",
                   args->id.c_str(), args->db.c_str());
      return void(exit_code = kExitSomeFailed);
    }
    PrintBriefs(r.value(), args->format == "jsonl");
  });
}

}  // namespace marsad::cli
