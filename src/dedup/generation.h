// Internal to dedup: one generation of the windowed near-duplicate index, i.e. the
// documents whose day falls in one span of days. NearDuplicateIndex keeps two or three of
// them and drops the oldest as a whole when the window has moved past it, so memory
// follows the window without per-document deletion from the LSH tables.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dedup/bucket_table.h"

namespace marsad::dedup {

class Generation {
 public:
  // `key` = day / span (floor); `num_hashes` and `bands` as in the index options.
  Generation(int64_t key, int num_hashes, int bands) : key_(key), k_(num_hashes), bands_(bands) {}

  int64_t key() const { return key_; }
  size_t size() const { return ids_.size(); }

  // Long texts: the stored document with the smallest sequence number among those with
  // day >= min_day that share an LSH band with `band_keys` and agree with `mins` on at
  // least `need` entries and whose sequence number is below `best_seq`; returns its
  // sequence number and sets *id, or returns best_seq unchanged.
  uint64_t FindNear(const std::vector<uint64_t>& band_keys, const std::vector<uint32_t>& mins,
                    size_t need, int64_t min_day, uint64_t best_seq, const std::string** id);

  // Short texts: the same contract for documents with exactly the same token sequence.
  uint64_t FindExact(uint64_t exact_key, int64_t min_day, uint64_t best_seq,
                     const std::string** id);

  // Stores a long text (under its band keys) or a short one (under its exact key).
  void AddLong(const std::string& id, uint64_t seq, int64_t day,
               const std::vector<uint64_t>& band_keys, const std::vector<uint32_t>& mins);
  void AddShort(const std::string& id, uint64_t seq, int64_t day, uint64_t exact_key);

  void Reserve(size_t docs);
  size_t memory_bytes() const;

 private:
  uint32_t NewDoc(const std::string& id, uint64_t seq, int64_t day, uint64_t exact_key);

  int64_t key_;
  size_t k_, bands_;
  std::vector<std::string> ids_;
  std::vector<uint64_t> seqs_;
  std::vector<int64_t> days_;
  std::vector<uint64_t> exact_;  // exact key of short texts, 0 for long ones
  std::vector<uint32_t> mins_;   // k_ per document (zeros for short texts)
  // LSH: (band, band hash) -> newest posting; postings chain to older ones through
  // next_[doc * bands + band]. Short texts use posting doc * bands under their exact key.
  BucketTable buckets_;
  std::vector<uint32_t> next_;
  std::vector<uint32_t> seen_;  // per document: last query that looked at it
  uint32_t query_ = 0;
};

}  // namespace marsad::dedup
