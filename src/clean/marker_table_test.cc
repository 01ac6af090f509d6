#include "clean/marker_table.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

std::string KindOf(const MarkerTable& m, std::string_view line) {
  auto hit = m.Match(line);
  return hit ? hit->kind : "";
}

TEST(MarkerTableTest, SectionsAcceptSpellingVariants) {
  MarkerTable m;
  for (std::string_view l : {"إقرأ أيضاً:", "اقرأ أيضا", "اقرأ ايضاً :", "• شاهد أيضًا", "Read also:"}) {
    auto hit = m.Match(l);
    ASSERT_TRUE(hit) << l;
    EXPECT_EQ(hit->kind, "read-also") << l;
    EXPECT_EQ(hit->mode, MarkerMode::kSection) << l;
  }
  EXPECT_EQ(KindOf(m, "أخبار ذات صلة"), "related-headlines");
  EXPECT_EQ(KindOf(m, "مقالات مشابهة"), "related-headlines");
  EXPECT_EQ(KindOf(m, "Related Articles"), "related-headlines");
}

TEST(MarkerTableTest, LabelsGiveTheirValue) {
  MarkerTable m;
  auto hit = m.Match("المصدر: وكالة الأنباء الأردنية");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->kind, "source-line");
  EXPECT_EQ(hit->value, "وكالة الأنباء الأردنية");
  hit = m.Match("الكلمات الدلالية: الأردن، الموازنة، البرلمان");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->kind, "tags");
  EXPECT_EQ(hit->value, "الأردن، الموازنة، البرلمان");
  // "المصدر" opening a sentence is not a source line.
  EXPECT_EQ(KindOf(m, "المصدر أكد أن الاجتماع سيعقد الأسبوع المقبل في عمان."), "");
}

TEST(MarkerTableTest, ContainsAndTail) {
  MarkerTable m;
  EXPECT_EQ(KindOf(m, "حمّل تطبيق الصحيفة لمتابعة آخر المستجدات"), "app-promo");
  EXPECT_EQ(KindOf(m, "إذا واجهتك مشكلة في مشاهدة الفيديو اضغط هنا"), "video-notice");
  EXPECT_EQ(KindOf(m, "زيارة مصدر الخبر"), "other");
  auto hit = m.Match("وافتتح المعرض أبوابه صباح السبت. رابط الخبر بصحيفة النهار: افتتاح المعرض");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->mode, MarkerMode::kTail);
  EXPECT_EQ(std::string("وافتتح المعرض أبوابه صباح السبت. ").size(), hit->cut);
  // A multi-word tail phrase glued to the first linked headline cuts even after verse with
  // no sentence end; the same words inside a sentence do not.
  std::string verse = "ويوشك أن يكون لها ضرام ";
  auto glued = m.Match(verse + "مقالات أخرى للكاتبعنوان أول مقالعنوان ثان");
  ASSERT_TRUE(glued);
  EXPECT_EQ(glued->cut, verse.size());
  EXPECT_FALSE(m.Match("قرأت مقالات أخرى للكاتب نفسه فوجدتها أعمق من هذا المقال وأكثر إقناعا للقارئ"));
  // A long body paragraph that happens to contain a promo phrase is kept.
  std::string long_line;
  for (int i = 0; i < 45; ++i) long_line += "كلمة ";
  EXPECT_EQ(KindOf(m, long_line + "عبر تطبيق"), "");
}

TEST(MarkerTableTest, ShareBars) {
  MarkerTable m;
  EXPECT_TRUE(m.IsShareBar("شارك | فيسبوك | تويتر | واتساب"));
  EXPECT_TRUE(m.IsShareBar("Share: Facebook Twitter WhatsApp Email"));
  EXPECT_TRUE(m.IsShareBar("فيس بوك تويتر"));
  EXPECT_FALSE(m.IsShareBar("شارك الوزير في افتتاح المؤتمر الدولي للطاقة"));
  EXPECT_FALSE(m.IsShareBar(""));
}

TEST(MarkerTableTest, BadInputDoesNotMatch) {
  MarkerTable m;
  EXPECT_FALSE(m.Match(""));
  EXPECT_FALSE(m.Match("\xEF\xBF\xBD\xEF\xBF\xBD"));
  EXPECT_FALSE(m.Match(std::string(100000, 'a')));
  EXPECT_EQ(CountWords("  a  b\tc\n"), 3u);
}

}  // namespace
}  // namespace marsad::clean
