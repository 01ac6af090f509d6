#include "ner/gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ner/features.h"
#include "text/tokenizer.h"

namespace marsad::ner {
namespace {

// Matches of a sentence, as "first-last:types" strings.
std::vector<std::string> MatchesOf(const Gazetteer& g, std::string_view sentence) {
  std::vector<Gazetteer::WordIds> ids;
  for (const text::Token& t : text::Tokenize(sentence)) ids.push_back(g.Lookup(t.text));
  std::vector<const Gazetteer::WordIds*> ptrs;
  for (const auto& w : ids) ptrs.push_back(&w);
  std::vector<Gazetteer::Match> m;
  g.FindMatches(ptrs, &m);
  std::vector<std::string> out;
  for (const auto& x : m) out.push_back(std::to_string(x.first) + "-" + std::to_string(x.last) + ":" + std::to_string(x.types));
  return out;
}

TEST(GazetteerTest, LongestMatchWithProcliticsOnTheFirstWord) {
  Gazetteer g;
  g.Add("مجلس الأمن", kGazOrg);
  g.Add("مجلس الأمن الدولي", kGazOrg);
  g.Add("روسيا", kGazCountry);
  g.Add("الأمم المتحدة", kGazOrg);
  const uint32_t org = 1u << kGazOrg, gpe = 1u << kGazCountry;
  // Longest: مجلس الأمن الدولي (3 words), not مجلس الأمن; وروسيا through its clitic split.
  EXPECT_EQ(MatchesOf(g, "دعا مجلس الأمن الدولي وروسيا"),
            (std::vector<std::string>{"1-4:" + std::to_string(org), "4-5:" + std::to_string(gpe)}));
  // للأمم: ل + الأمم (the article restored); spelling variants fold (الامم).
  EXPECT_EQ(MatchesOf(g, "التابعة للأمم المتحدة"), (std::vector<std::string>{"1-3:" + std::to_string(org)}));
  EXPECT_EQ(MatchesOf(g, "الامم المتحده"), (std::vector<std::string>{"0-2:" + std::to_string(org)}));
  // An inner word with a clitic does not continue a pattern; a lone first word is no match.
  EXPECT_TRUE(MatchesOf(g, "الأمم والمتحدة").empty());
  EXPECT_TRUE(MatchesOf(g, "مجلس الوزراء").empty());
}

TEST(GazetteerTest, WordListsSeeThroughClitics) {
  Gazetteer g;
  g.AddListWord("شركة", kListOrgHead);
  g.AddListWord("أبو", kListParticle);
  EXPECT_EQ(g.Lookup("وشركة").lists, 1u << kListOrgHead);
  EXPECT_EQ(g.Lookup("شركه").lists, 1u << kListOrgHead);
  EXPECT_EQ(g.Lookup("ابو").lists, 1u << kListParticle);
  EXPECT_EQ(g.Lookup("مدرسة").lists, 0u);
}

TEST(GazetteerTest, DefaultGazetteerReadsTheKnowledgeBaseAndLists) {
  Gazetteer g;
  ASSERT_TRUE(Gazetteer::BuildDefault(&g).ok());
  EXPECT_GT(g.pattern_count(), 1000u);
  auto types_of = [&](std::string_view s) {
    const auto m = MatchesOf(g, s);
    return m.size() == 1 ? m[0] : std::string("none");
  };
  EXPECT_EQ(types_of("الأمم المتحدة").substr(0, 4), "0-2:");
  EXPECT_NE(types_of("روسيا"), "none");
  EXPECT_NE(types_of("الروسية"), "none");  // adjective inflected with ال and ة
  EXPECT_EQ(g.Lookup("وزارة").lists >> kListOrgHead & 1, 1u);
  EXPECT_EQ(g.Lookup("محمد").lists >> kListFirst & 1, 1u);
}

TEST(GazetteerTest, FeaturesOnlyWithAGazetteerAndTheModelHashSaysSo) {
  Gazetteer g;
  g.Add("الأمم المتحدة", kGazOrg);
  const FeatureExtractor plain(nullptr), with(nullptr, nullptr, &g);
  EXPECT_NE(plain.resources_hash(), with.resources_hash());
  // The hash depends on the gazetteer's presence, not its contents.
  Gazetteer other;
  other.Add("روسيا", kGazCountry);
  EXPECT_EQ(with.resources_hash(), FeatureExtractor(nullptr, nullptr, &other).resources_hash());
  const WordInfo a1 = plain.Analyze("الأمم"), a2 = plain.Analyze("المتحدة");
  const WordInfo b1 = with.Analyze("الأمم"), b2 = with.Analyze("المتحدة");
  FeatureSeq fp, fw;
  plain.Extract({&a1, &a2}, nullptr, nullptr, &fp);
  with.Extract({&b1, &b2}, nullptr, nullptr, &fw);
  EXPECT_GT(fw.ids.size(), fp.ids.size());
}

}  // namespace
}  // namespace marsad::ner
