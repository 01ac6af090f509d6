// Turns chosen subtrees of a DomIndex into plain text (internal to src/html/).
//
// Block elements are paragraph boundaries ("\n\n"), <br> is a newline, table cells are
// separated by a space and rows are paragraphs; runs of whitespace collapse to one space.
// Inside the chosen subtrees it drops what a reader does not read as the article:
// navigation, asides, footers, forms, the <h1> (the title is reported separately),
// class/id-hinted boilerplate (share bars, related lists, comments), and link-heavy
// containers with little prose (lists of other stories). Short stand-alone lines listed
// in data/html/boilerplate_lines.txt ("Share", "اقرأ أيضا") are dropped.
// Thread-safety: immutable; Render() is const.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html/dom_index.h"

namespace marsad::html {

struct RenderOptions {
  bool keep_captions = false;  // <figcaption>: the benchmark's ground truth leaves them out
  bool keep_headers = false;   // <header> inside the article: title, byline, date
};

class TextRenderer {
 public:
  TextRenderer(const DomIndex& index, RenderOptions options) : index_(index), options_(options) {}

  // Text of the subtrees (in the given order), paragraphs separated by "\n\n".
  std::string Render(const std::vector<int32_t>& roots) const;

 private:
  bool Skip(const DomNode& d, uint32_t root_chars) const;
  const DomIndex& index_;
  RenderOptions options_;
};

}  // namespace marsad::html
