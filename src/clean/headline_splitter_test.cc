#include "clean/headline_splitter.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

// Body lines that make the page lexicon (names seen standalone on the page).
const std::vector<std::string> kPage = {
    "قال وزير الخارجية الأردني إن عمان تدعم الحوار بين بغداد وأنقرة.",
    "وأضاف أن الحكومة تتابع ملف المياه مع أنقرة وبغداد منذ سنوات طويلة بسبب السدود.",
    "وتقول أنقرة إن المياه كافية وإن السدود آمنة.",
    "عمان تستضيف اجتماعا لوزراء المياهأنقرة ترفض اتهامات بغداد بشأن السدودوزير الخارجية الأردني: الحوار هو الطريق",
    "والمستشفيات الحكومية وليلهم طويل",
};

TEST(HeadlineSplitterTest, SplitsAtTaaMarbutaAndKnownWords) {
  MarkerTable m;
  HeadlineSplitter s(&m);
  PageLexicon lex = HeadlineSplitter::BuildLexicon(kPage);
  std::vector<std::string> pieces;
  ASSERT_TRUE(s.IsGluedRun(kPage[3], lex, &pieces));
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], "عمان تستضيف اجتماعا لوزراء المياه");
  EXPECT_EQ(pieces[1], "أنقرة ترفض اتهامات بغداد بشأن السدود");
  EXPECT_EQ(pieces[2], "وزير الخارجية الأردني: الحوار هو الطريق");
}

TEST(HeadlineSplitterTest, QuestionMarkGlue) {
  MarkerTable m;
  HeadlineSplitter s(&m);
  PageLexicon lex;
  auto parts = s.Split("هل تنجح المفاوضات؟الأسواق تترقب قرار البنك", lex);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1], "الأسواق تترقب قرار البنك");
}

TEST(HeadlineSplitterTest, OrdinaryTextIsNotSplit) {
  MarkerTable m;
  HeadlineSplitter s(&m);
  PageLexicon lex = HeadlineSplitter::BuildLexicon(kPage);
  EXPECT_EQ(s.Split(kPage[0], lex).size(), 1u);
  EXPECT_EQ(s.Split(kPage[1], lex).size(), 1u);
  EXPECT_EQ(s.Split("والمستشفيات الحكومية عليهم واجبات", lex).size(), 1u);
  // Fragments that are words elsewhere do not make a glue point (corpus cases).
  EXPECT_EQ(s.Split("الإجراءات الأولى باستقلالية ومغامرات وعبدالرحمن وليلهم", lex).size(), 1u);
  // A sentence with a glue point is a typo, not a headline run.
  EXPECT_FALSE(s.IsGluedRun("وصل الوفد إلى المدينةوبدأ اجتماعاته فورا مع المسؤولين.", lex, nullptr));
  // Pieces of one word are not headlines.
  EXPECT_FALSE(s.IsGluedRun("الحكومةقررت", lex, nullptr));
}

TEST(HeadlineSplitterTest, BadInput) {
  MarkerTable m;
  HeadlineSplitter s(&m);
  PageLexicon lex;
  EXPECT_EQ(s.Split("", lex).size(), 1u);
  std::string junk(10000, 'x');
  EXPECT_EQ(s.Split(junk, lex).size(), 1u);
  std::string taa;
  for (int i = 0; i < 3000; ++i) taa += "\u0629\u0628";  // ةبةب... one huge token
  EXPECT_FALSE(s.IsGluedRun(taa, lex, nullptr));
}

}  // namespace
}  // namespace marsad::clean
