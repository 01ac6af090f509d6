// ASCII-only helpers for protocol-ish strings (tag names, charsets, file extensions).
// Not for natural-language text: Arabic and other scripts pass through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace marsad {

// s with A-Z mapped to a-z; every other byte unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace marsad
