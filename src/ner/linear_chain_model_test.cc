#include "ner/linear_chain_model.h"

#include <gtest/gtest.h>

#include "ner/conll_corpus.h"
#include "ner/perceptron_trainer.h"

namespace marsad::ner {
namespace {

constexpr int kBPers = BeginLabel(0), kIPers = InsideLabel(0), kBLoc = BeginLabel(1);

std::vector<float> ZeroTransitions() { return std::vector<float>(LinearChainModel::kTransRows * kNumLabels, 0.f); }

TEST(ViterbiTest, PicksBestScoresAndKeepsBioWellFormed) {
  std::vector<LabelScores> em(3);
  for (auto& e : em) e.fill(0.f);
  em[0][kOutside] = 3.f;  // O B I scores 8; B I I scores 7
  // Token 1 prefers I-PERS, but I-PERS cannot follow O: the best legal path is B-PERS.
  em[1][kIPers] = 5.f;
  em[1][kBPers] = 3.f;
  em[2][kIPers] = 2.f;
  std::vector<int> labels;
  std::vector<float> conf;
  ViterbiDecode(em, ZeroTransitions(), &labels, &conf);
  EXPECT_EQ(labels, (std::vector<int>{kOutside, kBPers, kIPers}));
  ASSERT_EQ(conf.size(), 3u);
  for (float c : conf) {
    EXPECT_GT(c, 0.5f);
    EXPECT_LE(c, 1.f);
  }
}

TEST(ViterbiTest, SentenceStartCannotBeInside) {
  std::vector<LabelScores> em(1);
  em[0].fill(0.f);
  em[0][kIPers] = 10.f;
  em[0][kBLoc] = 1.f;
  std::vector<int> labels;
  ViterbiDecode(em, ZeroTransitions(), &labels, nullptr);
  EXPECT_EQ(labels, std::vector<int>{kBLoc});
}

TEST(ViterbiTest, EmptyInput) {
  std::vector<int> labels{1, 2};
  ViterbiDecode({}, ZeroTransitions(), &labels, nullptr);
  EXPECT_TRUE(labels.empty());
}

TEST(LinearChainModelTest, SerialisationRoundTripKeepsScores) {
  const std::vector<uint64_t> keys{11, 22, 33};
  std::vector<float> w(keys.size() * kNumLabels, 0.f);
  w[0 * kNumLabels + kBPers] = 2.5f;
  w[1 * kNumLabels + kOutside] = -1.25f;
  w[2 * kNumLabels + kBLoc] = 0.75f;
  std::vector<float> trans = ZeroTransitions();
  trans[kBPers * kNumLabels + kIPers] = 0.5f;
  const LinearChainModel m = LinearChainModel::FromWeights(keys, w, trans, 7, 99, 0.f);
  std::string bytes;
  m.AppendTo(&bytes);
  size_t pos = 0;
  auto back = LinearChainModel::Parse(bytes, &pos);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back.value().feature_version(), 7u);
  EXPECT_EQ(back.value().resources_hash(), 99u);
  EXPECT_FLOAT_EQ(back.value().transition(kBPers, kIPers), 0.5f);
  FeatureSeq seq;
  seq.ids = {11, 22, 44};  // 44 is unknown: no weight
  seq.EndToken();
  seq.ids.push_back(33);
  seq.EndToken();
  std::vector<LabelScores> a, b;
  m.Emissions(seq, &a);
  back.value().Emissions(seq, &b);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_NEAR(a[0][kBPers], 2.5f, 1e-3);
  EXPECT_NEAR(a[0][kOutside], -1.25f, 1e-3);
  EXPECT_NEAR(a[1][kBLoc], 0.75f, 1e-3);
  for (int i = 0; i < 2; ++i) {
    for (int l = 0; l < kNumLabels; ++l) EXPECT_FLOAT_EQ(a[i][l], b[i][l]);
  }
}

TEST(LinearChainModelTest, RejectsTruncatedAndForeignBytes) {
  const LinearChainModel m = LinearChainModel::FromWeights({5}, std::vector<float>(kNumLabels, 1.f),
                                                           ZeroTransitions(), 1, 0, 0.f);
  std::string bytes;
  m.AppendTo(&bytes);
  for (size_t cut : {size_t{0}, size_t{3}, size_t{20}, bytes.size() - 1}) {
    size_t pos = 0;
    EXPECT_FALSE(LinearChainModel::Parse(std::string_view(bytes).substr(0, cut), &pos).ok()) << cut;
  }
  size_t pos = 0;
  EXPECT_FALSE(LinearChainModel::Parse("not a model at all, really", &pos).ok());
}

TEST(PerceptronTest, LearnsAToyTaggingTask) {
  // Feature 1 = "a title word", 2 = "a name after a title", 3 = "a second name", 4 = other.
  auto seq = [](std::vector<uint64_t> feats, std::vector<int> gold) {
    TrainingSequence t;
    for (uint64_t f : feats) {
      t.features.ids.push_back(f);
      t.features.EndToken();
    }
    t.gold = std::move(gold);
    return t;
  };
  std::vector<TrainingSequence> data;
  for (int i = 0; i < 20; ++i) {
    data.push_back(seq({1, 2, 3, 4}, {kOutside, kBPers, kIPers, kOutside}));
    data.push_back(seq({4, 4, 1, 2}, {kOutside, kOutside, kOutside, kBPers}));
  }
  PerceptronOptions opt;
  opt.epochs = 5;
  const LinearChainModel m = TrainPerceptron(data, opt, 0);
  std::vector<LabelScores> em;
  std::vector<int> labels;
  m.Emissions(seq({4, 1, 2, 3}, {}).features, &em);
  m.Decode(em, &labels);
  EXPECT_EQ(labels, (std::vector<int>{kOutside, kOutside, kBPers, kIPers}));
  // Same seed, same model bytes.
  std::string a, b;
  m.AppendTo(&a);
  TrainPerceptron(data, opt, 0).AppendTo(&b);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace marsad::ner
