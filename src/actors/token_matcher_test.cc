#include "actors/token_matcher.h"

#include <gtest/gtest.h>

#include <string>

#include "text/name_skeleton.h"
#include "text/normalizer.h"

namespace marsad::actors {
namespace {

struct Found {
  std::string text;
  uint32_t value;
};

// Runs the matcher and returns the matched substrings (code points) with their values.
std::vector<Found> RunMatcher(const TokenMatcher& m, const std::u32string& text32, const std::string& text) {
  std::vector<Found> out;
  const ScannedText s = ScanText(text);
  for (const TokenMatcher::Hit& h : m.Match(s)) {
    std::u32string piece = text32.substr(h.start, h.end - h.start);
    std::string utf8;
    for (char32_t c : piece) {
      if (c < 0x80) {
        utf8 += static_cast<char>(c);
      } else if (c < 0x800) {
        utf8 += static_cast<char>(0xC0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        utf8 += static_cast<char>(0xE0 | (c >> 12));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    out.push_back({utf8, m.Values(h.node).at(0)});
  }
  return out;
}

std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : (c & (0x3F >> (n - 1)));
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

class TokenMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m.AddText("الكرملين", 1, false);
    m.AddText("موسكو", 2, true);
    m.AddText("الولايات المتحدة", 3, false);
    m.AddText("الولايات المتحدة الأمريكية", 4, false);
    m.AddText("ترامب", 5, true);
    m.AddText("غرينلاند", 6, true);
    m.AddText("جيه دي فانس", 7, true);
    m.AddText("الرئيس", 8, false);
    m.Finish();
  }
  std::vector<Found> Find(const std::string& text) { return RunMatcher(m, Decode(text), text); }
  TokenMatcher m;
};

TEST_F(TokenMatcherTest, ExactWordsAndOffsets) {
  const auto f = Find("قال الكرملين إن موسكو ترفض");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "الكرملين");
  EXPECT_EQ(f[0].value, 1u);
  EXPECT_EQ(f[1].text, "موسكو");
}

TEST_F(TokenMatcherTest, ProcliticsAreSplitAndLeftOutOfTheMention) {
  const auto f = Find("والكرملين وبموسكو");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].text, "الكرملين");
  EXPECT_EQ(f[1].text, "موسكو");
  EXPECT_EQ(f[1].value, 2u);
}

TEST_F(TokenMatcherTest, LamLamRestoresTheArticle) {
  const auto f = Find("زيارة للولايات المتحدة أمس");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 3u);
  EXPECT_EQ(f[0].text, "للولايات المتحدة");
}

TEST_F(TokenMatcherTest, LongestMatchWins) {
  const auto f = Find("الولايات المتحدة الأميركية");  // أميركية vs أمريكية: different words
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 3u);
  const auto g = Find("الولايات المتحدة الأمريكية");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].value, 4u);
}

TEST_F(TokenMatcherTest, SkeletonVariantsOnlyForLongForeignWords) {
  const auto f = Find("جزيرة جرينلاند");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 6u);
  EXPECT_TRUE(Find("ترمب").empty());  // 4 letters: too short for skeleton matching
}

TEST_F(TokenMatcherTest, DiacriticsAndHamzaDoNotMatter) {
  const auto f = Find("الكَرْمَلِين");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "الكَرْمَلِين");  // the diacritics stay inside the mention
}

TEST_F(TokenMatcherTest, AbbreviationDotsInsideNames) {
  const auto f = Find("نائب الرئيس جيه. دي فانس");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].value, 7u);
  EXPECT_EQ(f[1].text, "جيه. دي فانس");
}

TEST_F(TokenMatcherTest, PunctuationBreaksPatterns) {
  EXPECT_TRUE(Find("الولايات، المتحدة").empty());
}

TEST_F(TokenMatcherTest, NoFalseSplits) {
  // و + ترامب would be a split, but وترامب is not how the dictionary word is written:
  // the split is found; a word that only ends like a pattern word is not.
  EXPECT_EQ(Find("وترامب").size(), 1u);
  EXPECT_TRUE(Find("الكرملينات").empty());
  EXPECT_TRUE(Find("سموسكو").empty());
}

TEST(SkeletonKey, MatchesNameSkeleton) {
  for (const char* w : {"ترامب", "ترمب", "جرينلاند", "غرينلاند", "بلومبيرغ", "زيلينسكي", "أمريكا", "Trump", "بوتين",
                        "مممم", "ا", "اا", "طظذثصض", "ڤيينا", "الكرملين", "ء", "وءو", "abc123", "ᏣᎳᎩ", "😀x😀"}) {
    const std::string key = text::MatchKey(w);
    EXPECT_EQ(SkeletonKey(key), text::NameSkeleton(key)) << w;
  }
}

}  // namespace
}  // namespace marsad::actors
