// Averaged structured perceptron (Collins 2002) for LinearChainModel: each epoch visits the
// sequences in a seeded shuffled order, decodes with the current weights and moves weights
// from the predicted to the gold labels where they differ; the model keeps the average of
// the weights over all steps. Deterministic for a given seed. Not thread-safe (one trainer).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "ner/linear_chain_model.h"

namespace marsad::ner {

struct TrainingSequence {
  FeatureSeq features;
  std::vector<int> gold;  // one label per token
};

struct PerceptronOptions {
  int epochs = 12;
  uint64_t seed = 20260523;
  float prune = 0.f;  // drop features whose largest |averaged weight| is below this
  // Each feature occurrence is left out of a training visit with this probability
  // (deterministic from the seed), so that context features learn to carry names whose
  // own word features would otherwise explain them (test names are mostly unseen).
  float dropout = 0.f;
  // > 0: passive-aggressive steps (1-best MIRA, Crammer et al. 2006) capped at this value
  // instead of unit perceptron steps.
  float mira_c = 0.f;
};

// Called after each epoch with the averaged model so far (for progress on a dev set).
using EpochCallback = std::function<void(int epoch, const LinearChainModel& averaged)>;

LinearChainModel TrainPerceptron(const std::vector<TrainingSequence>& data, const PerceptronOptions& options,
                                 uint64_t resources_hash, const EpochCallback& on_epoch = {});

}  // namespace marsad::ner
