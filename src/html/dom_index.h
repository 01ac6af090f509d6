// A flat, pre-order index of a gumbo tree with per-subtree text statistics
// (internal to src/html/). Built iteratively, so nesting depth cannot overflow the stack.
//
// Node i's subtree is the index range [i, nodes[i].end). Subtrees the extractor never
// reads (script, style, head, form controls, media...) are indexed as one node with
// removed = true and no children. Text is counted in code points that are not spaces.
// Thread-safety: immutable after construction; the GumboOutput must outlive it.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/node_hints.h"

namespace marsad::html {

struct DomNode {
  const GumboNode* node = nullptr;
  int32_t parent = -1;
  uint32_t end = 0;           // one past the last node of this subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  bool removed = false;       // never rendered, not counted
  bool is_block = false;      // starts a new paragraph when rendered
  HintVerdict hint;           // from class + id
  bool article_body = false;  // itemprop="articleBody" (or "text" in an Article scope)
  // Subtree statistics (text nodes: their own text).
  uint32_t chars = 0;         // non-space code points
  uint32_t link_chars = 0;    // ... inside <a>
  uint32_t punct = 0;         // , ، . ! ? ؟ ; ؛
  uint32_t paragraphs = 0;    // <p> (and paragraph-like blocks) with >= 25 chars
  uint32_t lists = 0;         // <li> count
  uint32_t images = 0;        // <img> count
  uint32_t headings = 0;      // <h1>-<h6> count
  // Text owned directly: text in this block not inside a nested block.
  uint32_t own_chars = 0;
  uint32_t own_punct = 0;
  uint32_t own_link_chars = 0;
};

class DomIndex {
 public:
  DomIndex(const GumboNode* root, const NodeHints& hints);

  const std::vector<DomNode>& nodes() const { return nodes_; }
  int32_t body() const { return body_; }  // index of <body>, or 0

  // The attribute value, or empty.
  static std::string_view Attr(const GumboNode* node, const char* name);
  static bool IsBlockTag(GumboTag tag);

 private:
  void Build(const GumboNode* root, const NodeHints& hints);
  void ComputeStats();

  std::vector<DomNode> nodes_;
  int32_t body_ = 0;
};

}  // namespace marsad::html
