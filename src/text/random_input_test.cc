// Random bytes and random mixes of tricky code points through every entry point of the
// text core: nothing crashes, outputs are valid UTF-8, offsets stay in range.
#include <gtest/gtest.h>

#include <random>

#include "core/utf8.h"
#include "text/clitics.h"
#include "text/light_stemmer.h"
#include "text/name_skeleton.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace marsad::text {
namespace {

size_t DecodeSteps(std::string_view s) {
  size_t steps = 0;
  for (size_t pos = 0; pos < s.size(); ++steps) utf8::DecodeNext(s, &pos);
  return steps;
}

void CheckAll(const std::string& s) {
  const size_t cps = DecodeSteps(s);
  for (NormLevel level : {NormLevel::kDisplay, NormLevel::kMatchKey}) {
    NormalizedText n = Normalize(s, level);
    ASSERT_TRUE(utf8::IsValid(n.text));
    ASSERT_EQ(n.to_original.size(), utf8::CountCodePoints(n.text) + 1);
    ASSERT_EQ(n.to_original.back(), cps);
    for (size_t i = 1; i < n.to_original.size(); ++i) ASSERT_LE(n.to_original[i - 1], n.to_original[i]);
  }
  uint32_t last_end = 0;
  for (const Token& t : Tokenize(s)) {
    ASSERT_LT(t.start, t.end);
    ASSERT_LE(last_end, t.start);
    ASSERT_LE(t.end, cps);
    ASSERT_FALSE(t.text.empty());
    last_end = t.end;
  }
  for (const SentenceSpan& sp : SplitSentences(s)) {
    ASSERT_LT(sp.start, sp.end);
    ASSERT_LE(sp.end, cps);
  }
  const std::string key = MatchKey(s);
  ASSERT_FALSE(CliticCandidates(key).empty());
  ASSERT_FALSE(EncliticCandidates(key).empty());
  ASSERT_TRUE(utf8::IsValid(LightStem(key)));
  ASSERT_TRUE(utf8::IsValid(NameSkeleton(key)));
}

TEST(TextRandomInput, RandomBytes) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    CheckAll(s);
  }
}

TEST(TextRandomInput, RandomTrickyCodePoints) {
  const std::vector<char32_t> alphabet = {
      ' ', '\n', '.', '@', '#', '_', '"', ':', '/', 'w', 'h', 't', 'p', 's', 'A', '1', 0x0627, 0x0644,
      0x0648, 0x0628, 0x0653, 0x0651, 0x064E, 0x0640, 0x200C, 0x200F, 0x00AB, 0x00BB, 0x061F, 0x060C,
      0x0661, 0x066B, 0xFEFB, 0xFDFA, 0xFE70, 0x0301, 0x1100, 0x1161, 0x1F600, 0xFFFD};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int i = 0; i < len; ++i) utf8::Append(&s, alphabet[rng() % alphabet.size()]);
    CheckAll(s);
  }
}

}  // namespace
}  // namespace marsad::text
