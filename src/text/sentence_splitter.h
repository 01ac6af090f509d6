// Sentence splitter for Arabic (and mixed Latin) news text: splits on . ! ? ؟ ؛ and
// line breaks/paragraphs, not inside numbers (3.5), abbreviations (د. م. أ. U.S. Mr.),
// initials (جيه. دي فانس), URLs, or quotes; detects glued headline runs. Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace marsad::text {

struct SentenceSpan {
  uint32_t start = 0, end = 0;  // code points into the input, [start, end), trimmed
};

std::vector<SentenceSpan> SplitSentences(std::string_view input);

}  // namespace marsad::text
