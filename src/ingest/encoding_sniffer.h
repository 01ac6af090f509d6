// Internal to ingest/: what kind of bytes a file holds before any format parsing.
//   - Byte order marks: a UTF-8 BOM is dropped; UTF-16LE/BE (with BOM) is converted
//     to UTF-8, unpaired surrogates becoming U+FFFD (counted).
//   - Binary detection for files that should be text: share of the first 64 KiB that
//     is invalid UTF-8, NUL or control characters.
//   - Magic numbers (gzip, zip).
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/owned_bytes.h"

namespace marsad::ingest {

enum class Magic { kNone, kGzip, kZip };
Magic SniffMagic(std::string_view bytes);

struct UnicodeText {
  Bytes bytes;            // UTF-8 (possibly still with invalid sequences) without BOM
  OwnedBytes storage;     // holds the converted text when the input was UTF-16
  size_t invalid = 0;     // replacements made while converting UTF-16
  const char* encoding = "UTF-8";  // what the input was: "UTF-8", "UTF-16LE", "UTF-16BE"
};

// Strips a UTF-8 BOM or converts BOM-marked UTF-16 to UTF-8.
// `in` must stay alive while the result's bytes are used (when no conversion happened).
UnicodeText DecodeUnicode(Bytes in);

// Fraction (0..1) of code points in the first 64 KiB that are not text: invalid UTF-8
// sequences, NUL, and C0 controls other than tab, newline, CR, form feed, vertical tab, ESC.
double NonTextFraction(std::string_view utf8);

// Above this NonTextFraction a file is "binary": a text page with a few broken bytes
// is far below it; random bytes, images and legacy 8-bit encodings are far above.
inline constexpr double kBinaryThreshold = 0.10;

}  // namespace marsad::ingest
