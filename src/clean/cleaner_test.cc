#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "clean/cleaner_test_pages.h"
#include "text/normalizer.h"
#include "core/ids.h"

namespace marsad::clean {
namespace {

RawDocument Doc(std::string body) {
  RawDocument d;
  d.input = "test";
  d.body = std::move(body);
  return d;
}

bool Contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

std::vector<std::string> KindsOf(const Article& a) {
  std::vector<std::string> k;
  for (const auto& b : a.removed) k.push_back(b.kind);
  return k;
}

bool HasKind(const Article& a, std::string_view kind) {
  for (const auto& b : a.removed) {
    if (b.kind == kind) return true;
  }
  return false;
}

const Cleaner& SharedCleaner() {
  static const Cleaner c;  // loading the data once keeps the suite fast
  return c;
}

TEST(CleanerTest, TwoArticlesPage) {
  Article a = SharedCleaner().Clean(Doc(testpages::kTwoArticles));
  ASSERT_TRUE(a.title);
  EXPECT_EQ(*a.title, "عمان تستضيف مؤتمرا إقليميا للمياه الشهر المقبل");
  // Main text: first paragraph to the last one before the share bar.
  EXPECT_EQ(a.text.rfind("أعلنت وزارة المياه الأردنية", 0), 0u) << a.text;
  EXPECT_TRUE(a.text.ends_with("بحسب ما نقلت رويترز.")) << a.text;
  EXPECT_EQ(std::count(a.text.begin(), a.text.end(), '\n'), 4);  // 3 paragraphs
  for (std::string_view gone : {"تطبيق", "فيسبوك", "المصدر", "الدلالية", "اقرأ", "العراق يطالب", "دجلة"}) {
    EXPECT_FALSE(Contains(a.text, gone)) << gone;
  }
  ASSERT_EQ(a.related.size(), 1u);
  ASSERT_TRUE(a.related[0].title);
  EXPECT_EQ(*a.related[0].title, "العراق يطالب بحصة عادلة من مياه دجلة");
  EXPECT_EQ(a.related[0].text.rfind("طالب وزير الموارد المائية", 0), 0u);
  EXPECT_TRUE(a.related[0].text.ends_with("خلال الأسابيع المقبلة.")) << a.related[0].text;
  EXPECT_FALSE(Contains(a.related[0].text, "تحذر من موسم")) << "glued run must leave the related text";
  for (std::string_view k : {"app-promo", "share-bar", "source-line", "tags", "read-also", "related-headlines"}) {
    EXPECT_TRUE(HasKind(a, k)) << k;
  }
  // The glued run came out as separate headlines.
  bool run_found = false;
  for (const auto& b : a.removed) {
    if (b.kind == "related-headlines" && Contains(b.text, "بغداد تحذر")) {
      run_found = true;
      EXPECT_GE(std::count(b.text.begin(), b.text.end(), '\n'), 1) << b.text;
    }
  }
  EXPECT_TRUE(run_found);
  EXPECT_EQ(a.source, "Al-Bawaba News");
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"المياه", "الأردن", "مؤتمر إقليمي"}));
  EXPECT_EQ(a.wires, (std::vector<std::string>{"Petra", "Reuters"}));
  EXPECT_EQ(a.language, "ar");
  EXPECT_EQ(a.content_hash, ShortHash(text::MatchKey(a.text)));
  EXPECT_FALSE(a.published);
}

TEST(CleanerTest, TweetsDatelineAndTail) {
  RawDocument d = Doc(testpages::kTweetPage);
  d.hints.crawl_date = "2025-03-04 08:00:00";
  Article a = SharedCleaner().Clean(d);
  EXPECT_EQ(a.published, "2025-03-02T09:15:00");
  EXPECT_EQ(a.published_signal, "text-header");
  EXPECT_EQ(a.text.rfind("قالت وزارة الصحة المغربية", 0), 0u) << a.text;
  EXPECT_TRUE(a.text.ends_with("في القرى الجبلية.")) << a.text;
  EXPECT_FALSE(Contains(a.text, "pic.twitter"));
  EXPECT_FALSE(Contains(a.text, "@SanteGouvMa"));
  EXPECT_FALSE(Contains(a.text, "رابط الخبر"));
  EXPECT_TRUE(Contains(a.text, "مؤكدة أن اللقاح مجاني."));
  EXPECT_TRUE(HasKind(a, "video-notice"));
  EXPECT_TRUE(HasKind(a, "social-embed"));
  EXPECT_TRUE(HasKind(a, "other"));
}

TEST(CleanerTest, EnglishPage) {
  Article a = SharedCleaner().Clean(Doc(testpages::kEnglishPage));
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.title, "Oil prices steady as OPEC+ meets in Vienna");
  EXPECT_EQ(a.text.rfind("Oil prices held steady", 0), 0u) << a.text;
  EXPECT_TRUE(a.text.ends_with("AFP reported.")) << a.text;
  EXPECT_EQ(a.wires, (std::vector<std::string>{"Reuters", "AFP"}));
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"oil", "OPEC", "energy markets"}));
  for (std::string_view k : {"navigation", "share-bar", "tags", "related-headlines"}) {
    EXPECT_TRUE(HasKind(a, k)) << k;
  }
}

TEST(CleanerTest, HintsWin) {
  RawDocument d = Doc("أمير منطقة الرياض يستقبل وفدا\n\nاستقبل أمير المنطقة وفدا من رجال الأعمال في مكتبه.\n");
  d.hints.title = "أمير منطقة الرياض يستقبل وفدا";
  d.hints.source = "alriyadh";
  d.hints.url = "http://www.alriyadh.com/1066713";
  d.hints.crawl_date = "2015-07-21 13:05:37";
  Article a = SharedCleaner().Clean(d);
  EXPECT_EQ(a.title, "أمير منطقة الرياض يستقبل وفدا");
  EXPECT_EQ(a.text, "استقبل أمير المنطقة وفدا من رجال الأعمال في مكتبه.");  // title line not repeated
  EXPECT_EQ(a.source, "Al Riyadh");
  EXPECT_EQ(a.url, "http://www.alriyadh.com/1066713");
  EXPECT_EQ(a.published, "2015-07-21");
  EXPECT_EQ(a.published_signal, "crawl-date");
  d.hints.url = "http://www.aleqt.com/2015/07/20/article_974922.html";
  EXPECT_EQ(SharedCleaner().Clean(d).published_signal, "url");
  d.hints.date = "20 يوليو 2015";
  a = SharedCleaner().Clean(d);
  EXPECT_EQ(a.published, "2015-07-20");
  EXPECT_EQ(a.published_signal, "input");
  d.hints.source = "";
  d.hints.url = "https://www.unknown-news.example/a";
  EXPECT_EQ(SharedCleaner().Clean(d).source, "unknown-news.example");
}

TEST(CleanerTest, RepeatedParagraphIsRemoved) {
  std::string p = "قلد الأمير العقيد رتبته الجديدة بعد الموافقة السامية على ترقيته في مكتبه بالرياض.";
  Article a = SharedCleaner().Clean(Doc(p + "\n" + p + "\n"));
  EXPECT_EQ(a.text, p);
  EXPECT_EQ(KindsOf(a), (std::vector<std::string>{"other"}));
}

TEST(CleanerTest, InlineReadAlsoInsideTheArticle) {
  Article a = SharedCleaner().Clean(Doc(
      "بدأت الحكومة تنفيذ خطة لإصلاح الطرق في العاصمة خلال الصيف الجاري.\n"
      "اقرأ أيضا: الحكومة تعلن موعد افتتاح الجسر الجديد\n"
      "وقال الوزير إن الأعمال ستنتهي قبل بدء العام الدراسي.\n"
      "اقرأ أيضاً\n"
      "ارتفاع أسعار الوقود للمرة الثانية\n"
      "وأضاف أن كلفة المشروع تبلغ عشرة ملايين دينار.\n"));
  EXPECT_TRUE(a.related.empty());
  EXPECT_EQ(std::count(a.text.begin(), a.text.end(), '\n'), 4) << a.text;
  EXPECT_FALSE(Contains(a.text, "الجسر الجديد"));
  EXPECT_FALSE(Contains(a.text, "أسعار الوقود"));
  EXPECT_TRUE(a.text.ends_with("عشرة ملايين دينار."));
}

TEST(CleanerTest, BadInput) {
  const Cleaner& c = SharedCleaner();
  EXPECT_TRUE(c.Clean(Doc("")).text.empty());
  EXPECT_EQ(c.Clean(Doc("")).language, "und");
  EXPECT_TRUE(c.Clean(Doc("\n\n  \n\t")).text.empty());
  RawDocument bin = Doc(std::string("\xEF\xBF\xBD\x01\x02\x03 binary \xEF\xBF\xBD"));
  bin.invalid_utf8 = 2;
  Article a = c.Clean(bin);
  EXPECT_EQ(a.invalid_utf8, 2u);
  // Truncated page: the last line is cut mid-word.
  a = c.Clean(Doc("قال الوزير إن الاجتماع كان مثمرا.\nوأضاف أن الطرفين اتفقا على"));
  EXPECT_TRUE(a.text.ends_with("اتفقا على"));
  // Huge page: many paragraphs, one very long line.
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "وأضاف المتحدث أن المحادثات ستستمر الأسبوع المقبل في الرياض رقم " + std::to_string(i) + ".\n";
  huge += std::string(1 << 20, 'x');
  a = c.Clean(Doc(huge));
  EXPECT_GT(a.text.size(), huge.size() / 2);
  // HTML the extractor cannot use gives an empty article, not a crash.
  RawDocument html = Doc("<html><body></body></html>");
  html.format = DocFormat::kHtml;
  EXPECT_NO_FATAL_FAILURE(c.Clean(html));
  // A page that is only boilerplate.
  a = c.Clean(Doc("شارك | فيسبوك | تويتر\nالمصدر: سبق\n"));
  EXPECT_TRUE(a.text.empty());
  EXPECT_EQ(a.source, "Sabq");
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

TEST(CleanerBylineWires, AgencyCreditedOnlyInTheAuthorFieldIsAWire) {
  Cleaner cleaner;
  RawDocument doc;
  doc.format = DocFormat::kRecord;
  doc.body = "افتتح وزير الصحة اليوم مستشفى جديدا في المدينة بسعة مئتي سرير، وقال إن المشروع يخدم أكثر من مليون نسمة.";
  doc.hints.author = "الرياض - واس";
  Article a = cleaner.Clean(doc);
  ASSERT_EQ(a.wires.size(), 1u);
  EXPECT_EQ(a.wires[0], "SPA");
}

TEST(CleanerTest, InputFieldsAreDecodedAndVisitorNamesAreNotAuthors) {
  Cleaner cleaner;
  RawDocument d = Doc("افتتح الأمير المعرض الدولي للكتاب بحضور عدد من المسؤولين والمثقفين.\n");
  d.hints.title = "افتتاح &#8220;المعرض&#8221;";
  d.hints.author = "&nbsp;عكاظ (جدة)";
  Article a = cleaner.Clean(d);
  EXPECT_EQ(a.title.value_or(""), "افتتاح “المعرض”");
  EXPECT_EQ(a.author.value_or(""), "عكاظ (جدة)");
  d.hints.author = " Qasem (زائر)";
  EXPECT_FALSE(cleaner.Clean(d).author);
}

TEST(CleanerTest, BylineBecomesAuthorAndLeavesTheText) {
  Cleaner cleaner;
  Article a = cleaner.Clean(Doc("سالم العتيبي- سبق- الطائف: افتتح أمين المحافظة اليوم حديقة جديدة في حي الشهداء.\n"));
  EXPECT_EQ(a.text, "افتتح أمين المحافظة اليوم حديقة جديدة في حي الشهداء.");
  EXPECT_EQ(a.author.value_or(""), "سالم العتيبي");
  ASSERT_FALSE(a.removed.empty());
  EXPECT_EQ(a.removed[0].kind, "source-line");
  Article w = cleaner.Clean(Doc("الرياض - واس: استقبل وزير الخارجية في مكتبه اليوم سفير اليابان لدى المملكة.\n"));
  EXPECT_EQ(w.wires, std::vector<std::string>{"SPA"});
  EXPECT_FALSE(w.author);
}

}  // namespace
}  // namespace marsad::clean

