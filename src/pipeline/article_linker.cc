#include "pipeline/article_linker.h"

#include <algorithm>
#include <climits>
#include <map>

#include "core/civil_date.h"
#include "dedup/near_duplicate_index.h"
#include "story/story_clusterer.h"
#include "text/normalizer.h"

namespace marsad::pipeline {

namespace {

dedup::NearDuplicateIndex::Options DedupOptions(const LinkerOptions& o) {
  dedup::NearDuplicateIndex::Options d;
  if (o.near_duplicate_threshold >= 0) d.threshold = o.near_duplicate_threshold;
  if (o.window_days >= 0) d.window_days = o.window_days;
  return d;
}

story::StoryClusterer::Options StoryOptions(const LinkerOptions& o) {
  story::StoryClusterer::Options s;
  if (o.story_window_days >= 0) s.window_days = o.story_window_days;
  if (o.story_threshold >= 0) s.threshold = o.story_threshold;
  return s;
}

story::StoryInput StoryInputOf(const Article& a, const std::string& match_key, int64_t day) {
  story::StoryInput in;
  in.article_id = a.id;
  in.title = a.title.value_or("");
  in.match_key_text = match_key;
  in.source = a.source.value_or("");
  in.day = day;
  for (const Entity& e : a.entities) {
    // Actors only: a story is about who did what, not about every word NER tagged.
    if (e.cameo) in.entity_ids.push_back(e.id);
  }
  in.duplicate_of = a.duplicate_of.value_or("");
  return in;
}

}  // namespace

struct ArticleLinker::State {
  explicit State(const LinkerOptions& o) : dedup(DedupOptions(o)), stories(StoryOptions(o)) {}
  dedup::NearDuplicateIndex dedup;
  story::StoryClusterer stories;
  int64_t newest_day = INT64_MIN;
  std::map<std::string, bool> touched;  // story id -> still exists (false: merged away)
  std::vector<store::StoryMerge> merges;
};

ArticleLinker::ArticleLinker(LinkerOptions options)
    : options_(options), state_(std::make_unique<State>(options_)) {}
ArticleLinker::~ArticleLinker() = default;

int64_t ArticleLinker::DayOf(const Article& a) {
  std::optional<int64_t> day = a.published ? DaysFromIso(*a.published) : std::nullopt;
  int64_t d = day ? *day : (state_->newest_day == INT64_MIN ? TodayUtc() : state_->newest_day);
  state_->newest_day = std::max(state_->newest_day, d);
  return d;
}

Status ArticleLinker::Restore(store::Store& store) {
  auto latest = store.LatestArticleDate();
  if (!latest.ok()) return latest.status();
  if (!latest.value()) return Status::Ok();  // empty store
  auto newest = DaysFromIso(*latest.value());
  if (!newest) return Status::Ok();
  state_->dedup.AdvanceTo(*newest);
  state_->stories.AdvanceTo(*newest);
  int window = std::max(state_->dedup.options().window_days, state_->stories.options().window_days);
  // Undated articles restored before any dated one count for the window's first day.
  state_->newest_day = *newest - window;
  return store.ForEachArticleSince(IsoFromDays(*newest - window), [&](const Article& a) {
    int64_t day = DayOf(a);
    std::string key = text::MatchKey(a.text);
    // Originals only: a duplicate was never added to the index.
    if (options_.near_duplicates && !a.duplicate_of && !a.text.empty()) state_->dedup.Restore(a.id, key, day);
    if (options_.stories && a.story_id) state_->stories.Restore(StoryInputOf(a, key, day), *a.story_id);
    return true;
  });
}

void ArticleLinker::Link(Article& a) {
  int64_t day = DayOf(a);
  std::string key = text::MatchKey(a.text);
  if (options_.near_duplicates && !a.duplicate_of && !a.text.empty()) {
    if (auto original = state_->dedup.FindOrAdd(a.id, key, day)) {
      a.duplicate_of = *original;
      ++near_duplicates_;
    }
  }
  if (!options_.stories || (a.text.empty() && !a.title)) return;
  story::Assignment got = state_->stories.Add(StoryInputOf(a, key, day));
  a.story_id = got.story_id;
  if (got.created) ++stories_created_;
  state_->touched[got.story_id] = true;
  for (const std::string& gone : got.merged_away) {
    state_->merges.push_back({gone, got.story_id});
    state_->touched[gone] = false;
  }
}

void ArticleLinker::TakeUpdates(store::WriteBatch* batch) {
  for (store::StoryMerge& m : state_->merges) batch->merges.push_back(std::move(m));
  state_->merges.clear();
  for (const auto& [id, alive] : state_->touched) {
    if (!alive) continue;
    store::StoryRecord r;
    r.id = id;
    if (auto summary = state_->stories.Summary(id)) r.title = summary->title;
    batch->stories.push_back(std::move(r));
  }
  state_->touched.clear();
}

}  // namespace marsad::pipeline
