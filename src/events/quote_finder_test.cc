#include <gtest/gtest.h>

#include "events/article_view.h"
#include "events/event_coder.h"
#include "events/events_test_util.h"

namespace marsad::events {
namespace {

using testing::AddEntity;
using testing::MakeArticle;

class QuoteFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = EventCoder::LoadDefault();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    coder_ = std::move(r).value().release();
  }
  static void TearDownTestSuite() { delete coder_; }
  static const EventCoder* coder_;
};
const EventCoder* QuoteFinderTest::coder_ = nullptr;

void ExpectOffsets(const Article& a) {
  for (const Quote& q : a.quotes) EXPECT_EQ(std::string(CodePointSpan(a.text, q.start, q.end)), q.text);
}

TEST_F(QuoteFinderTest, ReportedThenDirectContinuesTheSpeaker) {
  Article a = MakeArticle(
      "وقال فانس، إن الولايات المتحدة ليست لديها خطط بعد لتوسيع الوجود العسكري.\n\n"
      "وأضاف: \"لم تواكب الدنمارك التطورات ولم تكرس الموارد اللازمة\".");
  AddEntity(a, "jd-vance", "فانس", "PERSON", "USAGOV", "USA");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "DNK", "الدنمارك", "GPE", "DNK", "DNK");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "jd-vance");
  EXPECT_FALSE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].text.rfind("الولايات المتحدة ليست", 0), 0u) << a.quotes[0].text;
  EXPECT_EQ(a.quotes[1].speaker.value_or(""), "jd-vance");  // وأضاف continues
  EXPECT_TRUE(a.quotes[1].direct);
  EXPECT_EQ(a.quotes[1].text, "لم تواكب الدنمارك التطورات ولم تكرس الموارد اللازمة");
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, GuillemetsAfterVerbWithSpeakerBefore) {
  Article a = MakeArticle("وزير الخارجية السعودي قال: «نحن ندعم كل جهود السلام في المنطقة».");
  AddEntity(a, "SAUGOV", "وزير الخارجية السعودي", "ORG", "SAUGOV", "SAU");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "SAUGOV");
  EXPECT_EQ(a.quotes[0].speaker_name, "وزير الخارجية السعودي");
  EXPECT_EQ(a.quotes[0].text, "نحن ندعم كل جهود السلام في المنطقة");
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, AttributionAtTheStart) {
  Article a = MakeArticle("وبحسب مصادر الوكالة، فإن هذه المناقشات لا تزال في مراحلها الأولية.");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_FALSE(a.quotes[0].speaker.has_value());
  EXPECT_EQ(a.quotes[0].speaker_name, "مصادر الوكالة");
  EXPECT_EQ(a.quotes[0].text, "هذه المناقشات لا تزال في مراحلها الأولية");
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, IndicatedThat) {
  Article a = MakeArticle("وأشار وزير الخارجية الروسي إلى أن المحادثات كانت بناءة ومفيدة جدا.");
  AddEntity(a, "RUSGOV", "وزير الخارجية الروسي", "ORG", "RUSGOV", "RUS");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "RUSGOV");
  EXPECT_EQ(a.quotes[0].text, "المحادثات كانت بناءة ومفيدة جدا");
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, ScareQuotesAreNotQuotes) {
  Article a = MakeArticle("تبدي روسيا \"اهتماما استثنائيا\" بالممرات، وتعقد ضمن \"إطار خاص\" اجتماعات.");
  AddEntity(a, "RUS", "روسيا", "GPE", "RUS", "RUS");
  coder_->Code(a);
  EXPECT_TRUE(a.quotes.empty());
}

TEST_F(QuoteFinderTest, AttributionAtTheEnd) {
  Article a = MakeArticle("ارتفعت أسعار النفط بنسبة كبيرة هذا الأسبوع، بحسب وكالة رويترز.");
  AddEntity(a, "reuters", "وكالة رويترز", "MEDIA", std::nullopt, std::nullopt);
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "reuters");
  EXPECT_EQ(a.quotes[0].text, "ارتفعت أسعار النفط بنسبة كبيرة هذا الأسبوع");
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, SeveralStatementsInOneSentence) {
  Article a = MakeArticle("أعلن وزير النقل اليمني عن خطة للمدينة، مؤكدا أن أولوية الحكومة تشغيل الموانئ، "
                          "موضحا أن فريقا فنيا وصل من الإمارات.");
  AddEntity(a, "YEMGOV", "وزير النقل اليمني", "ORG", "YEMGOV", "YEM");
  AddEntity(a, "ARE", "الإمارات", "GPE", "ARE", "ARE");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].text, "أولوية الحكومة تشغيل الموانئ");  // ends where the next one starts
  EXPECT_EQ(a.quotes[1].text, "فريقا فنيا وصل من الإمارات");
  for (const Quote& q : a.quotes) EXPECT_EQ(q.speaker.value_or(""), "YEMGOV");  // participles: the subject
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, DefiniteNounPointsBackToTheSource) {
  Article a = MakeArticle("أعلنت وزارة الخارجية الايطالية أن أربعة إيطاليين خطفوا في ليبيا. "
                          "وقالت الوزارة في بيان إن المخطوفين يعملون في البناء.");
  AddEntity(a, "ITAGOV", "وزارة الخارجية الايطالية", "ORG", "ITAGOV", "ITA");
  AddEntity(a, "LBY", "ليبيا", "GPE", "LBY", "LBY");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].speaker.value_or(""), "ITAGOV");
  EXPECT_EQ(a.quotes[1].speaker_name, "الوزارة في بيان");
  EXPECT_EQ(a.quotes[1].text, "المخطوفين يعملون في البناء");
}

TEST_F(QuoteFinderTest, ColonWithoutQuoteMarks) {
  Article a = MakeArticle("قال الكرملين: نشر قوات أوروبية في أوكرانيا غير مقبول.");
  AddEntity(a, "RUSGOV", "الكرملين", "ORG", "RUSGOV", "RUS");
  AddEntity(a, "UKR", "أوكرانيا", "GPE", "UKR", "UKR");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "نشر قوات أوروبية في أوكرانيا غير مقبول");
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "RUSGOV");
}

TEST_F(QuoteFinderTest, EditorialPhrasesAreNoQuotes) {
  Article a = MakeArticle("يذكر أن الأمير قد قام بزيارة رسمية إلى الأردن. ويشار إلى أن الزيارة استمرت يومين.");
  AddEntity(a, "JOR", "الأردن", "GPE", "JOR", "JOR");
  coder_->Code(a);
  EXPECT_TRUE(a.quotes.empty()) << a.quotes.size();
}

TEST_F(QuoteFinderTest, StatementSpeakerIsTheSubjectOfItsEvents) {
  // "وأوضح أيضاً أنه سيجتمع مع زيلينسكي": he = the speaker, carried from the last sentence.
  Article a = MakeArticle("وقال ترامب إن الحرب قد تنتهي خلال أسابيع. وأوضح أيضا أنه سيجتمع مع زيلينسكي هذا الأسبوع.");
  AddEntity(a, "donald-trump", "ترامب", "PERSON", "USAGOV", "USA");
  AddEntity(a, "volodymyr-zelensky", "زيلينسكي", "PERSON", "UKRGOV", "UKR");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].speaker.value_or(""), "donald-trump");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.entity.value_or(""), "donald-trump");
  EXPECT_EQ(a.events[0].target.entity.value_or(""), "volodymyr-zelensky");
  EXPECT_EQ(a.events[0].cameo_code, "036");  // "will meet"
  EXPECT_EQ(a.events[0].mode, "future");
}

TEST_F(QuoteFinderTest, QuoteOpenedByClosingMarkAfterAColon) {  // بقوله : ” ... (never closed)
  Article a = MakeArticle("في حين صرح المتحدث الرسمي باسم الجمارك الأردنية ل”الرأي” عن حقيقة الخبر بقوله : ” الشحنة لم تدخل عبر المنافذ الأردنية على الإطلاق؛");
  AddEntity(a, "JORGOV", "الجمارك الأردنية", "ORG", "JORGOV", "JOR");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "JORGOV");
  EXPECT_EQ(a.quotes[0].text.rfind("الشحنة لم تدخل", 0), 0u) << a.quotes[0].text;
  ExpectOffsets(a);
}

TEST_F(QuoteFinderTest, SpeakerAfterRoleAndAdjectives) {  // مسؤول عسكري أمريكي، name before title
  Article a = MakeArticle(
      "وقال مسؤول عسكري أمريكي إن الطائرات نفذت ثلاث طلعات فوق البحر.\n\n"
      "وقال جون سميث وزير الدولة البريطاني إن الحكومة ستدرس الطلب بعناية.");
  AddEntity(a, "USA", "أمريكي", "GPE", "USA", "USA");
  AddEntity(a, "GBRGOV", "وزير الدولة البريطاني", "PERSON", "GBRGOV", "GBR");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "USA");
  EXPECT_EQ(a.quotes[1].speaker.value_or(""), "GBRGOV");
}

TEST_F(QuoteFinderTest, ParticiplesOfRulingOut) {  // مستبعدا أن
  Article a = MakeArticle("وأكد وزير الداخلية التونسي أن التحقيق مستمر، مستبعدا أن يكون الحادث عملا مدبرا.");
  AddEntity(a, "TUNGOV", "وزير الداخلية التونسي", "PERSON", "TUNGOV", "TUN");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[1].speaker.value_or(""), "TUNGOV");
  EXPECT_EQ(a.quotes[1].text.rfind("يكون الحادث", 0), 0u) << a.quotes[1].text;
}

TEST_F(QuoteFinderTest, VerbOfThinkingInsideAStatementIsPartOfIt) {
  // يعتبر ... أن inside the statement does not start a new one; لكنه اعتبر أن does.
  Article a = MakeArticle(
      "وقال الوزير البريطاني إنه لا يزال يعتبر القرار خاطئا أن ترسل إسبانيا السفن دون إذن. "
      "وقال الوزير البريطاني إن العلاقات قائمة، لكنه اعتبر أن الاتفاق يحتاج وقتا.");
  AddEntity(a, "GBRGOV", "الوزير البريطاني", "ORG", "GBRGOV", "GBR");
  AddEntity(a, "ESP", "إسبانيا", "GPE", "ESP", "ESP");
  coder_->Code(a);
  ASSERT_EQ(a.quotes.size(), 3u) << a.quotes.size();
  EXPECT_EQ(a.quotes[0].text.rfind("لا يزال يعتبر القرار", 0), 0u) << a.quotes[0].text;
  EXPECT_NE(a.quotes[0].text.find("ترسل إسبانيا"), std::string::npos) << a.quotes[0].text;
  EXPECT_EQ(a.quotes[2].text.rfind("الاتفاق يحتاج", 0), 0u) << a.quotes[2].text;
  for (const Quote& q : a.quotes) EXPECT_EQ(q.speaker.value_or(""), "GBRGOV");
  ExpectOffsets(a);
}

}  // namespace
}  // namespace marsad::events
