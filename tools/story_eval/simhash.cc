#include "simhash.h"

#include <xxhash.h>

#include <array>
#include <vector>

#include "text/tokenizer.h"

namespace marsad::story_eval {

uint64_t SimHash64(std::string_view match_key_text) {
  std::vector<uint64_t> tokens;
  for (const text::Token& t : text::Tokenize(match_key_text)) {
    if (t.kind == text::TokenKind::kArabicWord || t.kind == text::TokenKind::kLatinWord ||
        t.kind == text::TokenKind::kNumber) {
      tokens.push_back(XXH3_64bits(t.text.data(), t.text.size()));
    }
  }
  if (tokens.size() < 3) return 0;
  std::array<int, 64> votes{};
  for (size_t i = 0; i + 3 <= tokens.size(); ++i) {
    const uint64_t h = XXH3_64bits(&tokens[i], 3 * sizeof(uint64_t));
    for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) out |= uint64_t{1} << b;
  }
  return out;
}

}  // namespace marsad::story_eval
