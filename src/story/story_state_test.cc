#include "story/story_state.h"

#include <gtest/gtest.h>

namespace marsad::story {
namespace {

ArticleRec Rec(const std::string& id, int64_t day, SparseVector vec) {
  ArticleRec r;
  r.id = id;
  r.day = day;
  r.vec = std::move(vec);
  return r;
}

// A term that only an evicted article brought must not count for candidacy: a restarted
// run never posted it, so counting it would make the two runs decide differently.
TEST(StoryStateTest, EvictedTermsDoNotMakeCandidates) {
  StoryState s;
  const uint32_t slot = s.NewStory("s");
  s.AddArticle(slot, Rec("a", 10, {{1, 0.6f}, {2, 0.8f}}), {});
  s.AddArticle(slot, Rec("b", 12, {{2, 0.6f}, {3, 0.8f}}), {});
  std::vector<uint32_t> out;
  s.Candidates({{1, 1.0f}, {3, 1.0f}}, 2, &out);
  EXPECT_EQ(out.size(), 1u);  // terms 1 and 3 both live
  s.EvictBefore(11);          // article a leaves: term 1 is gone from the centroid
  EXPECT_EQ(s.live_articles(), 1u);
  s.Candidates({{1, 1.0f}, {3, 1.0f}}, 2, &out);
  EXPECT_TRUE(out.empty());
  s.Candidates({{2, 1.0f}, {3, 1.0f}}, 2, &out);
  EXPECT_EQ(out.size(), 1u);
  s.Candidates({{3, 1.0f}}, 1, &out);
  EXPECT_EQ(out.size(), 1u);
}

TEST(StoryStateTest, CentroidIsTheSumOfLiveArticlesAndEmptyStoriesGo) {
  StoryState s;
  const uint32_t slot = s.NewStory("s");
  s.AddArticle(slot, Rec("a", 10, {{1, 1.0f}}), {});
  s.AddArticle(slot, Rec("b", 11, {{1, 0.5f}, {2, 0.5f}}), {});
  ArticleRec dup = Rec("c", 11, {});
  dup.duplicate = true;
  s.AddArticle(slot, dup, {});
  const StoryRec* st = s.FindStory("s");
  ASSERT_NE(st, nullptr);
  ASSERT_EQ(st->centroid.size(), 2u);
  EXPECT_FLOAT_EQ(st->centroid[0].weight, 1.5f);
  EXPECT_EQ(st->count, 3u);
  s.EvictBefore(11);
  st = s.FindStory("s");
  ASSERT_NE(st, nullptr);
  EXPECT_FLOAT_EQ(st->centroid[0].weight, 0.5f);
  s.EvictBefore(12);
  EXPECT_EQ(s.FindStory("s"), nullptr);
  EXPECT_EQ(s.live_stories(), 0u);
}

TEST(StoryStateTest, MergeMovesArticlesAndKeepsTheEarlierHistory) {
  StoryState s;
  const uint32_t a = s.NewStory("a");
  const uint32_t b = s.NewStory("b");
  ArticleRec r1 = Rec("x", 5, {{1, 1.0f}});
  r1.source = "early";
  s.AddArticle(b, r1, {"E1"});
  s.AddArticle(a, Rec("y", 6, {{2, 1.0f}}), {"E1"});
  s.Merge(a, b);
  EXPECT_EQ(s.FindStory("b"), nullptr);
  const StoryRec* st = s.FindStory("a");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->members.size(), 2u);
  EXPECT_EQ(st->first_day, 5);
  EXPECT_EQ(st->first_source, "early");
  EXPECT_EQ(st->entities.size(), 1u);
  EXPECT_EQ(st->entities[0].second, 2u);
  EXPECT_EQ(s.FindArticle("x")->story, a);
}

}  // namespace
}  // namespace marsad::story
