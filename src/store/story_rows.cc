#include "store/story_rows.h"

namespace marsad::store {

namespace {

constexpr const char* kStoryColumns = "id, title, first_source, first_seen, last_seen, article_count";

StoryRecord ReadStory(const Statement& q) {
  StoryRecord s;
  s.id = q.Text(0);
  s.title = q.OptText(1).value_or("");
  s.first_source = q.OptText(2).value_or("");
  s.first_seen = q.OptText(3);
  s.last_seen = q.OptText(4);
  s.article_count = static_cast<uint64_t>(q.Int(5));
  return s;
}

// Outlets and entities of the story's articles, most frequent first.
Status FillCounts(SqliteDb& db, StoryRecord* s) {
  auto pairs = [&](const std::string& sql, std::vector<std::pair<std::string, uint64_t>>* into) -> Status {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    Statement& q = *st.value();
    q.Bind(1, s->id);
    Status status;
    while (q.Step(&status)) into->emplace_back(q.Text(0), static_cast<uint64_t>(q.Int(1)));
    q.Reset();
    return status;
  };
  if (Status st = pairs("SELECT coalesce(source, '(unknown)'), count(*) AS n FROM articles WHERE story_id = ? "
                        "GROUP BY 1 ORDER BY n DESC, 1",
                        &s->sources);
      !st.ok()) {
    return st;
  }
  // min(): one name per entity id even where its rows spell it differently (a bare column
  // would take whichever row SQLite reads last; the PostgreSQL store takes the same min()).
  return pairs(
      "SELECT min(e.name_en), count(DISTINCT e.article_id) AS n FROM entities e JOIN articles a ON a.id = e.article_id "
      "WHERE a.story_id = ? AND e.cameo IS NOT NULL GROUP BY e.entity_id ORDER BY n DESC, 1 LIMIT 8",
      &s->entities);
}

Result<std::vector<ArticleBrief>> Briefs(SqliteDb& db, const std::string& sql, const std::string& key) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, key);
  std::vector<ArticleBrief> out;
  Status status;
  while (q.Step(&status)) {
    ArticleBrief b;
    b.id = q.Text(0);
    b.title = q.OptText(1);
    b.source = q.OptText(2);
    b.published = q.OptText(3);
    b.duplicate_of = q.OptText(4);
    b.story_id = q.OptText(5);
    out.push_back(std::move(b));
  }
  q.Reset();
  if (!status.ok()) return status;
  return out;
}

}  // namespace

Status UpsertStory(SqliteDb& db, const StoryRecord& s) {
  // Dates, count and first source come from the stored articles, so a story row always
  // agrees with its articles (after merges, restarts, or several writers). "WHERE true"
  // resolves the parsing ambiguity of INSERT ... SELECT ... ON CONFLICT (sqlite.org/lang_upsert.html).
  static const std::string sql =
      std::string("INSERT INTO stories(id, title, first_seen, last_seen, article_count, first_source) "
                  "SELECT ?1, ?2, min(d), max(d), count(*), (SELECT source FROM articles WHERE story_id = ?1 "
                  "ORDER BY ") + kArticleDateSql + ", seq LIMIT 1) FROM (SELECT " + kArticleDateSql +
      " AS d FROM articles WHERE story_id = ?1) WHERE true "
      "ON CONFLICT(id) DO UPDATE SET title = COALESCE(NULLIF(excluded.title, ''), stories.title), first_seen = excluded.first_seen, "
      "last_seen = excluded.last_seen, article_count = excluded.article_count, first_source = excluded.first_source";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, s.id).Bind(2, s.title);
  Status status;
  q.Step(&status);
  q.Reset();
  return status;
}

Status ApplyStoryMerge(SqliteDb& db, const StoryMerge& m) {
  if (m.from == m.into) return Status::Ok();
  for (const char* sql : {"UPDATE articles SET story_id = ?2 WHERE story_id = ?1", "DELETE FROM stories WHERE id = ?1"}) {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    Statement& q = *st.value();
    q.Bind(1, m.from);
    if (std::string(sql).find("?2") != std::string::npos) q.Bind(2, m.into);
    Status status;
    q.Step(&status);
    q.Reset();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Result<std::vector<StoryRecord>> QueryStories(SqliteDb& db, const StoryFilter& f) {
  // Optional filters bind NULL to switch themselves off.
  std::string sql = std::string("SELECT ") + kStoryColumns +
                    " FROM stories s WHERE (?1 IS NULL OR s.last_seen >= ?1) AND (?2 IS NULL OR s.first_seen <= ?2)"
                    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM articles a JOIN entities e ON e.article_id = a.id"
                    "  WHERE a.story_id = s.id AND (e.entity_id = ?3 OR e.name_en = ?3 COLLATE NOCASE"
                    "  OR e.name_ar = ?3)))"
                    " ORDER BY s.article_count DESC, s.last_seen DESC, s.id LIMIT ?4";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, f.since).Bind(2, f.until).Bind(3, f.entity).Bind(4, static_cast<int64_t>(f.limit));
  std::vector<StoryRecord> out;
  Status status;
  while (q.Step(&status)) out.push_back(ReadStory(q));
  q.Reset();
  if (!status.ok()) return status;
  for (StoryRecord& s : out) {
    if (Status c = FillCounts(db, &s); !c.ok()) return c;
  }
  return out;
}

Result<std::optional<StoryRecord>> QueryStory(SqliteDb& db, const std::string& id) {
  auto st = db.Prepare(std::string("SELECT ") + kStoryColumns + " FROM stories WHERE id = ?");
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, id);
  Status status;
  std::optional<StoryRecord> out;
  if (q.Step(&status)) out = ReadStory(q);
  q.Reset();
  if (!status.ok()) return status;
  if (out) {
    if (Status c = FillCounts(db, &*out); !c.ok()) return c;
  }
  return out;
}

Result<std::vector<ArticleBrief>> QueryStoryArticles(SqliteDb& db, const std::string& story_id) {
  return Briefs(db,
                std::string("SELECT id, title, source, published, duplicate_of, story_id FROM articles "
                            "WHERE story_id = ? ORDER BY ") +
                    kArticleDateSql + ", seq",
                story_id);
}

Result<std::vector<ArticleBrief>> QueryDuplicates(SqliteDb& db, const std::string& article_id) {
  // The article's original (itself when it is one) and every article pointing at it.
  return Briefs(db,
                std::string("WITH o AS (SELECT coalesce(duplicate_of, id) AS id FROM articles WHERE id = ?1) "
                            "SELECT id, title, source, published, duplicate_of, story_id FROM articles "
                            "WHERE id = (SELECT id FROM o) OR duplicate_of = (SELECT id FROM o) ORDER BY ") +
                    kArticleDateSql + ", seq",
                article_id);
}

}  // namespace marsad::store
