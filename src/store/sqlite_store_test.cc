#include "store/sqlite_store.h"

#include "store/schema.h"
#include "store/search_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

Article MakeArticle(const std::string& id, const std::string& hash = "h") {
  Article a;
  a.id = id;
  a.input = "in/" + id + ".txt";
  a.text = "نص المقال " + id;
  a.content_hash = hash;
  return a;
}

Article FullArticle() {
  Article a = MakeArticle("full");
  a.url = "https://example.com/a";
  a.source = "البوابة نيوز";
  a.published = "2025-02-16";
  a.published_signal = "text-header";
  a.title = "روسيا والولايات المتحدة";
  a.author = "كاتب";
  a.wires = {"Bloomberg", "RIA Novosti"};
  a.keywords = {"القطب الشمالي", "الطاقة"};
  a.removed = {{"app-promo", "تابع أحدث الأخبار"}, {"tags", "كلمات دلالية: x"}};
  a.related = {{std::nullopt, "نص ثانوي"}, {std::string("عنوان"), "نص"}};
  a.duplicate_of = "other";
  a.story_id = "story1";
  a.invalid_utf8 = 2;
  Entity e;
  e.id = "RUS", e.name_en = "Russia", e.name_ar = "روسيا", e.type = "GPE", e.country = "RUS", e.cameo = "RUS";
  e.mentions = {{0, 5, "روسيا"}, {10, 16, "موسكو"}};
  a.entities = {e};
  Quote q;
  q.speaker = "PUTIN", q.speaker_name = "بوتين", q.text = "كلام", q.direct = true, q.start = 3, q.end = 7;
  a.quotes = {q};
  Event ev;
  ev.source = {std::string("USA"), "United States", "USA", "USA"};
  ev.target = {std::nullopt, "Russia", "RUSGOV", "RUS"};
  ev.cameo_code = "036", ev.root = "03", ev.quad_class = 1, ev.goldstein = 4.5, ev.plover = "CONSULT";
  ev.mode = "future", ev.date = "2025-02-18", ev.location_name = "الرياض", ev.location_country = "SAU";
  ev.evidence_text = "جملة", ev.evidence_start = 1, ev.evidence_end = 5, ev.confidence = 0.8;
  a.events = {ev};
  return a;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("marsad_store_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<Store> Open(SqliteOptions o = {}) {
    auto s = OpenSqliteStore(path_, o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  void RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, RoundTripsEveryField) {
  auto st = Open();
  Article in = FullArticle();
  PutResult r;
  ASSERT_TRUE(st->PutArticles({in}, &r).ok());
  EXPECT_EQ(r.inserted, 1u);
  auto out = st->GetArticle("full");
  ASSERT_TRUE(out.ok() && out.value());
  const Article& a = *out.value();
  EXPECT_EQ(a.url, in.url);
  EXPECT_EQ(a.source, in.source);
  EXPECT_EQ(a.published, in.published);
  EXPECT_EQ(a.published_signal, in.published_signal);
  EXPECT_EQ(a.title, in.title);
  EXPECT_EQ(a.author, in.author);
  EXPECT_EQ(a.text, in.text);
  EXPECT_EQ(a.wires, in.wires);
  EXPECT_EQ(a.keywords, in.keywords);
  ASSERT_EQ(a.removed.size(), 2u);
  EXPECT_EQ(a.removed[1].kind, "tags");
  ASSERT_EQ(a.related.size(), 2u);
  EXPECT_FALSE(a.related[0].title.has_value());
  EXPECT_EQ(a.related[1].title, "عنوان");
  EXPECT_EQ(a.duplicate_of, in.duplicate_of);
  EXPECT_EQ(a.story_id, in.story_id);
  EXPECT_EQ(a.invalid_utf8, 2u);
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].cameo, "RUS");
  ASSERT_EQ(a.entities[0].mentions.size(), 2u);
  EXPECT_EQ(a.entities[0].mentions[1].text, "موسكو");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].end, 7u);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.entity, "USA");
  EXPECT_FALSE(a.events[0].target.entity.has_value());
  EXPECT_EQ(a.events[0].goldstein, 4.5);
  EXPECT_EQ(a.events[0].location_country, "SAU");
  EXPECT_EQ(a.events[0].mode, "future");
}

TEST_F(SqliteStoreTest, MinimalArticleKeepsNulls) {
  auto st = Open();
  PutResult r;
  ASSERT_TRUE(st->PutArticles({MakeArticle("m")}, &r).ok());
  auto a = st->GetArticle("m");
  ASSERT_TRUE(a.ok() && a.value());
  EXPECT_FALSE(a.value()->url.has_value());
  EXPECT_FALSE(a.value()->title.has_value());
  EXPECT_TRUE(a.value()->entities.empty());
  auto missing = st->GetArticle("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing.value().has_value());
}

TEST_F(SqliteStoreTest, ReputIsIdempotent) {
  auto st = Open();
  PutResult r;
  ASSERT_TRUE(st->PutArticles({MakeArticle("a"), MakeArticle("b")}, &r).ok());
  Article changed = MakeArticle("a");
  changed.text = "مختلف";
  ASSERT_TRUE(st->PutArticles({changed, MakeArticle("c")}, &r).ok());
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.already_present, 1u);
  EXPECT_EQ(st->GetArticle("a").value()->text, MakeArticle("a").text);  // untouched
  EXPECT_EQ(st->Stats().value().articles, 3u);
}

TEST_F(SqliteStoreTest, ContentHashFindsEarliestAndOrderIsIngestOrder) {
  auto st = Open();
  PutResult r;
  ASSERT_TRUE(st->PutArticles({MakeArticle("z", "x"), MakeArticle("a", "x"), MakeArticle("m", "y")}, &r).ok());
  EXPECT_EQ(st->FindByContentHash("x").value(), "z");
  EXPECT_FALSE(st->FindByContentHash("none").value().has_value());
  EXPECT_TRUE(st->Contains("m").value());
  EXPECT_FALSE(st->Contains("q").value());
  std::vector<std::string> ids;
  ASSERT_TRUE(st->ForEachArticle([&](const Article& a) { ids.push_back(a.id); return true; }).ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"z", "a", "m"}));
  ids.clear();
  ASSERT_TRUE(st->ForEachArticle([&](const Article& a) { ids.push_back(a.id); return false; }).ok());
  EXPECT_EQ(ids.size(), 1u);
}

TEST_F(SqliteStoreTest, ForEachPagesThroughManyArticles) {
  auto st = Open();
  std::vector<Article> batch;
  for (int i = 0; i < 1500; ++i) batch.push_back(MakeArticle("id" + std::to_string(i)));
  PutResult r;
  ASSERT_TRUE(st->PutArticles(batch, &r).ok());
  size_t n = 0;
  ASSERT_TRUE(st->ForEachArticle([&](const Article&) { return ++n, true; }).ok());
  EXPECT_EQ(n, 1500u);
}

TEST_F(SqliteStoreTest, StatsCountsSourcesKindsAndDates) {
  auto st = Open();
  Article a = FullArticle(), b = MakeArticle("b"), c = MakeArticle("c");
  b.source = a.source;
  b.published = "2015-07-21";
  PutResult r;
  ASSERT_TRUE(st->PutArticles({a, b, c}, &r).ok());
  StoreStats s = st->Stats().value();
  EXPECT_EQ(s.articles, 3u);
  EXPECT_EQ(s.exact_duplicates, 1u);
  EXPECT_EQ(s.removed_blocks, 2u);
  EXPECT_EQ(s.related, 2u);
  EXPECT_EQ(s.entities, 1u);
  EXPECT_EQ(s.mentions, 2u);
  EXPECT_EQ(s.events, 1u);
  EXPECT_EQ(s.first_published, "2015-07-21");
  EXPECT_EQ(s.last_published, "2025-02-16");
  ASSERT_FALSE(s.by_source.empty());
  EXPECT_EQ(s.by_source[0], (std::pair<std::string, uint64_t>{"البوابة نيوز", 2}));
  EXPECT_EQ(s.schema_version, LatestSchemaVersion());
}

TEST_F(SqliteStoreTest, ReopenKeepsDataAndSchema) {
  {
    auto st = Open();
    PutResult r;
    ASSERT_TRUE(st->PutArticles({MakeArticle("a")}, &r).ok());
  }
  auto st = Open();
  EXPECT_TRUE(st->Contains("a").value());
  SqliteOptions ro;
  ro.read_only = true;
  auto reader = Open(ro);
  EXPECT_TRUE(reader->Contains("a").value());
}

TEST_F(SqliteStoreTest, RefusesGarbageForeignAndNewerFiles) {
  std::ofstream(path_) << "this is not a database at all, just some text";
  auto garbage = OpenSqliteStore(path_);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("not an SQLite database"), std::string::npos);
  EXPECT_NE(garbage.status().message().find(path_), std::string::npos);

  fs::remove(path_);
  RawSql("CREATE TABLE other(x)");
  auto foreign = OpenSqliteStore(path_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("not a marsad database"), std::string::npos);

  fs::remove(path_);
  { Open(); }
  RawSql("PRAGMA user_version=99");
  auto newer = OpenSqliteStore(path_);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("upgrade marsad"), std::string::npos);
}

TEST_F(SqliteStoreTest, RefusesMissingFolderFolderPathAndMissingReadOnly) {
  auto missing_dir = OpenSqliteStore((dir_ / "no" / "x.db").string());
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_NE(missing_dir.status().message().find("does not exist"), std::string::npos);
  EXPECT_FALSE(OpenSqliteStore(dir_.string()).ok());
  SqliteOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(OpenSqliteStore((dir_ / "absent.db").string(), ro).ok());
  EXPECT_FALSE(fs::exists(dir_ / "absent.db"));
}

TEST_F(SqliteStoreTest, UpgradesSchemaOneKeepingRowsAndEnforcingArticleReferences) {
  // A database as marsad's first release left it: schema 1, one article with a term.
  RawSql(std::string("BEGIN;") + Migrations()[0] + "PRAGMA application_id=" + std::to_string(kApplicationId) +
         ";PRAGMA user_version=1;"
         "INSERT INTO articles(id,input,text,content_hash) VALUES('old','in/old.txt','نص قديم','h');"
         "INSERT INTO article_terms VALUES('old','wire',0,'Bloomberg');"
         "INSERT INTO removed_blocks VALUES('old',0,'tags','كلمات دلالية');COMMIT;");
  SqliteOptions ro;
  ro.read_only = true;
  auto old_read_only = OpenSqliteStore(path_, ro);
  ASSERT_FALSE(old_read_only.ok());
  EXPECT_NE(old_read_only.status().message().find("open it once for writing"), std::string::npos);

  auto st = Open();
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->Stats().value().schema_version, LatestSchemaVersion());
  auto back = st->GetArticle("old");
  ASSERT_TRUE(back.ok() && back.value().has_value());
  EXPECT_EQ(back.value()->wires, std::vector<std::string>{"Bloomberg"});
  EXPECT_EQ(back.value()->removed.size(), 1u);
  PutResult r;
  ASSERT_TRUE(st->PutArticles({FullArticle()}, &r).ok());
  st.reset();
  // A child row without its article is refused; deleting an article takes its rows along.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
  ASSERT_TRUE(RegisterSearchTokenizer(db).ok());  // the full-text triggers need it
  EXPECT_NE(sqlite3_exec(db, "INSERT INTO article_terms VALUES('nobody','wire',0,'X')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "DELETE FROM articles", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM article_terms)+(SELECT count(*) FROM events)", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

}  // namespace
}  // namespace marsad::store
