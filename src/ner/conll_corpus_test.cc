#include "ner/conll_corpus.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace marsad::ner {
namespace {

constexpr int kBPers = BeginLabel(0), kIPers = InsideLabel(0), kBLoc = BeginLabel(1), kILoc = InsideLabel(1),
              kBOrg = BeginLabel(2), kIOrg = InsideLabel(2), kBMisc = BeginLabel(3);

TEST(ParseTagTest, ExactAndRepairedTags) {
  bool repaired = false;
  EXPECT_EQ(ParseTag("O", &repaired), kOutside);
  EXPECT_FALSE(repaired);
  EXPECT_EQ(ParseTag("B-PERS", &repaired), kBPers);
  EXPECT_FALSE(repaired);
  EXPECT_EQ(ParseTag("I-MISC", &repaired), InsideLabel(3));
  EXPECT_EQ(ParseTag("B-ORF", &repaired), kBOrg);
  EXPECT_TRUE(repaired);
  EXPECT_EQ(ParseTag("I-OEG", &repaired), kIOrg);
  EXPECT_EQ(ParseTag("L-LOC", &repaired), kILoc);
  EXPECT_EQ(ParseTag("ID", &repaired), -1);
  EXPECT_EQ(ParseTag("FIX", &repaired), -1);
  EXPECT_EQ(ParseTag("O-ORG", &repaired), -1);
  EXPECT_EQ(LabelName(kBMisc), "B-MISC");
}

TEST(SpansTest, ConllevalSemantics) {
  // I-LOC after O starts a span; I-PERS after B-LOC starts another one.
  const std::vector<int> labels{kBPers, kIPers, kOutside, kILoc, kILoc, kIPers, kBOrg, kBOrg};
  const std::vector<LabelSpan> spans = ExtractSpans(labels);
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0], (LabelSpan{0, 2, 0}));
  EXPECT_EQ(spans[1], (LabelSpan{3, 5, 1}));
  EXPECT_EQ(spans[2], (LabelSpan{5, 6, 0}));
  EXPECT_EQ(spans[3], (LabelSpan{6, 7, 2}));
  EXPECT_EQ(spans[4], (LabelSpan{7, 8, 2}));
}

TEST(SpanScorerTest, ExactMatchOnly) {
  SpanScorer s;
  // Gold: PERS [0,2), LOC [3,4). Predicted: PERS [0,1) (boundary wrong), LOC [3,4) (right).
  s.Add({kBPers, kIPers, kOutside, kBLoc}, {kBPers, kOutside, kOutside, kBLoc});
  // tp 1, fp 1, fn 1 -> F1 0.5.
  EXPECT_DOUBLE_EQ(s.MicroF1(), 0.5);
  EXPECT_NE(s.Report().find("micro"), std::string::npos);
}

TEST(RepairBioTest, InsideAfterOtherBecomesBegin) {
  std::vector<int> l{kILoc, kIPers, kBPers, kIPers, kOutside, kIOrg};
  RepairBio(&l);
  EXPECT_EQ(l, (std::vector<int>{kBLoc, kBPers, kBPers, kIPers, kOutside, kBOrg}));
}

TEST(RetokenizeTest, SplitsLikeTheTokenizerAndExtendsSpans) {
  Sentence s;
  s.tokens = {"وصل", "كوفي", "عنان.", "أمس"};
  s.labels = {kOutside, kBPers, kIPers, kOutside};
  std::vector<uint32_t> origin;
  const Sentence r = Retokenize(s, &origin);
  ASSERT_EQ(r.tokens.size(), 5u);
  EXPECT_EQ(r.tokens[2], "عنان");
  EXPECT_EQ(r.tokens[3], ".");
  EXPECT_EQ(r.labels, (std::vector<int>{kOutside, kBPers, kIPers, kIPers, kOutside}));
  EXPECT_EQ(origin, (std::vector<uint32_t>{0, 1, 2, 2, 3}));
}

TEST(ReadConllTest, SentencesDocumentsAndBadTags) {
  const std::string path = (std::filesystem::temp_directory_path() / "marsad_ner_read_test.txt").string();
  {
    std::ofstream f(path);
    f << "زار O\nبوتين B-PERS\nموسكو B-LOC ID\n\nقال O\n\nARTICLE\nأعلن O\nالبنك B-ORG\nالدولي I-ORG\nاليوم FIX\n";
  }
  auto c = ReadConll(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c.value().docs.size(), 2u);
  EXPECT_EQ(c.value().docs[0].sentences.size(), 2u);
  EXPECT_EQ(c.value().docs[1].sentences.size(), 1u);
  EXPECT_EQ(c.value().tokens, 8u);
  EXPECT_EQ(c.value().unknown_tags, 1u);  // "FIX" in the tag column
  EXPECT_EQ(c.value().docs[0].sentences[0].labels, (std::vector<int>{kOutside, kBPers, kBLoc}));
  EXPECT_EQ(c.value().docs[1].sentences[0].labels, (std::vector<int>{kOutside, kBOrg, kIOrg, kOutside}));
  EXPECT_FALSE(ReadConll("/nonexistent/marsad/ner.txt").ok());
}

}  // namespace
}  // namespace marsad::ner
