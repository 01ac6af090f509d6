// The time window of NearDuplicateIndex: eviction, exact matching inside the window, and
// restart equivalence (restore the stored originals, then go on == one run).
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "dedup/near_duplicate_index.h"

namespace marsad::dedup {
namespace {

// Synthetic texts of Latin words (kept tokens for the tokenizer): `base` picks the words,
// `edits` replaces a few of them, so texts with one base are near duplicates.
std::string Text(int base, int edits, std::mt19937* rng) {
  std::mt19937 words(static_cast<uint32_t>(base) * 7919u + 1u);
  std::vector<std::string> w;
  for (int i = 0; i < 60; ++i) w.push_back("w" + std::to_string(words() % 5000));
  for (int e = 0; e < edits; ++e) w[(*rng)() % w.size()] = "x" + std::to_string((*rng)() % 5000);
  std::string out;
  for (const std::string& s : w) out += s + " ";
  return out;
}

struct Doc {
  std::string id, text;
  int64_t day;
};

std::vector<Doc> Stream(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Doc> docs;
  int64_t day = 16000;
  for (int i = 0; i < n; ++i) {
    if (rng() % 4 == 0) ++day;
    // Mostly in order, some late arrivals (up to 9 days late: some outside a 6-day window).
    const int64_t d = rng() % 10 == 0 ? day - static_cast<int64_t>(rng() % 10) : day;
    const int base = i / 3 + static_cast<int>(rng() % 12);  // bases recur for a few days
    docs.push_back({"d" + std::to_string(i), Text(base, static_cast<int>(rng() % 4), &rng), d});
  }
  return docs;
}

TEST(NearDuplicateWindowTest, OldDocumentsStopMatchingAndAreFreed) {
  NearDuplicateIndex::Options o;
  o.window_days = 10;
  NearDuplicateIndex index(o);
  std::mt19937 rng(1);
  const std::string a = Text(1, 0, &rng);
  ASSERT_EQ(index.FindOrAdd("a", a, 100), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("a2", a, 110), "a");  // exactly window_days later: still in
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.FindOrAdd("a3", a, 111), std::nullopt);  // a is out; a3 is stored
  EXPECT_EQ(index.FindOrAdd("a4", a, 112), "a3");
  // A late document older than the window is neither matched nor stored.
  EXPECT_EQ(index.FindOrAdd("old", Text(2, 0, &rng), 90), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("old2", Text(2, 0, &rng), 112), std::nullopt);
  // Far ahead: every earlier generation is freed.
  const size_t before = index.memory_bytes();
  EXPECT_EQ(index.FindOrAdd("b", Text(3, 0, &rng), 200), std::nullopt);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_LT(index.memory_bytes(), before);
  EXPECT_EQ(index.newest_day(), 200);
  EXPECT_EQ(index.min_day(), 190);
}

TEST(NearDuplicateWindowTest, MemoryFollowsTheWindowNotHistory) {
  NearDuplicateIndex::Options o;
  o.window_days = 4;
  NearDuplicateIndex index(o);
  std::mt19937 rng(2);
  size_t peak_early = 0, peak_late = 0;
  for (int i = 0; i < 4000; ++i) {
    index.FindOrAdd("d" + std::to_string(i), Text(i, 0, &rng), i / 50);  // 50 a day
    if (i < 1000) peak_early = std::max(peak_early, index.size());
    peak_late = std::max(peak_late, index.size());
  }
  // Three generations of 2 days at most: 6 days x 50 documents.
  EXPECT_LE(peak_late, 300u);
  EXPECT_EQ(peak_late, peak_early);
}

TEST(NearDuplicateWindowTest, ShortTextsUseTheWindowToo) {
  NearDuplicateIndex::Options o;
  o.window_days = 2;
  NearDuplicateIndex index(o);
  EXPECT_EQ(index.FindOrAdd("s1", "short text here", 10), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("s2", "short text here", 12), "s1");
  EXPECT_EQ(index.FindOrAdd("s3", "short text here", 13), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("s4", "short text here", 13), "s3");
}

// Runs docs[0..n) in one index, and docs[0..k) then a restored index for docs[k..n).
void ExpectRestartEquivalence(const std::vector<Doc>& docs, int window) {
  NearDuplicateIndex::Options o;
  o.window_days = window;
  NearDuplicateIndex one(o);
  std::vector<std::optional<std::string>> expected;
  for (const Doc& d : docs) expected.push_back(one.FindOrAdd(d.id, d.text, d.day));
  for (size_t k : {size_t{1}, docs.size() / 3, docs.size() / 2, docs.size() - 1}) {
    NearDuplicateIndex first(o);
    std::vector<bool> dup(k);
    int64_t newest = INT64_MIN;
    for (size_t i = 0; i < k; ++i) {
      dup[i] = first.FindOrAdd(docs[i].id, docs[i].text, docs[i].day).has_value();
      newest = std::max(newest, docs[i].day);
    }
    // What the pipeline does from the store: newest day, then the originals in the window.
    NearDuplicateIndex second(o);
    second.AdvanceTo(newest);
    for (size_t i = 0; i < k; ++i) {
      if (!dup[i] && (window == 0 || docs[i].day >= newest - window)) {
        second.Restore(docs[i].id, docs[i].text, docs[i].day);
      }
    }
    for (size_t i = k; i < docs.size(); ++i) {
      ASSERT_EQ(second.FindOrAdd(docs[i].id, docs[i].text, docs[i].day), expected[i])
          << "split " << k << " doc " << i;
    }
  }
}

TEST(NearDuplicateWindowTest, TwoRunsGiveTheSameAnswersAsOne) {
  const std::vector<Doc> docs = Stream(1500, 3);
  size_t dups = 0;
  {
    NearDuplicateIndex::Options o;
    o.window_days = 6;
    NearDuplicateIndex index(o);
    for (const Doc& d : docs) dups += index.FindOrAdd(d.id, d.text, d.day).has_value();
  }
  ASSERT_GT(dups, 300u);   // the stream has many duplicates
  ASSERT_LT(dups, 1400u);  // and many originals
  ExpectRestartEquivalence(docs, 6);
  ExpectRestartEquivalence(docs, 1);
  ExpectRestartEquivalence(docs, 0);  // no window
}

TEST(NearDuplicateWindowTest, NoWindowKeepsEverything) {
  NearDuplicateIndex::Options o;
  o.window_days = 0;
  NearDuplicateIndex index(o);
  std::mt19937 rng(4);
  const std::string a = Text(1, 0, &rng);
  ASSERT_EQ(index.FindOrAdd("a", a, 1), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("b", a, 100000), "a");
}

}  // namespace
}  // namespace marsad::dedup
