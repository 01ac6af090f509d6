#include "ner/linear_chain_model.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>

namespace marsad::ner {
namespace {

constexpr char kMagic[4] = {'M', 'N', 'E', 'R'};
constexpr float kNegInf = -std::numeric_limits<float>::infinity();

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Get(std::string_view in, size_t* pos, T* v) {
  if (in.size() - *pos < sizeof(T)) return false;
  std::memcpy(v, in.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

size_t SlotOf(uint32_t key, size_t mask) {
  // The key is already a hash: a multiplicative spread is enough.
  return (static_cast<size_t>(key) * 0x9E3779B1u) & mask;
}

}  // namespace

LinearChainModel LinearChainModel::FromWeights(const std::vector<uint64_t>& keys,
                                               const std::vector<float>& weights,
                                               const std::vector<float>& transitions,
                                               uint32_t feature_version, uint64_t resources_hash,
                                               float prune) {
  LinearChainModel m;
  m.feature_version_ = feature_version;
  m.resources_hash_ = resources_hash;
  m.trans_ = transitions;
  float max_abs = 0.f;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  m.scale_ = max_abs > 0 ? max_abs / 32767.f : 1.f;
  // Merge features whose 32-bit keys coincide (rare) by summing their weights.
  std::vector<std::pair<uint32_t, size_t>> order;
  order.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    float big = 0.f;
    for (int l = 0; l < kNumLabels; ++l) big = std::max(big, std::fabs(weights[i * kNumLabels + l]));
    if (big > 0.f && big >= prune) order.emplace_back(ModelKey(keys[i]), i);
  }
  std::sort(order.begin(), order.end());
  std::vector<uint32_t> out_keys;
  std::vector<int16_t> out_w;
  for (size_t a = 0; a < order.size();) {
    size_t b = a;
    std::array<float, kNumLabels> sum{};
    for (; b < order.size() && order[b].first == order[a].first; ++b) {
      for (int l = 0; l < kNumLabels; ++l) sum[l] += weights[order[b].second * kNumLabels + l];
    }
    out_keys.push_back(order[a].first);
    for (int l = 0; l < kNumLabels; ++l) {
      const float q = std::round(sum[l] / m.scale_);
      out_w.push_back(static_cast<int16_t>(std::clamp(q, -32767.f, 32767.f)));
    }
    a = b;
  }
  m.BuildIndex(out_keys, out_w);
  return m;
}

void LinearChainModel::BuildIndex(const std::vector<uint32_t>& keys, const std::vector<int16_t>& w) {
  num_keys_ = keys.size();
  sorted_keys_ = keys;
  sorted_weights_ = w;
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  slots_.assign(cap, 0);
  slot_weights_.assign(cap, {});
  const size_t mask = cap - 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t s = SlotOf(keys[i], mask);
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = keys[i];
    std::copy_n(w.begin() + static_cast<std::ptrdiff_t>(i * kNumLabels), kNumLabels, slot_weights_[s].begin());
  }
}

Result<LinearChainModel> LinearChainModel::Parse(std::string_view bytes, size_t* pos) {
  LinearChainModel m;
  char magic[4];
  if (bytes.size() - *pos < 4) return Status::Corrupt("NER model: truncated (no magic)");
  std::memcpy(magic, bytes.data() + *pos, 4);
  *pos += 4;
  if (std::memcmp(magic, kMagic, 4) != 0) return Status::Corrupt("NER model: bad magic (not a marsad NER model)");
  uint32_t version = 0, n = 0;
  if (!Get(bytes, pos, &version) || version != kFormatVersion) {
    return Status::Unsupported("NER model: unsupported format version " + std::to_string(version));
  }
  if (!Get(bytes, pos, &m.feature_version_) || !Get(bytes, pos, &m.resources_hash_)) {
    return Status::Corrupt("NER model: truncated header");
  }
  for (float& t : m.trans_) {
    if (!Get(bytes, pos, &t)) return Status::Corrupt("NER model: truncated transitions");
  }
  if (!Get(bytes, pos, &m.scale_) || !Get(bytes, pos, &n)) return Status::Corrupt("NER model: truncated header");
  const size_t need = size_t{n} * (4 + 2 * kNumLabels);
  if (bytes.size() - *pos < need) return Status::Corrupt("NER model: truncated weights");
  std::vector<uint32_t> keys(n);
  std::vector<int16_t> w(size_t{n} * kNumLabels);
  std::memcpy(keys.data(), bytes.data() + *pos, size_t{n} * 4);
  *pos += size_t{n} * 4;
  std::memcpy(w.data(), bytes.data() + *pos, w.size() * 2);
  *pos += w.size() * 2;
  for (uint32_t k : keys) {
    if (k == 0) return Status::Corrupt("NER model: zero feature key");
  }
  m.BuildIndex(keys, w);
  return m;
}

void LinearChainModel::AppendTo(std::string* out) const {
  out->append(kMagic, 4);
  Put(out, kFormatVersion);
  Put(out, feature_version_);
  Put(out, resources_hash_);
  for (float t : trans_) Put(out, t);
  Put(out, scale_);
  Put(out, static_cast<uint32_t>(sorted_keys_.size()));
  out->append(reinterpret_cast<const char*>(sorted_keys_.data()), sorted_keys_.size() * 4);
  out->append(reinterpret_cast<const char*>(sorted_weights_.data()), sorted_weights_.size() * 2);
}

void LinearChainModel::Emissions(const FeatureSeq& seq, std::vector<LabelScores>* scores) const {
  scores->resize(seq.size());
  const size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < seq.size(); ++i) {
    std::array<int32_t, kNumLabels> acc{};
    for (uint32_t f = seq.offsets[i]; f < seq.offsets[i + 1]; ++f) {
      const uint32_t key = ModelKey(seq.ids[f]);
      for (size_t s = SlotOf(key, mask);; s = (s + 1) & mask) {
        const uint32_t k = slots_[s];
        if (k == key) {
          for (int l = 0; l < kNumLabels; ++l) acc[l] += slot_weights_[s][l];
          break;
        }
        if (k == 0) break;
      }
    }
    for (int l = 0; l < kNumLabels; ++l) (*scores)[i][l] = static_cast<float>(acc[l]) * scale_;
  }
}

void LinearChainModel::Decode(const std::vector<LabelScores>& em, std::vector<int>* labels,
                              std::vector<float>* confidence) const {
  ViterbiDecode(em, trans_, labels, confidence);
}

void ViterbiDecode(const std::vector<LabelScores>& em, const std::vector<float>& trans,
                   std::vector<int>* labels, std::vector<float>* confidence) {
  auto transition = [&](int prev, int label) { return trans[(prev < 0 ? kNumLabels : prev) * kNumLabels + label]; };
  const size_t n = em.size();
  labels->assign(n, kOutside);
  if (confidence) confidence->assign(n, 1.f);
  if (n == 0) return;
  // Forward max-product (alpha) with back-pointers; the BIO constraint is a -inf transition.
  std::vector<LabelScores> alpha(n);
  std::vector<std::array<int8_t, kNumLabels>> back(n);
  for (int l = 0; l < kNumLabels; ++l) {
    alpha[0][l] = Allowed(-1, l) ? em[0][l] + transition(-1, l) : kNegInf;
  }
  for (size_t i = 1; i < n; ++i) {
    for (int l = 0; l < kNumLabels; ++l) {
      float best = kNegInf;
      int arg = 0;
      for (int p = 0; p < kNumLabels; ++p) {
        if (!Allowed(p, l)) continue;
        const float s = alpha[i - 1][p] + transition(p, l);
        if (s > best) best = s, arg = p;
      }
      alpha[i][l] = best + em[i][l];
      back[i][l] = static_cast<int8_t>(arg);
    }
  }
  int last = 0;
  for (int l = 1; l < kNumLabels; ++l) {
    if (alpha[n - 1][l] > alpha[n - 1][last]) last = l;
  }
  const float best_total = alpha[n - 1][last];
  (*labels)[n - 1] = last;
  for (size_t i = n - 1; i > 0; --i) (*labels)[i - 1] = back[i][(*labels)[i]];
  if (!confidence) return;
  // Backward max-product (beta): alpha+beta is the best path through (i, l).
  std::vector<LabelScores> beta(n);
  beta[n - 1].fill(0.f);
  for (size_t i = n - 1; i > 0; --i) {
    for (int p = 0; p < kNumLabels; ++p) {
      float best = kNegInf;
      for (int l = 0; l < kNumLabels; ++l) {
        if (!Allowed(p, l)) continue;
        best = std::max(best, transition(p, l) + em[i][l] + beta[i][l]);
      }
      beta[i - 1][p] = best;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    float other = kNegInf;
    for (int l = 0; l < kNumLabels; ++l) {
      if (l != (*labels)[i]) other = std::max(other, alpha[i][l] + beta[i][l]);
    }
    const float margin = best_total - other;
    (*confidence)[i] = std::isfinite(margin) ? 1.f / (1.f + std::exp(-margin)) : 1.f;
  }
}

}  // namespace marsad::ner
