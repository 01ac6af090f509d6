#include "pipeline/article_linker.h"

#include <algorithm>
#include <climits>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/civil_date.h"
#include "core/utf8.h"
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

// A display title for a story of untitled articles: the text's first sentence, cut at a
// word boundary to about 90 code points ("…" marks a cut).
std::string LeadOf(const std::string& text) {
  constexpr size_t kMaxCodePoints = 90;
  std::string_view lead(text);
  lead = lead.substr(0, std::min(lead.find_first_of("\n.!?"), lead.find("\u061F")));  // ؟
  if (utf8::CountCodePoints(lead) <= kMaxCodePoints) return std::string(lead);
  const size_t cut = utf8::ByteOffsetOfCodePoint(lead, kMaxCodePoints);
  const size_t space = lead.rfind(' ', cut);
  return std::string(lead.substr(0, space != std::string_view::npos && space > 0 ? space : cut)) + "\u2026";
}

}  // namespace

struct ArticleLinker::State {
  explicit State(const LinkerOptions& o) : dedup(DedupOptions(o)), stories(StoryOptions(o)) {}
  dedup::NearDuplicateIndex dedup;
  story::StoryClusterer stories;
  int64_t newest_day = INT64_MIN;
  // True while every article seen was undated and counted for today (nothing restored,
  // nothing dated yet): the windows are provisional until the first dated article.
  bool provisional_today = false;
  std::map<std::string, bool> touched;  // story id -> still exists (false: merged away)
  // Titles of stories created for articles outside the clusterer's window (a late article
  // older than the window): the story has no summary, its row still needs a title.
  std::map<std::string, std::string> fallback_titles;
  // Stories of this run's articles the clusterer did not keep (older than its window), for
  // their duplicates; and every merge of this run (gone -> survivor), to follow a stored
  // story id to the story it became.
  std::unordered_map<std::string, std::string> late_story;
  std::unordered_map<std::string, std::string> merged_into;
  std::vector<store::StoryMerge> merges;
};

ArticleLinker::ArticleLinker(LinkerOptions options)
    : options_(options), state_(std::make_unique<State>(options_)) {}
ArticleLinker::~ArticleLinker() = default;

int64_t ArticleLinker::DayOf(const Article& a) {
  std::optional<int64_t> day = a.published ? DaysFromIso(*a.published) : std::nullopt;
  if (!day) {
    if (state_->newest_day == INT64_MIN) {
      state_->provisional_today = true;
      state_->newest_day = TodayUtc();
    }
    return state_->newest_day;
  }
  if (state_->provisional_today) {
    // The first dated article: the stream is not today's news after all (an archive, a
    // corpus). Undated articles before it must not push its window into the future, where
    // every dated article would fall out of it: start the windows afresh at its day.
    state_->provisional_today = false;
    if (*day < state_->newest_day) {
      auto fresh = std::make_unique<State>(options_);
      fresh->touched = std::move(state_->touched);  // rows still to write
      fresh->merges = std::move(state_->merges);
      fresh->fallback_titles = std::move(state_->fallback_titles);
      fresh->late_story = std::move(state_->late_story);
      fresh->merged_into = std::move(state_->merged_into);
      state_ = std::move(fresh);
    }
  }
  state_->newest_day = std::max(state_->newest_day, *day);
  return *day;
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

std::optional<std::string> ArticleLinker::StoryOfOriginal(const std::string& original_id, store::Store* stored) {
  std::optional<std::string> story;
  if (auto it = state_->late_story.find(original_id); it != state_->late_story.end()) {
    story = it->second;
  } else if (stored) {
    // A lookup failure only costs the duplicate its original's story: not worth failing
    // the batch for.
    auto original = stored->GetArticle(original_id);
    if (original.ok() && original.value()) story = original.value()->story_id;
  }
  for (int hops = 0; story && hops < 64; ++hops) {  // merges of this run
    auto it = state_->merged_into.find(*story);
    if (it == state_->merged_into.end()) break;
    story = it->second;
  }
  return story;
}

void ArticleLinker::Link(Article& a, store::Store* stored) {
  int64_t day = DayOf(a);
  std::string key = text::MatchKey(a.text);
  if (options_.near_duplicates && !a.duplicate_of && !a.text.empty()) {
    if (auto original = state_->dedup.FindOrAdd(a.id, key, day)) {
      a.duplicate_of = *original;
      ++near_duplicates_;
    }
  }
  if (!options_.stories || (a.text.empty() && !a.title)) return;
  // A duplicate of an original in the window is the clusterer's (Add); one of an original
  // outside it goes with the original's story and stays out of the window too.
  if (a.duplicate_of && !state_->stories.StoryOfArticle(*a.duplicate_of)) {
    if (std::optional<std::string> story = StoryOfOriginal(*a.duplicate_of, stored)) {
      a.story_id = *story;
      state_->touched[*story] = true;
      return;
    }
  }
  story::Assignment got = state_->stories.Add(StoryInputOf(a, key, day));
  a.story_id = got.story_id;
  if (got.created) ++stories_created_;
  if (got.created) state_->fallback_titles.emplace(got.story_id, a.title ? *a.title : LeadOf(a.text));
  state_->touched[got.story_id] = true;
  if (!state_->stories.StoryOfArticle(a.id)) state_->late_story.emplace(a.id, got.story_id);
  for (const std::string& gone : got.merged_away) {
    state_->merged_into[gone] = got.story_id;
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
    if (r.title.empty()) {
      auto it = state_->fallback_titles.find(id);
      if (it != state_->fallback_titles.end()) r.title = it->second;
    }
    batch->stories.push_back(std::move(r));
  }
  state_->touched.clear();
  state_->fallback_titles.clear();
}

}  // namespace marsad::pipeline
