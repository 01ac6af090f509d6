// UTF-8 primitives shared by every stage. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace marsad::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[*pos] and advances *pos past it.
// An invalid or truncated sequence (overlong, surrogate, > U+10FFFF) yields
// kReplacement and advances by one byte, so decoding never stalls.
// REQUIRES: *pos < s.size().
char32_t DecodeNext(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of cp (REQUIRES: a valid scalar value).
void Append(std::string* out, char32_t cp);

bool IsValid(std::string_view s);

// Number of code points in valid UTF-8 (invalid bytes count one each).
size_t CountCodePoints(std::string_view s);

struct Repaired {
  std::string text;             // valid UTF-8; each invalid byte became U+FFFD
  size_t invalid_sequences = 0; // how many replacements were made (0 = input was valid)
};
// Repairs invalid UTF-8 with U+FFFD; also removes NUL bytes (counted as invalid).
Repaired Repair(std::string_view s);

// Byte offset of code point index cp_index in valid UTF-8 s (s.size() if past the end).
size_t ByteOffsetOfCodePoint(std::string_view s, size_t cp_index);

}  // namespace marsad::utf8
