// Internal to src/text: per-code-point tables shared by the normaliser and the tokeniser.
// Built once on first use (thread-safe static initialisation) from ICU properties, so the
// hot loops never call ICU for ASCII or Arabic text. Immutable afterwards; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace marsad::text::internal {

inline constexpr char32_t kDrop = 0xFFFFFFFF;    // mapping result: remove the code point
inline constexpr char32_t kExpand = 0xFFFFFFFE;  // mapping result: see Expansion()

class CharTables {
 public:
  static const CharTables& Get();

  // NFC quick-check properties (BMP from the table, the rest from ICU).
  bool NfcBoundaryBefore(char32_t cp) const {
    return cp < 0x10000 ? (nfc_[cp] & kBoundaryBefore) != 0 : SlowBoundaryBefore(cp);
  }
  bool NfcYes(char32_t cp) const { return cp < 0x10000 ? (nfc_[cp] & kQcYes) != 0 : SlowQcYes(cp); }
  static uint8_t CombiningClass(char32_t cp);

  // Display level mapping of one (NFC) code point: itself, another code point, kDrop, or
  // kExpand (presentation forms: the letters are in Expansion(cp), already display-mapped).
  char32_t Display(char32_t cp) const {
    if (cp < kLow) return display_[cp];
    return DisplayHigh(cp);
  }
  // Match-key mapping of one code point of display-level text (never kExpand).
  char32_t Key(char32_t cp) const {
    if (cp < kLow) return key_[cp];
    return KeyHigh(cp);
  }
  // Display followed by Key, for code points below 0x800 (the hot path).
  char32_t DisplayKeyLow(char32_t cp) const { return display_key_[cp]; }
  static constexpr char32_t kLow = 0x800;

  // Letters of a presentation form (REQUIRES: Display(cp) == kExpand).
  std::u32string_view Expansion(char32_t cp) const;

  // Runs a short segment through ICU NFC (segments that fail the quick check).
  std::u32string NfcSegment(std::u32string_view seg) const;

 private:
  CharTables();
  static constexpr uint8_t kQcYes = 1, kBoundaryBefore = 2;
  static bool SlowBoundaryBefore(char32_t cp);
  static bool SlowQcYes(char32_t cp);
  char32_t DisplayHigh(char32_t cp) const;
  static char32_t KeyHigh(char32_t cp);

  std::array<uint8_t, 0x10000> nfc_{};
  std::array<char32_t, kLow> display_{};
  std::array<char32_t, kLow> key_{};
  std::array<char32_t, kLow> display_key_{};
  // Presentation forms U+FB50-U+FDFF then U+FE70-U+FEFF: offsets into expansion_text_.
  std::array<uint32_t, 0x2B0 + 0x90 + 1> expansion_start_{};
  std::u32string expansion_text_;
};

// True for code points that are Arabic-script letters or marks (U+0600-U+06FF minus
// punctuation and digits, U+0750-U+077F, U+08A0-U+08FF, presentation forms).
bool IsArabicLetter(char32_t cp);

// Invisible format/bidi marks removed at display level (also skipped by the tokeniser).
inline bool IsFormatMark(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD || cp == 0x061C;
}

// Fast UTF-8 decoder: ASCII and 2-byte sequences inline, the rest via utf8::DecodeNext
// (invalid bytes give U+FFFD and advance one byte). REQUIRES: *pos < s.size().
char32_t DecodeSlow(std::string_view s, size_t* pos);
inline char32_t Decode(std::string_view s, size_t* pos) {
  const auto b = static_cast<unsigned char>(s[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  if (b >= 0xC2 && b < 0xE0 && *pos + 1 < s.size()) {
    const auto c = static_cast<unsigned char>(s[*pos + 1]);
    if ((c & 0xC0) == 0x80) {
      *pos += 2;
      return (static_cast<char32_t>(b & 0x1F) << 6) | (c & 0x3F);
    }
  }
  return DecodeSlow(s, pos);
}

// Appends the UTF-8 form of cp.
inline void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 3);
  } else {
    const char b[4] = {static_cast<char>(0xF0 | (cp >> 18)),
                       static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 4);
  }
}

// Whole-string conversions for the per-word helpers (clitics, stemmer, skeleton).
inline std::u32string DecodeAll(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out.push_back(Decode(s, &pos));
  return out;
}
inline std::string EncodeAll(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(&out, c);
  return out;
}

}  // namespace marsad::text::internal
