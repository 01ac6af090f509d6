#include "story/story_clusterer.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "text/normalizer.h"

namespace marsad::story {
namespace {

StoryInput Input(const std::string& id, const std::string& title, const std::string& body,
                 int64_t day, const std::string& source = "outlet") {
  StoryInput in;
  in.article_id = id;
  in.title = title;
  in.match_key_text = text::MatchKey(body);
  in.source = source;
  in.day = day;
  return in;
}

// Made-up reports: two on one event, one on another event of the same kind.
const char* kQuakeA = "ضرب زلزال بقوة ست درجات جنوب تركيا صباح اليوم وأدى إلى انهيار مبان في "
                      "ثلاث قرى وإصابة العشرات بحسب هيئة الكوارث التركية.";
const char* kQuakeB = "أصيب عشرات الأشخاص في زلزال قوي هز جنوب تركيا فجر اليوم وتسبب في انهيار "
                      "مبان في قرى قريبة من مركز الهزة وفق هيئة الكوارث.";
const char* kFlood = "غمرت سيول جارفة أحياء في مدينة جدة بعد أمطار غزيرة استمرت ساعات وأعلن "
                     "الدفاع المدني إخلاء عشرات الأسر من منازلها.";

TEST(StoryClustererTest, SameEventJoinsOtherEventStartsAStory) {
  StoryClusterer c;
  const Assignment a = c.Add(Input("a", "زلزال يضرب جنوب تركيا", kQuakeA, 100, "okaz"));
  EXPECT_TRUE(a.created);
  EXPECT_EQ(a.story_id, "a");
  const Assignment b = c.Add(Input("b", "عشرات المصابين في زلزال جنوب تركيا", kQuakeB, 100, "sabq"));
  EXPECT_FALSE(b.created);
  EXPECT_EQ(b.story_id, "a");
  EXPECT_GE(b.score, c.options().threshold);
  const Assignment f = c.Add(Input("f", "سيول تغمر أحياء في جدة", kFlood, 101, "alyaum"));
  EXPECT_TRUE(f.created);
  EXPECT_EQ(c.active_stories(), 2u);

  const auto s = c.Summary("a");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->article_count, 2u);
  EXPECT_EQ(s->first_source, "okaz");
  EXPECT_EQ(s->sources, (std::vector<std::string>{"okaz", "sabq"}));
  EXPECT_EQ(s->article_ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(s->title.empty());
  EXPECT_FALSE(c.Summary("nope").has_value());
}

TEST(StoryClustererTest, DuplicatesJoinTheirOriginalWithoutWeight) {
  StoryClusterer c;
  c.Add(Input("a", "زلزال يضرب جنوب تركيا", kQuakeA, 100));
  c.Add(Input("f", "سيول تغمر أحياء في جدة", kFlood, 100));
  StoryInput dup = Input("d", "نص مختلف تماما", kQuakeA, 100, "was");
  dup.duplicate_of = "a";
  const Assignment d = c.Add(dup);
  EXPECT_EQ(d.story_id, "a");
  EXPECT_FALSE(d.created);
  EXPECT_EQ(c.Summary("a")->article_count, 2u);
}

TEST(StoryClustererTest, WindowEvictsOldStories) {
  StoryClusterer::Options o;
  o.window_days = 2;
  StoryClusterer c(o);
  c.Add(Input("a", "زلزال يضرب جنوب تركيا", kQuakeA, 100));
  const size_t with_one = c.memory_bytes();
  EXPECT_EQ(c.active_stories(), 1u);
  // Three days later the quake story is gone: a new report starts a new story.
  const Assignment b = c.Add(Input("b", "عشرات المصابين في زلزال جنوب تركيا", kQuakeB, 103));
  EXPECT_TRUE(b.created);
  EXPECT_EQ(c.active_stories(), 1u);
  EXPECT_FALSE(c.Summary("a").has_value());
  c.Add(Input("f", "سيول تغمر أحياء في جدة", kFlood, 200));
  EXPECT_EQ(c.active_stories(), 1u);
  EXPECT_EQ(c.active_articles(), 1u);
  EXPECT_LE(c.memory_bytes(), with_one * 2);
}

TEST(StoryClustererTest, EmptyTextsNeverJoin) {
  StoryClusterer c;
  EXPECT_TRUE(c.Add(Input("a", "", "", 1)).created);
  EXPECT_TRUE(c.Add(Input("b", "", "", 1)).created);
  EXPECT_EQ(c.active_stories(), 2u);
}

// Synthetic stream: stories are vocabularies of made-up words (unknown to the IDF table,
// so all weigh alike); articles draw words from their story, some from a neighbouring one
// (bridges that make stories merge), and noise. Days advance slowly with late arrivals.
std::vector<StoryInput> Stream(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<StoryInput> out;
  int64_t day = 20000;
  for (int i = 0; i < n; ++i) {
    if (rng() % 12 == 0) ++day;
    const int topic = i / 6 + static_cast<int>(rng() % 8);
    std::string body, title;
    for (int w = 0; w < 40; ++w) {
      // Neighbouring topics share half of their words: stories that drift together merge.
      const uint32_t r = rng();
      body += "w" + std::to_string(topic * 6 + static_cast<int>(r % 12)) + " ";
      if (r % 9 == 0) body += "noise" + std::to_string(rng() % 3000) + " ";
    }
    title = "w" + std::to_string(topic * 6 + static_cast<int>(rng() % 12));
    StoryInput in = Input("a" + std::to_string(i), title, body,
                          rng() % 8 == 0 ? day - static_cast<int64_t>(rng() % 5) : day,
                          "src" + std::to_string(rng() % 5));
    if (i > 0 && rng() % 7 == 0) in.duplicate_of = "a" + std::to_string(i - 1 - rng() % 4);
    out.push_back(in);
  }
  return out;
}

TEST(StoryClustererTest, TwoRunsGiveTheSameStoriesAsOne) {
  StoryClusterer::Options o;
  o.window_days = 3;
  o.merge_threshold = 0.25;  // merges are rarer with the default; here they must happen
  const std::vector<StoryInput> stream = Stream(1200, 7);
  StoryClusterer one(o);
  std::vector<Assignment> expected;
  size_t merges = 0, created = 0;
  for (const StoryInput& in : stream) {
    expected.push_back(one.Add(in));
    merges += expected.back().merged_away.size();
    created += expected.back().created;
  }
  ASSERT_GT(merges, 5u);     // the stream exercises merging
  ASSERT_GT(created, 50u);   // and many stories
  ASSERT_LT(created, 900u);  // that are joined
  for (size_t k : {size_t{1}, size_t{250}, size_t{601}, size_t{1000}, stream.size() - 1}) {
    // First run: Add a1..ak; the store keeps each article's story, relabelled on merges.
    StoryClusterer first(o);
    std::vector<std::string> story(k);
    std::map<std::string, std::string> relabel;
    int64_t newest = INT64_MIN;
    for (size_t i = 0; i < k; ++i) {
      const Assignment a = first.Add(stream[i]);
      story[i] = a.story_id;
      for (const std::string& gone : a.merged_away) relabel[gone] = a.story_id;
      newest = std::max(newest, stream[i].day);
    }
    auto final_id = [&](std::string id) {
      for (auto it = relabel.find(id); it != relabel.end(); it = relabel.find(id)) id = it->second;
      return id;
    };
    // Second run: restore the window, then go on.
    StoryClusterer second(o);
    second.AdvanceTo(newest);
    for (size_t i = 0; i < k; ++i) {
      if (stream[i].day >= newest - o.window_days) second.Restore(stream[i], final_id(story[i]));
    }
    ASSERT_EQ(second.active_stories(), first.active_stories()) << "split " << k;
    for (size_t i = k; i < stream.size(); ++i) {
      const Assignment a = second.Add(stream[i]);
      ASSERT_EQ(a.story_id, expected[i].story_id) << "split " << k << " article " << i;
      ASSERT_EQ(a.created, expected[i].created) << "split " << k << " article " << i;
      ASSERT_EQ(a.merged_away, expected[i].merged_away) << "split " << k << " article " << i;
      ASSERT_DOUBLE_EQ(a.score, expected[i].score) << "split " << k << " article " << i;
    }
  }
}

TEST(StoryClustererTest, MemoryFollowsTheWindow) {
  StoryClusterer::Options o;
  o.window_days = 2;
  StoryClusterer c(o);
  const std::vector<StoryInput> stream = Stream(3000, 11);
  size_t peak_early = 0, peak_late = 0;
  for (size_t i = 0; i < stream.size(); ++i) {
    c.Add(stream[i]);
    if (i < 1000) peak_early = std::max(peak_early, c.active_articles());
    if (i >= 2000) peak_late = std::max(peak_late, c.active_articles());
  }
  // About 12 articles a day: 3 days in the window.
  EXPECT_LT(peak_late, 2 * peak_early);
  EXPECT_LT(peak_late, 200u);
}

}  // namespace
}  // namespace marsad::story
