// Internal to dedup: an open-addressing hash map from 64-bit LSH bucket keys to the newest
// posting of the bucket (linear probing, power-of-two capacity, at most half full). One
// flat array instead of a node per bucket: the index holds bands x documents buckets.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace marsad::dedup {

class BucketTable {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // The newest posting of `key`, or kNone.
  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    key = Fix(key);
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return slots_[i].head;
      if (slots_[i].key == 0) return kNone;
    }
  }

  // Makes `posting` the newest of `key`; returns the previous newest (kNone if new).
  uint32_t Push(uint64_t key, uint32_t posting) {
    if ((size_ + 1) * 2 > slots_.size()) Grow(slots_.empty() ? 1024 : slots_.size() * 2);
    key = Fix(key);
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) {
        const uint32_t previous = slots_[i].head;
        slots_[i].head = posting;
        return previous;
      }
      if (slots_[i].key == 0) {
        slots_[i] = {key, posting};
        ++size_;
        return kNone;
      }
    }
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  // Makes room for `keys` keys without regrowing.
  void Reserve(size_t keys) {
    size_t cap = slots_.empty() ? 1024 : slots_.size();
    while (cap < keys * 2) cap *= 2;
    if (cap > slots_.size()) Grow(cap);
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint32_t head = kNone;
  };

  static uint64_t Fix(uint64_t key) { return key == 0 ? 1 : key; }  // keys are XXH3 values
  size_t Home(uint64_t key) const { return static_cast<size_t>(key >> 20) & mask_; }

  void Grow(size_t capacity) {  // REQUIRES: power of two, > 2 * size_
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = Home(s.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
      ++size_;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace marsad::dedup
