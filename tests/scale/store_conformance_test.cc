// The same Store cases on SQLite and PostgreSQL: both must give the same answers (and the
// answers written here), so the CLI reads either store the same way.
#include <gtest/gtest.h>

#include <filesystem>

#include "local_services.h"
#include "pgstore/pg_store.h"
#include "store/sqlite_store.h"

namespace marsad {
namespace {

using scale_test::LocalServices;

LocalServices* g_services = nullptr;
std::string g_skip;

Article MakeArticle(const std::string& id, const std::string& hash, std::optional<std::string> published) {
  Article a;
  a.id = id;
  a.input = "in/" + id + ".txt";
  a.text = "نص المقال " + id;
  a.content_hash = hash;
  a.published = std::move(published);
  return a;
}

Article FullArticle() {
  Article a = MakeArticle("full", "hf", "2025-02-16T10:00:00");
  a.url = "https://example.com/a";
  a.source = "البوابة نيوز";
  a.published_signal = "text-header";
  a.title = "روسيا والولايات المتحدة";
  a.author = "كاتب";
  a.wires = {"Bloomberg", "RIA Novosti"};
  a.keywords = {"القطب الشمالي", "الطاقة"};
  a.removed = {{"app-promo", "تابع أحدث الأخبار"}, {"tags", "كلمات دلالية: x"}};
  a.related = {{std::nullopt, "نص ثانوي"}, {std::string("عنوان"), "نص"}};
  a.story_id = "s1";
  a.invalid_utf8 = 2;
  Entity e;
  e.id = "RUS", e.name_en = "Russia", e.name_ar = "روسيا", e.type = "GPE", e.country = "RUS", e.cameo = "RUS";
  e.mentions = {{0, 5, "روسيا"}, {10, 16, "موسكو"}};
  Entity f;
  f.id = "X", f.name_en = "Somebody", f.name_ar = "شخص", f.type = "PERSON";
  f.mentions = {{20, 23, "شخص"}};
  a.entities = {e, f};
  Quote q;
  q.speaker = "PUTIN", q.speaker_name = "بوتين", q.text = "كلام", q.direct = true, q.start = 3, q.end = 7;
  a.quotes = {q};
  Event ev;
  ev.source = {std::string("USA"), "United States", "USA", "USA"};
  ev.target = {std::nullopt, "Russia", "RUSGOV", "RUS"};
  ev.cameo_code = "036", ev.root = "03", ev.quad_class = 1, ev.goldstein = 4.5, ev.plover = "CONSULT";
  ev.mode = "future", ev.date = "2025-02-18", ev.location_name = "الرياض", ev.location_country = "SAU";
  ev.evidence_text = "جملة", ev.evidence_start = 1, ev.evidence_end = 5, ev.confidence = 0.1 + 0.2;
  a.events = {ev};
  return a;
}

// Field-by-field equality through the export-relevant fields (Article has no operator==).
void ExpectSame(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.input, b.input);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.published_signal, b.published_signal);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.content_hash, b.content_hash);
  EXPECT_EQ(a.duplicate_of, b.duplicate_of);
  EXPECT_EQ(a.story_id, b.story_id);
  EXPECT_EQ(a.invalid_utf8, b.invalid_utf8);
  EXPECT_EQ(a.wires, b.wires);
  EXPECT_EQ(a.keywords, b.keywords);
  ASSERT_EQ(a.removed.size(), b.removed.size());
  for (size_t i = 0; i < a.removed.size(); ++i) {
    EXPECT_EQ(a.removed[i].kind, b.removed[i].kind);
    EXPECT_EQ(a.removed[i].text, b.removed[i].text);
  }
  ASSERT_EQ(a.related.size(), b.related.size());
  for (size_t i = 0; i < a.related.size(); ++i) {
    EXPECT_EQ(a.related[i].title, b.related[i].title);
    EXPECT_EQ(a.related[i].text, b.related[i].text);
  }
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity &x = a.entities[i], &y = b.entities[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.name_ar, y.name_ar);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.country, y.country);
    EXPECT_EQ(x.cameo, y.cameo);
    ASSERT_EQ(x.mentions.size(), y.mentions.size());
    for (size_t k = 0; k < x.mentions.size(); ++k) {
      EXPECT_EQ(x.mentions[k].start, y.mentions[k].start);
      EXPECT_EQ(x.mentions[k].end, y.mentions[k].end);
      EXPECT_EQ(x.mentions[k].text, y.mentions[k].text);
    }
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    EXPECT_EQ(a.quotes[i].speaker, b.quotes[i].speaker);
    EXPECT_EQ(a.quotes[i].speaker_name, b.quotes[i].speaker_name);
    EXPECT_EQ(a.quotes[i].text, b.quotes[i].text);
    EXPECT_EQ(a.quotes[i].direct, b.quotes[i].direct);
    EXPECT_EQ(a.quotes[i].start, b.quotes[i].start);
    EXPECT_EQ(a.quotes[i].end, b.quotes[i].end);
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event &x = a.events[i], &y = b.events[i];
    EXPECT_EQ(x.source.entity, y.source.entity);
    EXPECT_EQ(x.source.name_en, y.source.name_en);
    EXPECT_EQ(x.target.cameo, y.target.cameo);
    EXPECT_EQ(x.target.country, y.target.country);
    EXPECT_EQ(x.cameo_code, y.cameo_code);
    EXPECT_EQ(x.root, y.root);
    EXPECT_EQ(x.quad_class, y.quad_class);
    EXPECT_EQ(x.goldstein, y.goldstein);  // exact: doubles round-trip
    EXPECT_EQ(x.plover, y.plover);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.location_name, y.location_name);
    EXPECT_EQ(x.location_country, y.location_country);
    EXPECT_EQ(x.evidence_text, y.evidence_text);
    EXPECT_EQ(x.evidence_start, y.evidence_start);
    EXPECT_EQ(x.evidence_end, y.evidence_end);
    EXPECT_EQ(x.confidence, y.confidence);
  }
}

class StoreConformance : public ::testing::TestWithParam<std::string> {
 public:
  static void TearDownTestSuite() {
    delete g_services;
    g_services = nullptr;
  }

 protected:
  void SetUp() override {
    static int n = 0;
    std::string name = "conf" + std::to_string(++n);
    if (GetParam() == "sqlite") {
      path_ = std::filesystem::temp_directory_path() / ("marsad-conf-" + std::to_string(getpid()) + name + ".db");
      std::filesystem::remove(path_);
      auto s = store::OpenSqliteStore(path_);
      ASSERT_TRUE(s.ok()) << s.status().message();
      store_ = std::move(s).value();
    } else {
      // Servers only for the PostgreSQL cases (each CTest case is its own process).
      if (!g_services && g_skip.empty()) g_services = LocalServices::Start(&g_skip).release();
      if (!g_services) GTEST_SKIP() << g_skip;
      std::string url = g_services->NewDatabase(name);
      ASSERT_FALSE(url.empty());
      auto s = pgstore::OpenPgStore({url});
      ASSERT_TRUE(s.ok()) << s.status().message();
      store_ = std::move(s).value();
    }
  }
  void TearDown() override {
    store_.reset();
    if (!path_.empty()) {
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
    }
  }
  std::filesystem::path path_;
  std::unique_ptr<store::Store> store_;
};

TEST_P(StoreConformance, RoundTripsEveryFieldAndIsIdempotent) {
  store::PutResult r;
  ASSERT_TRUE(store_->PutArticles({FullArticle(), MakeArticle("b", "hb", std::nullopt)}, &r).ok());
  EXPECT_EQ(r.inserted, 2u);
  ASSERT_TRUE(store_->PutArticles({FullArticle(), MakeArticle("c", "hc", "2025-01-01")}, &r).ok());
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.already_present, 1u);
  // Same id twice in one batch: stored once.
  ASSERT_TRUE(store_->PutArticles({MakeArticle("d", "hd", std::nullopt), MakeArticle("d", "hd", std::nullopt)}, &r).ok());
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.already_present, 1u);
  auto got = store_->GetArticle("full");
  ASSERT_TRUE(got.ok() && got.value());
  ExpectSame(*got.value(), FullArticle());
  EXPECT_FALSE(store_->GetArticle("nope").value().has_value());
  EXPECT_TRUE(store_->Contains("b").value());
  EXPECT_FALSE(store_->Contains("zz").value());
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value().articles, 4u);
  EXPECT_EQ(stats.value().entities, 2u);
  EXPECT_EQ(stats.value().mentions, 3u);
  EXPECT_EQ(stats.value().quotes, 1u);
  EXPECT_EQ(stats.value().events, 1u);
  EXPECT_EQ(stats.value().removed_blocks, 2u);
  EXPECT_EQ(stats.value().related, 2u);
  EXPECT_EQ(stats.value().invalid_utf8_articles, 1u);
  EXPECT_EQ(stats.value().first_published, "2025-01-01");
  EXPECT_EQ(stats.value().last_published, "2025-02-16T10:00:00");
  using Pairs = std::vector<std::pair<std::string, uint64_t>>;
  EXPECT_EQ(stats.value().by_source, (Pairs{{"(unknown)", 3}, {"البوابة نيوز", 1}}));
  EXPECT_EQ(stats.value().removed_by_kind, (Pairs{{"app-promo", 1}, {"tags", 1}}));
}

TEST_P(StoreConformance, OrderAndHashLookups) {
  store::PutResult r;
  ASSERT_TRUE(store_->PutArticles({MakeArticle("z1", "same", "2025-03-02"), MakeArticle("a2", "same", "2025-03-01"),
                                   MakeArticle("m3", "other", "2024-12-31")}, &r).ok());
  EXPECT_EQ(store_->FindByContentHash("same").value(), "z1");  // earliest stored, not smallest id
  EXPECT_FALSE(store_->FindByContentHash("none").value().has_value());
  std::vector<std::string> order;
  ASSERT_TRUE(store_->ForEachArticle([&](const Article& a) { order.push_back(a.id); return true; }).ok());
  EXPECT_EQ(order, (std::vector<std::string>{"z1", "a2", "m3"}));
  order.clear();
  ASSERT_TRUE(store_->ForEachArticleSince("2025-03-01", [&](const Article& a) { order.push_back(a.id); return true; }).ok());
  EXPECT_EQ(order, (std::vector<std::string>{"z1", "a2"}));
  order.clear();
  ASSERT_TRUE(store_->ForEachArticle([&](const Article& a) { order.push_back(a.id); return false; }).ok());
  EXPECT_EQ(order.size(), 1u);
  EXPECT_EQ(store_->LatestArticleDate().value(), "2025-03-02");
}

TEST_P(StoreConformance, StoriesMergesAndDuplicates) {
  store::WriteBatch b;
  b.articles = {MakeArticle("a", "h1", "2025-02-02"), MakeArticle("b", "h1", "2025-02-01"),
                MakeArticle("c", "h2", "2025-02-03"), MakeArticle("d", "h3", "2025-02-05")};
  b.articles[1].duplicate_of = "a";
  b.articles[0].story_id = b.articles[1].story_id = "S1";
  b.articles[2].story_id = "S2";
  b.articles[3].story_id = "S3";
  b.articles[0].source = "x";
  b.articles[1].source = "y";
  b.articles[2].source = "x";
  Entity e;
  e.id = "SAU", e.name_en = "Saudi Arabia", e.name_ar = "السعودية", e.type = "GPE", e.cameo = "SAU";
  b.articles[2].entities = {e};
  b.stories = {{"S1", "t1", "x", "2025-02-01", "2025-02-02", 2, {}, {}},
               {"S2", "t2", "x", "2025-02-03", "2025-02-03", 1, {}, {}},
               {"S3", "t3", "", std::nullopt, std::nullopt, 1, {}, {}}};
  store::PutResult r;
  ASSERT_TRUE(store_->Write(b, &r).ok());
  EXPECT_EQ(r.inserted, 4u);
  store::WriteBatch m;
  m.stories = {{"S1", "t1", "x", "2025-02-01", "2025-02-03", 3, {}, {}}};
  m.merges = {{"S2", "S1"}};
  ASSERT_TRUE(store_->Write(m, &r).ok());
  auto list = store_->ListStories({});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list.value().size(), 2u);
  EXPECT_EQ(list.value()[0].id, "S1");
  EXPECT_EQ(list.value()[0].article_count, 3u);
  EXPECT_EQ(list.value()[0].sources, (std::vector<std::pair<std::string, uint64_t>>{{"x", 2}, {"y", 1}}));
  EXPECT_EQ(list.value()[0].entities, (std::vector<std::pair<std::string, uint64_t>>{{"Saudi Arabia", 1}}));
  EXPECT_EQ(list.value()[1].id, "S3");
  store::StoryFilter by_entity;
  by_entity.entity = "saudi arabia";
  ASSERT_EQ(store_->ListStories(by_entity).value().size(), 1u);
  store::StoryFilter by_date;
  by_date.since = "2025-02-04";  // S3's dates come from its article (2025-02-05)
  ASSERT_EQ(store_->ListStories(by_date).value().size(), 1u);
  EXPECT_EQ(store_->ListStories(by_date).value()[0].id, "S3");
  by_date.since = "2025-02-06";
  EXPECT_EQ(store_->ListStories(by_date).value().size(), 0u);
  EXPECT_FALSE(store_->GetStory("S2").value().has_value());
  auto s1 = store_->GetStory("S1");
  ASSERT_TRUE(s1.ok() && s1.value());
  EXPECT_EQ(s1.value()->last_seen, "2025-02-03");
  auto arts = store_->StoryArticles("S1");
  ASSERT_TRUE(arts.ok());
  std::vector<std::string> ids;
  for (const auto& a : arts.value()) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"b", "a", "c"}));  // by date, then ingest order
  // Story rows take only id and title from the record: the rest comes from the articles.
  store::WriteBatch wrong;
  wrong.stories = {{"S3", "جديد", "X", "1999-01-01", "1999-01-02", 99, {}, {}}};
  ASSERT_TRUE(store_->Write(wrong, &r).ok());
  auto s3 = store_->GetStory("S3");
  ASSERT_TRUE(s3.ok() && s3.value());
  EXPECT_EQ(s3.value()->title, "جديد");
  EXPECT_EQ(s3.value()->article_count, 1u);
  EXPECT_EQ(s3.value()->first_seen, "2025-02-05");
  EXPECT_EQ(s3.value()->first_source, "");
  auto dups = store_->DuplicatesOf("b");
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups.value().size(), 2u);
  EXPECT_EQ(dups.value()[0].id, "b");
  EXPECT_EQ(dups.value()[0].duplicate_of, "a");
  EXPECT_EQ(dups.value()[1].id, "a");
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreConformance, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace marsad
