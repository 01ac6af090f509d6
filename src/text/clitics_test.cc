#include "text/clitics.h"

#include <gtest/gtest.h>

#include <set>

#include "text/light_stemmer.h"
#include "text/normalizer.h"

namespace marsad::text {
namespace {

bool Has(const std::vector<CliticSplit>& v, std::string_view prefix, std::string_view stem) {
  for (const CliticSplit& c : v) {
    if (c.prefix == prefix && c.stem == stem) return true;
  }
  return false;
}

// What a matcher does: the first candidate whose stem its dictionary knows.
std::string Resolve(std::string_view word, const std::set<std::string>& dict) {
  for (const CliticSplit& c : CliticCandidates(MatchKey(word))) {
    if (dict.count(c.stem) != 0) return c.prefix + "+" + c.stem;
  }
  return "?";
}

TEST(Clitics, UnsplitFirstThenLongerPrefixes) {
  const auto v = CliticCandidates(MatchKey("والكرملين"));
  ASSERT_GE(v.size(), 3u);
  EXPECT_EQ(v[0].prefix, "");
  EXPECT_EQ(v[0].stem, "والكرملين");
  for (size_t i = 1; i < v.size(); ++i) EXPECT_GE(v[i].prefix.size(), v[i - 1].prefix.size());
  EXPECT_TRUE(Has(v, "و", "الكرملين"));
  EXPECT_TRUE(Has(v, "وال", "كرملين"));
}

TEST(Clitics, NewsExamples) {
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("بموسكو")), "ب", "موسكو"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("للولايات")), "لل", "ولايات"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("للولايات")), "ل", "الولايات"));  // article restored
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("فالرئيس")), "فال", "رييس"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("وبوتين")), "و", "بوتين"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("وبالكرملين")), "وبال", "كرملين"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("وللرئيس")), "ولل", "رييس"));
  EXPECT_TRUE(Has(CliticCandidates(MatchKey("كالعادة")), "كال", "عاده"));
}

TEST(Clitics, NamesAreNotOverSplit) {
  const std::set<std::string> dict = {"بوتين", "لافروف", "كندا", "فانس", "والده", "الده",
                                      "كرملين", "موسكو", "ولايات", "رييس", "وتين", "افروف", "اانس"};
  EXPECT_EQ(Resolve("بوتين", dict), "+بوتين");
  EXPECT_EQ(Resolve("لافروف", dict), "+لافروف");
  EXPECT_EQ(Resolve("كندا", dict), "+كندا");
  EXPECT_EQ(Resolve("فانس", dict), "+فانس");
  EXPECT_EQ(Resolve("والدة", dict), "+والده");
  EXPECT_EQ(Resolve("وبوتين", dict), "و+بوتين");
  EXPECT_EQ(Resolve("بموسكو", dict), "ب+موسكو");
  EXPECT_EQ(Resolve("والكرملين", dict), "وال+كرملين");
}

TEST(Clitics, MinimumStemLength) {
  // والدة is never وال + دة (3 letters after the article), بل never ب + ل.
  EXPECT_FALSE(Has(CliticCandidates(MatchKey("والدة")), "وال", "ده"));
  EXPECT_EQ(CliticCandidates("بل").size(), 1u);
  EXPECT_FALSE(Has(CliticCandidates("الى"), "ال", "ى"));
  EXPECT_TRUE(Has(CliticCandidates("وقع"), "و", "قع"));
}

TEST(Clitics, BadInput) {
  EXPECT_EQ(CliticCandidates("").size(), 1u);
  EXPECT_EQ(CliticCandidates("Washington").size(), 1u);
  EXPECT_EQ(CliticCandidates("2025").size(), 1u);
  EXPECT_EQ(CliticCandidates("\xFF\xFE").size(), 1u);
  EXPECT_EQ(CliticCandidates("و").size(), 1u);
}

TEST(Enclitics, Candidates) {
  const auto v = EncliticCandidates(MatchKey("رئيسها"));
  ASSERT_GE(v.size(), 2u);
  EXPECT_EQ(v[0].stem, "رييسها");
  EXPECT_EQ(v[1].stem, "رييس");
  EXPECT_EQ(v[1].suffix, "ها");
  EXPECT_EQ(EncliticCandidates("كتبه")[1].stem, "كتب");
  EXPECT_EQ(EncliticCandidates("له").size(), 1u);  // stem would be too short
  EXPECT_EQ(EncliticCandidates("").size(), 1u);
}

TEST(LightStemmer, Light10Rules) {
  EXPECT_EQ(LightStem(MatchKey("والمكتبات")), "مكتب");
  EXPECT_EQ(LightStem(MatchKey("بالمدرسة")), "مدرس");
  EXPECT_EQ(LightStem(MatchKey("الكاتبون")), "كاتب");
  EXPECT_EQ(LightStem(MatchKey("للمعلمين")), "معلم");
  EXPECT_EQ(LightStem(MatchKey("فالطالبان")), "طالب");
  EXPECT_EQ(LightStem(MatchKey("كالعربية")), "عرب");
  EXPECT_EQ(LightStem(MatchKey("سيارتها")), "سيارت");
  EXPECT_EQ(LightStem(MatchKey("وزير")), "زير");  // Light10 takes و off when 3 letters stay
}

TEST(LightStemmer, MinimumLengths) {
  EXPECT_EQ(LightStem("ولد"), "ولد");   // و kept: only 2 letters would remain
  EXPECT_EQ(LightStem("الم"), "الم");   // ال kept: 1 letter would remain
  EXPECT_EQ(LightStem("ابن"), "ابن");
  EXPECT_EQ(LightStem("هي"), "هي");
  EXPECT_EQ(LightStem("بها"), "بها");
  EXPECT_EQ(LightStem(""), "");
  EXPECT_EQ(LightStem("reuters"), "reuters");
  EXPECT_EQ(LightStem("\xFF"), "\xFF");
}

}  // namespace
}  // namespace marsad::text
