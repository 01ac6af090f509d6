// Internal to src/clean: splits the lines of a scraped page into the main article,
// appended secondary articles and removed boilerplate blocks (with export-format kinds).
// Signals: marker phrases (MarkerTable), share-bar vocabulary, social-embed shapes
// (pic.twitter.com, "— name (@handle) date", hashtag-only lines), glued headline runs
// (HeadlineSplitter), headline shape (short, no final period), bullets, position (what
// follows a source/tag line is the page's tail), and repeated paragraphs.
// Thread-safe after construction.
#pragma once

#include <string>
#include <vector>

#include "clean/headline_splitter.h"
#include "clean/marker_table.h"
#include "core/article.h"

namespace marsad::clean {

struct SegmentedPage {
  std::vector<std::string> main;            // paragraphs of the main article
  std::vector<RelatedArticle> related;      // secondary articles (text: "\n\n"-joined)
  std::vector<RemovedBlock> removed;
  std::vector<std::string> source_values;   // "البوابة نيوز" from "المصدر: البوابة نيوز"
  std::vector<std::string> tag_values;      // the rest of each tag line
};

// A short line that reads like a headline: 1-25 words, <= 400 bytes, and no final
// period or colon (".." and "..." are allowed).
bool IsHeadlineShaped(std::string_view line);

class PageSegmenter {
 public:
  explicit PageSegmenter(const MarkerTable* markers) : markers_(markers), splitter_(markers) {}

  // REQUIRES: lines are display-normalised, trimmed and non-empty.
  SegmentedPage Segment(const std::vector<std::string>& lines) const;

 private:
  const MarkerTable* markers_;  // not owned
  HeadlineSplitter splitter_;
};

// Social-media embed shapes, independent of marker phrases.
bool IsSocialEmbedLine(std::string_view line);

// Breadcrumbs: >= 3 short segments between », ›, > or |.
bool IsNavigationLine(std::string_view line);

// Any line-level boilerplate signal (marker, share bar, social embed, navigation).
bool IsBoilerplateLine(const MarkerTable& markers, std::string_view line);

}  // namespace marsad::clean
