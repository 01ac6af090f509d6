// Internal to src/clean: finds runs of related headlines that a scraper pasted together
// without separators ("...دون شروطمبعوث بوتين: ..."). Arabic has no letter case, so a
// glue point is a place inside a space-free token where
//   - a letter that only ends words (ة, ى) is followed by another letter, or
//   - ?, ! or ؟ is followed directly by a letter, or
//   - both halves are known words (seen standalone at least twice on the page or listed
//     in data/clean/common_words.txt; the first half >= 4 letters, the second >= 4 or a
//     common word) while the glued token itself is not; never after "عبد"/"أبو" (joined
//     compound names) or "الأ/الإ/الآ" (the article before a hamza-alef).
// Thread-safe after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/marker_table.h"

namespace marsad::clean {

// MatchKey word -> how many times it occurs standalone on the page.
using PageLexicon = std::unordered_map<std::string, int>;

class HeadlineSplitter {
 public:
  explicit HeadlineSplitter(const MarkerTable* markers) : markers_(markers) {}

  // Counts the words of every line (MatchKey, punctuation stripped).
  static PageLexicon BuildLexicon(const std::vector<std::string>& lines);

  // The line cut at its glue points (one element when there is none).
  std::vector<std::string> Split(std::string_view line, const PageLexicon& lexicon) const;

  // True when the line is a run of >= 2 glued headlines: it has glue points, does not end
  // like a sentence (".") and every piece has 3-25 words. *pieces receives the headlines.
  bool IsGluedRun(std::string_view line, const PageLexicon& lexicon, std::vector<std::string>* pieces) const;

 private:
  // Code-point index in `word` (a token without spaces) of the first glue point at or
  // after `from`, or 0 if none.
  size_t FindGlue(const std::u32string& word, size_t from, const PageLexicon& lexicon) const;
  bool Known(const std::u32string& w, const PageLexicon& lexicon, int min_count) const;

  const MarkerTable* markers_;  // not owned
};

}  // namespace marsad::clean
