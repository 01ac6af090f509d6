#include "core/utf8.h"

#include <gtest/gtest.h>

namespace marsad::utf8 {
namespace {

TEST(Utf8, DecodesArabicAndAscii) {
  std::string s = "a\xD8\xA8";  // a + ب
  size_t pos = 0;
  EXPECT_EQ(DecodeNext(s, &pos), U'a');
  EXPECT_EQ(DecodeNext(s, &pos), U'\u0628');
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8, RejectsOverlongSurrogateAndTruncated) {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xD8"), std::string("\xF5\x80\x80\x80")}) {
    EXPECT_FALSE(IsValid(bad)) << bad.size();
    size_t pos = 0;
    EXPECT_EQ(DecodeNext(bad, &pos), kReplacement);
    EXPECT_EQ(pos, 1u);
  }
}

TEST(Utf8, RepairReplacesAndCounts) {
  Repaired r = Repair(std::string("\xD8\xA8\xFF x\0y", 7));
  EXPECT_EQ(r.text, "\xD8\xA8\xEF\xBF\xBD xy");
  EXPECT_EQ(r.invalid_sequences, 2u);
  EXPECT_TRUE(IsValid(r.text));
}

TEST(Utf8, GenuineReplacementCharIsValid) {
  EXPECT_TRUE(IsValid("\xEF\xBF\xBD"));
  EXPECT_EQ(Repair("\xEF\xBF\xBD").invalid_sequences, 0u);
}

TEST(Utf8, AppendRoundTrips) {
  for (char32_t cp : {U'\u0041', U'\u0628', U'\uFEFB', U'\U0001F600'}) {
    std::string s;
    Append(&s, cp);
    size_t pos = 0;
    EXPECT_EQ(DecodeNext(s, &pos), cp);
  }
}

TEST(Utf8, CountsCodePointsAndOffsets) {
  std::string s = "ab\xD8\xA8\xD8\xAA";
  EXPECT_EQ(CountCodePoints(s), 4u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 3), 4u);
  EXPECT_EQ(ByteOffsetOfCodePoint(s, 9), s.size());
}

}  // namespace
}  // namespace marsad::utf8
