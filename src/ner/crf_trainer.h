// Conditional random field training (Lafferty et al. 2001) for LinearChainModel: stochastic
// gradient ascent on the L2-regularised conditional log-likelihood of the gold label
// sequences, with forward-backward marginals under the BIO constraint (I-X only after
// B-X/I-X, as Viterbi decodes). Learning rate eta_t = lr / (1 + lr * l2 * t) (t = sequences
// seen); the L2 decay is applied lazily through one global scale. Same seeded order and
// feature dropout as the perceptron (perceptron_trainer.h). Deterministic; not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "ner/linear_chain_model.h"
#include "ner/perceptron_trainer.h"

namespace marsad::ner {

struct CrfOptions {
  float lr = 0.1f;
  float l2 = 1e-5f;  // per-sequence decay coefficient (lambda / number of sequences)
};

// `options` gives epochs, seed, dropout and prune (mira_c is ignored).
LinearChainModel TrainCrf(const std::vector<TrainingSequence>& data, const PerceptronOptions& options,
                          const CrfOptions& crf, uint64_t resources_hash);

}  // namespace marsad::ner
