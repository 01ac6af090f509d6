// Arabic-aware normalisation with an offset map back to the original text.
// Exact rules: docs/TEXT-NORMALISATION.md (each rule has a unit test).
//
//  kDisplay : NFC; strip tatweel U+0640 and invisible bidi/format marks (U+200B-U+200F,
//             U+202A-U+202E, U+2066-U+2069, U+FEFF, U+00AD, U+061C); Arabic-Indic and
//             Persian digits -> ASCII; presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF)
//             -> base letters; Persian yeh/keheh U+06CC/U+06A9 -> ي/ك.
//  kMatchKey: kDisplay plus: diacritics U+064B-U+0652 and U+0670 removed; أ إ آ ٱ -> ا;
//             ى -> ي; ة -> ه; ؤ -> و; ئ -> ي; Latin lower-cased.
//
// Offsets: removed code points belong to the span before them; all letters of an expanded
// ligature (ﻻ -> لا) map to the ligature; an NFC segment rewritten by ICU maps to its first
// code point. Invalid UTF-8 bytes become U+FFFD and count one code point each.
// Speed: ICU is only called for segments failing the NFC quick check (never for ASCII or
// plain Arabic); presentation forms use a table built once from ICU NFKC.
// Thread-safe: free functions over immutable tables (built on first use).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::text {

enum class NormLevel { kDisplay, kMatchKey };

struct NormalizedText {
  std::string text;  // UTF-8
  // to_original[i] = index (in code points) in the input of the code point that produced
  // code point i of `text`; to_original.back() == number of code points in the input
  // (so a span [s,e) maps back to [to_original[s], to_original[e])).
  std::vector<uint32_t> to_original;
};

// REQUIRES: input is valid UTF-8 (readers repair it first).
NormalizedText Normalize(std::string_view input, NormLevel level);

// Same text as Normalize(...).text without building the offset map (faster).
std::string NormalizeDisplay(std::string_view input);
std::string MatchKey(std::string_view input);

}  // namespace marsad::text
