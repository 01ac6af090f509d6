// Picks the subtrees that hold a page's main text (internal to src/html/).
//
// Every block's own text (text not inside a nested block) is classed as prose (>= 40
// characters, or >= 20 with punctuation, less than half of it in links), boilerplate
// (inside nav/aside/footer/form or a class/id-hinted container such as comments or
// share bars, or mostly links) or a short label. The chosen container maximises
// prose - boilerplate - labels / 2 over its subtree, which does not depend on how many
// wrapper divs a template puts around each paragraph. An element marked
// itemprop="articleBody" with real text wins outright.
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
  const DomIndex& index_;
};

}  // namespace marsad::html
