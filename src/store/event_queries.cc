#include "store/event_queries.h"

#include <algorithm>
#include <functional>

#include "store/article_rows.h"

namespace marsad::store {

namespace {

// An event's date: as resolved from the text, else its article's date.
constexpr const char* kEventDate = "coalesce(e.date, substr(a.published,1,10), substr(a.ingested_at,1,10))";

// SQL true when side ("source"/"target") of event e matches the actor bound to ?n.
std::string ActorMatches(const std::string& side, int n) {
  std::string p = "?" + std::to_string(n);
  std::string c = "e." + side + "_";
  return "(" + p + " IS NULL OR " + c + "entity = " + p + " OR substr(" + c + "cameo, 1, length(" + p + ")) = " + p +
         " OR " + c + "country = " + p + " OR " + c + "name = " + p + " COLLATE NOCASE)";
}

template <typename RowFn>
Status Run(SqliteDb& db, const std::string& sql, const std::function<void(Statement&)>& bind, RowFn row) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  bind(q);
  Status s;
  while (q.Step(&s)) row(q);
  q.Reset();
  return s;
}

constexpr const char* kEntitySummarySql =
    "SELECT e.entity_id, max(e.name_en), max(e.name_ar), max(e.type), max(e.country), max(e.cameo), "
    "count(DISTINCT e.article_id) AS n, "
    "(SELECT count(*) FROM mentions m JOIN entities x ON x.article_id = m.article_id AND x.ord = m.entity_ord "
    "  WHERE x.entity_id = e.entity_id), "
    "min(coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10))), "
    "max(coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10))) "
    "FROM entities e JOIN articles a ON a.id = e.article_id ";

EntitySummary ReadEntity(const Statement& q) {
  EntitySummary s;
  s.id = q.Text(0), s.name_en = q.Text(1), s.name_ar = q.Text(2), s.type = q.Text(3);
  s.country = q.OptText(4), s.cameo = q.OptText(5);
  s.articles = static_cast<uint64_t>(q.Int(6)), s.mentions = static_cast<uint64_t>(q.Int(7));
  s.first_seen = q.OptText(8), s.last_seen = q.OptText(9);
  return s;
}

}  // namespace

Result<std::vector<EntitySummary>> QueryEntities(SqliteDb& db, const EntityFilter& f) {
  std::vector<EntitySummary> out;
  Status s = Run(
      db,
      std::string(kEntitySummarySql) +
          "WHERE (?1 IS NULL OR e.type = ?1) AND (?2 IS NULL OR e.country = ?2) "
          "GROUP BY e.entity_id ORDER BY n DESC, e.entity_id LIMIT ?3",
      [&](Statement& q) { q.Bind(1, f.type).Bind(2, f.country).Bind(3, static_cast<int64_t>(f.limit)); },
      [&](Statement& q) { out.push_back(ReadEntity(q)); });
  if (!s.ok()) return s;
  return out;
}

Result<std::optional<EntityDetail>> QueryEntity(SqliteDb& db, const std::string& key) {
  std::optional<std::string> id;
  Status s = Run(
      db,
      "SELECT entity_id FROM entities WHERE entity_id = ?1 OR name_en = ?1 COLLATE NOCASE OR name_ar = ?1 "
      "GROUP BY entity_id ORDER BY entity_id = ?1 DESC, count(*) DESC LIMIT 1",
      [&](Statement& q) { q.Bind(1, key); }, [&](Statement& q) { id = q.Text(0); });
  if (!s.ok()) return s;
  if (!id) return std::optional<EntityDetail>();
  EntityDetail d;
  auto bind_id = [&](Statement& q) { q.Bind(1, *id); };
  s = Run(db, std::string(kEntitySummarySql) + "WHERE e.entity_id = ?1 GROUP BY e.entity_id", bind_id,
          [&](Statement& q) { d.summary = ReadEntity(q); });
  auto pairs = [&](const char* sql, std::vector<std::pair<std::string, uint64_t>>* into) {
    if (!s.ok()) return;
    s = Run(db, sql, bind_id, [&](Statement& q) { into->emplace_back(q.Text(0), static_cast<uint64_t>(q.Int(1))); });
  };
  pairs("SELECT coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10)) AS d, count(DISTINCT a.id) "
        "FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.entity_id = ?1 GROUP BY d ORDER BY d",
        &d.by_day);
  pairs("SELECT max(o.name_en), count(DISTINCT o.article_id) AS n FROM entities e JOIN entities o "
        "ON o.article_id = e.article_id AND o.entity_id <> e.entity_id WHERE e.entity_id = ?1 "
        "GROUP BY o.entity_id ORDER BY n DESC, 1 LIMIT 15",
        &d.co_occurring);
  pairs("SELECT m.text, count(*) AS n FROM entities e JOIN mentions m ON m.article_id = e.article_id "
        "AND m.entity_ord = e.ord WHERE e.entity_id = ?1 GROUP BY m.text ORDER BY n DESC, 1 LIMIT 15",
        &d.spellings);
  if (!s.ok()) return s;
  return std::optional<EntityDetail>(std::move(d));
}

Result<std::vector<EventRecord>> QueryEvents(SqliteDb& db, const EventFilter& f) {
  std::string date = kEventDate;
  std::string where = " WHERE " + ActorMatches("source", 1) + " AND " + ActorMatches("target", 2) +
                      " AND (?3 IS NULL OR e.root = ?3) AND (?4 IS NULL OR e.cameo_code = ?4)"
                      " AND (?5 IS NULL OR e.mode = ?5) AND (?6 IS NULL OR " + date + " >= ?6)"
                      " AND (?7 IS NULL OR " + date + " <= ?7)";
  // With one min() aggregate SQLite takes the bare columns from the row holding the minimum
  // (sqlite.org/lang_select.html, "bare columns"): the first report's fields.
  std::string sql = std::string("SELECT ") + (f.merged ? "min(a.seq)" : "a.seq") + ", " +
                    "e.source_entity, e.source_name, e.source_cameo, e.source_country, e.target_entity, "
                    "e.target_name, e.target_cameo, e.target_country, e.cameo_code, e.root, e.quad_class, "
                    "e.goldstein, e.plover, e.mode, e.date, e.location_name, e.location_country, "
                    "e.evidence_text, e.evidence_start, e.evidence_end, e.confidence, "
                    "a.id, a.story_id, a.published, a.source, " + date + " AS event_date, " +
                    (f.merged ? "count(DISTINCT a.id), count(DISTINCT coalesce(a.source, a.id)), group_concat(DISTINCT a.id)"
                              : "1, 1, a.id") +
                    " FROM events e JOIN articles a ON a.id = e.article_id" + where +
                    (f.merged ? " GROUP BY coalesce(a.story_id, a.id), e.source_cameo, e.target_cameo, e.cameo_code, "
                                "e.mode, event_date"
                              : "") +
                    " ORDER BY event_date DESC, 1 DESC LIMIT ?8";
  std::vector<EventRecord> out;
  Status s = Run(
      db, sql,
      [&](Statement& q) {
        q.Bind(1, f.actor).Bind(2, f.target).Bind(3, f.root).Bind(4, f.code).Bind(5, f.mode);
        q.Bind(6, f.since).Bind(7, f.until).Bind(8, static_cast<int64_t>(f.limit));
      },
      [&](Statement& q) {
        EventRecord r;
        r.event = EventFromRow(q, 1);
        r.article_id = q.Text(22), r.story_id = q.OptText(23), r.published = q.OptText(24);
        r.source = q.OptText(25), r.date = q.Text(26);
        r.num_articles = static_cast<uint64_t>(q.Int(27)), r.num_sources = static_cast<uint64_t>(q.Int(28));
        std::string ids = q.Text(29);
        for (size_t start = 0; start <= ids.size();) {
          size_t comma = ids.find(',', start);
          if (comma == std::string::npos) comma = ids.size();
          if (comma > start) r.article_ids.push_back(ids.substr(start, comma - start));
          start = comma + 1;
        }
        // In id order whatever the plan (a scan of events by its key gives it already).
        std::sort(r.article_ids.begin(), r.article_ids.end());
        out.push_back(std::move(r));
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<QuoteRecord>> QueryQuotes(SqliteDb& db, const QuoteFilter& f) {
  std::string date = "coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10))";
  std::vector<QuoteRecord> out;
  Status s = Run(
      db,
      "SELECT q.speaker, q.speaker_name, q.text, q.direct, q.start, q.end, a.id, a.published, a.source "
      "FROM quotes q JOIN articles a ON a.id = q.article_id "
      "WHERE (?1 IS NULL OR q.speaker = ?1 OR instr(q.speaker_name, ?1) > 0 OR EXISTS (SELECT 1 FROM entities e "
      "  WHERE e.article_id = q.article_id AND e.entity_id = q.speaker AND (e.name_en = ?1 COLLATE NOCASE "
      "  OR e.name_ar = ?1))) AND (?2 IS NULL OR " + date + " >= ?2) AND (?3 IS NULL OR " + date + " <= ?3) "
      "ORDER BY " + date + " DESC, a.seq DESC, q.ord LIMIT ?4",
      [&](Statement& q) {
        q.Bind(1, f.speaker).Bind(2, f.since).Bind(3, f.until).Bind(4, static_cast<int64_t>(f.limit));
      },
      [&](Statement& q) {
        QuoteRecord r;
        r.quote.speaker = q.OptText(0), r.quote.speaker_name = q.Text(1), r.quote.text = q.Text(2);
        r.quote.direct = q.Int(3) != 0, r.quote.start = static_cast<uint32_t>(q.Int(4));
        r.quote.end = static_cast<uint32_t>(q.Int(5));
        r.article_id = q.Text(6), r.published = q.OptText(7), r.source = q.OptText(8);
        out.push_back(std::move(r));
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<DyadPoint>> QueryDyad(SqliteDb& db, const DyadQuery& d) {
  if (d.by != "day" && d.by != "week" && d.by != "month") {
    return Status::InvalidArgument("unknown period '" + d.by + "' (use day, week or month)");
  }
  std::string date = kEventDate;
  std::string period = d.by == "day"    ? date
                       // Only a full date has a week: strftime would read a year alone ("2012")
                       // as a Julian day number (a week of 4707 BC).
                       : d.by == "week" ? "CASE WHEN " + date + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                                          "THEN strftime('%Y-W%W', " + date + ") END"
                                        : "substr(" + date + ", 1, 7)";
  std::string forward = "(" + ActorMatches("source", 1) + " AND " + ActorMatches("target", 2) + ")";
  std::string backward = "(" + ActorMatches("source", 2) + " AND " + ActorMatches("target", 1) + ")";
  std::string sql = "SELECT " + period + " AS p, count(*), avg(e.goldstein), sum(e.quad_class = 1), "
                    "sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4) "
                    "FROM events e JOIN articles a ON a.id = e.article_id WHERE (" + forward +
                    (d.directed ? "" : " OR " + backward) + ") AND (?3 IS NULL OR " + date + " >= ?3) AND (?4 IS NULL OR " +
                    date + " <= ?4) GROUP BY p ORDER BY p";
  std::vector<DyadPoint> out;
  Status s = Run(
      db, sql, [&](Statement& q) { q.Bind(1, d.a).Bind(2, d.b).Bind(3, d.since).Bind(4, d.until); },
      [&](Statement& q) {
        DyadPoint p;
        p.period = q.Text(0), p.events = static_cast<uint64_t>(q.Int(1)), p.mean_goldstein = q.Double(2);
        for (int i = 0; i < 4; ++i) p.quad_class[i] = static_cast<uint64_t>(q.Int(3 + i));
        out.push_back(std::move(p));
      });
  if (!s.ok()) return s;
  return out;
}

}  // namespace marsad::store
