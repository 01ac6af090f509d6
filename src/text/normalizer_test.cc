// One test per rule of docs/TEXT-NORMALISATION.md (D1-D7, K1-K8), offset maps, bad input,
// and a differential test of the NFC fast path against whole-string ICU NFC.
#include "text/normalizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>

#include "core/utf8.h"

namespace marsad::text {
namespace {

std::string D(std::string_view s) { return NormalizeDisplay(s); }
std::string K(std::string_view s) { return MatchKey(s); }

// The original substring that output code points [s, e) came from.
std::string Back(std::string_view input, const NormalizedText& n, size_t s, size_t e) {
  const size_t b = utf8::ByteOffsetOfCodePoint(input, n.to_original[s]);
  const size_t f = utf8::ByteOffsetOfCodePoint(input, n.to_original[e]);
  return std::string(input.substr(b, f - b));
}

// Code point index of `needle` in the output text.
size_t CpFind(const std::string& hay, std::string_view needle) {
  const size_t b = hay.find(needle);
  EXPECT_NE(b, std::string::npos) << needle;
  return utf8::CountCodePoints(std::string_view(hay).substr(0, b));
}

TEST(NormalizerRules, D1_NfcComposesAndReorders) {
  EXPECT_EQ(D("\u0627\u0653"), "\u0622");              // alef + madda above -> آ
  EXPECT_EQ(D("\u0648\u0654"), "\u0624");              // waw + hamza above -> ؤ
  EXPECT_EQ(D("\u0628\u0651\u064E"), "\u0628\u064E\u0651");  // shadda+fatha -> fatha+shadda
  EXPECT_EQ(D("e\u0301"), "\u00E9");
  EXPECT_EQ(D("\u2126"), "\u03A9");  // ohm sign, a singleton
  EXPECT_EQ(D("\u1100\u1161"), "\uAC00");  // Hangul jamo compose
  EXPECT_EQ(D("\u0627\u0653 \u0627\u0653"), "\u0622 \u0622");
}

TEST(NormalizerRules, D2_TatweelRemoved) {
  EXPECT_EQ(D("الرئيـــــس"), "الرئيس");
  EXPECT_EQ(D("ـ"), "");
}

TEST(NormalizerRules, D3_InvisibleMarksRemoved) {
  for (const char* mark : {"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B",
                           "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
                           "\uFEFF", "\u00AD", "\u061C"}) {
    EXPECT_EQ(D(std::string("مصر") + mark + "ي"), "مصري") << mark;
  }
  EXPECT_EQ(D("a\u00A0b"), "a\u00A0b");  // no-break space is a space, kept
}

TEST(NormalizerRules, D4_DigitsToAscii) {
  EXPECT_EQ(D("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  EXPECT_EQ(D("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  EXPECT_EQ(D("عام ٢٠٢٥م"), "عام 2025م");
  EXPECT_EQ(D("٣٫٥"), "3\u066B5");  // the Arabic decimal separator itself is kept
}

TEST(NormalizerRules, D5_PresentationFormsToLetters) {
  EXPECT_EQ(D("\uFEFB"), "لا");          // lam-alef ligature -> two letters
  EXPECT_EQ(D("\uFE91\uFEEE\uFE97\uFEF4\uFEE6"), "بوتين");  // contextual forms
  EXPECT_EQ(D("\uFDF2"), "الله");
  EXPECT_EQ(D("ب\uFE70"), "بً");  // spacing tanween form: the mark, without a space
  EXPECT_EQ(D("\uFEF7"), "لأ");    // lam with hamza-alef ligature
  EXPECT_EQ(D("\uFBFC"), "ي");     // Persian yeh form -> (D6) Arabic yeh
}

TEST(NormalizerRules, D6_PersianYehKeheh) {
  EXPECT_EQ(D("\u06CCک"), "يك");
  EXPECT_EQ(D("ایران"), "ايران");
}

TEST(NormalizerRules, D7_EverythingElseKept) {
  const std::string s = "قالَ أحمدُ: «إنّ مؤسسة ئ ى ة» Reuters, 12.5%! 😀";
  EXPECT_EQ(D(s), s);
  EXPECT_EQ(D(""), "");
}

TEST(NormalizerRules, K1_DiacriticsRemoved) {
  for (char32_t c = 0x064B; c <= 0x0652; ++c) {
    std::string s = "ب";
    utf8::Append(&s, c);
    EXPECT_EQ(K(s), "ب") << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(K("هٰذا"), "هذا");  // superscript alef
  EXPECT_EQ(K("مُحَمَّدٌ"), "محمد");
}

TEST(NormalizerRules, K2_AlefForms) {
  EXPECT_EQ(K("أإآٱ"), "اااا");
  EXPECT_EQ(K("إسرائيل"), "اسراييل");
}

TEST(NormalizerRules, K3_AlefMaksura) { EXPECT_EQ(K("مستشفى على"), "مستشفي علي"); }
TEST(NormalizerRules, K4_TehMarbuta) { EXPECT_EQ(K("المدينة"), "المدينه"); }
TEST(NormalizerRules, K5_WawHamza) { EXPECT_EQ(K("مؤتمر"), "موتمر"); }
TEST(NormalizerRules, K6_YehHamza) { EXPECT_EQ(K("رئيس"), "رييس"); }

TEST(NormalizerRules, K7_LowerCase) {
  EXPECT_EQ(K("Reuters AFP ÉCOLE"), "reuters afp école");
  EXPECT_EQ(K("\uFF21"), "\uFF41");  // full-width A
}

TEST(NormalizerRules, K8_IncludesDisplayAndIsIdempotent) {
  const std::string s = "الرئيـــس\u200F ﻻ ٢٠٢٥ ایران أُمّة";
  EXPECT_EQ(K(s), "الرييس لا 2025 ايران امه");
  EXPECT_EQ(K(s), K(D(s)));
  EXPECT_EQ(K(K(s)), K(s));
  EXPECT_EQ(D(D(s)), D(s));
}

TEST(NormalizerOffsets, IdentityAndEnd) {
  const std::string s = "قال ترامب";
  NormalizedText n = Normalize(s, NormLevel::kDisplay);
  EXPECT_EQ(n.text, s);
  ASSERT_EQ(n.to_original.size(), 10u);
  for (uint32_t i = 0; i < 10; ++i) EXPECT_EQ(n.to_original[i], i);
  NormalizedText e = Normalize("", NormLevel::kMatchKey);
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(e.to_original, std::vector<uint32_t>{0});
}

TEST(NormalizerOffsets, RemovedCharactersMapBack) {
  const std::string s = "قالَ الرئيـــسُ المصري";
  NormalizedText n = Normalize(s, NormLevel::kMatchKey);
  ASSERT_EQ(n.text, "قال الرييس المصري");
  EXPECT_EQ(n.to_original.back(), utf8::CountCodePoints(s));
  const size_t b = CpFind(n.text, "الرييس");
  // A removed mark at the end of a word belongs to the word's span.
  EXPECT_EQ(Back(s, n, b, b + 6), "الرئيـــسُ");
  const size_t m = CpFind(n.text, "المصري");
  EXPECT_EQ(Back(s, n, m, m + 6), "المصري");
  EXPECT_EQ(Back(s, n, 0, 3), "قالَ");
  EXPECT_EQ(Back(s, n, 1, 2), "ا");
}

TEST(NormalizerOffsets, LigatureBothLettersMapToIt) {
  const std::string s = "و\uFEFBجئ";  // و ﻻ ج ئ
  for (NormLevel level : {NormLevel::kDisplay, NormLevel::kMatchKey}) {
    NormalizedText n = Normalize(s, level);
    ASSERT_EQ(utf8::CountCodePoints(n.text), 5u);
    EXPECT_EQ(n.to_original, (std::vector<uint32_t>{0, 1, 1, 2, 3, 4}));
    EXPECT_EQ(Back(s, n, 1, 3), "\uFEFB");
    EXPECT_EQ(Back(s, n, 0, 5), s);
  }
}

TEST(NormalizerOffsets, ExpansionAndCompositionAndDigits) {
  const std::string s = "\uFDF2 \u0627\u0653 ٢٠";
  NormalizedText n = Normalize(s, NormLevel::kDisplay);
  ASSERT_EQ(n.text, "الله \u0622 20");
  EXPECT_EQ(n.to_original, (std::vector<uint32_t>{0, 0, 0, 0, 1, 2, 4, 5, 6, 7}));
  EXPECT_EQ(Back(s, n, 5, 6), "\u0627\u0653");
  EXPECT_EQ(Back(s, n, 7, 9), "٢٠");
}

TEST(NormalizerOffsets, MapIsMonotoneOnMixedText) {
  const std::string s = "أعلنَ «الكرملين» في ٢٠٢٥/٣/١٢ أنّ ﻻ e\u0301 ـــ \u200Fhttps://x.com #سوريا_الآن";
  for (NormLevel level : {NormLevel::kDisplay, NormLevel::kMatchKey}) {
    NormalizedText n = Normalize(s, level);
    EXPECT_EQ(n.to_original.size(), utf8::CountCodePoints(n.text) + 1);
    for (size_t i = 1; i < n.to_original.size(); ++i) EXPECT_LE(n.to_original[i - 1], n.to_original[i]);
    EXPECT_EQ(n.to_original.back(), utf8::CountCodePoints(s));
    EXPECT_EQ(n.text, level == NormLevel::kDisplay ? NormalizeDisplay(s) : MatchKey(s));
  }
}

size_t DecodeSteps(std::string_view s) {
  size_t steps = 0;
  for (size_t pos = 0; pos < s.size(); ++steps) utf8::DecodeNext(s, &pos);
  return steps;
}

TEST(NormalizerBadInput, InvalidAndTruncatedUtf8DoNotCrash) {
  // REQUIRES says valid UTF-8; still, bad bytes give U+FFFD one per byte, and the map
  // counts them the way utf8::DecodeNext steps over them.
  const std::string bad = std::string("قال\xD9") + "\xFF\x80" + "ب" + "\xE2\x82";
  NormalizedText n = Normalize(bad, NormLevel::kMatchKey);
  EXPECT_TRUE(utf8::IsValid(n.text));
  EXPECT_EQ(n.to_original.back(), DecodeSteps(bad));
  EXPECT_EQ(n.text, "قال\uFFFD\uFFFD\uFFFDب\uFFFD\uFFFD");
  const std::string binary("\x00\x01\x02\xC0\xAF\xF5\xFF", 7);
  EXPECT_TRUE(utf8::IsValid(MatchKey(binary)));
  EXPECT_EQ(Normalize(binary, NormLevel::kDisplay).to_original.back(), DecodeSteps(binary));
  EXPECT_EQ(D("\u0651\u064E"), "\u064E\u0651");  // marks with no base at the start
}

TEST(NormalizerBadInput, HugeInput) {
  std::string s;
  for (int i = 0; i < 40000; ++i) s += "الرئيـس أعلنَ ﻻ ٢٠٢٥ ";
  NormalizedText n = Normalize(s, NormLevel::kMatchKey);
  EXPECT_EQ(n.text, MatchKey(s));
  EXPECT_EQ(n.to_original.back(), utf8::CountCodePoints(s));
  EXPECT_EQ(n.text.rfind("الرييس اعلن لا 2025 الرييس", 0), 0u);
}

// Reference: whole-string ICU NFC, then the per-code-point rules written out directly.
std::string Reference(const std::string& s, bool key) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::u32string cps;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) cps.push_back(u.char32At(i));
  std::u32string out;
  auto display = [&](char32_t c, std::u32string* o) {
    if (c == 0x0640 || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0xAD || c == 0x061C) return;
    if (c >= 0x0660 && c <= 0x0669) c = '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);
    if (c == 0x06CC) c = 0x064A;
    if (c == 0x06A9) c = 0x0643;
    o->push_back(c);
  };
  for (char32_t c : cps) {
    if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)) {
      icu::UnicodeString d = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), err);
      std::u32string e;
      for (int32_t i = 0; i < d.length(); i += U16_LENGTH(d.char32At(i))) e.push_back(d.char32At(i));
      if (e.size() >= 2 && e[0] == ' ' && e[1] >= 0x064B && e[1] <= 0x065F) e.erase(0, 1);
      for (char32_t x : e) display(x, &out);
    } else {
      display(c, &out);
    }
  }
  std::string r;
  for (char32_t c : out) {
    if (key) {
      if ((c >= 0x064B && c <= 0x0652) || c == 0x0670) continue;
      if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;
      if (c == 0x0649 || c == 0x0626) c = 0x064A;
      if (c == 0x0629) c = 0x0647;
      if (c == 0x0624) c = 0x0648;
      if (c < 0x0600 || c >= 0x0700) c = u_tolower(c);
    }
    utf8::Append(&r, c);
  }
  return r;
}

TEST(NormalizerDifferential, FastPathMatchesWholeStringIcu) {
  const std::vector<char32_t> alphabet = {
      'a', 'E', ' ', '.', '1', 0x0627, 0x0628, 0x0648, 0x064A, 0x0647, 0x0629, 0x0623, 0x0640,
      0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x0653, 0x0654, 0x0655, 0x0670, 0x0301, 0x0323,
      0x0661, 0x06F5, 0x06CC, 0x200F, 0xFEFB, 0xFE91, 0xFE70, 0xFDF2, 0x1100, 0x1161, 0x11A8,
      0x2126, 0x00E9, 0x06C1, 0x06D2, 0x0F73, 0x1F600};
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) utf8::Append(&s, alphabet[rng() % alphabet.size()]);
    ASSERT_EQ(NormalizeDisplay(s), Reference(s, false)) << s;
    ASSERT_EQ(MatchKey(s), Reference(s, true)) << s;
    NormalizedText n = Normalize(s, NormLevel::kMatchKey);
    ASSERT_EQ(n.to_original.back(), utf8::CountCodePoints(s));
  }
}

}  // namespace
}  // namespace marsad::text
