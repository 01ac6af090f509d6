// Light10-style Arabic light stemmer for search terms (prefix/suffix stripping).
// Input and output are match-key words. Never apply to names (callers decide).
#pragma once

#include <string>
#include <string_view>

namespace marsad::text {

std::string LightStem(std::string_view match_key_word);

}  // namespace marsad::text
