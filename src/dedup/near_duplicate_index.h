// Near-duplicate detection for articles: MinHash signatures over word shingles, indexed
// with banded LSH, every bucket hit verified on the full signature.
//
// Text model: the input is a match-key text (text::MatchKey). It is tokenised with
// text::Tokenize; only word and number tokens (Arabic words, Latin words, numbers) are kept,
// so punctuation, URLs, e-mails, handles and hashtags never matter. Shingles are runs of
// `shingle_words` consecutive kept tokens. The signature is a one-permutation MinHash
// (Li, Owen & Zhang 2012): each shingle is hashed once with XXH3-64 (seeded), the high 32
// bits choose one of `num_hashes` bins and the low 32 bits compete for that bin's minimum;
// empty bins are filled by optimal densification (Shrivastava 2017), copying the value of
// a bin chosen by a probe sequence that depends only on (seed, bin). This costs one hash
// per shingle instead of num_hashes (2.5x faster end to end than 128 independent
// multiply-shift hash functions on SaudiNewsNet). The share of equal entries in two
// signatures estimates the Jaccard similarity of the two shingle sets (standard error
// about sqrt(J(1-J)/num_hashes): ±0.035 at J=0.8 with 128 hashes).
//
// Short texts: a text with fewer than `min_shingles` shingles (by default under 8, i.e.
// fewer than 10 kept tokens with 3-word shingles) is matched only exactly: it is a
// duplicate only of an earlier text with the same sequence of kept tokens. A text with no
// kept tokens at all (empty, only punctuation) is never a duplicate and is not stored.
// Short and long texts never match each other.
//
// Thread-safety: Compute() and EstimateJaccard() are const / static and thread-safe.
// FindOrAdd() mutates the index: callers serialise it (one writer, e.g. the pipeline's
// ordered writer), which is also what makes "earliest" well defined.
//
// Memory: per stored document 4*num_hashes bytes of signature (512 B with the defaults),
// the id string and `bands` LSH postings (a 4 B chain link plus, for a new bucket, a
// 16 B slot in a table kept at most half full); short texts take an exact-key map entry
// instead. Duplicates are not stored. About 2 to 3 KB per stored article in all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dedup/bucket_table.h"

namespace marsad::dedup {

// A MinHash signature of one text. Plain value; thread-compatible.
struct Signature {
  std::vector<uint32_t> mins;  // num_hashes minima; empty when the text has no shingles
  uint32_t shingles = 0;       // number of shingle positions in the text
  uint64_t exact_key = 0;      // XXH3 of the kept-token sequence (0 when no kept tokens)
  uint32_t tokens = 0;         // number of kept tokens
};

class NearDuplicateIndex {
 public:
  struct Options {
    // Words per shingle. 3 keeps small edits local (one changed word touches 3 shingles)
    // while different articles on the same story rarely share many 3-word runs. Near
    // duplicates found at 0.8 in SaudiNewsNet (31,030 articles): 2 words 3,633 (common
    // 2-word phrases start to count), 3 words 3,123, 4 words 2,779, 5 words 2,588.
    int shingle_words = 3;
    // Signature length. REQUIRES: num_hashes == bands * rows.
    int num_hashes = 128;
    // LSH banding: a pair becomes a candidate when all `rows` entries of some band agree.
    // 32x4 finds a pair at J=0.8 with probability 1-(1-0.8^4)^32 > 0.9999999 and at J=0.6
    // with 0.98; the S-curve midpoint is (1/32)^(1/4) = 0.42, so thresholds down to about
    // 0.5 keep high recall. Candidates below the threshold cost one signature comparison.
    // 16x8 is 10% faster on SaudiNewsNet but misses 7 of the 3,123 pairs at 0.8.
    int bands = 32;
    int rows = 4;
    // A document is a near duplicate when the estimated Jaccard similarity of its shingle
    // set with an earlier one is >= threshold. SaudiNewsNet counts: 972 at 1.0, 1,997 at
    // 0.9, 3,123 at 0.8, 4,003 at 0.7, 5,745 at 0.5; no natural gap, so 0.8 keeps
    // duplicate_of to copies with light edits (one sentence in 15 and a few words).
    double threshold = 0.8;
    // Texts with fewer shingles than this are matched only exactly (see above).
    int min_shingles = 8;
    // Seed of the shingle hash and the densification probes; signatures are comparable
    // only between indexes with the same seed, shingle_words and num_hashes.
    uint64_t seed = 0x6d61727361640001ULL;
  };

  // REQUIRES: options are valid (shingle_words >= 1, num_hashes == bands * rows > 0,
  // 0 < threshold <= 1); invalid options are clamped to the defaults.
  explicit NearDuplicateIndex(Options options);
  NearDuplicateIndex() : NearDuplicateIndex(Options{}) {}

  // If an earlier stored document is a near duplicate of `match_key_text` (estimated
  // Jaccard >= threshold, checked on the full signatures), returns the id of the earliest
  // such document and stores nothing. Otherwise stores the document under `id` and returns
  // nullopt. REQUIRES: valid UTF-8.
  std::optional<std::string> FindOrAdd(const std::string& id, std::string_view match_key_text);

  // Signature of a text under this index's options. REQUIRES: valid UTF-8.
  Signature Compute(std::string_view match_key_text) const;

  // Share of equal entries; 0 when either signature is empty or the lengths differ.
  static double EstimateJaccard(const Signature& a, const Signature& b);

  // Preallocates for `docs` stored documents (optional; avoids regrowing the tables).
  void Reserve(size_t docs);

  // Number of stored (non-duplicate) documents.
  size_t size() const { return ids_.size(); }
  const Options& options() const { return options_; }

 private:
  uint64_t BandKey(const uint32_t* mins, int band) const;
  std::optional<size_t> FindNear(const Signature& sig);
  size_t Store(const std::string& id, const Signature& sig);

  Options options_;
  // Stored documents, in insertion order (index = sequence number).
  std::vector<std::string> ids_;
  std::vector<uint32_t> mins_;                    // num_hashes per document, flat
  std::unordered_map<uint64_t, uint32_t> exact_;  // short texts: exact key -> first doc
  // LSH: (band, band hash) -> newest posting; postings chain to older ones through
  // next_[doc * bands + band] (kNone ends a chain).
  BucketTable buckets_;
  std::vector<uint32_t> next_;
  std::vector<uint32_t> seen_;  // per document: last query that looked at it
  uint32_t query_ = 0;
};

}  // namespace marsad::dedup
