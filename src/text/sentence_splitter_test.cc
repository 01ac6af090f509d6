#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"

namespace marsad::text {
namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  for (const SentenceSpan& sp : SplitSentences(s)) {
    const size_t b = utf8::ByteOffsetOfCodePoint(s, sp.start);
    const size_t e = utf8::ByteOffsetOfCodePoint(s, sp.end);
    out.emplace_back(s.substr(b, e - b));
  }
  return out;
}
using V = std::vector<std::string>;

TEST(SentenceSplitter, ArabicPunctuation) {
  EXPECT_EQ(Split("وصل الوفد إلى الرياض. وبدأت المحادثات! هل ستنجح؟ لا أحد يعرف؛ الأيام ستقول"),
            (V{"وصل الوفد إلى الرياض.", "وبدأت المحادثات!", "هل ستنجح؟", "لا أحد يعرف؛", "الأيام ستقول"}));
  EXPECT_EQ(Split("ماذا حدث؟! لا شيء..."), (V{"ماذا حدث؟!", "لا شيء..."}));
}

TEST(SentenceSplitter, Abbreviations) {
  EXPECT_EQ(Split("قال د. محمد العلي إن الوضع مستقر. وأضاف م. أحمد أن العمل مستمر."),
            (V{"قال د. محمد العلي إن الوضع مستقر.", "وأضاف م. أحمد أن العمل مستمر."}));
  EXPECT_EQ(Split("بني المعبد عام 300 ق.م. في مصر."), (V{"بني المعبد عام 300 ق.م. في مصر."}));
  EXPECT_EQ(Split("Mr. Smith met Dr. Jones in the U.S. today. They talked."),
            (V{"Mr. Smith met Dr. Jones in the U.S. today.", "They talked."}));
  EXPECT_EQ(Split("التقى أ.د. خالد بالوزير."), (V{"التقى أ.د. خالد بالوزير."}));
}

TEST(SentenceSplitter, Initials) {
  EXPECT_EQ(Split("قال نائب الرئيس جيه. دي. فانس إن بلاده مستعدة. ورد الكرملين."),
            (V{"قال نائب الرئيس جيه. دي. فانس إن بلاده مستعدة.", "ورد الكرملين."}));
  EXPECT_EQ(Split("John F. Kennedy was here. Yes."), (V{"John F. Kennedy was here.", "Yes."}));
  EXPECT_EQ(Split("كتب ع. الشمري مقالا."), (V{"كتب ع. الشمري مقالا."}));
}

TEST(SentenceSplitter, DecimalsAndUrls) {
  EXPECT_EQ(Split("نما الاقتصاد 3.5 في المئة. انظر www.spa.gov.sa للمزيد. النسخة v1.2 متاحة."),
            (V{"نما الاقتصاد 3.5 في المئة.", "انظر www.spa.gov.sa للمزيد.", "النسخة v1.2 متاحة."}));
  EXPECT_EQ(Split("زر https://example.com/a.html. شكرا"), (V{"زر https://example.com/a.html.", "شكرا"}));
}

TEST(SentenceSplitter, Quotes) {
  EXPECT_EQ(Split("قال الوزير: «لن نتراجع. القرار نهائي.» ثم غادر القاعة."),
            (V{"قال الوزير: «لن نتراجع. القرار نهائي.»", "ثم غادر القاعة."}));
  EXPECT_EQ(Split("وقال «لن نتراجع. أبدا»، مضيفا أن الحوار مستمر."),
            (V{"وقال «لن نتراجع. أبدا»، مضيفا أن الحوار مستمر."}));
  EXPECT_EQ(Split("He said \"No. Never.\" Then he left."), (V{"He said \"No. Never.\"", "Then he left."}));
  // An unclosed quotation does not swallow the line.
  EXPECT_EQ(Split("قال: «لن نتراجع. ثم غادر."), (V{"قال: «لن نتراجع.", "ثم غادر."}));
}

TEST(SentenceSplitter, LinesAndHeadlines) {
  EXPECT_EQ(Split("عاجل: زلزال يضرب تركيا\nضرب زلزال قوي جنوب تركيا. ولا إصابات\n\nفقرة ثانية"),
            (V{"عاجل: زلزال يضرب تركيا", "ضرب زلزال قوي جنوب تركيا.", "ولا إصابات", "فقرة ثانية"}));
  EXPECT_EQ(Split("سطر\r\nسطر آخر\u2029ثالث"), (V{"سطر", "سطر آخر", "ثالث"}));
}

TEST(SentenceSplitter, GluedSentencesAndSpans) {
  EXPECT_EQ(Split("انتهى الاجتماع.وقال المتحدث إنه ناجح."), (V{"انتهى الاجتماع.", "وقال المتحدث إنه ناجح."}));
  const auto spans = SplitSentences("  أولا.   ثانيا.  ");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 2u);
  EXPECT_EQ(spans[0].end, 7u);
  EXPECT_EQ(spans[1].start, 10u);
  EXPECT_EQ(spans[1].end, 16u);
}

TEST(SentenceSplitterBadInput, EmptyBinaryHuge) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\n \u200F ").empty());
  EXPECT_EQ(Split("...").size(), 1u);
  const std::string bad = std::string("قال\xFF. ثم\xD9");
  EXPECT_EQ(SplitSentences(bad).size(), 2u);
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "جملة رقم 3.5 عن د. أحمد. ";
  EXPECT_EQ(SplitSentences(huge).size(), 20000u);
  std::string quote = "«" + std::string(3000, 'a') + ". b»";  // too long to be one quotation
  EXPECT_EQ(SplitSentences(quote).size(), 2u);
}

}  // namespace
}  // namespace marsad::text
