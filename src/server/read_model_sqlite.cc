// The SQLite Listings of the read model (read_model.h).
#include "server/read_model.h"

namespace marsad::server {

using store::SqliteDb;
using store::Statement;

namespace {

// The date an article is filed under: its publication date, else the day it was ingested.
constexpr char kDateExpr[] = "coalesce(substr(a.published,1,10), substr(a.ingested_at,1,10))";

constexpr char kRowColumns[] =
    "a.id, a.title, a.source, a.published, a.duplicate_of, a.story_id, substr(a.text,1,200), "
    "(SELECT count(*) FROM entities e WHERE e.article_id=a.id), "
    "(SELECT count(*) FROM events v WHERE v.article_id=a.id), "
    "(SELECT count(*) FROM quotes q WHERE q.article_id=a.id)";

ArticleRow ReadRow(const Statement& st) {
  ArticleRow r;
  r.id = st.Text(0);
  r.title = st.OptText(1);
  r.source = st.OptText(2);
  r.published = st.OptText(3);
  r.duplicate_of = st.OptText(4);
  r.story_id = st.OptText(5);
  r.snippet = st.Text(6);
  r.entities = static_cast<uint64_t>(st.Int(7));
  r.events = static_cast<uint64_t>(st.Int(8));
  r.quotes = static_cast<uint64_t>(st.Int(9));
  r.date = st.Text(10);
  return r;
}

// Binds values to ?1..?n in order and runs fn on each row.
template <typename Fn>
Status RunQuery(SqliteDb& db, const std::string& sql, const std::vector<std::string>& text_args,
                const std::vector<int64_t>& int_args, Fn fn) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& s = *st.value();
  int i = 1;
  for (const auto& a : text_args) s.Bind(i++, a);
  for (int64_t v : int_args) s.Bind(i++, v);
  Status status;
  while (s.Step(&status)) fn(s);
  return status;
}

class SqliteQueries : public Listings {
 public:
  explicit SqliteQueries(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Result<std::vector<ArticleRow>> Articles(const ArticleListFilter& filter, uint64_t* total) override;
  Result<std::vector<std::pair<std::string, uint64_t>>> StoryTimeline(const std::string& story_id) override;
  Result<std::optional<StoryHead>> Head(const std::string& story_id) override;
  Result<std::vector<NetworkEdge>> Network(const NetworkFilter& filter) override;
  Result<std::vector<ArticleRow>> SubstringSearch(const std::string& query, size_t limit, size_t offset,
                                                  uint64_t* total) override;

 private:
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace

std::unique_ptr<Listings> SqliteListings(std::unique_ptr<SqliteDb> db) {
  return std::make_unique<SqliteQueries>(std::move(db));
}

Result<std::vector<ArticleRow>> SqliteQueries::Articles(const ArticleListFilter& f, uint64_t* total) {
  SqliteDb& db = *db_;
  std::string where = " WHERE 1";
  std::vector<std::string> args;
  auto add = [&](const std::optional<std::string>& v, const std::string& cond, int times = 1) {
    if (!v) return;
    for (int i = 0; i < times; ++i) args.push_back(*v);
    where += " AND " + cond;
  };
  add(f.source, "a.source = ?");
  // On the published column itself, so that the articles_by_published index serves it.
  // Values are ISO dates or date-times: '~' sorts after any time of the day.
  add(f.since, "a.published >= ?");
  add(f.until, "a.published <= ? || '~'");
  add(f.story, "a.story_id = ?");
  add(f.entity,
      "EXISTS (SELECT 1 FROM entities e WHERE e.article_id=a.id AND "
      "(e.entity_id=? OR e.name_en=? COLLATE NOCASE OR e.name_ar=?))",
      3);
  if (f.duplicates == ArticleListFilter::Duplicates::kExclude) where += " AND a.duplicate_of IS NULL";
  if (f.duplicates == ArticleListFilter::Duplicates::kOnly) where += " AND a.duplicate_of IS NOT NULL";

  if (total) {
    *total = 0;
    Status s = RunQuery(db, "SELECT count(*) FROM articles a" + where, args, {},
                        [&](const Statement& st) { *total = static_cast<uint64_t>(st.Int(0)); });
    if (!s.ok()) return s;
  }
  // Newest published first, undated articles last (newest ingested first): the order of
  // the articles_by_published index (published, seq) read backwards, so a page costs its
  // rows, not a sort of the table. The page is chosen on seq alone, then its rows are read
  // (the sorter would otherwise compute snippets and counts for every matching article).
  std::vector<ArticleRow> rows;
  std::string sql = std::string("SELECT ") + kRowColumns + ", " + kDateExpr +
                    " AS d FROM (SELECT a.seq AS seq, a.published AS p FROM articles a" + where +
                    " ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?) page "
                    "JOIN articles a ON a.seq = page.seq ORDER BY page.p DESC, a.seq DESC";
  Status s = RunQuery(db, sql, args, {static_cast<int64_t>(f.limit), static_cast<int64_t>(f.offset)},
                      [&](const Statement& st) { rows.push_back(ReadRow(st)); });
  if (!s.ok()) return s;
  return rows;
}

Result<std::vector<std::pair<std::string, uint64_t>>> SqliteQueries::StoryTimeline(const std::string& story_id) {
  SqliteDb& db = *db_;
  std::vector<std::pair<std::string, uint64_t>> days;
  std::string sql = std::string("SELECT ") + kDateExpr +
                    " AS d, count(*) FROM articles a WHERE a.story_id = ? GROUP BY d ORDER BY d";
  Status s = RunQuery(db, sql, {story_id}, {}, [&](const Statement& st) {
    days.emplace_back(st.Text(0), static_cast<uint64_t>(st.Int(1)));
  });
  if (!s.ok()) return s;
  return days;
}

Result<std::optional<StoryHead>> SqliteQueries::Head(const std::string& story_id) {
  SqliteDb& db = *db_;
  std::optional<StoryHead> head;
  Status s = RunQuery(db, "SELECT id, coalesce(title, ''), article_count FROM stories WHERE id = ?", {story_id}, {},
                      [&](const Statement& st) {
                        head = StoryHead{st.Text(0), st.Text(1), static_cast<uint64_t>(st.Int(2))};
                      });
  if (!s.ok()) return s;
  return head;
}

Result<std::vector<NetworkEdge>> SqliteQueries::Network(const NetworkFilter& f) {
  SqliteDb& db = *db_;
  std::string where = " WHERE v.source_cameo <> '' AND v.target_cameo <> ''";
  std::vector<std::string> args;
  std::string date = std::string("coalesce(v.date, ") + kDateExpr + ")";
  if (f.since) args.push_back(*f.since), where += " AND " + date + " >= ?";
  if (f.until) args.push_back(*f.until), where += " AND " + date + " <= ?";
  if (f.root) args.push_back(*f.root), where += " AND v.root = ?";
  std::string sql =
      "SELECT v.source_cameo, v.target_cameo, max(v.source_name), max(v.target_name), count(*), "
      "avg(v.goldstein), sum(v.quad_class=1), sum(v.quad_class=2), sum(v.quad_class=3), "
      "sum(v.quad_class=4) FROM events v JOIN articles a ON a.id = v.article_id" +
      where + " GROUP BY v.source_cameo, v.target_cameo ORDER BY count(*) DESC, v.source_cameo, "
      "v.target_cameo LIMIT ?";
  std::vector<NetworkEdge> edges;
  Status s = RunQuery(db, sql, args, {static_cast<int64_t>(f.limit)}, [&](const Statement& st) {
    NetworkEdge e;
    e.source = st.Text(0);
    e.target = st.Text(1);
    e.source_name = st.Text(2);
    e.target_name = st.Text(3);
    e.events = static_cast<uint64_t>(st.Int(4));
    e.mean_goldstein = st.Double(5);
    for (int q = 0; q < 4; ++q) e.quad_class[q] = static_cast<uint64_t>(st.Int(6 + q));
    edges.push_back(std::move(e));
  });
  if (!s.ok()) return s;
  return edges;
}

Result<std::vector<ArticleRow>> SqliteQueries::SubstringSearch(const std::string& query, size_t limit, size_t offset,
                                                              uint64_t* total) {
  SqliteDb& db = *db_;
  // instr() is a plain substring test (no LIKE wildcards to escape).
  const std::string where = " WHERE instr(a.title, ?1) > 0 OR instr(a.text, ?1) > 0";
  if (total) {
    *total = 0;
    Status s = RunQuery(db, "SELECT count(*) FROM articles a" + where, {query}, {},
                        [&](const Statement& st) { *total = static_cast<uint64_t>(st.Int(0)); });
    if (!s.ok()) return s;
  }
  std::vector<ArticleRow> rows;
  std::string sql = std::string("SELECT ") + kRowColumns + ", " + kDateExpr + " AS d FROM articles a" +
                    where + " ORDER BY coalesce(instr(a.title, ?1), 0) > 0 DESC, d DESC, a.seq DESC "
                    "LIMIT ?2 OFFSET ?3";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& s = *st.value();
  s.Bind(1, query).Bind(2, static_cast<int64_t>(limit)).Bind(3, static_cast<int64_t>(offset));
  Status status;
  while (s.Step(&status)) rows.push_back(ReadRow(s));
  if (!status.ok()) return status;
  return rows;
}

}  // namespace marsad::server
