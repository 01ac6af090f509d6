#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

Article Make(const std::string& id, const std::string& date, const std::string& source,
             std::optional<std::string> story, std::optional<std::string> dup = std::nullopt) {
  Article a;
  a.id = id;
  a.input = "in/" + id;
  a.text = "نص " + id;
  a.content_hash = id;
  a.title = "عنوان " + id;
  a.published = date;
  a.source = source;
  a.story_id = std::move(story);
  a.duplicate_of = std::move(dup);
  return a;
}

class StoryRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("marsad_story_rows_" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
    auto s = OpenSqliteStore(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoryRowsTest, WritesStoriesMergesAndAnswersQueries) {
  WriteBatch b;
  b.articles = {Make("a1", "2025-02-10", "Okaz", "s1"), Make("a2", "2025-02-11", "Sabq", "s1", "a1"),
                Make("a3", "2025-02-12", "Okaz", "s2"), Make("a4", "2025-03-01", "Al Riyadh", "s3")};
  Entity e;
  e.id = "RUS", e.name_en = "Russia", e.name_ar = "روسيا", e.type = "GPE", e.cameo = "RUS";
  b.articles[2].entities = {e};
  b.stories = {{"s1", "عنوان a1", "Okaz", "2025-02-10", "2025-02-11", 2, {}, {}},
               {"s2", "عنوان a3", "Okaz", "2025-02-12", "2025-02-12", 1, {}, {}},
               {"s3", "عنوان a4", "Al Riyadh", "2025-03-01", "2025-03-01", 1, {}, {}}};
  PutResult r;
  ASSERT_TRUE(store_->Write(b, &r).ok());
  EXPECT_EQ(r.inserted, 4u);

  auto all = store_->ListStories({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 3u);
  EXPECT_EQ(all.value()[0].id, "s1");  // most articles first
  EXPECT_EQ(all.value()[0].sources.size(), 2u);

  StoryFilter march;
  march.since = "2025-03-01";
  EXPECT_EQ(store_->ListStories(march).value().size(), 1u);
  StoryFilter russia;
  russia.entity = "russia";
  ASSERT_EQ(store_->ListStories(russia).value().size(), 1u);
  EXPECT_EQ(store_->ListStories(russia).value()[0].id, "s2");
  EXPECT_EQ(store_->GetStory("s2").value()->entities[0].first, "Russia");

  auto dups = store_->DuplicatesOf("a2");
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups.value().size(), 2u);
  EXPECT_EQ(dups.value()[0].id, "a1");

  // s2 merges into s1: its article moves, its row goes; the upsert updates s1.
  WriteBatch m;
  m.stories = {{"s1", "عنوان a1", "Okaz", "2025-02-10", "2025-02-12", 3, {}, {}}};
  m.merges = {{"s2", "s1"}};
  ASSERT_TRUE(store_->Write(m, &r).ok());
  EXPECT_FALSE(store_->GetStory("s2").value());
  auto s1 = store_->StoryArticles("s1").value();
  ASSERT_EQ(s1.size(), 3u);
  EXPECT_EQ(s1[2].id, "a3");
  EXPECT_EQ(store_->GetStory("s1").value()->article_count, 3u);
  EXPECT_EQ(store_->GetStory("s1").value()->last_seen.value_or(""), "2025-02-12");
  // Counts and dates come from the articles, whatever the record says.
  WriteBatch wrong;
  wrong.stories = {{"s3", "عنوان جديد", "X", "1999-01-01", "1999-01-02", 99, {}, {}}};
  ASSERT_TRUE(store_->Write(wrong, &r).ok());
  auto s3 = store_->GetStory("s3").value();
  EXPECT_EQ(s3->title, "عنوان جديد");
  EXPECT_EQ(s3->article_count, 1u);
  EXPECT_EQ(s3->first_seen.value_or(""), "2025-03-01");
  EXPECT_EQ(s3->first_source, "Al Riyadh");

  // Window queries for restoring state.
  EXPECT_EQ(store_->LatestArticleDate().value().value_or(""), "2025-03-01");
  std::vector<std::string> since;
  ASSERT_TRUE(store_->ForEachArticleSince("2025-02-11", [&](const Article& a) {
                      since.push_back(a.id);
                      return true;
                    }).ok());
  EXPECT_EQ(since, (std::vector<std::string>{"a2", "a3", "a4"}));
}

}  // namespace
}  // namespace marsad::store
