// A single linear pass over raw HTML that runs before gumbo (internal to src/html/).
//
// Why: gumbo spends most of its time on <script>, <style>, <svg> and comments that the
// extractor throws away, and its tree building is quadratic in nesting depth (the
// "has an element in scope" checks walk the whole stack of open elements), so a page of
// 100k nested <div>s takes tens of seconds. The prefilter
//   * cuts script/style/svg/noscript/template elements and comments, keeping the text
//     of <script type="application/ld+json"> blocks aside for the JSON-LD reader;
//   * keeps only the attributes the extractor reads (class, id, itemprop, rel, lang,
//     meta name/property/content, datetime, hiding attributes; href on <link>);
//   * drops start tags beyond an estimated nesting depth of max_depth (their text stays).
// It is conservative: quoted attribute values and raw-text elements (title, textarea)
// are copied through untouched, so gumbo still sees the same document structure for
// every well-formed page shallower than max_depth.
// Thread-safe: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::html {

struct PrefilteredHtml {
  std::string html;                    // what gumbo parses
  std::vector<std::string> json_ld;    // raw contents of ld+json script blocks
  size_t dropped_deep_tags = 0;        // start tags dropped by the depth cap
};

// Default depth cap: real pages nest 20-60 levels; 1,000 keeps gumbo near-linear.
inline constexpr size_t kDefaultMaxNesting = 1000;

PrefilteredHtml PrefilterHtml(std::string_view html, size_t max_depth = kDefaultMaxNesting);

}  // namespace marsad::html
