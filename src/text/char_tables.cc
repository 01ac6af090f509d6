#include "text/char_tables.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace marsad::text::internal {
namespace {

constexpr char32_t kPresA = 0xFB50, kPresAEnd = 0xFE00;  // U+FB50-U+FDFF
constexpr char32_t kPresB = 0xFE70, kPresBEnd = 0xFF00;  // U+FE70-U+FEFF

// Index of a presentation form in expansion_start_, or -1.
int PresIndex(char32_t cp) {
  if (cp >= kPresA && cp < kPresAEnd) return static_cast<int>(cp - kPresA);
  if (cp >= kPresB && cp < kPresBEnd) return static_cast<int>(kPresAEnd - kPresA + (cp - kPresB));
  return -1;
}

bool IsArabicMark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0610 && cp <= 0x061A);
}

std::u32string ToU32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace

const CharTables& CharTables::Get() {
  static const CharTables tables;
  return tables;
}

CharTables::CharTables() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  // The NFC quick-check table: with it, a run of code points that are all "yes" and whose
  // combining classes do not decrease is already NFC (UAX #15 quick check), so ICU is only
  // called for the rare segments that could change.
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    uint8_t f = 0;
    if (SlowQcYes(cp)) f |= kQcYes;
    if (U_SUCCESS(err) && nfc->hasBoundaryBefore(static_cast<UChar32>(cp))) f |= kBoundaryBefore;
    nfc_[cp] = f;
  }

  for (char32_t cp = 0; cp < kLow; ++cp) {
    display_[cp] = cp;
    key_[cp] = (cp >= 0x0600 && cp < 0x0700) ? cp : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  }
  // Display level (docs/TEXT-NORMALISATION.md, rules D2-D5).
  display_[0x0640] = kDrop;  // tatweel
  display_[0x00AD] = kDrop;  // soft hyphen
  display_[0x061C] = kDrop;  // Arabic letter mark
  for (char32_t d = 0; d < 10; ++d) {
    display_[0x0660 + d] = U'0' + d;
    display_[0x06F0 + d] = U'0' + d;
  }
  display_[0x06CC] = 0x064A;  // Persian yeh -> yeh
  display_[0x06A9] = 0x0643;  // keheh -> kaf
  // Match-key level (rules K1-K8).
  for (char32_t cp = 0x064B; cp <= 0x0652; ++cp) key_[cp] = kDrop;
  key_[0x0670] = kDrop;
  for (char32_t cp : {0x0623, 0x0625, 0x0622, 0x0671}) key_[cp] = 0x0627;
  key_[0x0649] = 0x064A;
  key_[0x0629] = 0x0647;
  key_[0x0624] = 0x0648;
  key_[0x0626] = 0x064A;
  for (char32_t cp = 0; cp < kLow; ++cp) {
    const char32_t d = display_[cp];
    display_key_[cp] = d == kDrop ? kDrop : key_[d];
  }

  // Presentation forms: NFKC of each code point (ICU), then the display mapping of the
  // result. The spacing forms of marks (e.g. U+FE70 -> " ً") lose NFKC's leading space:
  // the mark is kept, attached to whatever precedes it.
  err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  uint32_t slot = 0;
  auto fill = [&](char32_t from, char32_t to) {
    for (char32_t cp = from; cp < to; ++cp, ++slot) {
      expansion_start_[slot] = static_cast<uint32_t>(expansion_text_.size());
      if (U_FAILURE(err) || IsFormatMark(cp) || !u_isdefined(static_cast<UChar32>(cp))) continue;
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString n = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), e);
      std::u32string letters = U_SUCCESS(e) ? ToU32(n) : std::u32string();
      if (letters.size() == 1 && letters[0] == cp) continue;  // no decomposition: keep
      if (letters.size() >= 2 && letters[0] == U' ' && IsArabicMark(letters[1])) letters.erase(0, 1);
      for (char32_t c : letters) {
        const char32_t d = c < kLow ? display_[c] : c;
        if (d != kDrop) expansion_text_.push_back(d);
      }
    }
  };
  fill(kPresA, kPresAEnd);
  fill(kPresB, kPresBEnd);
  expansion_start_[slot] = static_cast<uint32_t>(expansion_text_.size());
}

bool CharTables::SlowQcYes(char32_t cp) {
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

bool CharTables::SlowBoundaryBefore(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_FAILURE(err) || nfc->hasBoundaryBefore(static_cast<UChar32>(cp));
}

uint8_t CharTables::CombiningClass(char32_t cp) {
  return u_getCombiningClass(static_cast<UChar32>(cp));
}

char32_t CharTables::DisplayHigh(char32_t cp) const {
  if (IsFormatMark(cp)) return kDrop;
  const int i = PresIndex(cp);
  // Forms without a decomposition (and unassigned ones) have an empty expansion: kept.
  if (i >= 0 && expansion_start_[i + 1] != expansion_start_[i]) return kExpand;
  return cp;
}

char32_t CharTables::KeyHigh(char32_t cp) {
  // Only letters with a simple lower-case mapping change (Latin Extended Additional,
  // full-width Latin, Greek extended...).
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

std::u32string_view CharTables::Expansion(char32_t cp) const {
  const int i = PresIndex(cp);
  if (i < 0) return {};
  return std::u32string_view(expansion_text_).substr(expansion_start_[i],
                                                     expansion_start_[i + 1] - expansion_start_[i]);
}

std::u32string CharTables::NfcSegment(std::u32string_view seg) const {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::u32string(seg);
  icu::UnicodeString in;
  for (char32_t c : seg) in.append(static_cast<UChar32>(c));
  icu::UnicodeString out = nfc->normalize(in, err);
  if (U_FAILURE(err)) return std::u32string(seg);
  return ToU32(out);
}

char32_t DecodeSlow(std::string_view s, size_t* pos) { return utf8::DecodeNext(s, pos); }

bool IsArabicLetter(char32_t cp) {
  if (cp >= 0x0600 && cp < 0x0700) {
    if (cp < 0x0610 || cp == 0x061B || (cp >= 0x061D && cp <= 0x061F)) return false;
    if ((cp >= 0x0660 && cp <= 0x066D) || cp == 0x06D4 || cp == 0x06DD || cp == 0x06DE ||
        cp == 0x06E9 || (cp >= 0x06F0 && cp <= 0x06F9) || cp == 0x06FD || cp == 0x06FE) {
      return false;
    }
    return true;
  }
  return (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF && cp != 0xFD3E && cp != 0xFD3F) ||
         (cp >= 0xFE70 && cp <= 0xFEFC);
}

}  // namespace marsad::text::internal
