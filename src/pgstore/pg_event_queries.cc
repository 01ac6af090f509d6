// Event, quote and dyad queries of the PostgreSQL store (pg_event_queries.h):
// store/event_queries.cc's QueryEvents, QueryQuotes and QueryDyad in PostgreSQL.
#include "pgstore/pg_event_queries.h"

#include "pgstore/pg_article_rows.h"

namespace marsad::pgstore {
namespace {

// The event's date as text in byte order.
const std::string kDate = std::string(kPgEventDateSql) + " COLLATE \"C\"";

// SQL true when side ("source"/"target") of event e matches the actor $n: an entity id, a
// CAMEO code or its prefix, a country code, or the English name (ASCII case folded).
std::string ActorMatches(const std::string& side, int n) {
  const std::string p = "$" + std::to_string(n) + "::text";
  const std::string c = "e." + side + "_";
  return "(" + p + " IS NULL OR " + c + "entity = " + p + " OR substr(" + c + "cameo, 1, length(" + p + ")) = " + p +
         " OR " + c + "country = " + p + " OR lower(" + c + "name COLLATE \"C\") = lower(" + p + " COLLATE \"C\"))";
}

// Parameters $1..$7 of the event filter.
std::string EventWhere() {
  return " WHERE " + ActorMatches("source", 1) + " AND " + ActorMatches("target", 2) +
         " AND ($3::text IS NULL OR e.root = $3::text) AND ($4::text IS NULL OR e.cameo_code = $4::text)"
         " AND ($5::text IS NULL OR e.mode = $5::text) AND ($6::text IS NULL OR " + kDate + " >= $6::text)"
         " AND ($7::text IS NULL OR " + kDate + " <= $7::text)";
}

// A merged event is a group of reports (store/event_queries.h). SQLite emits the groups
// in the order of their key and its ORDER BY ... LIMIT keeps that order among equal sort
// keys; so ties (two events of one article on one day) go by the rest of the key here.
constexpr const char* kGroupKey =
    "coalesce(a.story_id, a.id), e.source_cameo, e.target_cameo, e.cameo_code, e.mode";
constexpr const char* kGroupTies =
    "g.g_story COLLATE \"C\", g.g_source COLLATE \"C\", g.g_target COLLATE \"C\", g.g_code COLLATE \"C\", "
    "g.g_mode COLLATE \"C\"";

std::string EventsSql(bool merged) {
  const std::string columns = std::string(kPgEventColumnsOfE) + ", a.id, a.story_id, a.published, a.source";
  if (!merged) {
    // Reports of one article on one day come in the article's order (SQLite's scan order).
    return "SELECT a.seq, " + columns + ", " + kDate + " AS event_date, 1, 1, a.id FROM events e JOIN articles a "
           "ON a.id = e.article_id" + EventWhere() + " ORDER BY event_date DESC, a.seq DESC, e.ord LIMIT $8";
  }
  // Groups first (one page of them), then the first report's row: the earliest article's
  // first event in the group, as SQLite's bare columns beside min(seq) give.
  const std::string ties = "coalesce(a.story_id, a.id) COLLATE \"C\", e.source_cameo COLLATE \"C\", "
                           "e.target_cameo COLLATE \"C\", e.cameo_code COLLATE \"C\", e.mode COLLATE \"C\"";
  return "SELECT g.first_seq, " + columns + ", g.event_date, g.n_articles, g.n_sources, g.ids FROM ("
         "SELECT min(a.seq) AS first_seq, (array_agg(e.ord ORDER BY a.seq, e.ord))[1] AS first_ord, " +
         kDate + " AS event_date, count(DISTINCT a.id) AS n_articles, "
         "count(DISTINCT coalesce(a.source, a.id)) AS n_sources, "
         "string_agg(a.id, ',' ORDER BY a.id COLLATE \"C\") AS ids, coalesce(a.story_id, a.id) AS g_story, "
         "e.source_cameo AS g_source, e.target_cameo AS g_target, e.cameo_code AS g_code, e.mode AS g_mode "
         "FROM events e JOIN articles a ON a.id = e.article_id" + EventWhere() + " GROUP BY " + kGroupKey + ", " +
         kDate + " ORDER BY event_date DESC, first_seq DESC, " + ties + " LIMIT $8) g "
         "JOIN articles a ON a.seq = g.first_seq JOIN events e ON e.article_id = a.id AND e.ord = g.first_ord "
         "ORDER BY g.event_date DESC, g.first_seq DESC, " + kGroupTies;
}

// "a,b,b,c" -> {a, b, c}: the ids come sorted, one per report.
std::vector<std::string> DistinctIds(const std::string& ids) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= ids.size();) {
    size_t comma = ids.find(',', start);
    if (comma == std::string::npos) comma = ids.size();
    if (comma > start && (out.empty() || ids.compare(start, comma - start, out.back()) != 0)) {
      out.push_back(ids.substr(start, comma - start));
    }
    start = comma + 1;
  }
  return out;
}

// strftime('%Y-W%W', d) of the text column d (YYYY-MM-DD; day 1-31 in any month: SQLite
// rolls it over into the next month, as make_date(y, m, 1) + (day - 1) does); NULL for
// anything else. %W = (day of year + 7 - ISO weekday) / 7, days of the year from 1, Monday 1.
std::string WeekOfD() {
  const std::string day = "(make_date(substr(d,1,4)::int, substr(d,6,2)::int, 1) + (substr(d,9,2)::int - 1))";
  return "CASE WHEN d ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND substr(d,1,4) <> '0000' "
         "THEN to_char(" + day + ", 'YYYY') || '-W' || lpad(((extract(doy FROM " + day + ")::int + 7 - "
         "extract(isodow FROM " + day + ")::int) / 7)::text, 2, '0') END";
}

}  // namespace

Result<std::vector<store::EventRecord>> PgQueryEvents(PgConn& conn, const store::EventFilter& f) {
  auto r = conn.Exec(EventsSql(f.merged), {PgOpt(f.actor), PgOpt(f.target), PgOpt(f.root), PgOpt(f.code),
                                           PgOpt(f.mode), PgOpt(f.since), PgOpt(f.until),
                                           P(static_cast<int64_t>(f.limit))});
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  std::vector<store::EventRecord> out;
  for (int i = 0; i < q.rows(); ++i) {
    store::EventRecord rec;
    rec.event = PgEventFromRow(q, i, 1);
    rec.article_id = q.Text(i, 22), rec.story_id = q.Opt(i, 23), rec.published = q.Opt(i, 24);
    rec.source = q.Opt(i, 25), rec.date = q.Text(i, 26);
    rec.num_articles = static_cast<uint64_t>(q.Int(i, 27)), rec.num_sources = static_cast<uint64_t>(q.Int(i, 28));
    rec.article_ids = DistinctIds(q.Text(i, 29));
    out.push_back(std::move(rec));
  }
  return out;
}

Result<std::vector<store::QuoteRecord>> PgQueryQuotes(PgConn& conn, const store::QuoteFilter& f) {
  const std::string date = "coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10)) COLLATE \"C\"";
  auto r = conn.Exec(
      "SELECT q.speaker, q.speaker_name, q.text, q.direct, q.start, q.\"end\", a.id, a.published, a.source "
      "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ($1::text IS NULL OR q.speaker = $1::text "
      "OR strpos(q.speaker_name, $1::text) > 0 OR EXISTS (SELECT 1 FROM entities e WHERE e.article_id = "
      "q.article_id AND e.entity_id = q.speaker AND (lower(e.name_en COLLATE \"C\") = lower($1::text COLLATE \"C\") "
      "OR e.name_ar = $1::text))) AND ($2::text IS NULL OR " + date + " >= $2::text) AND ($3::text IS NULL OR " +
          date + " <= $3::text) ORDER BY " + date + " DESC, a.seq DESC, q.ord LIMIT $4",
      {PgOpt(f.speaker), PgOpt(f.since), PgOpt(f.until), P(static_cast<int64_t>(f.limit))});
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  std::vector<store::QuoteRecord> out;
  for (int i = 0; i < q.rows(); ++i) {
    store::QuoteRecord rec;
    rec.quote.speaker = q.Opt(i, 0), rec.quote.speaker_name = q.Text(i, 1), rec.quote.text = q.Text(i, 2);
    rec.quote.direct = q.Int(i, 3) != 0, rec.quote.start = static_cast<uint32_t>(q.Int(i, 4));
    rec.quote.end = static_cast<uint32_t>(q.Int(i, 5));
    rec.article_id = q.Text(i, 6), rec.published = q.Opt(i, 7), rec.source = q.Opt(i, 8);
    out.push_back(std::move(rec));
  }
  return out;
}

Result<std::vector<store::DyadPoint>> PgQueryDyad(PgConn& conn, const store::DyadQuery& d) {
  if (d.by != "day" && d.by != "week" && d.by != "month") {
    return Status::InvalidArgument("unknown period '" + d.by + "' (use day, week or month)");
  }
  const std::string period = d.by == "day" ? "d" : d.by == "week" ? WeekOfD() : "substr(d, 1, 7)";
  const std::string forward = "(" + ActorMatches("source", 1) + " AND " + ActorMatches("target", 2) + ")";
  const std::string backward = "(" + ActorMatches("source", 2) + " AND " + ActorMatches("target", 1) + ")";
  // The mean sums the events in SQLite's scan order (events by article id, then ord), so
  // that the floating-point sum, and the mean, come out bit for bit the same.
  auto r = conn.Exec(
      "SELECT " + period + " AS p, count(*), avg(goldstein ORDER BY article_id, ord), "
      "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), "
      "count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4) FROM (SELECT " + kDate +
          " AS d, e.article_id COLLATE \"C\" AS article_id, e.ord, e.goldstein, e.quad_class FROM events e "
          "JOIN articles a ON a.id = e.article_id WHERE (" + forward + (d.directed ? "" : " OR " + backward) +
          ") AND ($3::text IS NULL OR " + kDate + " >= $3::text) AND ($4::text IS NULL OR " + kDate +
          " <= $4::text)) x GROUP BY p ORDER BY p NULLS FIRST",
      {PgText(d.a), PgText(d.b), PgOpt(d.since), PgOpt(d.until)});
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  std::vector<store::DyadPoint> out;
  for (int i = 0; i < q.rows(); ++i) {
    store::DyadPoint p;
    p.period = q.Text(i, 0), p.events = static_cast<uint64_t>(q.Int(i, 1)), p.mean_goldstein = q.Double(i, 2);
    for (int k = 0; k < 4; ++k) p.quad_class[k] = static_cast<uint64_t>(q.Int(i, 3 + k));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace marsad::pgstore
