#include "metrics.h"

#include <map>
#include <utility>

namespace marsad::story_eval {

Prf FromCounts(size_t tp, size_t fp, size_t fn) {
  Prf s;
  s.tp = tp;
  s.fp = fp;
  s.fn = fn;
  s.p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  s.r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
  return s;
}

Prf BCubed(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  std::map<std::string, size_t> gsize, psize;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gsize[gold[i]];
    ++psize[predicted[i]];
    ++both[{gold[i], predicted[i]}];
  }
  Prf s;
  if (gold.empty()) return s;
  for (size_t i = 0; i < gold.size(); ++i) {
    const double common = static_cast<double>(both[{gold[i], predicted[i]}]);
    s.p += common / static_cast<double>(psize[predicted[i]]);
    s.r += common / static_cast<double>(gsize[gold[i]]);
  }
  s.p /= static_cast<double>(gold.size());
  s.r /= static_cast<double>(gold.size());
  s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0;
  return s;
}

Prf Pairwise(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  size_t tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    for (size_t j = i + 1; j < gold.size(); ++j) {
      const bool g = gold[i] == gold[j], p = predicted[i] == predicted[j];
      tp += g && p;
      fp += !g && p;
      fn += g && !p;
    }
  }
  return FromCounts(tp, fp, fn);
}

}  // namespace marsad::story_eval
