// Full-text search on PostgreSQL against SQLite (docs/SCALE-OUT.md, "Search"): the same
// articles written to both stores give the same hits (ids, counts, groups, snippets and
// highlights) for every kind of query: words, clitic forms, name variants, phrases, the
// operators, prefixes, filters, paging. The ranking functions differ (BM25 / ts_rank), so
// orders are not compared, only what is found. Also: a database created by the previous
// PostgreSQL schema (no search column) becomes searchable when this marsad opens it for
// writing. Real PostgreSQL on 127.0.0.1 (tests/scale/local_services.h); skipped when the
// server programs or libpq are missing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "pg_differential_fixture.h"
#include "pgstore/pg_search.h"
#include "pgstore/pg_store.h"
#include "search/searcher.h"
#include "search/search_test_util.h"
#include "store/sqlite_store.h"

namespace marsad {
namespace {


using search::testing::MakeArticle;

std::vector<Article> Corpus() {
  std::vector<Article> v = {
      MakeArticle("k1", "الكرملين يرد على واشنطن", "قال المتحدث باسم الكرملين إن موسكو سترد على العقوبات.", "Okaz",
           "2015-07-01", "s-kremlin"),
      MakeArticle("k2", "موسكو تحذر", "وأعلن الكرملين أمس أن الرئيس بوتين سيلتقي نظيره الأمريكي.", "Al Riyadh", "2015-07-03",
           "s-kremlin"),
      MakeArticle("k3", "بيان روسي", "وللكرملين موقف واضح من الأزمة، بحسب مصادر في موسكو.", "Okaz", "2015-07-09"),
      MakeArticle("t1", "ترامب يلتقي بوتين في هلسنكي", "قال الرئيس الأمريكي دونالد ترامب إن اللقاء كان جيدا.", "Okaz",
           "2015-07-21", "s-summit"),
      MakeArticle("t2", "قمة هلسنكي", "التقى الرئيس الأمريكي دونالد ترمب الرئيس الروسي في العاصمة الفنلندية.",
           "Asharq Al-Awsat", "2015-07-22", "s-summit"),
      MakeArticle("t3", "وترامب يغرد", "كتب ترامب تغريدة عن الاقتصاد الأمريكي والنفط.", "Al Riyadh", "2015-08-02"),
      MakeArticle("g1", "الدنمارك ترفض بيع غرينلاند", "رفضت الحكومة الدنماركية عرضا لشراء جزيرة غرينلاند.", "Okaz",
           "2015-08-01"),
      MakeArticle("g2", "أخبار الطقس", "تشهد جرينلاند موجة حر غير مسبوقة هذا الصيف، وفق البيت الأبيض.", "Al Riyadh",
           "2015-08-05"),
      MakeArticle("w1", "البيت الأبيض يعلق", "أصدر البيت الأبيض بيانا عن الاقتصاد، ولم يذكر ترامب.", "Okaz", "2015-08-10"),
      MakeArticle("w2", "بيت جديد", "اشترى الرجل بيتا أبيض اللون في الرياض.", "Okaz", "2015-08-11"),
      MakeArticle("w3", "الأبيض والبيت", "الأبيض لون البيت القديم.", "Al Madina", "2015-08-12"),
      MakeArticle("e1", "Covid-19 update", "The WHO said covid-19 cases fell; الاتفاقيات النفطية مستمرة.", "Okaz",
           "2015-09-01"),
      MakeArticle("n0", "", "مقال بلا عنوان عن النفط والاقتصاد", "Okaz", "2015-09-02"),
  };
  Entity usa;
  usa.id = "USA", usa.name_en = "United States", usa.name_ar = "الولايات المتحدة", usa.type = "GPE";
  v[8].entities = {usa};
  v[3].entities = {usa};
  // Many articles on one topic, some in stories, for grouping and paging.
  for (int i = 0; i < 40; ++i) {
    std::optional<std::string> story;
    if (i % 3 == 0) story = "s-oil-" + std::to_string(i % 4);
    v.push_back(MakeArticle("o" + std::to_string(i), i % 5 == 0 ? "أسعار النفط اليوم" : "تقرير اقتصادي",
                     "ارتفعت أسعار النفط " + std::string(i % 2 ? "والغاز " : "") + "في الأسواق العالمية يوم " +
                         std::to_string(i) + ".",
                     i % 2 ? "Okaz" : "Al Riyadh", "2015-10-" + std::string(i < 9 ? "0" : "") + std::to_string(i % 28 + 1),
                     story));
  }
  return v;
}

search::Query Q(std::string text) {
  search::Query q;
  q.text = std::move(text);
  q.limit = 1000, q.per_group = 100;
  return q;
}

// Everything a query finds, independent of order.
struct Found {
  size_t total = 0, total_groups = 0;
  std::map<std::string, std::string> shown;  // article id -> its title, snippet and highlights
  std::set<std::string> story_groups;
};

Found Collect(const search::Results& r) {
  Found f;
  f.total = r.total, f.total_groups = r.total_groups;
  for (const search::Hit& h : r.hits) {
    std::string spans;
    for (const auto& [b, e] : h.highlights) spans += std::to_string(b) + "-" + std::to_string(e) + " ";
    spans += "| ";
    for (const auto& [b, e] : h.title_highlights) spans += std::to_string(b) + "-" + std::to_string(e) + " ";
    f.shown[h.article_id] = h.title + " | " + h.snippet + " | " + spans + "| " + h.story_id + h.source + h.published;
  }
  for (const search::Group& g : r.groups) f.story_groups.insert(g.story_id);
  return f;
}

std::set<std::string> Ids(const Found& f) {
  std::set<std::string> out;
  for (const auto& [id, _] : f.shown) out.insert(id);
  return out;
}

class SearchDifferential : public scale_test::PgDifferentialTest {
 protected:
  void SetUp() override {
    PgDifferentialTest::SetUp();
    if (IsSkipped()) return;
    path_ = std::filesystem::temp_directory_path() / ("marsad-searchdiff-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }

  // Writes `articles` to a fresh SQLite file and to PostgreSQL database `db` (in batches
  // of 7, as several transactions); pg_schema as PgOptions::schema_version.
  std::string WriteBoth(const std::vector<Article>& articles, const std::string& db, int pg_schema = 0) {
    std::string url = services_->NewDatabase(db);
    EXPECT_FALSE(url.empty());
    auto lite = store::OpenSqliteStore(path_.string());
    pgstore::PgOptions options{url};
    options.schema_version = pg_schema;
    auto pg = pgstore::OpenPgStore(options);
    EXPECT_TRUE(lite.ok()) << lite.status().message();
    EXPECT_TRUE(pg.ok()) << pg.status().message();
    if (!lite.ok() || !pg.ok()) return "";
    scale_test::PutInBatches(*lite.value(), *pg.value(), articles);
    return url;
  }

  void OpenSearchers(const std::string& url) {
    auto lite = search::Searcher::Open(path_.string());
    ASSERT_TRUE(lite.ok()) << lite.status().message();
    lite_ = std::move(lite).value();
    auto pg = pgstore::OpenPgSearch(url);
    ASSERT_TRUE(pg.ok()) << pg.status().message();
    pg_ = std::move(pg).value();
  }

  // Runs q on both stores, expects the same findings, returns them.
  Found Both(const search::Query& q) {
    auto a = lite_->Search(q);
    auto b = search::Search(*pg_, q);
    EXPECT_TRUE(a.ok()) << q.text << ": " << a.status().message();
    EXPECT_TRUE(b.ok()) << q.text << ": " << b.status().message();
    if (!a.ok() || !b.ok()) return {};
    Found fa = Collect(a.value()), fb = Collect(b.value());
    EXPECT_EQ(fa.total, fb.total) << q.text << "\n  tsquery: " << b.value().compiled_query;
    EXPECT_EQ(fa.total_groups, fb.total_groups) << q.text;
    EXPECT_EQ(fa.shown, fb.shown) << q.text << "\n  tsquery: " << b.value().compiled_query;
    EXPECT_EQ(fa.story_groups, fb.story_groups) << q.text;
    EXPECT_EQ(b.value().engine, "tsquery");
    return fb;
  }

  std::filesystem::path path_;
  std::unique_ptr<search::Searcher> lite_;
  std::unique_ptr<search::Backend> pg_;
};

TEST_F(SearchDifferential, SameHitsForEveryKindOfQuery) {
  const std::string url = WriteBoth(Corpus(), "searchdiff");
  ASSERT_FALSE(url.empty());
  OpenSearchers(url);
  using S = std::set<std::string>;
  // What each query must find (on both stores), beyond being the same on both.
  EXPECT_EQ(Ids(Both(Q("الكرملين"))), (S{"k1", "k2", "k3"}));
  EXPECT_EQ(Ids(Both(Q("والكرملين"))), (S{"k1", "k2", "k3"}));  // clitic form
  EXPECT_EQ(Ids(Both(Q("ترمب"))), (S{"t1", "t2", "t3", "w1"}));  // spelling variant of ترامب
  EXPECT_EQ(Ids(Both(Q("=ترمب"))), (S{"t2"}));                   // exact form only
  EXPECT_EQ(Ids(Both(Q("غرينلاند"))), (S{"g1", "g2"}));
  EXPECT_EQ(Ids(Both(Q("\"البيت الأبيض\""))), (S{"g2", "w1"}));  // a phrase, not the words apart
  EXPECT_EQ(Ids(Both(Q("البيت الأبيض"))), (S{"g2", "w1", "w2", "w3"}));  // بيتا أبيض by their stems
  EXPECT_EQ(Ids(Both(Q("«دونالد ترمب»"))), (S{"t1", "t2"}));     // phrase through a variant
  EXPECT_EQ(Ids(Both(Q("هلسنكي OR غرينلاند"))), (S{"t1", "t2", "g1", "g2"}));
  EXPECT_EQ(Ids(Both(Q("ترامب -هلسنكي"))), (S{"t3", "w1"}));
  EXPECT_EQ(Ids(Both(Q("ترامب NOT (الاقتصاد OR هلسنكي)"))), S{});
  EXPECT_EQ(Ids(Both(Q("(بوتين OR الكرملين) موسكو"))), (S{"k1", "k2", "k3"}));
  EXPECT_EQ(Ids(Both(Q("غرين*"))), (S{"g1"}));                   // prefix of the match key
  EXPECT_EQ(Ids(Both(Q("covid-19"))), (S{"e1"}));
  EXPECT_EQ(Ids(Both(Q("الاتفاقية"))), (S{"e1"}));               // light stem
  EXPECT_EQ(Both(Q("النفط")).total, 43u);  // 40 reports, والنفط, النفط, النفطية
  EXPECT_EQ(Ids(Both(Q("\"النفط الغاز\""))).size(), 20u);     // والغاز through its clitic
  EXPECT_EQ(Ids(Both(Q("\"أسعار النفط\" الغاز"))).size(), 20u);
  // A phrase does not run from the title into the text.
  EXPECT_EQ(Ids(Both(Q("\"اليوم ارتفعت\""))), S{});
  EXPECT_EQ(Ids(Both(Q("\"أسعار النفط ارتفعت\""))), S{});
  // Filters.
  search::Query q = Q("ترامب");
  q.since = "2015-07-22";
  EXPECT_EQ(Ids(Both(q)), (S{"t2", "t3", "w1"}));
  q.until = "2015-08-05";
  EXPECT_EQ(Ids(Both(q)), (S{"t2", "t3"}));
  q.until = "2015-08";  // all of August
  EXPECT_EQ(Ids(Both(q)), (S{"t2", "t3", "w1"}));
  q = Q("ترامب"), q.source = "okaz";
  EXPECT_EQ(Ids(Both(q)), (S{"t1", "w1"}));
  q = Q("ترامب"), q.entity = "united states";
  EXPECT_EQ(Ids(Both(q)), (S{"t1", "w1"}));
  q.entity = "USA";
  EXPECT_EQ(Ids(Both(q)), (S{"t1", "w1"}));
  q = Q("النفط"), q.story = "s-oil-0";
  EXPECT_EQ(Both(q).total, 4u);
  q = Q("النفط"), q.since = "2015-10-05", q.until = "2015-10-10", q.source = "Al Riyadh";
  Both(q);
  // Bad queries fail the same way on PostgreSQL as on SQLite.
  auto bad = search::Search(*pg_, Q("\"البيت"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
}

TEST_F(SearchDifferential, PagesCoverEveryGroupOnce) {
  const std::string url = WriteBoth(Corpus(), "searchpages");
  ASSERT_FALSE(url.empty());
  OpenSearchers(url);
  const Found all = Both(Q("النفط"));
  ASSERT_GT(all.total_groups, 20u);
  std::set<std::string> seen_ids, seen_stories;
  size_t groups = 0;
  for (size_t offset = 0; offset < all.total_groups; offset += 4) {
    search::Query q = Q("النفط");
    q.limit = 4, q.offset = offset, q.per_group = 100;
    auto lite = lite_->Search(q);
    auto pg = search::Search(*pg_, q);
    ASSERT_TRUE(lite.ok() && pg.ok());
    EXPECT_EQ(pg.value().groups.size(), lite.value().groups.size()) << offset;
    EXPECT_EQ(pg.value().total, all.total);
    groups += pg.value().groups.size();
    for (const search::Hit& h : pg.value().hits) EXPECT_TRUE(seen_ids.insert(h.article_id).second) << h.article_id;
    for (const search::Group& g : pg.value().groups) {
      if (!g.story_id.empty()) {
        EXPECT_TRUE(seen_stories.insert(g.story_id).second) << g.story_id;
      }
    }
  }
  EXPECT_EQ(groups, all.total_groups);
  EXPECT_EQ(seen_ids, Ids(all));
  // per_group caps the hits shown, not the group's match count.
  search::Query q = Q("النفط");
  q.per_group = 1;
  auto pg = search::Search(*pg_, q);
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg.value().hits.size(), pg.value().groups.size());
  size_t matches = 0;
  for (const search::Group& g : pg.value().groups) matches += g.matches;
  EXPECT_EQ(matches, all.total);
}

// A database written by the previous schema (no search column) is refused by search with
// advice, then becomes searchable, old and new articles alike, once a writable marsad
// (a worker, an ingest) opens it.
TEST_F(SearchDifferential, PreviousSchemaGetsSearchableAfterOpen) {
  std::vector<Article> articles = Corpus();
  std::vector<Article> later(articles.end() - 10, articles.end());
  articles.resize(articles.size() - 10);
  const std::string url = WriteBoth(articles, "searchmigrate", /*pg_schema=*/1);
  ASSERT_FALSE(url.empty());
  auto refused = pgstore::OpenPgSearch(url);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("open it once for writing"), std::string::npos)
      << refused.status().message();
  {
    auto upgraded = pgstore::OpenPgStore({url});
    ASSERT_TRUE(upgraded.ok()) << upgraded.status().message();
    auto stats = upgraded.value()->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_GE(stats.value().schema_version, 2);  // the latest, with the search column
    auto lite = store::OpenSqliteStore(path_.string());
    ASSERT_TRUE(lite.ok());
    store::PutResult r;
    ASSERT_TRUE(lite.value()->PutArticles(later, &r).ok());
    ASSERT_TRUE(upgraded.value()->PutArticles(later, &r).ok());
    EXPECT_EQ(r.inserted, 10u);
  }
  OpenSearchers(url);
  EXPECT_EQ(Both(Q("الكرملين")).total, 3u);  // written before the migration
  EXPECT_EQ(Both(Q("النفط")).total, 43u);    // before and after
  Both(Q("\"البيت الأبيض\" OR ترمب"));
}

}  // namespace
}  // namespace marsad
