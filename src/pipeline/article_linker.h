// The stateful, ordered part of the pipeline: links each new article to what came before
// it. Runs in the pipeline's single writer thread, in ingest order, so its decisions do not
// depend on --jobs or thread timing:
//   - near duplicates (dedup::NearDuplicateIndex): duplicate_of -> the earliest article in
//     the window whose text is nearly the same (exact duplicates are set before, by hash);
//   - stories (story clustering): story_id, and the story rows to write with the batch.
// Windowed state (the last `window_days` days of articles) is rebuilt from the store by
// Restore() at the start of a run, so ingesting a corpus in two runs gives the same links
// as one run. Thread-compatible: one linker per pipeline run, used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/article.h"
#include "core/status.h"
#include "store/store.h"

namespace marsad::pipeline {

struct LinkerOptions {
  bool near_duplicates = true;
  // Jaccard similarity of 3-word shingle sets at or above which an article is a near
  // duplicate; < 0 = the measured default of dedup::NearDuplicateIndex::Options
  // (docs/STORIES.md has the precision/recall sweep behind it).
  double near_duplicate_threshold = -1;
  // Days an article stays a near-duplicate candidate after the newest article seen;
  // < 0 = the dedup default.
  int window_days = -1;
  bool stories = true;
  // Days a story stays open after its last article, and the cosine of an article with a
  // story centroid from which it joins it; < 0 = story::StoryClusterer::Options defaults.
  int story_window_days = -1;
  double story_threshold = -1;
};

// The day an article counts for in the windows: its publication date; an undated article
// counts for the newest day seen before it (so it lands in the current window). Restore()
// replays the same rule over the stored window, which is exact for dated articles; an
// undated article restored at the very start of the window may count a few days later
// than it did the first time (documented in docs/STORIES.md).

class ArticleLinker {
 public:
  explicit ArticleLinker(LinkerOptions options);
  ~ArticleLinker();
  ArticleLinker(const ArticleLinker&) = delete;
  ArticleLinker& operator=(const ArticleLinker&) = delete;

  // Rebuilds the windowed state from the articles already stored. Call once, before Link.
  Status Restore(store::Store& store);

  // Links one new article. REQUIRES: articles in ingest order; a.duplicate_of already set
  // when the article is an exact duplicate. Sets a.duplicate_of (near duplicates) and
  // a.story_id when stories are on. A duplicate joins its original's story, wherever the
  // original is: in the window, linked earlier in this run, or (when `stored` is given)
  // in the store, even when it fell out of the window (input not in time order).
  void Link(Article& a, store::Store* stored = nullptr);

  // Moves the story rows and merges decided since the last call into `batch`.
  void TakeUpdates(store::WriteBatch* batch);

  uint64_t near_duplicates() const { return near_duplicates_; }
  uint64_t stories_created() const { return stories_created_; }

 private:
  struct State;
  int64_t DayOf(const Article& a);
  // The story of an original outside the clusterer's window: a late article of this run,
  // or the stored one (following this run's merges); nullopt when unknown.
  std::optional<std::string> StoryOfOriginal(const std::string& original_id, store::Store* stored);
  LinkerOptions options_;
  std::unique_ptr<State> state_;
  uint64_t near_duplicates_ = 0, stories_created_ = 0;
};

}  // namespace marsad::pipeline
