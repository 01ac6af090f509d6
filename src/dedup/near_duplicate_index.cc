#include "dedup/near_duplicate_index.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

#include "text/tokenizer.h"

namespace marsad::dedup {
namespace {

constexpr uint32_t kNone = BucketTable::kNone;

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

bool Kept(text::TokenKind kind) {
  return kind == text::TokenKind::kArabicWord || kind == text::TokenKind::kLatinWord ||
         kind == text::TokenKind::kNumber;
}

NearDuplicateIndex::Options Checked(NearDuplicateIndex::Options o) {
  const NearDuplicateIndex::Options d;
  if (o.shingle_words < 1) o.shingle_words = d.shingle_words;
  if (o.bands < 1 || o.rows < 1 || o.num_hashes != o.bands * o.rows) {
    o.num_hashes = d.num_hashes;
    o.bands = d.bands;
    o.rows = d.rows;
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) o.threshold = d.threshold;
  if (o.min_shingles < 1) o.min_shingles = 1;
  return o;
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(Options options) : options_(Checked(options)) {}

Signature NearDuplicateIndex::Compute(std::string_view match_key_text) const {
  Signature sig;
  // Token hashes, then shingle hashes over windows of them: no string copies.
  std::vector<uint64_t> token_hashes;
  for (const text::Token& t : text::Tokenize(match_key_text)) {
    if (Kept(t.kind)) token_hashes.push_back(XXH3_64bits(t.text.data(), t.text.size()));
  }
  sig.tokens = static_cast<uint32_t>(token_hashes.size());
  if (token_hashes.empty()) return sig;
  sig.exact_key = XXH3_64bits(token_hashes.data(), token_hashes.size() * sizeof(uint64_t));
  if (sig.exact_key == 0) sig.exact_key = 1;  // 0 means "no tokens"

  const size_t n = static_cast<size_t>(options_.shingle_words);
  if (token_hashes.size() < n) return sig;
  const size_t count = token_hashes.size() - n + 1;
  sig.shingles = static_cast<uint32_t>(count);

  // One-permutation hashing: each shingle hash picks a bin (high 32 bits) and competes
  // there with its low 32 bits; k independent hash functions would cost k times more
  // (measured 2.5x slower end to end on the corpus).
  const uint64_t k = static_cast<uint64_t>(options_.num_hashes);
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  sig.mins.assign(k, kEmpty);
  for (size_t i = 0; i < count; ++i) {
    const uint64_t x = XXH3_64bits_withSeed(&token_hashes[i], n * sizeof(uint64_t), options_.seed);
    const size_t bin = static_cast<size_t>(((x >> 32) * k) >> 32);
    const uint32_t value = static_cast<uint32_t>(x);
    if (value < sig.mins[bin]) sig.mins[bin] = value;
  }
  // Densification: an empty bin copies a non-empty bin chosen by a probe sequence that
  // depends only on (seed, bin, attempt), so two texts probe alike and equal copies stay
  // as likely as equal minima (Shrivastava, "Optimal densification for fast and accurate
  // minwise hashing", ICML 2017).
  if (std::find(sig.mins.begin(), sig.mins.end(), kEmpty) == sig.mins.end()) return sig;
  const std::vector<uint32_t> own = sig.mins;
  for (uint64_t j = 0; j < k; ++j) {
    if (own[j] != kEmpty) continue;
    uint64_t state = options_.seed ^ (j << 32);
    size_t src = k;
    for (int attempt = 0; attempt < 256 && src == k; ++attempt) {
      const size_t probe = static_cast<size_t>(((SplitMix64(state) >> 32) * k) >> 32);
      if (own[probe] != kEmpty) src = probe;
    }
    for (size_t step = 1; src == k; ++step) {  // almost never: a deterministic fallback
      if (own[(j + step) % k] != kEmpty) src = (j + step) % k;
    }
    sig.mins[j] = own[src];
  }
  return sig;
}

double NearDuplicateIndex::EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.mins.empty() || a.mins.size() != b.mins.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.mins.size(); ++i) equal += a.mins[i] == b.mins[i];
  return static_cast<double>(equal) / static_cast<double>(a.mins.size());
}

uint64_t NearDuplicateIndex::BandKey(const uint32_t* mins, int band) const {
  return XXH3_64bits_withSeed(mins + static_cast<size_t>(band) * options_.rows,
                              static_cast<size_t>(options_.rows) * sizeof(uint32_t),
                              static_cast<uint64_t>(band));
}

std::optional<size_t> NearDuplicateIndex::FindNear(const Signature& sig) {
  const size_t k = static_cast<size_t>(options_.num_hashes);
  // Integer threshold on equal entries, so that the check is exact and cheap.
  size_t need = 0;
  while (static_cast<double>(need) < options_.threshold * static_cast<double>(k)) ++need;
  if (++query_ == 0) {  // wrapped: reset the stamps
    std::fill(seen_.begin(), seen_.end(), 0);
    query_ = 1;
  }
  std::optional<size_t> best;
  for (int band = 0; band < options_.bands; ++band) {
    for (uint32_t p = buckets_.Find(BandKey(sig.mins.data(), band)); p != kNone; p = next_[p]) {
      const size_t doc = p / static_cast<size_t>(options_.bands);
      if (seen_[doc] == query_ || (best && doc >= *best)) continue;
      seen_[doc] = query_;
      const uint32_t* other = &mins_[doc * k];
      size_t equal = 0;
      for (size_t i = 0; i < k; ++i) equal += sig.mins[i] == other[i];
      if (equal >= need) best = doc;
    }
  }
  return best;
}

void NearDuplicateIndex::Reserve(size_t docs) {
  const size_t k = static_cast<size_t>(options_.num_hashes);
  const size_t bands = static_cast<size_t>(options_.bands);
  ids_.reserve(docs);
  seen_.reserve(docs);
  mins_.reserve(docs * k);
  next_.reserve(docs * bands);
  buckets_.Reserve(docs * bands);
}

size_t NearDuplicateIndex::Store(const std::string& id, const Signature& sig) {
  const size_t doc = ids_.size();
  const size_t k = static_cast<size_t>(options_.num_hashes);
  ids_.push_back(id);
  seen_.push_back(0);
  if (sig.mins.size() == k) {
    mins_.insert(mins_.end(), sig.mins.begin(), sig.mins.end());
  } else {
    mins_.resize(mins_.size() + k, 0);
  }
  next_.resize(next_.size() + static_cast<size_t>(options_.bands), kNone);
  return doc;
}

std::optional<std::string> NearDuplicateIndex::FindOrAdd(const std::string& id,
                                                         std::string_view match_key_text) {
  const Signature sig = Compute(match_key_text);
  if (sig.tokens == 0) return std::nullopt;

  if (sig.shingles < static_cast<uint32_t>(options_.min_shingles)) {
    auto [it, inserted] = exact_.try_emplace(sig.exact_key, static_cast<uint32_t>(ids_.size()));
    if (!inserted) return ids_[it->second];
    Store(id, sig);
    return std::nullopt;
  }

  if (std::optional<size_t> doc = FindNear(sig)) return ids_[*doc];
  const size_t doc = Store(id, sig);
  for (int band = 0; band < options_.bands; ++band) {
    const uint32_t posting = static_cast<uint32_t>(doc * options_.bands + band);
    next_[posting] = buckets_.Push(BandKey(sig.mins.data(), band), posting);
  }
  return std::nullopt;
}

}  // namespace marsad::dedup
