// A linear-chain model over BIO labels: per-label weights of hashed features plus label
// transition weights; Viterbi decoding with the BIO constraint (I-X only after B-X/I-X)
// and max-marginal confidences. Used by NerTagger (one model a pass) and trained by
// PerceptronTrainer. Immutable after loading: Decode is thread-safe.
//
// File format (little-endian): "MNER" magic, uint32 version, uint32 feature_version,
// uint64 resources_hash, float transitions[(kNumLabels+1) * kNumLabels] (row kNumLabels = start),
// float scale, uint32 n, uint32 keys[n] (sorted), int16 weights[n * kNumLabels]
// (weight = int16 * scale). Several models may follow each other in one file.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ner/labels.h"

namespace marsad::ner {

// Features of a sequence: token i has ids[offsets[i] .. offsets[i+1]).
struct FeatureSeq {
  std::vector<uint64_t> ids;
  std::vector<uint32_t> offsets{0};
  size_t size() const { return offsets.size() - 1; }
  void EndToken() { offsets.push_back(static_cast<uint32_t>(ids.size())); }
  void Clear() { ids.clear(); offsets.assign(1, 0); }
};

using LabelScores = std::array<float, kNumLabels>;

class LinearChainModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr size_t kTransRows = kNumLabels + 1;  // last row: from sentence start

  // Builds from trained weights: key -> kNumLabels weights (quantised to int16 here).
  // Features whose largest |weight| is below `prune` are dropped.
  static LinearChainModel FromWeights(const std::vector<uint64_t>& keys,
                                      const std::vector<float>& weights,  // keys.size()*kNumLabels
                                      const std::vector<float>& transitions,
                                      uint32_t feature_version, uint64_t resources_hash,
                                      float prune);

  // Parses one model at *pos of `bytes` and advances *pos.
  static Result<LinearChainModel> Parse(std::string_view bytes, size_t* pos);
  void AppendTo(std::string* out) const;

  // Emission scores of every label for each token (scores.size() == seq.size()).
  void Emissions(const FeatureSeq& seq, std::vector<LabelScores>* scores) const;

  // Best well-formed label sequence for the emissions; `confidence` (optional) receives,
  // per token, the logistic of the max-marginal margin of the chosen label (how much the
  // best path beats the best path with another label at that token).
  void Decode(const std::vector<LabelScores>& emissions, std::vector<int>* labels,
              std::vector<float>* confidence = nullptr) const;

  // Adds `bias` to the score of `label` at every token (folded into the transitions into it:
  // every path has one transition into each token). A negative bias on O trades precision
  // for recall (ner_train --o-bias).
  void AddLabelBias(int label, float bias) {
    for (size_t r = 0; r < kTransRows; ++r) trans_[r * kNumLabels + static_cast<size_t>(label)] += bias;
  }

  float transition(int prev, int label) const { return trans_[(prev < 0 ? kNumLabels : prev) * kNumLabels + label]; }
  uint32_t feature_version() const { return feature_version_; }
  uint64_t resources_hash() const { return resources_hash_; }
  size_t num_features() const { return num_keys_; }

 private:
  void BuildIndex(const std::vector<uint32_t>& keys, const std::vector<int16_t>& w);

  uint32_t feature_version_ = 0;
  uint64_t resources_hash_ = 0;
  std::vector<float> trans_ = std::vector<float>(kTransRows * kNumLabels, 0.f);
  float scale_ = 1.f;
  size_t num_keys_ = 0;
  // Open addressing table (power of two), key 0 = empty (key 0 is remapped to 1 when built).
  std::vector<uint32_t> slots_;
  std::vector<std::array<int16_t, kNumLabels>> slot_weights_;
  std::vector<uint32_t> sorted_keys_;  // for AppendTo
  std::vector<int16_t> sorted_weights_;
};

// Viterbi over emissions and a transition table laid out as LinearChainModel's (row
// kNumLabels = from the sentence start); see LinearChainModel::Decode.
void ViterbiDecode(const std::vector<LabelScores>& emissions, const std::vector<float>& transitions,
                   std::vector<int>* labels, std::vector<float>* confidence);

// The 32-bit model key of a 64-bit feature id (never 0: 0 marks an empty slot).
inline uint32_t ModelKey(uint64_t id) {
  const uint32_t k = static_cast<uint32_t>(id >> 32) ^ static_cast<uint32_t>(id);
  return k == 0 ? 1u : k;
}

}  // namespace marsad::ner
