#include "story/story_clusterer.h"

#include <algorithm>
#include <limits>

#include "story/article_vectorizer.h"
#include "story/idf_table.h"
#include "story/story_state.h"
#include "text/normalizer.h"

namespace marsad::story {

class StoryClusterer::Impl {
 public:
  explicit Impl(Options o)
      : options_(o),
        vectorizer_({o.title_weight, o.entity_weight, o.max_body_words, o.max_terms},
                    &IdfTable::Default()) {}

  int64_t MinDay() const {
    return newest_ == std::numeric_limits<int64_t>::min() ? newest_
                                                          : newest_ - options_.window_days;
  }

  void AdvanceTo(int64_t day) {
    if (day <= newest_) return;
    newest_ = day;
    state_.EvictBefore(MinDay());
  }

  SparseVector Vectorize(const StoryInput& in) const {
    return vectorizer_.Vectorize(text::MatchKey(in.title), in.match_key_text, in.entity_ids);
  }

  ArticleRec Rec(const StoryInput& in, bool duplicate, SparseVector vec) const {
    ArticleRec r;
    r.id = in.article_id;
    r.title = in.title;
    r.source = in.source;
    r.day = in.day;
    r.duplicate = duplicate;
    if (!duplicate) r.vec = std::move(vec);
    return r;
  }

  Assignment Add(const StoryInput& in) {
    AdvanceTo(in.day);
    const bool keep = in.day >= MinDay();
    Assignment out;
    // A duplicate of an article in the window goes with it, no question asked.
    if (!in.duplicate_of.empty()) {
      if (const ArticleRec* original = state_.FindArticle(in.duplicate_of)) {
        const uint32_t slot = original->story;
        out.story_id = state_.Story(slot).id;
        out.score = 1;
        if (keep) state_.AddArticle(slot, Rec(in, true, {}), in.entity_ids);
        return out;
      }
    }
    const bool duplicate = !in.duplicate_of.empty();
    SparseVector vec = Vectorize(in);
    // Candidates: the stories sharing one of the article's heaviest terms (a story close
    // enough to join shares at least one of them in practice, and these terms are rare,
    // so their posting lists are short: 20x faster than all terms on SaudiNewsNet). Every
    // candidate is then scored exactly; the best one (ties: smaller id) wins.
    probe_ = vec;
    const size_t k = static_cast<size_t>(kProbeTerms);
    if (probe_.size() > k) {
      std::nth_element(probe_.begin(), probe_.begin() + static_cast<std::ptrdiff_t>(k), probe_.end(),
                       [](const TermWeight& a, const TermWeight& b) {
                         return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
                       });
      probe_.resize(k);
    }
    state_.Candidates(probe_, options_.min_shared_terms, &candidates_);
    scored_.clear();
    for (uint32_t slot : candidates_) {
      const StoryRec& s = state_.Story(slot);
      if (s.norm <= 0) continue;
      const double score = Dot(vec, s.centroid) / s.norm;
      if (score >= options_.threshold) scored_.emplace_back(score, slot);
    }
    std::sort(scored_.begin(), scored_.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first > b.first;
      return state_.Story(a.second).id < state_.Story(b.second).id;
    });
    if (scored_.empty()) {
      out.story_id = in.article_id;
      out.created = true;
      if (keep && !state_.HasStory(in.article_id)) {
        const uint32_t slot = state_.NewStory(in.article_id);
        state_.AddArticle(slot, Rec(in, duplicate, std::move(vec)), in.entity_ids);
      }
      return out;
    }
    uint32_t slot = scored_[0].second;
    out.score = scored_[0].first;
    if (!keep) {
      out.story_id = state_.Story(slot).id;
      return out;
    }
    state_.AddArticle(slot, Rec(in, duplicate, std::move(vec)), in.entity_ids);
    // The article is close to other stories too: merge those whose centroids converged.
    for (size_t i = 1; i < scored_.size(); ++i) {
      const uint32_t other = scored_[i].second;
      const StoryRec& a = state_.Story(slot);
      const StoryRec& b = state_.Story(other);
      if (!b.alive || b.norm <= 0 || a.norm <= 0) continue;
      if (Dot(a.centroid, b.centroid) / (a.norm * b.norm) < options_.merge_threshold) continue;
      // The story whose earliest article in the window came first survives.
      const bool keep_a = a.members.front() < b.members.front();
      const uint32_t into = keep_a ? slot : other, from = keep_a ? other : slot;
      out.merged_away.push_back(state_.Story(from).id);
      state_.Merge(into, from);
      slot = into;
    }
    out.story_id = state_.Story(slot).id;
    return out;
  }

  void Restore(const StoryInput& in, const std::string& story_id) {
    AdvanceTo(in.day);
    if (in.day < MinDay()) return;
    const bool duplicate = !in.duplicate_of.empty();
    const uint32_t slot =
        state_.HasStory(story_id) ? state_.SlotOf(story_id) : state_.NewStory(story_id);
    state_.AddArticle(slot, Rec(in, duplicate, duplicate ? SparseVector{} : Vectorize(in)),
                      in.entity_ids);
  }

  std::optional<StorySummary> Summary(const std::string& story_id) const {
    const StoryRec* s = state_.FindStory(story_id);
    if (s == nullptr) return std::nullopt;
    StorySummary out;
    out.id = s->id;
    out.first_source = s->first_source;
    out.first_day = s->first_day;
    out.last_day = s->last_day;
    out.article_count = s->count;
    out.sources = s->sources;
    std::vector<std::pair<std::string, uint32_t>> entities = s->entities;
    std::stable_sort(entities.begin(), entities.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < entities.size() && i < 10; ++i) {
      out.top_entities.push_back(entities[i].first);
    }
    // The most representative headline: the titled article closest to the centroid.
    double best = -1;
    for (uint64_t seq : s->members) {
      const ArticleRec& a = state_.Article(seq);
      out.article_ids.push_back(a.id);
      if (a.title.empty()) continue;
      const double score = a.duplicate ? 0 : Dot(a.vec, s->centroid);
      if (score > best) {
        best = score;
        out.title = a.title;
      }
    }
    return out;
  }

  const Options& options() const { return options_; }
  StoryState& state() { return state_; }
  const StoryState& state() const { return state_; }
  size_t memory_bytes() const {
    return sizeof(*this) + state_.memory_bytes() +
           candidates_.capacity() * sizeof(uint32_t) +
           scored_.capacity() * sizeof(std::pair<double, uint32_t>);
  }

 private:
  Options options_;
  ArticleVectorizer vectorizer_;
  StoryState state_;
  int64_t newest_ = std::numeric_limits<int64_t>::min();
  static constexpr int kProbeTerms = 12;
  SparseVector probe_;                                // scratch
  std::vector<uint32_t> candidates_;                  // scratch
  std::vector<std::pair<double, uint32_t>> scored_;  // scratch
};

StoryClusterer::StoryClusterer(Options options) : impl_(std::make_unique<Impl>(options)) {}
StoryClusterer::StoryClusterer() : StoryClusterer(Options{}) {}
StoryClusterer::~StoryClusterer() = default;

Assignment StoryClusterer::Add(const StoryInput& in) { return impl_->Add(in); }
void StoryClusterer::Restore(const StoryInput& in, const std::string& story_id) {
  impl_->Restore(in, story_id);
}
void StoryClusterer::AdvanceTo(int64_t day) { impl_->AdvanceTo(day); }
std::optional<StorySummary> StoryClusterer::Summary(const std::string& story_id) const {
  return impl_->Summary(story_id);
}
std::optional<std::string> StoryClusterer::StoryOfArticle(const std::string& article_id) const {
  const ArticleRec* a = impl_->state().FindArticle(article_id);
  if (!a) return std::nullopt;
  return impl_->state().Story(a->story).id;
}
size_t StoryClusterer::active_stories() const { return impl_->state().live_stories(); }
size_t StoryClusterer::active_articles() const { return impl_->state().live_articles(); }
size_t StoryClusterer::memory_bytes() const { return impl_->memory_bytes(); }
const StoryClusterer::Options& StoryClusterer::options() const { return impl_->options(); }

}  // namespace marsad::story
