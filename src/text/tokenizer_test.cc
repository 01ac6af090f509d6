#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"

namespace marsad::text {
namespace {

using K = TokenKind;

std::vector<std::pair<std::string, K>> Toks(std::string_view s) {
  std::vector<std::pair<std::string, K>> out;
  for (const Token& t : Tokenize(s)) out.emplace_back(std::string(t.text), t.kind);
  return out;
}

std::vector<std::string> Texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s)) out.emplace_back(t.text);
  return out;
}

TEST(Tokenizer, ArabicWordsAndPunctuation) {
  const auto t = Toks("قال الرئيس، إن «الاتفاق» انتهى؛ هل تغير شيء؟");
  const std::vector<std::pair<std::string, K>> want = {
      {"قال", K::kArabicWord}, {"الرئيس", K::kArabicWord}, {"،", K::kPunct},  {"إن", K::kArabicWord},
      {"«", K::kPunct},        {"الاتفاق", K::kArabicWord}, {"»", K::kPunct},  {"انتهى", K::kArabicWord},
      {"؛", K::kPunct},        {"هل", K::kArabicWord},      {"تغير", K::kArabicWord}, {"شيء", K::kArabicWord},
      {"؟", K::kPunct}};
  EXPECT_EQ(t, want);
  EXPECT_EQ(Texts("“نعم” قال"), (std::vector<std::string>{"“", "نعم", "”", "قال"}));
}

TEST(Tokenizer, DiacriticsTatweelAndJoinersStayInWord) {
  EXPECT_EQ(Texts("مُحَمَّدٌ الرئيـــس می‌خواهم"), (std::vector<std::string>{"مُحَمَّدٌ", "الرئيـــس", "می‌خواهم"}));
}

TEST(Tokenizer, Numbers) {
  const auto t = Toks("بلغ 1,000.5 دولار الساعة 12:30 عام 2025 و٢٠٢٥ و٣٫٥ في 05/01/2025");
  std::vector<std::string> nums;
  for (auto& [s, k] : t) {
    if (k == K::kNumber) nums.push_back(s);
  }
  EXPECT_EQ(nums, (std::vector<std::string>{"1,000.5", "12:30", "2025", "٢٠٢٥", "٣٫٥", "05/01/2025"}));
  EXPECT_EQ(Texts("2025."), (std::vector<std::string>{"2025", "."}));
  EXPECT_EQ(Texts("50%"), (std::vector<std::string>{"50", "%"}));
  EXPECT_EQ(Toks("5G")[0].second, K::kLatinWord);
}

TEST(Tokenizer, LatinWords) {
  const auto t = Toks("Reuters: O'Brien said U.S. F-16 don't");
  const std::vector<std::pair<std::string, K>> want = {
      {"Reuters", K::kLatinWord}, {":", K::kPunct},      {"O'Brien", K::kLatinWord}, {"said", K::kLatinWord},
      {"U.S.", K::kLatinWord},    {"F", K::kLatinWord},  {"-", K::kPunct},           {"16", K::kNumber},
      {"don't", K::kLatinWord}};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, UrlsAndEmails) {
  const auto t = Toks("انظر https://www.spa.gov.sa/news?id=12. أو www.example.com، وراسلنا على info@sabq.org.");
  const std::vector<std::pair<std::string, K>> want = {
      {"انظر", K::kArabicWord}, {"https://www.spa.gov.sa/news?id=12", K::kUrl}, {".", K::kPunct},
      {"أو", K::kArabicWord},   {"www.example.com", K::kUrl},                    {"،", K::kPunct},
      {"وراسلنا", K::kArabicWord}, {"على", K::kArabicWord}, {"info@sabq.org", K::kEmail}, {".", K::kPunct}};
  EXPECT_EQ(t, want);
  EXPECT_EQ(Toks("(https://en.wikipedia.org/wiki/Foo_(bar))")[1],
            std::make_pair(std::string("https://en.wikipedia.org/wiki/Foo_(bar)"), K::kUrl));
  EXPECT_EQ(Toks("http://")[0].second, K::kLatinWord);  // no address after the scheme
  EXPECT_EQ(Toks("a@b")[0].first, "a");                  // not an e-mail
}

TEST(Tokenizer, HandlesAndHashtags) {
  const auto t = Toks("@SPAregions: #عاجل #الرياض_الآن #COVID19 # #123 x#y");
  const std::vector<std::pair<std::string, K>> want = {
      {"@SPAregions", K::kHandle}, {":", K::kPunct},   {"#عاجل", K::kHashtag}, {"#الرياض_الآن", K::kHashtag},
      {"#COVID19", K::kHashtag},   {"#", K::kPunct},   {"#", K::kPunct},       {"123", K::kNumber},
      {"x", K::kLatinWord},        {"#", K::kPunct},   {"y", K::kLatinWord}};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, CodePointOffsets) {
  const std::string s = "قال: «نعم» 2025";
  const auto toks = Tokenize(s);
  ASSERT_EQ(toks.size(), 6u);
  for (const Token& t : toks) {
    const size_t b = utf8::ByteOffsetOfCodePoint(s, t.start);
    const size_t e = utf8::ByteOffsetOfCodePoint(s, t.end);
    EXPECT_EQ(s.substr(b, e - b), std::string(t.text));
  }
  EXPECT_EQ(toks[0].start, 0u);
  EXPECT_EQ(toks[0].end, 3u);
  EXPECT_EQ(toks[5].start, 11u);
  EXPECT_EQ(toks[5].end, 15u);
}

TEST(Tokenizer, PunctuationRunsAndOther) {
  EXPECT_EQ(Texts("ماذا؟؟ حسنا... 😀"), (std::vector<std::string>{"ماذا", "؟؟", "حسنا", "...", "😀"}));
  EXPECT_EQ(Toks("😀")[0].second, K::kOther);
}

TEST(TokenizerBadInput, EmptyWhitespaceBinaryInvalid) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \n\t\u00A0\u200F ").empty());
  const std::string bad = std::string("قال\xFF\xFE") + "ب\xD9";
  const auto t = Tokenize(bad);
  size_t bytes = 0;
  for (const Token& x : t) bytes += x.text.size();
  EXPECT_EQ(bytes, bad.size());  // every byte lands in some token
  const std::string binary("\x00\x01\x7F\x80", 4);
  EXPECT_EQ(Tokenize(binary).size(), 4u);
}

TEST(TokenizerBadInput, HugeInput) {
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "قال الرئيس، 12:30 #وسم https://x.co/a ";
  const auto t = Tokenize(s);
  EXPECT_EQ(t.size(), 50000u * 6);
  EXPECT_EQ(t.back().kind, K::kUrl);
  EXPECT_EQ(t.back().end, utf8::CountCodePoints(s) - 1);
}

}  // namespace
}  // namespace marsad::text
