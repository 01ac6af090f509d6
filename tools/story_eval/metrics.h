// Scores for the story tools: pairwise precision/recall/F1 of a binary decision, and
// B-cubed / pairwise scores of a clustering against gold clusters.
#pragma once

#include <string>
#include <vector>

namespace marsad::story_eval {

struct Prf {
  double p = 0, r = 0, f1 = 0;
  size_t tp = 0, fp = 0, fn = 0;
};

// From counts (0 when undefined).
Prf FromCounts(size_t tp, size_t fp, size_t fn);

// gold[i] and predicted[i] are the cluster labels of item i (same length).
// B-cubed (Bagga & Baldwin 1998): per item, precision = |pred cluster ∩ gold cluster| /
// |pred cluster|, recall = ... / |gold cluster|, averaged over items.
Prf BCubed(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
// Pairwise: over all item pairs, "same cluster" decisions.
Prf Pairwise(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

}  // namespace marsad::story_eval
