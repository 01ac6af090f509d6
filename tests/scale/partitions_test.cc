// Date partitioning of articles and events in PostgreSQL (pgstore/pg_partitions.h,
// docs/SCALE-OUT.md "Partitions"): rows land in their article's month, ids stay unique
// across partitions even when a later reading of the same document dates it otherwise,
// deleting an id deletes everything of its article, and a database written before
// partitioning is moved into partitions with the same seq and rows. Real PostgreSQL on
// 127.0.0.1 (local_services.h); skipped only where the server programs or libpq are missing.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "pg_differential_fixture.h"
#include "pgstore/pg_conn.h"
#include "pgstore/pg_partitions.h"
#include "pgstore/pg_store.h"
#include "read_corpus.h"

namespace marsad {
namespace {

Article Dated(const std::string& id, std::optional<std::string> published) {
  Article a;
  a.id = id, a.input = "test:" + id, a.published = std::move(published), a.title = "عنوان " + id;
  a.text = "نص الخبر " + id, a.content_hash = "h" + id;
  a.entities.push_back(scale_test::MakeEntity("SAU", "Saudi Arabia", "السعودية", "country", "SAU", {{0, 3, "نص"}}));
  const EventActor sau{std::string("SAU"), "Saudi Arabia", "SAU", "SAU"};
  a.events.push_back(scale_test::MakeEvent(sau, sau, "040", 1, 1.0, a.published, "نص الخبر"));
  return a;
}

class Partitions : public scale_test::PgDifferentialTest {
 protected:
  void SetUp() override {
    PgDifferentialTest::SetUp();
    if (IsSkipped()) return;
    static int n = 0;
    url_ = services_->NewDatabase("parts" + std::to_string(++n));
    ASSERT_FALSE(url_.empty());
  }
  std::unique_ptr<pgstore::PgStore> Open(int schema = 0) {
    pgstore::PgOptions options{url_};
    options.schema_version = schema;
    auto s = pgstore::OpenPgStore(options);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  static std::string One(pgstore::PgStore& s, const std::string& sql) {
    auto conn = s.Connection();
    if (!conn.ok()) return "error: " + conn.status().message();
    auto r = conn.value()->Exec(sql);
    if (!r.ok()) return "error: " + r.status().message();
    std::string out;
    for (int i = 0; i < r.value().rows(); ++i) {
      for (int c = 0; c < r.value().columns(); ++c) out += (c ? "|" : "") + r.value().Text(i, c);
      out += "\n";
    }
    return out;
  }
  std::map<std::string, int64_t> PartitionRows(pgstore::PgStore& s) {
    std::map<std::string, int64_t> out;
    auto conn = s.Connection();
    EXPECT_TRUE(conn.ok());
    if (!conn.ok()) return out;
    auto parts = pgstore::ListPartitions(*conn.value());
    EXPECT_TRUE(parts.ok()) << parts.status().message();
    if (parts.ok()) out.insert(parts.value().begin(), parts.value().end());
    return out;
  }
  std::string url_;
};

TEST_F(Partitions, RowsLandInTheirArticlesMonth) {
  auto store = Open();
  ASSERT_TRUE(store);
  // A year alone and a date that is not one go to 'other'; an undated article to the
  // month it was ingested in.
  store::PutResult r;
  ASSERT_TRUE(store->PutArticles({Dated("a1", "2015-07-21"), Dated("a2", "2015-07-30T23:59:59Z"),
                                  Dated("a3", "2016-01-02"), Dated("a4", "2012"), Dated("a5", "أمس"),
                                  Dated("a6", std::nullopt)},
                                 &r)
                  .ok());
  EXPECT_EQ(r.inserted, 6u);
  const std::string ingested = One(*store, "SELECT replace(left(ingested_at, 7), '-', '_') FROM articles WHERE id = 'a6'");
  auto parts = PartitionRows(*store);
  EXPECT_EQ(parts["articles_2015_07"], 2);
  EXPECT_EQ(parts["articles_2016_01"], 1);
  EXPECT_EQ(parts["articles_other"], 2);
  EXPECT_EQ(parts["articles_" + ingested.substr(0, ingested.size() - 1)], 1);
  EXPECT_EQ(parts.size(), 4u);
  // Every event in its article's partition.
  EXPECT_EQ(One(*store,
                "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                "WHERE replace(e.tableoid::regclass::text, 'events_', '') <> replace(a.tableoid::regclass::text, "
                "'articles_', '')"),
            "0\n");
  EXPECT_EQ(One(*store, "SELECT count(*) FROM events_2015_07"), "2\n");
  // Reading through the store as before.
  auto events = store->ListEvents({});
  ASSERT_TRUE(events.ok());
  auto a3 = store->GetArticle("a3");
  ASSERT_TRUE(a3.ok() && a3.value());
  EXPECT_EQ(a3.value()->events.size(), 1u);
  EXPECT_EQ(a3.value()->entities.size(), 1u);
}

TEST_F(Partitions, IdsStayUniqueAcrossPartitions) {
  auto store = Open();
  ASSERT_TRUE(store);
  store::PutResult r;
  ASSERT_TRUE(store->PutArticles({Dated("same", "2015-07-21")}, &r).ok());
  // The same document dated otherwise (a later marsad reads its date differently) and twice
  // in one batch: stored once, where it was first.
  ASSERT_TRUE(store->PutArticles({Dated("same", "2019-03-01"), Dated("new", "2019-03-01"), Dated("new", "2019-04-01")}, &r)
                  .ok());
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.already_present, 2u);
  EXPECT_EQ(One(*store, "SELECT id, part_month FROM articles ORDER BY seq"), "same|2015-07\nnew|2019-03\n");
  EXPECT_EQ(One(*store, "SELECT to_regclass('articles_2019_04') IS NULL"), "t\n");  // no partition for the copy
}

TEST_F(Partitions, DeletingAKeyDeletesTheWholeArticle) {
  auto store = Open();
  ASSERT_TRUE(store);
  store::PutResult r;
  ASSERT_TRUE(store->PutArticles({Dated("gone", "2015-07-21"), Dated("kept", "2015-07-22")}, &r).ok());
  EXPECT_EQ(One(*store, "DELETE FROM article_keys WHERE part_month = '2015-07' AND id = 'gone'"), "");
  EXPECT_EQ(One(*store, "SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM events) || '/' || "
                        "(SELECT count(*) FROM entities) || '/' || (SELECT count(*) FROM mentions)"),
            "1/1/1/1\n");
}

// docs/SCALE-OUT.md's retention recipe: a month goes, the others stay whole.
TEST_F(Partitions, DroppingAMonthKeepsTheOthers) {
  auto store = Open();
  ASSERT_TRUE(store);
  store::PutResult r;
  ASSERT_TRUE(store->PutArticles({Dated("old", "2015-07-21"), Dated("new", "2015-08-02")}, &r).ok());
  EXPECT_EQ(One(*store,
                "BEGIN; ALTER TABLE events DETACH PARTITION events_2015_07; DROP TABLE events_2015_07; "
                "ALTER TABLE articles DETACH PARTITION articles_2015_07; DROP TABLE articles_2015_07; "
                "DELETE FROM article_keys WHERE part_month = '2015-07'; COMMIT"),
            "");
  EXPECT_EQ(One(*store, "SELECT (SELECT string_agg(id, ',') FROM articles) || '/' || (SELECT count(*) FROM events) || "
                        "'/' || (SELECT string_agg(DISTINCT article_id, ',') FROM entities)"),
            "new/1/new\n");
  auto old = store->GetArticle("old");
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old.value());
  // The month can come back.
  ASSERT_TRUE(store->PutArticles({Dated("old", "2015-07-21")}, &r).ok());
  EXPECT_EQ(r.inserted, 1u);
}

// A database written before partitioning (schema 3) moves into partitions when a writer
// opens it: the same seq, rows and reading results, and the identity goes on after them.
TEST_F(Partitions, EarlierDatabaseMovesIntoPartitions) {
  std::string before_events, before_articles;
  {
    auto old = Open(/*schema=*/3);
    ASSERT_TRUE(old);
    store::PutResult r;
    ASSERT_TRUE(old->PutArticles(scale_test::ReadCorpus(), &r).ok());
    ASSERT_TRUE(old->PutArticles({Dated("x1", "2014-12-31")}, &r).ok());
    before_events = One(*old, "SELECT article_id, ord, cameo_code, date FROM events ORDER BY article_id, ord");
    before_articles = One(*old, "SELECT seq, id, published FROM articles ORDER BY seq");
    EXPECT_EQ(One(*old, "SELECT to_regclass('article_keys') IS NULL"), "t\n");
  }
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(One(*store, "SELECT max(version) >= 4 FROM marsad_migrations"), "t\n");
  EXPECT_EQ(One(*store, "SELECT article_id, ord, cameo_code, date FROM events ORDER BY article_id, ord"), before_events);
  EXPECT_EQ(One(*store, "SELECT seq, id, published FROM articles ORDER BY seq"), before_articles);
  EXPECT_EQ(PartitionRows(*store)["articles_2014_12"], 1);
  store::PutResult r;
  ASSERT_TRUE(store->PutArticles({Dated("x2", "2014-12-30")}, &r).ok());
  EXPECT_EQ(One(*store, "SELECT seq > (SELECT max(seq) FROM articles WHERE id <> 'x2') FROM articles WHERE id = 'x2'"),
            "t\n");
  EXPECT_EQ(One(*store, "SELECT count(*) FROM article_keys"), One(*store, "SELECT count(*) FROM articles"));
}

}  // namespace
}  // namespace marsad
