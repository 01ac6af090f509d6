// The PostgreSQL Listings of the read model (read_model.h): read_model_sqlite.cc's queries
// with SQLite's results and orderings (text in byte order, COLLATE "C"; NULL dates after
// the dated ones in descending order; NOCASE as lower() under "C", ASCII letters only).
#include "server/read_model.h"

#ifdef MARSAD_HAVE_PG
#include "pgstore/pg_article_rows.h"
#include "pgstore/pg_conn.h"
#include "pgstore/pg_store.h"
#endif

namespace marsad::server {

#ifdef MARSAD_HAVE_PG
namespace {

using pgstore::Params;
using pgstore::PgConn;
using pgstore::PgResult;

// The date an article is filed under: its publication date, else the day it was ingested.
constexpr char kDate[] = "coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10)) COLLATE \"C\"";

constexpr char kRowColumns[] =
    "a.id, a.title, a.source, a.published, a.duplicate_of, a.story_id, substr(a.text,1,200), "
    "(SELECT count(*) FROM entities e WHERE e.article_id=a.id), "
    "(SELECT count(*) FROM events v WHERE v.article_id=a.id), "
    "(SELECT count(*) FROM quotes q WHERE q.article_id=a.id)";

ArticleRow ReadRow(const PgResult& q, int i) {
  ArticleRow r;
  r.id = q.Text(i, 0), r.title = q.Opt(i, 1), r.source = q.Opt(i, 2), r.published = q.Opt(i, 3);
  r.duplicate_of = q.Opt(i, 4), r.story_id = q.Opt(i, 5), r.snippet = q.Text(i, 6);
  r.entities = static_cast<uint64_t>(q.Int(i, 7)), r.events = static_cast<uint64_t>(q.Int(i, 8));
  r.quotes = static_cast<uint64_t>(q.Int(i, 9)), r.date = q.Text(i, 10);
  return r;
}

// Collects text parameters and names them $1, $2, ... in SQL.
class Args {
 public:
  std::string Add(const std::string& v) {
    params_.push_back(pgstore::PgText(v));
    return "$" + std::to_string(params_.size()) + "::text";
  }
  std::string Add(int64_t v) {
    params_.push_back(pgstore::P(v));
    return "$" + std::to_string(params_.size());
  }
  const Params& params() const { return params_; }

 private:
  Params params_;
};

class PgQueries : public Listings {
 public:
  explicit PgQueries(pgstore::PgStore& store) : store_(store) {}

  Result<std::vector<ArticleRow>> Articles(const ArticleListFilter& f, uint64_t* total) override {
    Args args;
    std::string where = " WHERE true";
    if (f.source) where += " AND a.source = " + args.Add(*f.source);
    // ISO dates or date-times: '~' sorts after any time of the day.
    if (f.since) where += " AND a.published COLLATE \"C\" >= " + args.Add(*f.since);
    if (f.until) where += " AND a.published COLLATE \"C\" <= (" + args.Add(*f.until) + " || '~')";
    if (f.story) where += " AND a.story_id = " + args.Add(*f.story);
    if (f.entity) {
      const std::string e = args.Add(*f.entity);
      where += " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id=a.id AND (e.entity_id=" + e +
               " OR lower(e.name_en COLLATE \"C\") = lower(" + e + " COLLATE \"C\") OR e.name_ar=" + e + "))";
    }
    if (f.duplicates == ArticleListFilter::Duplicates::kExclude) where += " AND a.duplicate_of IS NULL";
    if (f.duplicates == ArticleListFilter::Duplicates::kOnly) where += " AND a.duplicate_of IS NOT NULL";
    auto conn = Conn();
    if (!conn.ok()) return conn.status();
    if (total) {
      auto n = conn.value()->Exec("SELECT count(*) FROM articles a" + where, args.params());
      if (!n.ok()) return n.status();
      *total = static_cast<uint64_t>(n.value().Int(0, 0));
    }
    // Newest published first, undated last, then newest ingested: the order of the index
    // articles_by_published_seq (pg_schema.cc). The page is chosen first, then its rows read.
    const std::string order = " DESC NULLS LAST, a.seq DESC";
    const std::string limit = args.Add(static_cast<int64_t>(f.limit)), offset = args.Add(static_cast<int64_t>(f.offset));
    return Rows(*conn.value(),
                std::string("SELECT ") + kRowColumns + ", " + kDate + " AS d FROM (SELECT a.seq AS seq, a.published AS p "
                "FROM articles a" + where + " ORDER BY a.published COLLATE \"C\"" + order + " LIMIT " + limit +
                    " OFFSET " + offset + ") page JOIN articles a ON a.seq = page.seq ORDER BY page.p COLLATE \"C\"" +
                    order,
                args.params());
  }

  Result<std::vector<std::pair<std::string, uint64_t>>> StoryTimeline(const std::string& story_id) override {
    auto conn = Conn();
    if (!conn.ok()) return conn.status();
    auto r = conn.value()->Exec(std::string("SELECT ") + kDate +
                                    " AS d, count(*) FROM articles a WHERE a.story_id = $1 GROUP BY d ORDER BY d",
                                {pgstore::PgText(story_id)});
    if (!r.ok()) return r.status();
    std::vector<std::pair<std::string, uint64_t>> days;
    for (int i = 0; i < r.value().rows(); ++i) {
      days.emplace_back(r.value().Text(i, 0), static_cast<uint64_t>(r.value().Int(i, 1)));
    }
    return days;
  }

  Result<std::optional<StoryHead>> Head(const std::string& story_id) override {
    auto conn = Conn();
    if (!conn.ok()) return conn.status();
    auto r = conn.value()->Exec("SELECT id, coalesce(title, ''), article_count FROM stories WHERE id = $1",
                                {pgstore::PgText(story_id)});
    if (!r.ok()) return r.status();
    std::optional<StoryHead> head;
    if (r.value().rows()) head = StoryHead{r.value().Text(0, 0), r.value().Text(0, 1), static_cast<uint64_t>(r.value().Int(0, 2))};
    return head;
  }

  Result<std::vector<NetworkEdge>> Network(const NetworkFilter& f) override;
  Result<std::vector<ArticleRow>> SubstringSearch(const std::string& query, size_t limit, size_t offset,
                                                  uint64_t* total) override;

 private:
  Result<PgConn*> Conn() { return store_.Connection(); }
  static Result<std::vector<ArticleRow>> Rows(PgConn& conn, const std::string& sql, const Params& params) {
    auto r = conn.Exec(sql, params);
    if (!r.ok()) return r.status();
    std::vector<ArticleRow> rows;
    for (int i = 0; i < r.value().rows(); ++i) rows.push_back(ReadRow(r.value(), i));
    return rows;
  }
  pgstore::PgStore& store_;
};

Result<std::vector<NetworkEdge>> PgQueries::Network(const NetworkFilter& f) {
  Args args;
  std::string where = " WHERE v.source_cameo <> '' AND v.target_cameo <> ''";
  const std::string date = std::string("coalesce(v.date, ") + kDate + ") COLLATE \"C\"";
  if (f.since) where += " AND " + date + " >= " + args.Add(*f.since);
  if (f.until) where += " AND " + date + " <= " + args.Add(*f.until);
  if (f.root) where += " AND v.root = " + args.Add(*f.root);
  // The mean adds the events up in SQLite's scan order (the events_by_code index with a
  // root, else the events table: by article, then ord), so that it is the same double.
  const std::string scan = f.root ? "v.cameo_code COLLATE \"C\", v.article_id COLLATE \"C\", v.ord"
                                  : "v.article_id COLLATE \"C\", v.ord";
  const std::string sql =
      "SELECT v.source_cameo, v.target_cameo, max(v.source_name COLLATE \"C\"), max(v.target_name COLLATE \"C\"), "
      "count(*), avg(v.goldstein ORDER BY " + scan + "), count(*) FILTER (WHERE v.quad_class=1), "
      "count(*) FILTER (WHERE v.quad_class=2), count(*) FILTER (WHERE v.quad_class=3), "
      "count(*) FILTER (WHERE v.quad_class=4) FROM events v JOIN articles a ON a.id = v.article_id" + where +
      " GROUP BY v.source_cameo, v.target_cameo ORDER BY count(*) DESC, v.source_cameo COLLATE \"C\", "
      "v.target_cameo COLLATE \"C\" LIMIT " + args.Add(static_cast<int64_t>(f.limit));
  auto conn = Conn();
  if (!conn.ok()) return conn.status();
  auto r = conn.value()->Exec(sql, args.params());
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  std::vector<NetworkEdge> edges;
  for (int i = 0; i < q.rows(); ++i) {
    NetworkEdge e;
    e.source = q.Text(i, 0), e.target = q.Text(i, 1), e.source_name = q.Text(i, 2), e.target_name = q.Text(i, 3);
    e.events = static_cast<uint64_t>(q.Int(i, 4)), e.mean_goldstein = q.Double(i, 5);
    for (int k = 0; k < 4; ++k) e.quad_class[k] = static_cast<uint64_t>(q.Int(i, 6 + k));
    edges.push_back(std::move(e));
  }
  return edges;
}

Result<std::vector<ArticleRow>> PgQueries::SubstringSearch(const std::string& query, size_t limit, size_t offset,
                                                           uint64_t* total) {
  // strpos() is a plain substring test (no LIKE wildcards to escape).
  const std::string where = " WHERE strpos(a.title, $1::text) > 0 OR strpos(a.text, $1::text) > 0";
  auto conn = Conn();
  if (!conn.ok()) return conn.status();
  if (total) {
    auto n = conn.value()->Exec("SELECT count(*) FROM articles a" + where, {pgstore::PgText(query)});
    if (!n.ok()) return n.status();
    *total = static_cast<uint64_t>(n.value().Int(0, 0));
  }
  return Rows(*conn.value(),
              std::string("SELECT ") + kRowColumns + ", " + kDate + " AS d FROM articles a" + where +
                  " ORDER BY coalesce(strpos(a.title, $1::text), 0) > 0 DESC, d DESC, a.seq DESC LIMIT $2 OFFSET $3",
              {pgstore::PgText(query), pgstore::P(static_cast<int64_t>(limit)), pgstore::P(static_cast<int64_t>(offset))});
}

}  // namespace

Result<std::unique_ptr<Listings>> PgListings(pgstore::PgStore& store) {
  return std::unique_ptr<Listings>(std::make_unique<PgQueries>(store));
}

#else  // a build without libpq

Result<std::unique_ptr<Listings>> PgListings(pgstore::PgStore&) {
  return Status::Unsupported("this marsad was built without PostgreSQL support: install libpq-dev and rebuild");
}

#endif

}  // namespace marsad::server
