// "Name skeleton": a key under which transliteration variants of foreign names fall
// together: ترامب/ترمب, جرينلاند/غرينلاند, بلومبرج/بلومبيرج/بلومبرغ, أمريكا/أميركا.
// Used by the actor matcher and search. Not for native Arabic words (too lossy).
#pragma once

#include <string>
#include <string_view>

namespace marsad::text {

// REQUIRES: a single word (display or match-key level). Returns the skeleton key.
std::string NameSkeleton(std::string_view word);

}  // namespace marsad::text
