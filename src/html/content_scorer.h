// Picks the subtrees that hold a page's main text (internal to src/html/).
//
// Readability-style: every paragraph-like block (a block with >= 25 characters of its
// own text, outside navigation and boilerplate-hinted containers) gives its parent a
// score of 1 + punctuation + min(chars / 100, 3), and a decreasing share to four more
// ancestors. Containers start from a tag prior (div +5, lists -3, headings -5) and
// +/-25 for class/id hints; the final score is scaled by (1 - link density). The best
// container may be replaced by an ancestor that scores higher, and siblings that score
// well (or are clean paragraphs) join it. An element marked itemprop="articleBody" with
// real text wins outright.
// Thread-safety: immutable; Select() is const.
#pragma once

#include <cstdint>
#include <vector>

#include "html/dom_index.h"

namespace marsad::html {

class ContentScorer {
 public:
  explicit ContentScorer(const DomIndex& index) : index_(index) {}

  // Indices of the chosen subtrees in document order (never empty for a page with a
  // body; may be {body} when nothing scores).
  std::vector<int32_t> Select() const;

  // True for nodes inside navigation or boilerplate-hinted containers (indexed by node).
  std::vector<bool> UnlikelyMask() const;

 private:
  double InitialScore(const DomNode& d) const;
  const DomIndex& index_;
};

}  // namespace marsad::html
