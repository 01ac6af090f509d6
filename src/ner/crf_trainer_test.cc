#include "ner/crf_trainer.h"

#include <gtest/gtest.h>

namespace marsad::ner {
namespace {

constexpr int kBPers = BeginLabel(0), kIPers = InsideLabel(0);

TrainingSequence Seq(std::vector<uint64_t> feats, std::vector<int> gold) {
  TrainingSequence t;
  for (uint64_t f : feats) {
    t.features.ids.push_back(f);
    t.features.EndToken();
  }
  t.gold = std::move(gold);
  return t;
}

TEST(CrfTest, LearnsAToyTaggingTaskDeterministically) {
  // Feature 1 = "a title word", 2 = "a name after a title", 3 = "a second name", 4 = other.
  std::vector<TrainingSequence> data;
  for (int i = 0; i < 20; ++i) {
    data.push_back(Seq({1, 2, 3, 4}, {kOutside, kBPers, kIPers, kOutside}));
    data.push_back(Seq({4, 4, 1, 2}, {kOutside, kOutside, kOutside, kBPers}));
  }
  PerceptronOptions opt;
  opt.epochs = 5;
  const LinearChainModel m = TrainCrf(data, opt, CrfOptions{}, 0);
  std::vector<LabelScores> em;
  std::vector<int> labels;
  m.Emissions(Seq({4, 1, 2, 3}, {}).features, &em);
  m.Decode(em, &labels);
  EXPECT_EQ(labels, (std::vector<int>{kOutside, kOutside, kBPers, kIPers}));
  // I-PERS after O is impossible: the learnt transition is never needed, Viterbi forbids it.
  std::string a, b;
  m.AppendTo(&a);
  TrainCrf(data, opt, CrfOptions{}, 0).AppendTo(&b);
  EXPECT_EQ(a, b);
}

TEST(CrfTest, StrongerRegularisationGivesSmallerScores) {
  std::vector<TrainingSequence> data;
  for (int i = 0; i < 30; ++i) data.push_back(Seq({1, 2}, {kOutside, kBPers}));
  PerceptronOptions opt;
  opt.epochs = 5;
  auto margin = [&](float l2) {
    const LinearChainModel m = TrainCrf(data, opt, CrfOptions{0.1f, l2}, 0);
    std::vector<LabelScores> em;
    m.Emissions(Seq({2}, {}).features, &em);
    return em[0][kBPers] - em[0][kOutside];
  };
  EXPECT_GT(margin(1e-4f), 0.f);
  EXPECT_GT(margin(1e-4f), margin(0.1f));
}

}  // namespace
}  // namespace marsad::ner

namespace marsad::ner {
namespace {

TEST(LabelBiasTest, ANegativeOBiasTurnsANearTieIntoAName) {
  std::vector<float> w(kNumLabels, 0.f);
  w[kOutside] = 1.f;
  w[BeginLabel(0)] = 0.8f;
  const std::vector<float> trans(LinearChainModel::kTransRows * kNumLabels, 0.f);
  LinearChainModel m = LinearChainModel::FromWeights({7}, w, trans, 0, 0, 0.f);
  std::vector<LabelScores> em;
  std::vector<int> labels;
  m.Emissions(Seq({7}, {}).features, &em);
  m.Decode(em, &labels);
  EXPECT_EQ(labels[0], kOutside);
  m.AddLabelBias(kOutside, -0.5f);
  m.Decode(em, &labels);
  EXPECT_EQ(labels[0], BeginLabel(0));
}

}  // namespace
}  // namespace marsad::ner
