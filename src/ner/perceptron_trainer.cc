#include "ner/perceptron_trainer.h"

#include <algorithm>

#include "ner/feature_hash.h"
#include "ner/features.h"

namespace marsad::ner {
namespace {

struct DenseSeq {
  std::vector<uint32_t> ids;  // dense feature indices
  std::vector<uint32_t> offsets;
};

}  // namespace

LinearChainModel TrainPerceptron(const std::vector<TrainingSequence>& data, const PerceptronOptions& options,
                                 uint64_t resources_hash, const EpochCallback& on_epoch) {
  // Dense indices for every feature seen in training (unseen features have weight 0 anyway).
  std::vector<uint64_t> keys;
  for (const TrainingSequence& t : data) keys.insert(keys.end(), t.features.ids.begin(), t.features.ids.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<DenseSeq> dense(data.size());
  for (size_t s = 0; s < data.size(); ++s) {
    dense[s].offsets = data[s].features.offsets;
    dense[s].ids.reserve(data[s].features.ids.size());
    for (uint64_t id : data[s].features.ids) {
      dense[s].ids.push_back(static_cast<uint32_t>(std::lower_bound(keys.begin(), keys.end(), id) - keys.begin()));
    }
  }
  const size_t nw = keys.size() * kNumLabels, nt = LinearChainModel::kTransRows * kNumLabels;
  std::vector<float> w(nw, 0.f), tw(nt, 0.f);
  std::vector<double> u(nw, 0.0), tu(nt, 0.0);  // step-weighted sums: double keeps them exact
  double c = 1;  // step counter

  auto averaged = [&] {
    std::vector<float> aw(nw), at(nt);
    for (size_t i = 0; i < nw; ++i) aw[i] = static_cast<float>(w[i] - u[i] / c);
    for (size_t i = 0; i < nt; ++i) at[i] = static_cast<float>(tw[i] - tu[i] / c);
    return LinearChainModel::FromWeights(keys, aw, at, kFeatureVersion, resources_hash, options.prune);
  };

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng{options.seed};
  std::vector<LabelScores> em;
  std::vector<int> pred;
  std::vector<uint8_t> keep;
  const uint64_t drop_below = static_cast<uint64_t>(static_cast<double>(options.dropout) * 18446744073709551615.0);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    for (size_t s : order) {
      const DenseSeq& d = dense[s];
      const std::vector<int>& gold = data[s].gold;
      const size_t n = gold.size();
      keep.assign(d.ids.size(), 1);
      if (drop_below > 0) {
        SplitMix r{options.seed ^ (uint64_t(epoch) << 48) ^ (uint64_t(s) << 20)};
        for (uint8_t& k : keep) k = r.Next() >= drop_below;
      }
      em.assign(n, LabelScores{});
      for (size_t i = 0; i < n; ++i) {
        for (uint32_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) {
          if (!keep[f]) continue;
          const float* row = &w[size_t{d.ids[f]} * kNumLabels];
          for (int l = 0; l < kNumLabels; ++l) em[i][l] += row[l];
        }
      }
      ViterbiDecode(em, tw, &pred, nullptr);
      // Step size: 1 (perceptron), or the passive-aggressive step (1-best MIRA) that makes
      // the gold path beat the prediction by its Hamming loss, capped at mira_c.
      float step = 1.f;
      if (options.mira_c > 0.f) {
        double margin = 0, norm = 0, loss = 0;
        for (size_t i = 0; i < n; ++i) {
          const int g = gold[i], p = pred[i];
          const int gp = i == 0 ? kNumLabels : gold[i - 1], pp = i == 0 ? kNumLabels : pred[i - 1];
          margin += em[i][g] - em[i][p] + tw[gp * kNumLabels + g] - tw[pp * kNumLabels + p];
          if (g != p) {
            loss += 1;
            for (uint32_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) norm += keep[f] ? 2 : 0;
          }
          if (g != p || gp != pp) norm += 2;
        }
        if (loss == 0) {
          c += 1;
          continue;
        }
        step = static_cast<float>(std::min<double>(options.mira_c, std::max(0.0, (loss - margin) / norm)));
      }
      const double cstep = c * step;
      for (size_t i = 0; i < n; ++i) {
        const int g = gold[i], p = pred[i];
        if (g != p) {
          for (uint32_t f = d.offsets[i]; f < d.offsets[i + 1]; ++f) {
            if (!keep[f]) continue;
            const size_t base = size_t{d.ids[f]} * kNumLabels;
            w[base + g] += step, u[base + g] += cstep;
            w[base + p] -= step, u[base + p] -= cstep;
          }
        }
        const int gp = i == 0 ? kNumLabels : gold[i - 1], pp = i == 0 ? kNumLabels : pred[i - 1];
        if (g != p || gp != pp) {
          tw[gp * kNumLabels + g] += step, tu[gp * kNumLabels + g] += cstep;
          tw[pp * kNumLabels + p] -= step, tu[pp * kNumLabels + p] -= cstep;
        }
      }
      c += 1;
    }
    if (on_epoch) on_epoch(epoch, averaged());
  }
  return averaged();
}

}  // namespace marsad::ner
