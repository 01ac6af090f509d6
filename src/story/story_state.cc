#include "story/story_state.h"

#include <algorithm>
#include <cmath>

namespace marsad::story {
namespace {

// a + b for sorted sparse vectors (term by term, a's value first: the summation order is
// the article order, which keeps centroids bit-identical across restarts).
SparseVector Add(const SparseVector& a, const SparseVector& b) {
  SparseVector out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].term < b[j].term)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].term < a[i].term) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].term, a[i].weight + b[j].weight});
      ++i;
      ++j;
    }
  }
  return out;
}

double Norm(const SparseVector& v) { return std::sqrt(Dot(v, v)); }

bool Contains(const SparseVector& v, uint64_t term) {
  auto it = std::lower_bound(v.begin(), v.end(), term,
                             [](const TermWeight& t, uint64_t k) { return t.term < k; });
  return it != v.end() && it->term == term;
}

}  // namespace

uint32_t StoryState::NewStory(const std::string& id) {
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    stories_[slot] = StoryRec{};
  } else {
    slot = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
    seen_.push_back(0);
  }
  stories_[slot].alive = true;
  stories_[slot].id = id;
  by_story_id_[id] = slot;
  return slot;
}

void StoryState::Post(uint32_t slot, const SparseVector& terms, const SparseVector& already) {
  for (const TermWeight& t : terms) {
    if (Contains(already, t.term)) continue;  // posted when that term first came
    postings_[t.term].push_back(slot);
    ++posting_entries_;
  }
}

void StoryState::AddArticle(uint32_t slot, ArticleRec rec,
                            const std::vector<std::string>& entities) {
  StoryRec& s = stories_[slot];
  const uint64_t seq = next_seq_++;
  // History.
  if (s.count == 0 || rec.day < s.first_day) {
    s.first_day = rec.day;
    s.first_seq = seq;
    s.first_source = rec.source;
  }
  if (s.count == 0 || rec.day > s.last_day) s.last_day = rec.day;
  ++s.count;
  if (!rec.source.empty() &&
      std::find(s.sources.begin(), s.sources.end(), rec.source) == s.sources.end()) {
    s.sources.push_back(rec.source);
  }
  for (const std::string& e : entities) {
    auto it = std::find_if(s.entities.begin(), s.entities.end(),
                           [&](const auto& p) { return p.first == e; });
    if (it == s.entities.end()) {
      s.entities.emplace_back(e, 1);
    } else {
      ++it->second;
    }
  }
  // Window state.
  if (!rec.duplicate && !rec.vec.empty()) {
    Post(slot, rec.vec, s.centroid);
    s.centroid = Add(s.centroid, rec.vec);
    s.norm = Norm(s.centroid);
  }
  s.members.push_back(seq);
  rec.story = slot;
  by_article_id_[rec.id] = seq;
  by_day_[rec.day].push_back(seq);
  articles_.emplace(seq, std::move(rec));
}

void StoryState::Recompute(StoryRec& s) {
  s.centroid.clear();
  for (uint64_t seq : s.members) {
    const ArticleRec& a = articles_.at(seq);
    if (!a.duplicate && !a.vec.empty()) s.centroid = Add(s.centroid, a.vec);
  }
  s.norm = Norm(s.centroid);
}

void StoryState::Merge(uint32_t into, uint32_t from) {
  StoryRec& a = stories_[into];
  StoryRec& b = stories_[from];
  for (uint64_t seq : b.members) articles_.at(seq).story = into;
  std::vector<uint64_t> members;
  std::merge(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
             std::back_inserter(members));
  a.members = std::move(members);
  Post(into, b.centroid, a.centroid);
  Recompute(a);
  if (b.first_day < a.first_day || (b.first_day == a.first_day && b.first_seq < a.first_seq)) {
    a.first_day = b.first_day;
    a.first_seq = b.first_seq;
    a.first_source = b.first_source;
  }
  a.last_day = std::max(a.last_day, b.last_day);
  a.count += b.count;
  for (const std::string& src : b.sources) {
    if (std::find(a.sources.begin(), a.sources.end(), src) == a.sources.end()) {
      a.sources.push_back(src);
    }
  }
  for (const auto& [e, n] : b.entities) {
    auto it = std::find_if(a.entities.begin(), a.entities.end(),
                           [&](const auto& p) { return p.first == e; });
    if (it == a.entities.end()) {
      a.entities.emplace_back(e, n);
    } else {
      it->second += n;
    }
  }
  by_story_id_.erase(b.id);
  b = StoryRec{};
  free_slots_.push_back(from);
}

void StoryState::EvictBefore(int64_t min_day) {
  std::vector<uint32_t> touched;
  while (!by_day_.empty() && by_day_.begin()->first < min_day) {
    for (uint64_t seq : by_day_.begin()->second) {
      auto it = articles_.find(seq);
      StoryRec& s = stories_[it->second.story];
      s.members.erase(std::lower_bound(s.members.begin(), s.members.end(), seq));
      touched.push_back(it->second.story);
      by_article_id_.erase(it->second.id);
      articles_.erase(it);
    }
    by_day_.erase(by_day_.begin());
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (uint32_t slot : touched) {
    StoryRec& s = stories_[slot];
    if (!s.members.empty()) {
      Recompute(s);
      continue;
    }
    by_story_id_.erase(s.id);
    s = StoryRec{};
    free_slots_.push_back(slot);
  }
  if (!touched.empty()) MaybeRebuildPostings();
}

// Postings of forgotten stories and evicted terms are only dropped here, in one pass, once
// they are more than half of all entries: lists stay append-only in between.
void StoryState::MaybeRebuildPostings() {
  size_t live = 0;
  for (const StoryRec& s : stories_) live += s.alive ? s.centroid.size() : 0;
  if (posting_entries_ <= 2 * live + 4096) return;
  postings_.clear();
  posting_entries_ = 0;
  for (uint32_t slot = 0; slot < stories_.size(); ++slot) {
    if (stories_[slot].alive) Post(slot, stories_[slot].centroid, {});
  }
}

void StoryState::Candidates(const SparseVector& probe, int min_hits, std::vector<uint32_t>* out) {
  out->clear();
  if (++query_ == 0) {
    std::fill(seen_.begin(), seen_.end(), 0);
    query_ = 1;
  }
  hits_.resize(seen_.size());
  last_term_.resize(seen_.size());
  for (uint32_t ti = 0; ti < probe.size(); ++ti) {
    auto it = postings_.find(probe[ti].term);
    if (it == postings_.end()) continue;
    for (uint32_t slot : it->second) {
      if (!stories_[slot].alive) continue;
      if (seen_[slot] != query_) {
        seen_[slot] = query_;
        hits_[slot] = 0;
        last_term_[slot] = UINT32_MAX;
      }
      // Each probe term counts once per story (a list can hold a slot twice).
      if (last_term_[slot] == ti) continue;
      last_term_[slot] = ti;
      if (static_cast<int>(++hits_[slot]) == min_hits) out->push_back(slot);
    }
  }
  // Postings left over from evicted articles must not make a story a candidate, or a
  // restarted run (which never had them) could decide differently: recount the hits on
  // the centroids as they are now (every centroid term is posted, so this only drops).
  size_t kept = 0;
  for (uint32_t slot : *out) {
    const SparseVector& c = stories_[slot].centroid;
    int live = 0;
    for (const TermWeight& t : probe) live += Contains(c, t.term);
    if (live >= min_hits) (*out)[kept++] = slot;
  }
  out->resize(kept);
}

const StoryRec* StoryState::FindStory(const std::string& id) const {
  auto it = by_story_id_.find(id);
  return it == by_story_id_.end() ? nullptr : &stories_[it->second];
}

uint32_t StoryState::SlotOf(const std::string& story_id) const { return by_story_id_.at(story_id); }

const ArticleRec* StoryState::FindArticle(const std::string& id) const {
  auto it = by_article_id_.find(id);
  return it == by_article_id_.end() ? nullptr : &articles_.at(it->second);
}

size_t StoryState::memory_bytes() const {
  // Container payloads plus a per-node estimate for the hash maps (node + bucket).
  constexpr size_t kNode = 48;
  size_t bytes = sizeof(*this) + stories_.capacity() * sizeof(StoryRec) +
                 seen_.capacity() * sizeof(uint32_t) + free_slots_.capacity() * sizeof(uint32_t);
  for (const StoryRec& s : stories_) {
    bytes += s.members.capacity() * sizeof(uint64_t) + s.centroid.capacity() * sizeof(TermWeight) +
             s.sources.capacity() * sizeof(std::string) +
             s.entities.capacity() * sizeof(std::pair<std::string, uint32_t>) + s.id.capacity();
  }
  for (const auto& [seq, a] : articles_) {
    bytes += kNode + sizeof(ArticleRec) + a.vec.capacity() * sizeof(TermWeight) +
             a.id.capacity() + a.title.capacity() + a.source.capacity();
  }
  bytes += by_article_id_.size() * (kNode + 32) + by_story_id_.size() * (kNode + 32);
  bytes += by_day_.size() * (kNode + sizeof(std::vector<uint64_t>)) +
           articles_.size() * sizeof(uint64_t);
  bytes += postings_.size() * (kNode + sizeof(std::vector<uint32_t>)) +
           posting_entries_ * sizeof(uint32_t);
  return bytes;
}

}  // namespace marsad::story
