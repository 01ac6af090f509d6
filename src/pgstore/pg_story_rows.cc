#include "pgstore/pg_story_rows.h"

#include "pgstore/pg_article_rows.h"
#include "pgstore/pg_schema.h"

namespace marsad::pgstore {
namespace {

constexpr const char* kStoryColumns = "id, title, first_source, first_seen, last_seen, article_count";

store::StoryRecord ReadStory(const PgResult& q, int row) {
  store::StoryRecord s;
  s.id = q.Text(row, 0);
  s.title = q.Opt(row, 1).value_or("");
  s.first_source = q.Opt(row, 2).value_or("");
  s.first_seen = q.Opt(row, 3);
  s.last_seen = q.Opt(row, 4);
  s.article_count = static_cast<uint64_t>(q.Int(row, 5));
  return s;
}

// Outlets and entities of the story's articles, most frequent first; per entity id the
// least of its English names in byte order, as SQLite's min().
Status FillCounts(PgConn& conn, store::StoryRecord* s) {
  if (Status st = AppendPairs(conn,
                        "SELECT coalesce(source, '(unknown)'), count(*) AS n FROM articles WHERE story_id = $1 "
                        "GROUP BY 1 ORDER BY n DESC, coalesce(source, '(unknown)') COLLATE \"C\"",
                        {PgText(s->id)}, &s->sources);
      !st.ok()) {
    return st;
  }
  return AppendPairs(conn,
               "SELECT min(e.name_en COLLATE \"C\"), count(DISTINCT e.article_id) AS n FROM entities e "
               "JOIN articles a ON a.id = e.article_id WHERE a.story_id = $1 AND e.cameo IS NOT NULL "
               "GROUP BY e.entity_id ORDER BY n DESC, 1 LIMIT 8",
               {PgText(s->id)}, &s->entities);
}

Result<std::vector<store::ArticleBrief>> Briefs(PgConn& conn, const std::string& sql, const std::string& key) {
  auto r = conn.Exec(sql, {PgText(key)});
  if (!r.ok()) return r.status();
  std::vector<store::ArticleBrief> out;
  const PgResult& q = r.value();
  for (int i = 0; i < q.rows(); ++i) {
    store::ArticleBrief b;
    b.id = q.Text(i, 0);
    b.title = q.Opt(i, 1);
    b.source = q.Opt(i, 2);
    b.published = q.Opt(i, 3);
    b.duplicate_of = q.Opt(i, 4);
    b.story_id = q.Opt(i, 5);
    out.push_back(std::move(b));
  }
  return out;
}

std::string ByDateThenSeq() { return std::string(" ORDER BY ") + kPgArticleDateSql + " COLLATE \"C\", seq"; }

}  // namespace

Status PgUpsertStory(PgConn& conn, const store::StoryRecord& s) {
  // As the SQLite store: only id and title come from the record; dates, count and first
  // source are computed from the story's stored articles (after this batch's merges).
  static const std::string sql =
      std::string("INSERT INTO stories(id, title, first_seen, last_seen, article_count, first_source) "
                  "SELECT $1, $2, min(d COLLATE \"C\"), max(d COLLATE \"C\"), count(*), "
                  "(SELECT source FROM articles WHERE story_id = $1") + ByDateThenSeq() + " LIMIT 1) "
      "FROM (SELECT " + kPgArticleDateSql + " AS d FROM articles WHERE story_id = $1) x "
      "ON CONFLICT(id) DO UPDATE SET title = COALESCE(NULLIF(excluded.title, ''), stories.title), first_seen = excluded.first_seen, "
      "last_seen = excluded.last_seen, article_count = excluded.article_count, first_source = excluded.first_source";
  return conn.Run(sql, {PgText(s.id), PgText(s.title)});
}

Status PgApplyStoryMerge(PgConn& conn, const store::StoryMerge& m) {
  if (m.from == m.into) return Status::Ok();
  if (Status s = conn.Run("UPDATE articles SET story_id = $2 WHERE story_id = $1", {PgText(m.from), PgText(m.into)});
      !s.ok()) {
    return s;
  }
  return conn.Run("DELETE FROM stories WHERE id = $1", {PgText(m.from)});
}

Result<std::vector<store::StoryRecord>> PgQueryStories(PgConn& conn, const store::StoryFilter& f) {
  // Optional filters bind NULL to switch themselves off. NULLS LAST on a descending key is
  // SQLite's order (NULL is the smallest value there).
  std::string sql = std::string("SELECT ") + kStoryColumns +
                    " FROM stories s WHERE ($1::text IS NULL OR s.last_seen COLLATE \"C\" >= $1)"
                    " AND ($2::text IS NULL OR s.first_seen COLLATE \"C\" <= $2)"
                    " AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM articles a JOIN entities e ON e.article_id = a.id"
                    "  WHERE a.story_id = s.id AND (e.entity_id = $3 OR lower(e.name_en COLLATE \"C\") = "
                    "lower($3 COLLATE \"C\") OR e.name_ar = $3)))"
                    " ORDER BY s.article_count DESC, s.last_seen COLLATE \"C\" DESC NULLS LAST, s.id COLLATE \"C\""
                    " LIMIT $4";
  auto r = conn.Exec(sql, {f.since, f.until, f.entity ? Param(PgText(*f.entity)) : std::nullopt,
                           P(static_cast<int64_t>(f.limit))});
  if (!r.ok()) return r.status();
  std::vector<store::StoryRecord> out;
  for (int i = 0; i < r.value().rows(); ++i) out.push_back(ReadStory(r.value(), i));
  for (store::StoryRecord& s : out) {
    if (Status c = FillCounts(conn, &s); !c.ok()) return c;
  }
  return out;
}

Result<std::optional<store::StoryRecord>> PgQueryStory(PgConn& conn, const std::string& id) {
  auto r = conn.Exec(std::string("SELECT ") + kStoryColumns + " FROM stories WHERE id = $1", {PgText(id)});
  if (!r.ok()) return r.status();
  std::optional<store::StoryRecord> out;
  if (r.value().rows() > 0) out = ReadStory(r.value(), 0);
  if (out) {
    if (Status c = FillCounts(conn, &*out); !c.ok()) return c;
  }
  return out;
}

Result<std::vector<store::ArticleBrief>> PgQueryStoryArticles(PgConn& conn, const std::string& story_id) {
  return Briefs(conn,
                "SELECT id, title, source, published, duplicate_of, story_id FROM articles WHERE story_id = $1" +
                    ByDateThenSeq(),
                story_id);
}

Result<std::vector<store::ArticleBrief>> PgQueryDuplicates(PgConn& conn, const std::string& article_id) {
  return Briefs(conn,
                "WITH o AS (SELECT coalesce(duplicate_of, id) AS id FROM articles WHERE id = $1) "
                "SELECT id, title, source, published, duplicate_of, story_id FROM articles "
                "WHERE id = (SELECT id FROM o) OR duplicate_of = (SELECT id FROM o)" +
                    ByDateThenSeq(),
                article_id);
}

}  // namespace marsad::pgstore
