#include "pipeline/article_linker.h"

#include "core/civil_date.h"
#include "dedup/near_duplicate_index.h"
#include "text/normalizer.h"

namespace marsad::pipeline {

struct ArticleLinker::State {
  explicit State(const LinkerOptions& o) : dedup(DedupOptions(o)) {}
  static dedup::NearDuplicateIndex::Options DedupOptions(const LinkerOptions& o) {
    dedup::NearDuplicateIndex::Options d;
    d.threshold = o.near_duplicate_threshold;
    return d;
  }
  dedup::NearDuplicateIndex dedup;
};

ArticleLinker::ArticleLinker(LinkerOptions options)
    : options_(options), state_(std::make_unique<State>(options_)) {}
ArticleLinker::~ArticleLinker() = default;

Status ArticleLinker::Restore(store::Store& store) {
  auto latest = store.LatestArticleDate();
  if (!latest.ok()) return latest.status();
  if (!latest.value()) return Status::Ok();  // empty store
  auto newest = DaysFromIso(*latest.value());
  std::string since = newest ? IsoFromDays(*newest - options_.window_days) : "0000-00-00";
  return store.ForEachArticleSince(since, [&](const Article& a) {
    // Originals only: a duplicate was never added to the index.
    if (options_.near_duplicates && !a.duplicate_of && !a.text.empty()) {
      state_->dedup.FindOrAdd(a.id, text::MatchKey(a.text));
    }
    return true;
  });
}

void ArticleLinker::Link(Article& a) {
  if (options_.near_duplicates && !a.duplicate_of && !a.text.empty()) {
    if (auto original = state_->dedup.FindOrAdd(a.id, text::MatchKey(a.text))) {
      a.duplicate_of = *original;
      ++near_duplicates_;
    }
  }
}

void ArticleLinker::TakeUpdates(store::WriteBatch* batch) { (void)batch; }

}  // namespace marsad::pipeline
