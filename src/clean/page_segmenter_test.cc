#include "clean/page_segmenter.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

TEST(PageSegmenterTest, Shapes) {
  EXPECT_TRUE(IsHeadlineShaped("وزير الطاقة: الأسعار ستستقر قريبا"));
  EXPECT_TRUE(IsHeadlineShaped("هل تنجح المفاوضات؟"));
  EXPECT_TRUE(IsHeadlineShaped("بعد بنما.. واشنطن تلوح بالعقوبات"));
  EXPECT_FALSE(IsHeadlineShaped("وقال الوزير إن الأسعار ستستقر."));
  EXPECT_FALSE(IsHeadlineShaped("وأضاف:"));
  EXPECT_FALSE(IsHeadlineShaped(""));
  EXPECT_TRUE(IsSocialEmbedLine("— قناة الأخبار (@NewsChannel) March 1, 2025"));
  EXPECT_TRUE(IsSocialEmbedLine("#الرياض #السعودية #عاجل"));
  EXPECT_TRUE(IsSocialEmbedLine("https://t.co/xyz"));
  EXPECT_FALSE(IsSocialEmbedLine("أطلق ناشطون وسم #أنقذوا_الغابات على مواقع التواصل للمطالبة بحماية الأشجار."));
  EXPECT_TRUE(IsNavigationLine("الرئيسية » أخبار » سياسة"));
  EXPECT_TRUE(IsNavigationLine("Home > News > World"));
  EXPECT_FALSE(IsNavigationLine("قال إن 5 > 3 في هذه الحالة وإن القرار نهائي"));
}

TEST(PageSegmenterTest, ListEndsAtBody) {
  MarkerTable m;
  PageSegmenter s(&m);
  auto page = s.Segment({"فقرة أولى من الخبر الرئيسي تتحدث عن افتتاح المعرض الدولي للكتاب.",
                         "مواضيع ذات صلة", "- المعرض يستقبل مليون زائر", "- دور النشر تشكو ارتفاع التكاليف",
                         "ويستمر المعرض عشرة أيام بمشاركة أكثر من ألف دار نشر عربية وأجنبية."});
  ASSERT_EQ(page.main.size(), 2u);
  ASSERT_EQ(page.removed.size(), 1u);
  EXPECT_EQ(page.removed[0].kind, "related-headlines");
  EXPECT_EQ(page.removed[0].text, "مواضيع ذات صلة\nالمعرض يستقبل مليون زائر\nدور النشر تشكو ارتفاع التكاليف");
}

TEST(PageSegmenterTest, ReadAlsoAfterTheEndStartsRelatedArticles) {
  MarkerTable m;
  PageSegmenter s(&m);
  auto page = s.Segment({"خبر رئيسي قصير عن الطقس في المملكة اليوم مع توقع هطول أمطار.", "المصدر: سبق",
                         "اقرأ أيضا", "عنوان أول", "نص المقال الأول الثانوي.", "اقرأ أيضا",
                         "عنوان ثان", "نص المقال الثاني الثانوي."});
  ASSERT_EQ(page.main.size(), 1u);
  ASSERT_EQ(page.related.size(), 2u);
  EXPECT_EQ(page.related[1].title, "عنوان ثان");
  EXPECT_EQ(page.related[1].text, "نص المقال الثاني الثانوي.");
  EXPECT_EQ(page.source_values, (std::vector<std::string>{"سبق"}));
}

TEST(PageSegmenterTest, EmptyAndOnlyBoilerplate) {
  MarkerTable m;
  PageSegmenter s(&m);
  auto page = s.Segment({});
  EXPECT_TRUE(page.main.empty());
  page = s.Segment({"اقرأ أيضا"});
  EXPECT_TRUE(page.related.empty());
  EXPECT_TRUE(page.main.empty());
  page = s.Segment({"أخبار ذات صلة"});
  EXPECT_EQ(page.removed.size(), 1u);
}

}  // namespace
}  // namespace marsad::clean
