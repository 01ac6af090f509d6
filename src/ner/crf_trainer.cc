#include "ner/crf_trainer.h"

#include <algorithm>
#include <cmath>

#include "ner/feature_hash.h"
#include "ner/features.h"

namespace marsad::ner {
namespace {

constexpr double kNegInf = -1e300;

double LogAdd(double a, double b) {
  if (a < b) std::swap(a, b);
  return b <= kNegInf ? a : a + std::log1p(std::exp(b - a));
}

using Row = std::array<double, kNumLabels>;

}  // namespace

LinearChainModel TrainCrf(const std::vector<TrainingSequence>& data, const PerceptronOptions& options,
                          const CrfOptions& crf, uint64_t resources_hash) {
  std::vector<uint64_t> keys;
  for (const TrainingSequence& t : data) keys.insert(keys.end(), t.features.ids.begin(), t.features.ids.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<std::vector<uint32_t>> dense(data.size());
  for (size_t s = 0; s < data.size(); ++s) {
    for (uint64_t id : data[s].features.ids) {
      dense[s].push_back(static_cast<uint32_t>(std::lower_bound(keys.begin(), keys.end(), id) - keys.begin()));
    }
  }
  constexpr size_t kT = LinearChainModel::kTransRows * kNumLabels;
  std::vector<float> w(keys.size() * kNumLabels, 0.f);  // true weight = scale * w
  std::vector<double> tw(kT, 0.0);                       // transitions (not regularised)
  double scale = 1.0;
  auto trans = [&](int prev, int l) { return tw[(prev < 0 ? kNumLabels : prev) * kNumLabels + l]; };

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng{options.seed};
  const uint64_t drop_below = static_cast<uint64_t>(static_cast<double>(options.dropout) * 18446744073709551615.0);
  std::vector<uint8_t> keep;
  std::vector<Row> em, alpha, beta;
  std::vector<double> tgrad(kT);
  double t = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    for (size_t s : order) {
      const std::vector<uint32_t>& ids = dense[s];
      const std::vector<uint32_t>& off = data[s].features.offsets;
      const std::vector<int>& gold = data[s].gold;
      const size_t n = gold.size();
      if (n == 0) continue;
      const double eta = crf.lr / (1.0 + crf.lr * crf.l2 * t);
      t += 1;
      scale *= 1.0 - eta * crf.l2;
      if (scale < 1e-6) {  // fold the scale into the weights before it underflows
        for (float& x : w) x = static_cast<float>(x * scale);
        scale = 1.0;
      }
      keep.assign(ids.size(), 1);
      if (drop_below > 0) {
        SplitMix r{options.seed ^ (uint64_t(epoch) << 48) ^ (uint64_t(s) << 20)};
        for (uint8_t& k : keep) k = r.Next() >= drop_below;
      }
      em.assign(n, Row{});
      for (size_t i = 0; i < n; ++i) {
        for (uint32_t f = off[i]; f < off[i + 1]; ++f) {
          if (!keep[f]) continue;
          const float* row = &w[size_t{ids[f]} * kNumLabels];
          for (int l = 0; l < kNumLabels; ++l) em[i][l] += row[l];
        }
        for (int l = 0; l < kNumLabels; ++l) em[i][l] *= scale;
      }
      // Forward-backward in log space.
      alpha.assign(n, Row{});
      beta.assign(n, Row{});
      for (int l = 0; l < kNumLabels; ++l) alpha[0][l] = Allowed(-1, l) ? em[0][l] + trans(-1, l) : kNegInf;
      for (size_t i = 1; i < n; ++i) {
        for (int l = 0; l < kNumLabels; ++l) {
          double a = kNegInf;
          for (int p = 0; p < kNumLabels; ++p) {
            if (Allowed(p, l)) a = LogAdd(a, alpha[i - 1][p] + trans(p, l));
          }
          alpha[i][l] = a + em[i][l];
        }
      }
      beta[n - 1].fill(0.0);
      for (size_t i = n - 1; i > 0; --i) {
        for (int p = 0; p < kNumLabels; ++p) {
          double b = kNegInf;
          for (int l = 0; l < kNumLabels; ++l) {
            if (Allowed(p, l)) b = LogAdd(b, trans(p, l) + em[i][l] + beta[i][l]);
          }
          beta[i - 1][p] = b;
        }
      }
      double z = kNegInf;
      for (int l = 0; l < kNumLabels; ++l) z = LogAdd(z, alpha[n - 1][l]);
      // Gradient steps: observed minus expected counts.
      const float step = static_cast<float>(eta / scale);
      std::fill(tgrad.begin(), tgrad.end(), 0.0);
      for (size_t i = 0; i < n; ++i) {
        float g[kNumLabels];
        for (int l = 0; l < kNumLabels; ++l) {
          const double p = alpha[i][l] <= kNegInf ? 0.0 : std::exp(alpha[i][l] + beta[i][l] - z);
          g[l] = step * static_cast<float>((gold[i] == l ? 1.0 : 0.0) - p);
        }
        for (uint32_t f = off[i]; f < off[i + 1]; ++f) {
          if (!keep[f]) continue;
          float* row = &w[size_t{ids[f]} * kNumLabels];
          for (int l = 0; l < kNumLabels; ++l) row[l] += g[l];
        }
        const int gp = i == 0 ? -1 : gold[i - 1];
        tgrad[(gp < 0 ? kNumLabels : gp) * kNumLabels + gold[i]] += eta;
        if (i == 0) {
          for (int l = 0; l < kNumLabels; ++l) {
            if (alpha[0][l] > kNegInf) tgrad[kNumLabels * kNumLabels + l] -= eta * std::exp(alpha[0][l] + beta[0][l] - z);
          }
          continue;
        }
        for (int p = 0; p < kNumLabels; ++p) {
          if (alpha[i - 1][p] <= kNegInf) continue;
          for (int l = 0; l < kNumLabels; ++l) {
            if (!Allowed(p, l)) continue;
            const double pr = std::exp(alpha[i - 1][p] + trans(p, l) + em[i][l] + beta[i][l] - z);
            tgrad[p * kNumLabels + l] -= eta * pr;
          }
        }
      }
      for (size_t k = 0; k < kT; ++k) tw[k] += tgrad[k];
    }
  }
  std::vector<float> out(w.size()), tout(kT);
  for (size_t i = 0; i < w.size(); ++i) out[i] = static_cast<float>(w[i] * scale);
  for (size_t i = 0; i < kT; ++i) tout[i] = static_cast<float>(tw[i]);
  return LinearChainModel::FromWeights(keys, out, tout, kFeatureVersion, resources_hash, options.prune);
}

}  // namespace marsad::ner
