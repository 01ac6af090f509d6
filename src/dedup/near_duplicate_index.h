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
// Time window: every document has a day (days since 1970-01-01; the pipeline passes the
// published date, or the ingest date when unknown). A document is a candidate only while
// its day >= newest_day() - window_days, where newest_day() is the largest day passed so
// far (to FindOrAdd, Restore or AdvanceTo). Storage is split into generations of
// ceil(window_days / 2) days each (by the document's own day); when the window has moved
// past a whole generation it is freed at once. At most three generations are alive, so
// memory is bounded by about 1.5 windows of documents, while matching stays exact (the
// day check above), independent of when generations happen to be dropped.
// window_days = 0 turns the window off (one generation, nothing is ever dropped).
//
// Restarts: a run that stored N articles and a fresh index that is given AdvanceTo(newest
// day of those articles, duplicates included) and then Restore() for each stored
// non-duplicate article with day >= newest - window_days, in the original order, answer
// every later FindOrAdd identically (tested).
//
// Memory: per stored document 4*num_hashes bytes of signature (512 B with the defaults),
// the id string, its day, sequence number and exact key (24 B) and `bands` LSH postings
// (a 4 B chain link plus, for a new bucket, a 16 B slot in a table kept at most half
// full). Duplicates are not stored. About 2.2 KB per stored article on SaudiNewsNet
// (memory_bytes(); docs/STORIES.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/generation.h"

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
    // set with an earlier one is >= threshold. On the 330-pair gold set (eval/gold/
    // duplicates.tsv, cleaned texts; docs/STORIES.md): 0.55 gives P 0.980 R 0.947; 0.60
    // P 0.995 R 0.880; 0.80 P 1.000 R 0.478 (re-published wire items lose a dateline, a
    // byline or a closing sentence, which costs short texts much Jaccard). Below 0.55
    // template texts with other facts (cables to different presidents) start to match.
    // With 32x4 bands a pair at exactly 0.55 becomes a candidate with probability 0.95.
    double threshold = 0.55;
    // Texts with fewer shingles than this are matched only exactly (see above).
    int min_shingles = 8;
    // Seed of the shingle hash and the densification probes; signatures are comparable
    // only between indexes with the same seed, shingle_words and num_hashes.
    uint64_t seed = 0x6d61727361640001ULL;
    // Days a document stays a candidate after the newest day seen (see above). 30: wire
    // copies in SaudiNewsNet follow the original within 3 days (docs/STORIES.md), and
    // re-publication a few weeks later (weekly and monthly round-ups) is still a copy;
    // 30 days of a 2,000-articles-a-day feed is about 60,000 stored articles, ~130 MB.
    int window_days = 30;
  };

  // REQUIRES: options are valid (shingle_words >= 1, num_hashes == bands * rows > 0,
  // 0 < threshold <= 1); invalid options are clamped to the defaults.
  explicit NearDuplicateIndex(Options options);
  NearDuplicateIndex() : NearDuplicateIndex(Options{}) {}

  // If an earlier stored document in the window is a near duplicate of `match_key_text`
  // (estimated Jaccard >= threshold, checked on the full signatures), returns the id of
  // the earliest stored such document and stores nothing. Otherwise stores the document
  // under `id` (unless its day is already outside the window) and returns nullopt.
  // `day` first advances newest_day() (and may free a generation). With the default
  // day 0 for every call there is no window. REQUIRES: valid UTF-8.
  std::optional<std::string> FindOrAdd(const std::string& id, std::string_view match_key_text,
                                       int64_t day = 0);

  // Re-adds a stored original (non-duplicate) document at the start of a run: stores it
  // without looking for an earlier match, exactly as FindOrAdd stored it the first time.
  // REQUIRES: restored in the original order, before any FindOrAdd. Documents with no
  // kept tokens or a day outside the window are ignored, as FindOrAdd would.
  void Restore(const std::string& id, std::string_view match_key_text, int64_t day);

  // Advances newest_day() to `day` if later (e.g. to the newest day of all stored
  // articles, duplicates included, before restoring).
  void AdvanceTo(int64_t day);

  // Signature of a text under this index's options. REQUIRES: valid UTF-8.
  Signature Compute(std::string_view match_key_text) const;

  // Share of equal entries; 0 when either signature is empty or the lengths differ.
  static double EstimateJaccard(const Signature& a, const Signature& b);

  // Preallocates for `docs` stored documents (optional; avoids regrowing the tables).
  void Reserve(size_t docs);

  // Number of stored (non-duplicate) documents still held in memory (a freed generation
  // takes its documents with it; a held document may already be outside the window).
  size_t size() const;
  // Bytes held by the index (tables, signatures, ids), for the memory-vs-window figures.
  size_t memory_bytes() const;
  // Largest day seen; INT64_MIN before the first.
  int64_t newest_day() const { return newest_day_; }
  // Oldest day still matched: newest_day() - window_days (INT64_MIN without a window).
  int64_t min_day() const;
  const Options& options() const { return options_; }

 private:
  struct Prepared;
  bool Prepare(std::string_view match_key_text, Prepared* p) const;
  void Store(const std::string& id, int64_t day, const Prepared& p);
  Generation& GenerationFor(int64_t day);
  uint64_t BandKey(const uint32_t* mins, int band) const;

  Options options_;
  int64_t span_days_;  // days per generation
  int64_t newest_day_;
  uint64_t next_seq_ = 0;
  std::vector<std::unique_ptr<Generation>> generations_;  // oldest first
  size_t reserve_ = 0;
};

}  // namespace marsad::dedup
