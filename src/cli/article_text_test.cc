#include "cli/article_text.h"

#include <gtest/gtest.h>

namespace marsad::cli {
namespace {

TEST(ArticleText, ExplainListsRemovedAndRelated) {
  Article a;
  a.id = "id1";
  a.title = "عنوان";
  a.text = "النص الرئيسي.";
  a.removed.push_back({"app-promo", "تابعونا على التطبيق"});
  a.related.push_back({std::string("خبر آخر"), "نص الخبر الآخر"});
  std::string plain = RenderArticle(a, false);
  EXPECT_EQ(plain.find("app-promo"), std::string::npos);
  std::string explained = RenderArticle(a, true);
  EXPECT_NE(explained.find("[app-promo]\nتابعونا على التطبيق"), std::string::npos);
  EXPECT_NE(explained.find("[related] خبر آخر"), std::string::npos);
}

TEST(ArticleText, ListLineIsOneLineAndCutOnCodePoints) {
  Article a;
  a.id = "id2";
  a.text = "سطر أول\nسطر ثان طويل جدا جدا جدا";
  std::string line = RenderListLine(a, 25);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("…"), std::string::npos);
  EXPECT_EQ(line.rfind("id2", 0), 0u);
}

}  // namespace
}  // namespace marsad::cli
