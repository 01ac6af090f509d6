#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

Entity Ent(const std::string& id, const std::string& en, const std::string& ar, const std::string& type,
           const std::string& country, const std::string& cameo, std::vector<std::string> forms) {
  Entity e;
  e.id = id, e.name_en = en, e.name_ar = ar, e.type = type, e.country = country, e.cameo = cameo;
  uint32_t at = 0;
  for (auto& f : forms) e.mentions.push_back({at, at + 3, f}), at += 10;
  return e;
}

Event Ev(const std::string& src, const std::string& tgt, const std::string& code, double goldstein, int quad,
         std::optional<std::string> date) {
  Event e;
  e.source = {std::nullopt, src, src, src.substr(0, 3)};
  e.target = {std::nullopt, tgt, tgt, tgt.substr(0, 3)};
  e.cameo_code = code, e.root = code.substr(0, 2), e.goldstein = goldstein, e.quad_class = quad;
  e.plover = "CONSULT", e.date = std::move(date), e.evidence_text = "جملة";
  return e;
}

Article Art(const std::string& id, const std::string& date, const std::string& source, const std::string& story) {
  Article a;
  a.id = id, a.input = id, a.text = "نص " + id, a.content_hash = id, a.published = date, a.source = source;
  a.story_id = story;
  return a;
}

class EventQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("marsad_event_queries_" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
    store_ = std::move(OpenSqliteStore(path_)).value();
    Entity rus = Ent("RUS", "Russia", "روسيا", "GPE", "RUS", "RUS", {"روسيا", "موسكو"});
    Entity usa = Ent("USA", "United States", "الولايات المتحدة", "GPE", "USA", "USA", {"واشنطن"});
    Entity putin = Ent("putin", "Vladimir Putin", "فلاديمير بوتين", "PERSON", "RUS", "RUSGOV", {"بوتين"});
    Article a1 = Art("a1", "2025-02-16", "Okaz", "s1"), a2 = Art("a2", "2025-02-16", "Sabq", "s1");
    Article a3 = Art("a3", "2025-03-02", "Okaz", "s2");
    a1.entities = {rus, usa, putin};
    a2.entities = {rus, usa};
    a3.entities = {rus};
    // The same meeting reported twice in story s1 (one event), a threat in s2.
    a1.events = {Ev("USAGOV", "RUSGOV", "036", 4.0, 1, "2025-02-18")};
    a2.events = {Ev("USAGOV", "RUSGOV", "036", 4.0, 1, "2025-02-18")};
    a3.events = {Ev("RUSGOV", "USAGOV", "138", -7.0, 3, std::nullopt)};
    Quote q;
    q.speaker = "putin", q.speaker_name = "بوتين", q.text = "نحن مستعدون", q.direct = true;
    a1.quotes = {q};
    PutResult r;
    ASSERT_TRUE(store_->PutArticles({a1, a2, a3}, &r).ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(EventQueriesTest, EntitiesAreCountedAndDetailed) {
  auto all = store_->ListEntities({}).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "RUS");
  EXPECT_EQ(all[0].articles, 3u);
  EXPECT_EQ(all[0].mentions, 6u);
  EntityFilter people;
  people.type = "PERSON";
  EXPECT_EQ(store_->ListEntities(people).value().size(), 1u);
  auto d = store_->GetEntity("روسيا").value();
  ASSERT_TRUE(d);
  EXPECT_EQ(d->summary.first_seen.value_or(""), "2025-02-16");
  EXPECT_EQ(d->by_day.size(), 2u);
  EXPECT_EQ(d->co_occurring[0].first, "United States");
  EXPECT_EQ(d->spellings[0].second, 3u);
  EXPECT_FALSE(store_->GetEntity("nobody").value());
}

TEST_F(EventQueriesTest, EventsMergeAcrossArticlesOfAStory) {
  auto merged = store_->ListEvents({}).value();
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].date, "2025-03-02");  // no date in the text: the article's
  EXPECT_EQ(merged[1].num_articles, 2u);
  EXPECT_EQ(merged[1].num_sources, 2u);
  EXPECT_EQ(merged[1].article_ids.size(), 2u);
  EventFilter raw;
  raw.merged = false;
  EXPECT_EQ(store_->ListEvents(raw).value().size(), 3u);
  EventFilter by_actor;
  by_actor.actor = "RUS";  // prefix of RUSGOV
  ASSERT_EQ(store_->ListEvents(by_actor).value().size(), 1u);
  EXPECT_EQ(store_->ListEvents(by_actor).value()[0].event.cameo_code, "138");
  EventFilter root;
  root.root = "03";
  EXPECT_EQ(store_->ListEvents(root).value().size(), 1u);
}

TEST_F(EventQueriesTest, QuotesAndDyads) {
  QuoteFilter putin;
  putin.speaker = "Vladimir Putin";
  ASSERT_EQ(store_->ListQuotes(putin).value().size(), 1u);
  EXPECT_EQ(store_->ListQuotes(putin).value()[0].quote.text, "نحن مستعدون");
  DyadQuery d;
  d.a = "RUS", d.b = "USA", d.by = "month";
  auto points = store_->Dyad(d).value();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].period, "2025-02");
  EXPECT_EQ(points[0].events, 2u);
  EXPECT_EQ(points[1].quad_class[2], 1u);
  d.directed = true;
  EXPECT_EQ(store_->Dyad(d).value().size(), 1u);  // only RUS -> USA (the threat)
  d.by = "year";
  EXPECT_FALSE(store_->Dyad(d).ok());
}

}  // namespace
}  // namespace marsad::store
