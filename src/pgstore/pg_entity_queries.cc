// Entity queries of the PostgreSQL store (pg_event_queries.h): store/event_queries.cc's
// QueryEntities and QueryEntity in PostgreSQL.
#include "pgstore/pg_article_rows.h"
#include "pgstore/pg_event_queries.h"

namespace marsad::pgstore {

Param PgOpt(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return PgText(*s);
}

namespace {

// An article's date as text in byte order.
constexpr const char* kArticleDay = "coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10)) COLLATE \"C\"";

// Per entity id: one name per column (the greatest in byte order, as SQLite's max()),
// articles, mentions (all the entity's mentions, whatever the filter), first and last
// article date.
const std::string& SummarySql() {
  static const std::string sql =
      std::string("SELECT e.entity_id, max(e.name_en COLLATE \"C\"), max(e.name_ar COLLATE \"C\"), "
                  "max(e.type COLLATE \"C\"), max(e.country COLLATE \"C\"), max(e.cameo COLLATE \"C\"), "
                  "count(DISTINCT e.article_id) AS n, "
                  "(SELECT count(*) FROM mentions m JOIN entities x ON x.article_id = m.article_id "
                  "AND x.ord = m.entity_ord WHERE x.entity_id = e.entity_id), min(") +
      kArticleDay + "), max(" + kArticleDay + ") FROM entities e JOIN articles a ON a.id = e.article_id ";
  return sql;
}

store::EntitySummary ReadEntity(const PgResult& q, int i) {
  store::EntitySummary s;
  s.id = q.Text(i, 0), s.name_en = q.Text(i, 1), s.name_ar = q.Text(i, 2), s.type = q.Text(i, 3);
  s.country = q.Opt(i, 4), s.cameo = q.Opt(i, 5);
  s.articles = static_cast<uint64_t>(q.Int(i, 6)), s.mentions = static_cast<uint64_t>(q.Int(i, 7));
  s.first_seen = q.Opt(i, 8), s.last_seen = q.Opt(i, 9);
  return s;
}

}  // namespace

Result<std::vector<store::EntitySummary>> PgQueryEntities(PgConn& conn, const store::EntityFilter& f) {
  auto r = conn.Exec(SummarySql() +
                         "WHERE ($1::text IS NULL OR e.type = $1::text) AND ($2::text IS NULL OR e.country = $2::text) "
                         "GROUP BY e.entity_id ORDER BY n DESC, e.entity_id COLLATE \"C\" LIMIT $3",
                     {PgOpt(f.type), PgOpt(f.country), P(static_cast<int64_t>(f.limit))});
  if (!r.ok()) return r.status();
  std::vector<store::EntitySummary> out;
  for (int i = 0; i < r.value().rows(); ++i) out.push_back(ReadEntity(r.value(), i));
  return out;
}

Result<std::optional<store::EntityDetail>> PgQueryEntity(PgConn& conn, const std::string& key) {
  // The id itself first, else the id whose name matches in most entity rows; among equals
  // the smallest id (SQLite groups in entity_id order and its sort keeps that order).
  auto found = conn.Exec(
      "SELECT entity_id FROM entities WHERE entity_id = $1::text OR lower(name_en COLLATE \"C\") = "
      "lower($1::text COLLATE \"C\") OR name_ar = $1::text GROUP BY entity_id "
      "ORDER BY entity_id = $1::text DESC, count(*) DESC, entity_id COLLATE \"C\" LIMIT 1",
      {PgText(key)});
  if (!found.ok()) return found.status();
  if (found.value().rows() == 0) return std::optional<store::EntityDetail>();
  const Params id = {found.value().Text(0, 0)};
  store::EntityDetail d;
  auto summary = conn.Exec(SummarySql() + "WHERE e.entity_id = $1::text GROUP BY e.entity_id", id);
  if (!summary.ok()) return summary.status();
  if (summary.value().rows() > 0) d.summary = ReadEntity(summary.value(), 0);
  // Ties in the two top-15 lists are rows with the same name and count: any order of them
  // prints the same.
  Status s = AppendPairs(conn,
                   std::string("SELECT ") + kArticleDay + " AS d, count(DISTINCT a.id) FROM entities e "
                   "JOIN articles a ON a.id = e.article_id WHERE e.entity_id = $1::text GROUP BY d ORDER BY d",
                   id, &d.by_day);
  if (s.ok()) {
    s = AppendPairs(conn,
              "SELECT max(o.name_en COLLATE \"C\"), count(DISTINCT o.article_id) AS n FROM entities e "
              "JOIN entities o ON o.article_id = e.article_id AND o.entity_id <> e.entity_id "
              "WHERE e.entity_id = $1::text GROUP BY o.entity_id ORDER BY n DESC, 1 LIMIT 15",
              id, &d.co_occurring);
  }
  if (s.ok()) {
    s = AppendPairs(conn,
              "SELECT m.text COLLATE \"C\", count(*) AS n FROM entities e JOIN mentions m "
              "ON m.article_id = e.article_id AND m.entity_ord = e.ord WHERE e.entity_id = $1::text "
              "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15",
              id, &d.spellings);
  }
  if (!s.ok()) return s;
  return std::optional<store::EntityDetail>(std::move(d));
}

}  // namespace marsad::pgstore
