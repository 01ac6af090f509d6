#include "sgns.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ner/feature_hash.h"

namespace marsad::ner_tools {
namespace {

using ner::SplitMix;

// Byte offsets of the code points of s, plus the end.
std::vector<size_t> CodePoints(std::string_view s) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

// Dot product with 8 partial sums (vectorisable without -ffast-math). d % 8 == 0.
float Dot(const float* a, const float* b, size_t d) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (size_t k = 0; k < d; k += 8) {
    for (size_t t = 0; t < 8; ++t) acc[t] += a[k + t] * b[k + t];
  }
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

// Logistic, tabulated over [-6, 6].
class Sigmoid {
 public:
  Sigmoid() {
    for (int i = 0; i <= kN; ++i) t_[i] = 1.f / (1.f + std::exp(-(static_cast<float>(i) / kN * 12.f - 6.f)));
  }
  float operator()(float x) const {
    if (x <= -6.f) return 0.f;
    if (x >= 6.f) return 1.f;
    return t_[static_cast<int>((x + 6.f) * (kN / 12.f))];
  }

 private:
  static constexpr int kN = 1024;
  float t_[kN + 1];
};

}  // namespace

void SubwordEmbeddings::Rows(std::string_view word, int64_t id, std::vector<uint32_t>* rows) const {
  rows->clear();
  const uint32_t v = static_cast<uint32_t>(vocab_.size());
  if (id >= 0) rows->push_back(static_cast<uint32_t>(id));
  const std::string padded = "<" + std::string(word) + ">";
  const std::vector<size_t> cp = CodePoints(padded);
  const size_t n = cp.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    for (size_t len = static_cast<size_t>(opt_.minn); len <= static_cast<size_t>(opt_.maxn) && i + len <= n; ++len) {
      if (len == n) continue;  // the whole padded word is the word row
      const std::string_view g = std::string_view(padded).substr(cp[i], cp[i + len] - cp[i]);
      rows->push_back(v + static_cast<uint32_t>(marsad::ner::HashString(g) % opt_.buckets));
    }
  }
}

void SubwordEmbeddings::Train(const std::vector<std::string>& vocab, const std::vector<uint64_t>& counts,
                              const std::vector<uint32_t>& tokens, const SgnsOptions& options) {
  opt_ = options;
  vocab_ = vocab;
  index_.clear();
  for (uint32_t i = 0; i < vocab.size(); ++i) index_.emplace(vocab[i], i);
  const size_t v = vocab.size(), d = static_cast<size_t>(opt_.dim);
  SplitMix rng{opt_.seed};
  in_.assign((v + opt_.buckets) * d, 0.f);
  for (float& x : in_) x = static_cast<float>((rng.Uniform() - 0.5) / static_cast<double>(d));
  out_.assign(v * d, 0.f);

  std::vector<std::vector<uint32_t>> rows(v);
  for (size_t i = 0; i < v; ++i) Rows(vocab[i], static_cast<int64_t>(i), &rows[i]);
  // Negative sampling table: unigram counts to the power 0.75.
  std::vector<uint32_t> table;
  {
    double z = 0;
    for (uint64_t c : counts) z += std::pow(static_cast<double>(c), 0.75);
    const size_t size = 20000000;
    table.reserve(size);
    for (uint32_t i = 0; i < v; ++i) {
      const size_t k = static_cast<size_t>(std::pow(static_cast<double>(counts[i]), 0.75) / z * size) + 1;
      table.insert(table.end(), k, i);
    }
  }
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  std::vector<float> keep(v);
  for (size_t i = 0; i < v; ++i) {
    const double f = static_cast<double>(counts[i]) / static_cast<double>(total);
    keep[i] = static_cast<float>(std::min(1.0, std::sqrt(opt_.sample / f) + opt_.sample / f));
  }
  const Sigmoid sigmoid;
  std::vector<float> h(d), grad(d);
  std::vector<uint32_t> sent;
  const double steps = static_cast<double>(opt_.epochs) * static_cast<double>(tokens.size());
  double done = 0;
  for (int epoch = 0; epoch < opt_.epochs; ++epoch) {
    double loss = 0;
    size_t pairs = 0;
    for (size_t pos = 0; pos < tokens.size();) {
      // One sentence, subsampled.
      sent.clear();
      size_t end = pos;
      while (end < tokens.size() && tokens[end] != kBoundary) {
        if (rng.Uniform() < keep[tokens[end]]) sent.push_back(tokens[end]);
        ++end;
      }
      const double before = done;
      done += static_cast<double>(end - pos + 1);
      if (static_cast<uint64_t>(before) / 2000000 != static_cast<uint64_t>(done) / 2000000) {
        std::fprintf(stderr, "  sgns %.0f%%\n", 100.0 * done / steps);
      }
      pos = end + 1;
      const float lr = opt_.lr * static_cast<float>(std::max(1e-4, 1.0 - done / steps));
      for (size_t i = 0; i < sent.size(); ++i) {
        const std::vector<uint32_t>& r = rows[sent[i]];
        std::fill(h.begin(), h.end(), 0.f);
        for (uint32_t row : r) {
          const float* x = &in_[row * d];
          for (size_t k = 0; k < d; ++k) h[k] += x[k];
        }
        const float inv = 1.f / static_cast<float>(r.size());
        for (size_t k = 0; k < d; ++k) h[k] *= inv;
        std::fill(grad.begin(), grad.end(), 0.f);
        const size_t b = 1 + rng.Next() % static_cast<uint64_t>(opt_.window);
        for (size_t j = i >= b ? i - b : 0; j <= i + b && j < sent.size(); ++j) {
          if (j == i) continue;
          for (int n = 0; n <= opt_.negatives; ++n) {
            uint32_t target = sent[j];
            if (n > 0) {
              target = table[rng.Next() % table.size()];
              if (target == sent[j]) continue;
            }
            float* o = &out_[target * d];
            const float p = sigmoid(Dot(h.data(), o, d)), label = n == 0 ? 1.f : 0.f;
            if (n == 0) loss -= std::log(std::max(p, 1e-6f));
            const float g = lr * (label - p);
            for (size_t k = 0; k < d; ++k) grad[k] += g * o[k];
            for (size_t k = 0; k < d; ++k) o[k] += g * h[k];
          }
          ++pairs;
        }
        for (uint32_t row : r) {
          float* x = &in_[row * d];
          for (size_t k = 0; k < d; ++k) x[k] += grad[k] * inv;
        }
      }
    }
    std::fprintf(stderr, "  sgns epoch %d/%d: %zu pairs, mean positive loss %.4f\n", epoch + 1, opt_.epochs, pairs,
                 pairs ? loss / static_cast<double>(pairs) : 0.0);
  }
}

std::vector<float> SubwordEmbeddings::Vector(std::string_view word) const {
  const auto it = index_.find(std::string(word));
  std::vector<uint32_t> r;
  Rows(word, it == index_.end() ? -1 : static_cast<int64_t>(it->second), &r);
  const size_t d = static_cast<size_t>(opt_.dim);
  std::vector<float> h(d, 0.f);
  if (r.empty()) return h;
  for (uint32_t row : r) {
    for (size_t k = 0; k < d; ++k) h[k] += in_[row * d + k];
  }
  for (float& x : h) x /= static_cast<float>(r.size());
  return h;
}

}  // namespace marsad::ner_tools
