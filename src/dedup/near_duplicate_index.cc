#include "dedup/near_duplicate_index.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

#include "text/tokenizer.h"

namespace marsad::dedup {
namespace {

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
  if (o.window_days < 0) o.window_days = 0;
  return o;
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(Options options)
    : options_(Checked(options)),
      span_days_(std::max<int64_t>(1, (options_.window_days + 1) / 2)),
      newest_day_(std::numeric_limits<int64_t>::min()) {}

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

// A text turned into what the generations look up and store.
struct NearDuplicateIndex::Prepared {
  Signature sig;
  bool is_short = false;
  std::vector<uint64_t> band_keys;  // long texts only
};

// False when the text has no kept tokens (never a duplicate, never stored).
bool NearDuplicateIndex::Prepare(std::string_view match_key_text, Prepared* p) const {
  p->sig = Compute(match_key_text);
  if (p->sig.tokens == 0) return false;
  p->is_short = p->sig.shingles < static_cast<uint32_t>(options_.min_shingles);
  if (!p->is_short) {
    p->band_keys.resize(static_cast<size_t>(options_.bands));
    for (int band = 0; band < options_.bands; ++band) {
      p->band_keys[static_cast<size_t>(band)] = BandKey(p->sig.mins.data(), band);
    }
  }
  return true;
}

namespace {
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

int64_t NearDuplicateIndex::min_day() const {
  if (options_.window_days <= 0 || newest_day_ == std::numeric_limits<int64_t>::min()) {
    return std::numeric_limits<int64_t>::min();
  }
  return newest_day_ - options_.window_days;
}

void NearDuplicateIndex::AdvanceTo(int64_t day) {
  if (day <= newest_day_) return;
  newest_day_ = day;
  if (options_.window_days <= 0) return;
  // A generation is freed once every day it covers is before min_day(): the day check in
  // the lookups already ignores its documents, so dropping it changes no answer.
  const int64_t oldest_kept = FloorDiv(min_day(), span_days_);
  auto keep = std::find_if(generations_.begin(), generations_.end(),
                           [&](const auto& g) { return g->key() >= oldest_kept; });
  generations_.erase(generations_.begin(), keep);
}

Generation& NearDuplicateIndex::GenerationFor(int64_t day) {
  const int64_t key = options_.window_days > 0 ? FloorDiv(day, span_days_) : 0;
  auto it = std::lower_bound(generations_.begin(), generations_.end(), key,
                             [](const auto& g, int64_t k) { return g->key() < k; });
  if (it != generations_.end() && (*it)->key() == key) return **it;
  it = generations_.insert(
      it, std::make_unique<Generation>(key, options_.num_hashes, options_.bands));
  if (reserve_ > 0) (*it)->Reserve(reserve_);
  return **it;
}

void NearDuplicateIndex::Store(const std::string& id, int64_t day, const Prepared& p) {
  if (day < min_day()) return;  // already outside the window: it could never match
  Generation& g = GenerationFor(day);
  if (p.is_short) {
    g.AddShort(id, next_seq_++, day, p.sig.exact_key);
  } else {
    g.AddLong(id, next_seq_++, day, p.band_keys, p.sig.mins);
  }
}

void NearDuplicateIndex::Reserve(size_t docs) {
  // Spread over the generations a window holds (one without a window).
  reserve_ = options_.window_days > 0 ? docs / 2 + 1 : docs;
  for (auto& g : generations_) g->Reserve(reserve_);
}

size_t NearDuplicateIndex::size() const {
  size_t n = 0;
  for (const auto& g : generations_) n += g->size();
  return n;
}

size_t NearDuplicateIndex::memory_bytes() const {
  size_t bytes = sizeof(*this);
  for (const auto& g : generations_) bytes += g->memory_bytes();
  return bytes;
}

std::optional<std::string> NearDuplicateIndex::FindOrAdd(const std::string& id,
                                                         std::string_view match_key_text,
                                                         int64_t day) {
  AdvanceTo(day);
  Prepared p;
  if (!Prepare(match_key_text, &p)) return std::nullopt;
  const int64_t lo = min_day();
  const std::string* found = nullptr;
  uint64_t best = std::numeric_limits<uint64_t>::max();
  if (p.is_short) {
    for (auto& g : generations_) best = g->FindExact(p.sig.exact_key, lo, best, &found);
  } else {
    // Integer threshold on equal entries, so that the check is exact and cheap.
    const size_t k = static_cast<size_t>(options_.num_hashes);
    size_t need = 0;
    while (static_cast<double>(need) < options_.threshold * static_cast<double>(k)) ++need;
    for (auto& g : generations_) best = g->FindNear(p.band_keys, p.sig.mins, need, lo, best, &found);
  }
  if (found != nullptr) return *found;
  Store(id, day, p);
  return std::nullopt;
}

void NearDuplicateIndex::Restore(const std::string& id, std::string_view match_key_text,
                                 int64_t day) {
  AdvanceTo(day);
  Prepared p;
  if (Prepare(match_key_text, &p)) Store(id, day, p);
}

}  // namespace marsad::dedup
