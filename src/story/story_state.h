// Internal to story: the windowed state of StoryClusterer (articles, stories, the
// term -> story postings used to find candidate stories) and the operations on it that
// do not decide anything: add an article to a story, merge two stories, evict a day.
// Every operation keeps a story's centroid equal to the sum, in arrival order, of the
// vectors of its non-duplicate articles in the window (bit for bit: recomputed from the
// members after an eviction or a merge, appended otherwise). Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "story/article_vectorizer.h"

namespace marsad::story {

struct ArticleRec {
  std::string id, title, source;
  int64_t day = 0;
  bool duplicate = false;
  SparseVector vec;  // empty for duplicates
  uint32_t story = 0;  // slot in StoryState::stories
};

struct StoryRec {
  bool alive = false;
  std::string id;
  std::vector<uint64_t> members;  // article sequence numbers in the window, ascending
  SparseVector centroid;
  double norm = 0;
  // History over every article given for the story (evicted ones included).
  int64_t first_day = 0, last_day = 0;
  uint64_t first_seq = 0;  // arrival of the earliest article (by day, then arrival)
  std::string first_source;
  size_t count = 0;
  std::vector<std::string> sources;
  std::vector<std::pair<std::string, uint32_t>> entities;  // id -> articles
};

class StoryState {
 public:
  // A new, empty story; returns its slot.
  uint32_t NewStory(const std::string& id);
  // Appends an article (the newest arrival) to a story.
  void AddArticle(uint32_t slot, ArticleRec rec, const std::vector<std::string>& entities);
  // Moves every article of `from` into `into`; `from` is forgotten.
  void Merge(uint32_t into, uint32_t from);
  // Evicts every article with day < min_day; stories left empty are forgotten.
  void EvictBefore(int64_t min_day);

  // The live stories whose centroid holds at least `min_hits` of the terms of `probe`
  // (a function of the current state only, not of its history; order unspecified).
  void Candidates(const SparseVector& probe, int min_hits, std::vector<uint32_t>* out);

  const StoryRec* FindStory(const std::string& id) const;
  uint32_t SlotOf(const std::string& story_id) const;  // REQUIRES: exists
  bool HasStory(const std::string& id) const { return by_story_id_.count(id) != 0; }
  const ArticleRec* FindArticle(const std::string& id) const;
  const ArticleRec& Article(uint64_t seq) const { return articles_.at(seq); }
  const StoryRec& Story(uint32_t slot) const { return stories_[slot]; }

  size_t live_stories() const { return by_story_id_.size(); }
  size_t live_articles() const { return articles_.size(); }
  size_t memory_bytes() const;

 private:
  void Recompute(StoryRec& s);
  void Post(uint32_t slot, const SparseVector& terms, const SparseVector& already);
  void MaybeRebuildPostings();

  std::vector<StoryRec> stories_;
  std::vector<uint32_t> free_slots_;
  std::unordered_map<std::string, uint32_t> by_story_id_;
  std::unordered_map<uint64_t, ArticleRec> articles_;  // by arrival sequence number
  std::unordered_map<std::string, uint64_t> by_article_id_;
  std::map<int64_t, std::vector<uint64_t>> by_day_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;  // term -> story slots
  size_t posting_entries_ = 0;
  uint64_t next_seq_ = 0;
  std::vector<uint32_t> seen_;  // per slot: last Candidates() call that listed it
  std::vector<uint32_t> hits_, last_term_;  // per slot, valid when seen_ == query_
  uint32_t query_ = 0;
};

}  // namespace marsad::story
