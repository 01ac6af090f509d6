// A 64-bit SimHash (Charikar 2002) over the same word 3-shingles as the MinHash index, for
// the MinHash-vs-SimHash comparison in story_eval only (not used by the pipeline).
#pragma once

#include <cstdint>
#include <string_view>

namespace marsad::story_eval {

// 0 for a text with fewer than 3 kept tokens.
uint64_t SimHash64(std::string_view match_key_text);
inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace marsad::story_eval
