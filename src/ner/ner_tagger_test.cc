#include "ner/ner_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "ner/perceptron_trainer.h"
#include "text/tokenizer.h"

namespace marsad::ner {
namespace {

constexpr int kBPers = BeginLabel(0), kIPers = InsideLabel(0), kBLoc = BeginLabel(1), kBOrg = BeginLabel(2),
              kIOrg = InsideLabel(2);

// A tiny tagger trained in the test, so offsets are checked independently of the shipped model.
std::unique_ptr<NerTagger> ToyTagger() {
  const FeatureExtractor fx(nullptr);
  struct Ex {
    std::vector<std::string> tokens;
    std::vector<int> gold;
  };
  const std::vector<Ex> examples = {
      {{"قال", "زيد", "حسن", "إن", "الوضع", "هادئ", "."}, {0, kBPers, kIPers, 0, 0, 0, 0}},
      {{"وصل", "زيد", "إلى", "دمشق", "اليوم", "."}, {0, kBPers, 0, kBLoc, 0, 0}},
      {{"أعلنت", "Reuters", "Agency", "أن", "2025", "عام", "صعب"}, {0, kBOrg, kIOrg, 0, 0, 0, 0}},
      {{"زار", "حسن", "دمشق", "مع", "زيد", "."}, {0, kBPers, kBLoc, 0, kBPers, 0}},
      {{"نقلت", "Reuters", "عن", "مصدر", "في", "دمشق"}, {0, kBOrg, 0, 0, 0, kBLoc}},
  };
  std::vector<WordInfo> infos;
  infos.reserve(64);
  std::vector<TrainingSequence> data;
  for (const Ex& e : examples) {
    std::vector<const WordInfo*> ws;
    const size_t first = infos.size();
    for (const std::string& t : e.tokens) infos.push_back(fx.Analyze(t));
    for (size_t i = first; i < infos.size(); ++i) ws.push_back(&infos[i]);
    TrainingSequence t;
    fx.Extract(ws, nullptr, nullptr, &t.features);
    t.gold = e.gold;
    data.push_back(std::move(t));
  }
  PerceptronOptions opt;
  opt.epochs = 10;
  return NerTagger::FromModels({TrainPerceptron(data, opt, 0)}, WordClusters());
}

// Code point offset of the first occurrence of `needle` in `hay`.
uint32_t CpOffset(std::string_view hay, std::string_view needle) {
  const size_t byte = hay.find(needle);
  EXPECT_NE(byte, std::string_view::npos) << needle;
  return static_cast<uint32_t>(utf8::CountCodePoints(hay.substr(0, byte)));
}

std::string Cut(std::string_view text, const NameSpan& s) {
  const size_t b = utf8::ByteOffsetOfCodePoint(text, s.start), e = utf8::ByteOffsetOfCodePoint(text, s.end);
  return std::string(text.substr(b, e - b));
}

TEST(NerTaggerTest, SpansPointAtCodePointsThroughDiacriticsTatweelLatinAndDigits) {
  const auto tagger = ToyTagger();
  // Diacritics and tatweel inside the names, Latin and digits around them.
  const std::string text = "في 2025 قَالَ زَيْـــدٌ حسن إن Reuters Agency تعمل في دِمَشْق. ثم عاد.";
  const std::vector<NameSpan> spans = tagger->Tag(text);
  auto find = [&](std::string_view name) -> const NameSpan* {
    for (const NameSpan& sp : spans) {
      if (sp.start == CpOffset(text, name)) return &sp;
    }
    return nullptr;
  };
  const NameSpan* person = find("زَيْـــدٌ");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, "PERSON");
  EXPECT_EQ(Cut(text, *person), "زَيْـــدٌ حسن");
  const NameSpan* org = find("Reuters");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->type, "ORG");
  EXPECT_EQ(Cut(text, *org), "Reuters Agency");
  const NameSpan* place = find("دِمَشْق");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, "LOC");
  EXPECT_EQ(Cut(text, *place), "دِمَشْق");  // the full stop after it is not part of it
  // Every span starts and ends on token boundaries.
  std::vector<uint32_t> starts, ends;
  for (const text::Token& t : text::Tokenize(text)) starts.push_back(t.start), ends.push_back(t.end);
  for (const NameSpan& sp : spans) {
    EXPECT_NE(std::find(starts.begin(), starts.end(), sp.start), starts.end()) << Cut(text, sp);
    EXPECT_NE(std::find(ends.begin(), ends.end(), sp.end), ends.end()) << Cut(text, sp);
    EXPECT_GT(sp.confidence, 0.0);
    EXPECT_LE(sp.confidence, 1.0);
  }
}

TEST(NerTaggerTest, EmptyAndNameFreeText) {
  const auto tagger = ToyTagger();
  EXPECT_TRUE(tagger->Tag("").empty());
  EXPECT_TRUE(tagger->Tag("   \n\n  ").empty());
  EXPECT_TRUE(tagger->Tag("...").empty());
}

TEST(NerTaggerTest, RejectsBadModelBytes) {
  EXPECT_FALSE(NerTagger::FromBytes("", "").ok());
  EXPECT_FALSE(NerTagger::FromBytes("MNERTAG1\x05\x00\x00\x00", "").ok());
  EXPECT_FALSE(NerTagger::FromBytes("MNERTAG1\x01\x00\x00\x00garbage", "").ok());
  // A model trained without clusters refuses clusters it did not see.
  const std::string bytes = NerTagger::Serialize({LinearChainModel::FromWeights(
      {1}, std::vector<float>(kNumLabels, 1.f), std::vector<float>(LinearChainModel::kTransRows * kNumLabels, 0.f),
      kFeatureVersion, 0, 0.f)});
  EXPECT_TRUE(NerTagger::FromBytes(bytes, "").ok());
  EXPECT_FALSE(NerTagger::FromBytes(bytes, "محمد\t1\t1\n").ok());
  EXPECT_FALSE(NerTagger::LoadFile("/nonexistent/marsad/model.bin").ok());
}

TEST(NerTaggerTest, DefaultModelFindsNamesInNews) {
  auto tagger = NerTagger::LoadDefault();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::string text =
      "التقى الرئيس الروسي فلاديمير بوتين في موسكو اليوم وزير الخارجية الأمريكي. وقال بوتين إن المحادثات كانت بناءة.";
  const std::vector<NameSpan> spans = tagger.value()->Tag(text);
  bool putin = false, moscow = false;
  for (const NameSpan& s : spans) {
    const std::string name = Cut(text, s);
    putin |= s.type == "PERSON" && name == "فلاديمير بوتين";
    moscow |= s.type == "LOC" && name == "موسكو";
    EXPECT_LE(s.end, utf8::CountCodePoints(text));
    EXPECT_LT(s.start, s.end);
  }
  EXPECT_TRUE(putin);
  EXPECT_TRUE(moscow);
  // Spans are sorted and do not overlap.
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].end, spans[i].start);
}

}  // namespace
}  // namespace marsad::ner
