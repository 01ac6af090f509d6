#include "dedup/generation.h"

#include <algorithm>

namespace marsad::dedup {
namespace {

constexpr uint32_t kNone = BucketTable::kNone;
// Short texts live in the same bucket table as the LSH bands; their keys are salted so
// that an exact key never lands on a band key by construction (both are XXH3 values).
constexpr uint64_t kExactSalt = 0x5348525445584354ULL;

}  // namespace

uint32_t Generation::NewDoc(const std::string& id, uint64_t seq, int64_t day,
                            uint64_t exact_key) {
  const uint32_t doc = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  seqs_.push_back(seq);
  days_.push_back(day);
  exact_.push_back(exact_key);
  seen_.push_back(0);
  next_.resize(next_.size() + bands_, kNone);
  return doc;
}

void Generation::AddLong(const std::string& id, uint64_t seq, int64_t day,
                         const std::vector<uint64_t>& band_keys,
                         const std::vector<uint32_t>& mins) {
  const uint32_t doc = NewDoc(id, seq, day, 0);
  mins_.insert(mins_.end(), mins.begin(), mins.end());
  for (size_t band = 0; band < bands_; ++band) {
    const uint32_t posting = static_cast<uint32_t>(doc * bands_ + band);
    next_[posting] = buckets_.Push(band_keys[band], posting);
  }
}

void Generation::AddShort(const std::string& id, uint64_t seq, int64_t day, uint64_t exact_key) {
  const uint32_t doc = NewDoc(id, seq, day, exact_key);
  mins_.resize(mins_.size() + k_, 0);
  const uint32_t posting = static_cast<uint32_t>(doc * bands_);
  next_[posting] = buckets_.Push(exact_key ^ kExactSalt, posting);
}

uint64_t Generation::FindNear(const std::vector<uint64_t>& band_keys,
                              const std::vector<uint32_t>& mins, size_t need, int64_t min_day,
                              uint64_t best_seq, const std::string** id) {
  if (ids_.empty()) return best_seq;
  if (++query_ == 0) {  // wrapped: reset the stamps
    std::fill(seen_.begin(), seen_.end(), 0);
    query_ = 1;
  }
  for (size_t band = 0; band < bands_; ++band) {
    for (uint32_t p = buckets_.Find(band_keys[band]); p != kNone; p = next_[p]) {
      const size_t doc = p / bands_;
      // A posting of a short text can share a slot only through a 64-bit collision; the
      // exact_ check keeps short and long texts apart regardless.
      if (seen_[doc] == query_ || seqs_[doc] >= best_seq || exact_[doc] != 0) continue;
      seen_[doc] = query_;
      if (days_[doc] < min_day) continue;
      const uint32_t* other = &mins_[doc * k_];
      size_t equal = 0;
      for (size_t i = 0; i < k_; ++i) equal += mins[i] == other[i];
      if (equal >= need) {
        best_seq = seqs_[doc];
        *id = &ids_[doc];
      }
    }
  }
  return best_seq;
}

uint64_t Generation::FindExact(uint64_t exact_key, int64_t min_day, uint64_t best_seq,
                               const std::string** id) {
  if (ids_.empty()) return best_seq;
  for (uint32_t p = buckets_.Find(exact_key ^ kExactSalt); p != kNone; p = next_[p]) {
    const size_t doc = p / bands_;
    if (exact_[doc] != exact_key || days_[doc] < min_day || seqs_[doc] >= best_seq) continue;
    best_seq = seqs_[doc];
    *id = &ids_[doc];
  }
  return best_seq;
}

void Generation::Reserve(size_t docs) {
  ids_.reserve(docs);
  seqs_.reserve(docs);
  days_.reserve(docs);
  exact_.reserve(docs);
  seen_.reserve(docs);
  mins_.reserve(docs * k_);
  next_.reserve(docs * bands_);
  buckets_.Reserve(docs * bands_);
}

size_t Generation::memory_bytes() const {
  size_t bytes = sizeof(*this) + buckets_.memory_bytes();
  bytes += ids_.capacity() * sizeof(std::string) + seqs_.capacity() * sizeof(uint64_t) +
           days_.capacity() * sizeof(int64_t) + exact_.capacity() * sizeof(uint64_t) +
           mins_.capacity() * sizeof(uint32_t) + next_.capacity() * sizeof(uint32_t) +
           seen_.capacity() * sizeof(uint32_t);
  for (const std::string& s : ids_) {
    if (s.capacity() > 15) bytes += s.capacity() + 1;  // beyond the small-string buffer
  }
  return bytes;
}

}  // namespace marsad::dedup
