#include "ner/features.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace marsad::ner {
namespace {

bool Contains(const std::vector<uint64_t>& v, const std::vector<uint64_t>& sub) {
  return std::all_of(sub.begin(), sub.end(), [&](uint64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); });
}

TEST(FeaturesTest, SpellingVariantsOfOneWordShareItsKey) {
  const FeatureExtractor fx(nullptr);
  // Diacritics, tatweel and hamza/ta-marbuta variants fold into one match key.
  const WordInfo plain = fx.Analyze("مدرسة");
  EXPECT_EQ(fx.Analyze("مَدْرَسَة").key, plain.key);
  EXPECT_EQ(fx.Analyze("مدرســة").key, plain.key);
  EXPECT_EQ(fx.Analyze("مدرسه").key, plain.key);
  EXPECT_NE(fx.Analyze("مدرس").key, plain.key);
}

TEST(FeaturesTest, CliticStemsAreFeaturesAndAlternativeKeys) {
  const FeatureExtractor fx(nullptr);
  const WordInfo with = fx.Analyze("وبوتين");
  const WordInfo bare = fx.Analyze("بوتين");
  // The proclitic و is split off: the stem بوتين is an alternative key of وبوتين.
  EXPECT_NE(std::find(with.alt_keys.begin(), with.alt_keys.end(), bare.key), with.alt_keys.end());
  EXPECT_FALSE(with.punct);
  EXPECT_TRUE(fx.Analyze("،").punct);
  EXPECT_TRUE(fx.Analyze("«").punct);
  EXPECT_FALSE(fx.Analyze("2025").punct);
  EXPECT_FALSE(fx.Analyze("Reuters").punct);
}

TEST(FeaturesTest, ShapeSeparatesScriptsAndDigits) {
  const FeatureExtractor fx(nullptr);
  EXPECT_NE(fx.Analyze("Reuters").shape, fx.Analyze("رويترز").shape);
  EXPECT_NE(fx.Analyze("Reuters").shape, fx.Analyze("reuters").shape);
  EXPECT_EQ(fx.Analyze("12").shape, fx.Analyze("2025").shape);
  EXPECT_NE(fx.Analyze("12").shape, fx.Analyze("12:30").shape);
}

TEST(FeaturesTest, OneFeatureBlockPerTokenAndContextMatters) {
  const FeatureExtractor fx(nullptr);
  const WordInfo a = fx.Analyze("الرئيس"), b = fx.Analyze("فلاديمير"), c = fx.Analyze("بوتين"), d = fx.Analyze("قال");
  FeatureSeq s1, s2;
  fx.Extract({&a, &b, &c}, nullptr, nullptr, &s1);
  fx.Extract({&d, &b, &c}, nullptr, nullptr, &s2);
  ASSERT_EQ(s1.size(), 3u);
  ASSERT_EQ(s2.size(), 3u);
  const std::vector<uint64_t> mid1(s1.ids.begin() + s1.offsets[1], s1.ids.begin() + s1.offsets[2]);
  const std::vector<uint64_t> mid2(s2.ids.begin() + s2.offsets[1], s2.ids.begin() + s2.offsets[2]);
  // The word's own features are the same, its left-context features differ.
  EXPECT_TRUE(Contains(mid1, b.own));
  EXPECT_TRUE(Contains(mid2, b.own));
  EXPECT_NE(mid1, mid2);
  // Deterministic.
  FeatureSeq again;
  fx.Extract({&a, &b, &c}, nullptr, nullptr, &again);
  EXPECT_EQ(again.ids, s1.ids);
}

TEST(FeaturesTest, SecondPassAddsDocumentConsistencyFeatures) {
  const FeatureExtractor fx(nullptr);
  const WordInfo a = fx.Analyze("قال"), b = fx.Analyze("رامسفيلد");
  DocumentLabels doc;
  doc.AddSentence({&b, &a}, {BeginLabel(0), kOutside});
  doc.AddSentence({&a, &b}, {kOutside, kOutside});
  FeatureSeq p1, p2;
  const std::vector<int> first{kOutside, kOutside};
  fx.Extract({&a, &b}, nullptr, nullptr, &p1);
  fx.Extract({&a, &b}, &first, &doc, &p2);
  EXPECT_GT(p2.ids.size(), p1.ids.size());
  const std::array<uint16_t, kNumLabels>* counts = doc.Find(b.key);
  ASSERT_NE(counts, nullptr);
  EXPECT_EQ((*counts)[BeginLabel(0)], 1);
  EXPECT_EQ((*counts)[kOutside], 1);
}

TEST(WordClustersTest, ParsesAndFinds) {
  WordClusters wc;
  ASSERT_TRUE(WordClusters::Parse("# header\nمحمد\t3\t1\nالرياض\t7\t2\n", &wc).ok());
  EXPECT_EQ(wc.size(), 2u);
  EXPECT_EQ(wc.Find("محمد").fine, 4u);  // ids shift by one: 0 means unknown
  EXPECT_EQ(wc.Find("غير").fine, 0u);
  EXPECT_FALSE(WordClusters::Parse("word-without-ids\n", &wc).ok());
  EXPECT_FALSE(WordClusters::Parse("w\tx\t1\n", &wc).ok());
  EXPECT_EQ(wc.embedding_levels(), 0);
}

TEST(WordClustersTest, EmbeddingClassColumnsAndMissingExchangeClusters) {
  WordClusters wc;
  ASSERT_TRUE(WordClusters::Parse("محمد\t3\t1\t0\t5\t9\nبالاز\t-\t-\t2\t6\t10\n", &wc).ok());
  EXPECT_EQ(wc.embedding_levels(), 3);
  EXPECT_EQ(wc.Find("محمد").emb[1], 6u);
  EXPECT_EQ(wc.Find("بالاز").fine, 0u);  // "-": no exchange cluster
  EXPECT_EQ(wc.Find("بالاز").emb[2], 11u);
  EXPECT_FALSE(WordClusters::Parse("a\t1\t1\t2\nb\t1\t1\n", &wc).ok());  // column counts differ
  EXPECT_FALSE(WordClusters::Parse("a\t1\t1\t1\t2\t3\t4\n", &wc).ok());  // too many columns
}

TEST(FeaturesTest, EmbeddingClassesAddFeatures) {
  WordClusters plain, with_emb;
  ASSERT_TRUE(WordClusters::Parse("بالاز\t3\t1\n", &plain).ok());
  ASSERT_TRUE(WordClusters::Parse("بالاز\t3\t1\t2\t6\t10\n", &with_emb).ok());
  const WordInfo a = FeatureExtractor(&plain).Analyze("بالاز");
  const WordInfo b = FeatureExtractor(&with_emb).Analyze("بالاز");
  EXPECT_EQ(b.emb[0], 3u);
  EXPECT_EQ(b.own.size(), a.own.size() + 3);
}

TEST(CorpusLexiconTest, RoundTripThroughCounter) {
  LexiconCounter counter;
  for (int i = 0; i < 3; ++i) counter.Add("بوتين", BeginLabel(0));
  counter.Add("بوتين", kOutside);
  counter.Add("قال", kOutside);
  const std::string tsv = counter.ToTsv("# test\n", 2);
  EXPECT_EQ(tsv.find("قال"), std::string::npos);  // never an entity: left out
  CorpusLexicon lex;
  ASSERT_TRUE(CorpusLexicon::Parse(tsv, &lex).ok());
  const CorpusLexicon::Entry* e = lex.Find("بوتين");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->n, 4u);
  EXPECT_FLOAT_EQ(e->share[BeginLabel(0)], 0.75f);
  EXPECT_FLOAT_EQ(e->share[kOutside], 0.25f);
  EXPECT_FALSE(CorpusLexicon::Parse("w\t1\t2\n", &lex).ok());
}

}  // namespace
}  // namespace marsad::ner
