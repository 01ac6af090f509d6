#include "events/event_coder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/utf8.h"
#include "events/article_view.h"
#include "events/events_test_util.h"

namespace marsad::events {
namespace {

using testing::AddEntity;
using testing::MakeArticle;

class EventCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = EventCoder::LoadDefault();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    coder_ = std::move(r).value().release();
  }
  static void TearDownTestSuite() { delete coder_; }
  static const EventCoder* coder_;

  // "SRC>TGT:code:mode" for every event, in order (target "-" when absent).
  static std::vector<std::string> Summary(const Article& a) {
    std::vector<std::string> out;
    for (const Event& e : a.events)
      out.push_back(e.source.entity.value_or("-") + ">" + e.target.entity.value_or("-") + ":" + e.cameo_code + ":" + e.mode);
    return out;
  }
  static bool Has(const Article& a, const std::string& s) {
    const auto v = Summary(a);
    return std::find(v.begin(), v.end(), s) != v.end();
  }
};
const EventCoder* EventCoderTest::coder_ = nullptr;

TEST_F(EventCoderTest, VerbSubjectObject) {  // VSO with a long title before the object
  Article a = MakeArticle("انتقد نائب الرئيس الأمريكي جيه. دي فانس، الدنمارك، الجمعة، في أثناء زيارة إلى جرينلاند.");
  AddEntity(a, "jd-vance", "نائب الرئيس الأمريكي جيه. دي فانس", "PERSON", "USAGOV", "USA");
  AddEntity(a, "DNK", "الدنمارك", "GPE", "DNK", "DNK");
  AddEntity(a, "GRL", "جرينلاند", "GPE", "GRL", "GRL");
  coder_->Code(a);
  ASSERT_TRUE(Has(a, "jd-vance>DNK:111:asserted")) << ::testing::PrintToString(Summary(a));
  const Event& e = a.events.front();
  EXPECT_EQ(e.root, "11");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_DOUBLE_EQ(e.goldstein, -2);
  EXPECT_EQ(e.plover, "ACCUSE");
  EXPECT_EQ(e.source.cameo, "USAGOV");
  EXPECT_EQ(e.date.value_or(""), "2025-03-28");  // the Friday before Sunday 30 March
  EXPECT_GT(e.confidence, 0.5);
  EXPECT_LE(e.confidence, 1.0);
}

TEST_F(EventCoderTest, SubjectVerbObjectWithPreposition) {
  Article a = MakeArticle("الولايات المتحدة تفرض عقوبات جديدة على روسيا بسبب الحرب.");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "RUS", "روسيا", "GPE", "RUS", "RUS");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"USA>RUS:163:asserted"});
  EXPECT_EQ(a.events[0].quad_class, 4);
}

TEST_F(EventCoderTest, CompoundSubjectIsSymmetricAndReporterIsNoActor) {
  Article a = MakeArticle(
      "أفادت وكالة بلومبرج بأن روسيا والولايات المتحدة تجريان محادثات حول التعاون الاقتصادي في القطب الشمالي.");
  AddEntity(a, "bloomberg", "بلومبرج", "MEDIA", std::nullopt, std::nullopt);
  AddEntity(a, "RUS", "روسيا", "GPE", "RUS", "RUS");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "arctic", "القطب الشمالي", "LOC", std::nullopt, std::nullopt);
  coder_->Code(a);
  EXPECT_EQ(Summary(a), (std::vector<std::string>{"RUS>USA:040:asserted", "USA>RUS:040:asserted"}));
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].location_name, "القطب الشمالي");
  EXPECT_FALSE(a.events[0].location_country.has_value());
}

TEST_F(EventCoderTest, BetweenXAndYGivesThePair) {
  Article a = MakeArticle("وقعت اتفاقية للتعاون الأمني بين السعودية ومصر في الرياض.");
  AddEntity(a, "SAU", "السعودية", "GPE", "SAU", "SAU");
  AddEntity(a, "EGY", "مصر", "GPE", "EGY", "EGY");
  AddEntity(a, "loc:SAU:riyadh", "الرياض", "LOC", std::nullopt, "SAU");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "SAU>EGY:057:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "EGY>SAU:057:asserted"));
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].location_name, "الرياض");
  EXPECT_EQ(a.events[0].location_country.value_or(""), "SAU");
}

TEST_F(EventCoderTest, WithGivesOneDirection) {
  Article a = MakeArticle("بحث وزير الخارجية السعودي مع نظيره الأمريكي الأوضاع في المنطقة.");
  AddEntity(a, "SAUGOV", "وزير الخارجية السعودي", "ORG", "SAUGOV", "SAU");
  AddEntity(a, "USAGOV", "نظيره الأمريكي", "ORG", "USAGOV", "USA");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"SAUGOV>USAGOV:040:asserted"});
}

TEST_F(EventCoderTest, ReceivedACallFromReversesTheRoles) {
  Article a = MakeArticle("تلقى خادم الحرمين الشريفين اتصالا هاتفيا من الرئيس الأمريكي أمس.");
  AddEntity(a, "king-salman", "خادم الحرمين الشريفين", "PERSON", "SAUGOV", "SAU");
  AddEntity(a, "USAGOV", "الرئيس الأمريكي", "PERSON", "USAGOV", "USA");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"USAGOV>king-salman:041:asserted"});
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].date.value_or(""), "2025-03-29");  // أمس
}

TEST_F(EventCoderTest, TelephoneWithAttachedPreposition) {
  Article a = MakeArticle("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا بالرئيس التركي.");
  AddEntity(a, "vladimir-putin", "الرئيس الروسي فلاديمير بوتين", "PERSON", "RUSGOV", "RUS");
  AddEntity(a, "TURGOV", "الرئيس التركي", "PERSON", "TURGOV", "TUR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "vladimir-putin>TURGOV:041:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, AttributionSourceIsNotTheTarget) {
  Article a = MakeArticle("انتقدت الصين الولايات المتحدة، نقلا عن وكالة رويترز.");
  AddEntity(a, "CHN", "الصين", "GPE", "CHN", "CHN");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "reuters", "رويترز", "MEDIA", std::nullopt, std::nullopt);
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"CHN>USA:111:asserted"});
}

TEST_F(EventCoderTest, PassiveAgentIsTheSource) {
  Article a = MakeArticle("تم اعتقال ناشط أمريكي من قبل السلطات الإيرانية في طهران.");
  AddEntity(a, "USA", "أمريكي", "GPE", "USA", "USA");
  AddEntity(a, "IRNGOV", "السلطات الإيرانية", "ORG", "IRNGOV", "IRN");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"IRNGOV>USA:173:asserted"});
}

TEST_F(EventCoderTest, Modes) {
  Article a = MakeArticle(
      "لم تفرض الصين عقوبات على اليابان. سيلتقي الرئيس الروسي نظيره التركي الأسبوع المقبل. "
      "إذا فرضت الولايات المتحدة عقوبات على الصين فسترد بكين. "
      "وفي السياق ذاته، رفض المتحدث باسم مجلس الأمن القومي الأمريكي التعليق على الموضوع.");
  AddEntity(a, "CHN", "الصين|بكين", "GPE", "CHN", "CHN");
  AddEntity(a, "JPN", "اليابان", "GPE", "JPN", "JPN");
  AddEntity(a, "RUSGOV", "الرئيس الروسي", "PERSON", "RUSGOV", "RUS");
  AddEntity(a, "TURGOV", "نظيره التركي", "PERSON", "TURGOV", "TUR");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "USAGOV", "المتحدث باسم مجلس الأمن القومي الأمريكي", "ORG", "USAGOV", "USA");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "CHN>JPN:163:negated")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "RUSGOV>TURGOV:036:future"));  // "will meet": intent to meet
  EXPECT_TRUE(Has(a, "USA>CHN:163:hypothetical"));
  EXPECT_TRUE(Has(a, "USAGOV>-:011:asserted"));  // declining to comment is itself an event
}

TEST_F(EventCoderTest, NounTriggerWithGenitiveSource) {
  Article a = MakeArticle("وصل الرئيس الفرنسي إلى الجزائر أمس، وتأتي زيارة الرئيس الفرنسي إلى الجزائر بعد أزمة.");
  AddEntity(a, "FRAGOV", "الرئيس الفرنسي", "PERSON", "FRAGOV", "FRA");
  AddEntity(a, "DZA", "الجزائر", "GPE", "DZA", "DZA");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "FRAGOV>DZA:042:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, NoActorsNoEvents) {
  Article a = MakeArticle("بحث المجلس الأوضاع الاقتصادية وفرض رسوما جديدة.");
  coder_->Code(a);
  EXPECT_TRUE(a.events.empty());
  // A trigger without a second actor gives nothing unless its pattern allows one actor.
  AddEntity(a, "X", "المجلس", "ORG", "SAUGOV", "SAU");
  coder_->Code(a);
  EXPECT_TRUE(a.events.empty()) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, Dates) {
  const char* kText[] = {"التقى الرئيس الروسي نظيره التركي في أكتوبر.",
                         "التقى الرئيس الروسي نظيره التركي عام 2023.",
                         "التقى الرئيس الروسي نظيره التركي مساء الاثنين.",
                         "التقى الرئيس الروسي نظيره التركي في 5 يناير 2025.",
                         "التقى الرئيس الروسي نظيره التركي."};
  const char* kWant[] = {"2024-10", "2023", "2025-02-10", "2025-01-05", "2025-02-12"};
  for (int i = 0; i < 5; ++i) {
    Article a = MakeArticle(kText[i], "2025-02-12T09:00:00Z");  // a Wednesday
    AddEntity(a, "RUSGOV", "الرئيس الروسي", "PERSON", "RUSGOV", "RUS");
    AddEntity(a, "TURGOV", "نظيره التركي", "PERSON", "TURGOV", "TUR");
    coder_->Code(a);
    ASSERT_FALSE(a.events.empty()) << kText[i];
    EXPECT_EQ(a.events[0].date.value_or("null"), kWant[i]) << kText[i];
  }
  Article a = MakeArticle("التقى الرئيس الروسي نظيره التركي الثلاثاء.", std::nullopt);
  AddEntity(a, "RUSGOV", "الرئيس الروسي", "PERSON", "RUSGOV", "RUS");
  AddEntity(a, "TURGOV", "نظيره التركي", "PERSON", "TURGOV", "TUR");
  coder_->Code(a);
  ASSERT_FALSE(a.events.empty());
  EXPECT_FALSE(a.events[0].date.has_value());  // no publication date: no relative dates
}

TEST_F(EventCoderTest, EvidenceOffsetsAreCodePoints) {
  Article a = MakeArticle("مقدمة قصيرة عن الوضع.\n\nوانتقدت مصر بشدة تركيا، وطالبت بالتهدئة.");
  AddEntity(a, "EGY", "مصر", "GPE", "EGY", "EGY");
  AddEntity(a, "TUR", "تركيا", "GPE", "TUR", "TUR");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"EGY>TUR:111:asserted"});
  for (const Event& e : a.events) {
    EXPECT_EQ(std::string(CodePointSpan(a.text, e.evidence_start, e.evidence_end)), e.evidence_text);
    EXPECT_EQ(e.evidence_text.rfind("وانتقدت", 0), 0u);
  }
}

TEST_F(EventCoderTest, NounInsideAnObjectIsNotDoneByTheSubject) {
  // Egypt condemned the attack; it did not attack Qatar. The adjective names the attacker.
  Article a = MakeArticle("أدانت مصر الهجوم على قطر. وأدانت مصر الهجوم الإسرائيلي على قطر.");
  AddEntity(a, "EGY", "مصر", "GPE", "EGY", "EGY");
  AddEntity(a, "QAT", "قطر", "GPE", "QAT", "QAT");
  AddEntity(a, "ISR", "الإسرائيلي", "GPE", "ISR", "ISR");
  coder_->Code(a);
  EXPECT_FALSE(Has(a, "EGY>QAT:190:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "ISR>QAT:190:asserted"));
}

TEST_F(EventCoderTest, PossessiveNounTakesTheSentenceSubject) {
  Article a = MakeArticle("في زيارته إلى كينيا، وجد الرئيس الأميركي وقتا لأداء رقصة.");
  AddEntity(a, "KEN", "كينيا", "GPE", "KEN", "KEN");
  AddEntity(a, "USAGOV", "الرئيس الأميركي", "PERSON", "USAGOV", "USA");
  coder_->Code(a);
  EXPECT_EQ(Summary(a), std::vector<std::string>{"USAGOV>KEN:042:asserted"});
}

TEST_F(EventCoderTest, RelativeClauseNamesTheAttacker) {
  Article a = MakeArticle("نفت الحكومة التركية الاتهامات بعد الهجوم الذي شنه تنظيم داعش على تركيا.");
  AddEntity(a, "TURGOV", "الحكومة التركية", "ORG", "TURGOV", "TUR");
  AddEntity(a, "ISIS", "داعش", "ORG", "IMGREBISL", std::nullopt);
  AddEntity(a, "TUR", "تركيا", "GPE", "TUR", "TUR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "ISIS>TUR:190:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "TURGOV>TUR:190:asserted"));
}

TEST_F(EventCoderTest, ActorOfAPlainNounTakesItsPlace) {
  // "ممثلين لصالح ... مع دبلوماسيين من الولايات المتحدة وبريطانيا": X of Y stands for Y.
  Article a = MakeArticle("قال مصدر إن ممثلين لصالح يجرون محادثات مع دبلوماسيين من الولايات المتحدة وبريطانيا.");
  AddEntity(a, "saleh", "صالح", "PERSON", "YEMGOV", "YEM");
  AddEntity(a, "USA", "الولايات المتحدة", "GPE", "USA", "USA");
  AddEntity(a, "GBR", "بريطانيا", "GPE", "GBR", "GBR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "saleh>USA:040:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "saleh>GBR:040:asserted"));
}

TEST_F(EventCoderTest, PairWordGivesBothDirections) {
  // One mention for two actors (الطرفان: the resolver gives both entities the same span).
  Article a = MakeArticle("وصدر بيان مشترك أكد فيه الطرفان على تعزيز التعاون بين البلدين.");
  AddEntity(a, "SAU", "الطرفان", "GPE", "SAU", "SAU");
  AddEntity(a, "JOR", "الطرفان", "GPE", "JOR", "JOR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "SAU>JOR:030:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "JOR>SAU:030:asserted"));
}

TEST_F(EventCoderTest, SpokesmanAfterBismIsTheSubject) {  // المتحدث باسم X: X acts
  Article a = MakeArticle("رفض المتحدث باسم وزارة الخارجية الصينية التعليق على التقارير. وقالت الصحيفة إن المتحدث باسم الحكومة اليابانية رفض التعليق.");
  AddEntity(a, "CHNGOV", "وزارة الخارجية الصينية", "ORG", "CHNGOV", "CHN");
  AddEntity(a, "JPNGOV", "الحكومة اليابانية", "ORG", "JPNGOV", "JPN");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "CHNGOV>-:011:asserted")) << ::testing::PrintToString(Summary(a));  // VSO
  EXPECT_TRUE(Has(a, "JPNGOV>-:011:asserted")) << ::testing::PrintToString(Summary(a));  // SVO after إن
}

TEST_F(EventCoderTest, RelativeClauseSubjectIsTheAntecedent) {
  // "relations with Britain, which imposed sanctions on Iran": Britain sanctions,
  // whatever preposition it carries.
  Article a = MakeArticle("قال الوزير إن إيران تريد تحسين علاقاتها مع بريطانيا التي فرضت عقوبات على إيران العام الماضي.");
  AddEntity(a, "IRN", "إيران", "GPE", "IRN", "IRN");
  AddEntity(a, "GBR", "بريطانيا", "GPE", "GBR", "GBR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "GBR>IRN:163:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "IRN>GBR:163:asserted"));
}

TEST_F(EventCoderTest, PronounAfterThePrepositionNamesTheActorBefore) {
  Article a = MakeArticle("استقبل الملك الأردني رئيس الوزراء العراقي في عمان وبحث معه العلاقات الثنائية.");
  AddEntity(a, "JORGOV", "الملك الأردني", "PERSON", "JORGOV", "JOR");
  AddEntity(a, "IRQGOV", "رئيس الوزراء العراقي", "PERSON", "IRQGOV", "IRQ");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "JORGOV>IRQGOV:043:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "JORGOV>IRQGOV:040:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, ParticipleTakesTheSentenceSubject) {
  Article a = MakeArticle("وأكد وزير الخارجية المغربي أن الحوار هو السبيل الوحيد، مشيدا بالمبادرة التي أطلقتها الكويت.");
  AddEntity(a, "MARGOV", "وزير الخارجية المغربي", "PERSON", "MARGOV", "MAR");
  AddEntity(a, "KWT", "الكويت", "GPE", "KWT", "KWT");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "MARGOV>KWT:051:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, NeededWordAfterTheObject) {  // هدد X Y بالرد: the object comes first
  Article a = MakeArticle("هدد الحرس الثوري إسرائيل بالرد على أي هجوم.");
  AddEntity(a, "IRNMIL", "الحرس الثوري", "ORG", "IRNMIL", "IRN");
  AddEntity(a, "ISR", "إسرائيل", "GPE", "ISR", "ISR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "IRNMIL>ISR:138:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, HisCountryInAStatementIsTheSpeakersCountry) {
  Article a = MakeArticle("أكد رئيس الوزراء الياباني أن بلاده ستساعد الفلبين في مواجهة الكوارث. وتعد اليابان من أكبر المانحين.");
  AddEntity(a, "JPNGOV", "رئيس الوزراء الياباني", "PERSON", "JPNGOV", "JPN");
  AddEntity(a, "PHL", "الفلبين", "GPE", "PHL", "PHL");
  AddEntity(a, "JPN", "اليابان", "GPE", "JPN", "JPN");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "JPN>PHL:033:future")) << ::testing::PrintToString(Summary(a));  // will help = intent to aid
  const Entity& jpn = a.entities[2];  // بلاده joined اليابان's mentions, in text order
  EXPECT_EQ(std::count_if(jpn.mentions.begin(), jpn.mentions.end(), [](const Mention& m) { return m.text == "بلاده"; }), 1);
  EXPECT_TRUE(std::is_sorted(jpn.mentions.begin(), jpn.mentions.end(),
                             [](const Mention& x, const Mention& y) { return x.start < y.start; }));
}

TEST_F(EventCoderTest, ExpectedEventsAreFuture) {  // توقع أن ...: not done yet
  Article a = MakeArticle("وتوقع الوزير أن تتم تسوية الخلاف، على أن تدعم مصر السودان بالمعدات.");
  AddEntity(a, "EGY", "مصر", "GPE", "EGY", "EGY");
  AddEntity(a, "SDN", "السودان", "GPE", "SDN", "SDN");
  coder_->Code(a);
  for (const Event& e : a.events) EXPECT_EQ(e.mode, "future") << e.cameo_code;
}

TEST_F(EventCoderTest, DeniedEventsAreNegated) {  // نفى أن ...: the denial is the event
  Article a = MakeArticle("نفى وزير الخارجية القطري أن تكون قطر تساعد حركة الشباب في الصومال.");
  AddEntity(a, "QATGOV", "وزير الخارجية القطري", "PERSON", "QATGOV", "QAT");
  AddEntity(a, "QAT", "قطر", "GPE", "QAT", "QAT");
  AddEntity(a, "SHABAAB", "حركة الشباب", "ORG", "SOMREB", "SOM");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "QAT>SHABAAB:070:negated")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "QAT>SHABAAB:070:asserted"));
}

TEST_F(EventCoderTest, PointingOutIsNoPraise) {  // منوها إلى = pointing out, مشيدا بـ = praising
  Article a = MakeArticle("وقال وزير الطاقة الروسي إن البلدين اتفقا على العمل، منوها إلى اهتمام الشركات الروسية. وأكد الوزير المصري أهمية الزيارة، مشيدا بجهود الأردن.");
  AddEntity(a, "RUSGOV", "وزير الطاقة الروسي", "PERSON", "RUSGOV", "RUS");
  AddEntity(a, "RUS", "الروسية", "GPE", "RUS", "RUS");
  AddEntity(a, "EGYGOV", "الوزير المصري", "PERSON", "EGYGOV", "EGY");
  AddEntity(a, "JOR", "الأردن", "GPE", "JOR", "JOR");
  coder_->Code(a);
  EXPECT_FALSE(Has(a, "RUSGOV>RUS:051:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_TRUE(Has(a, "EGYGOV>JOR:051:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, BelongingToNamesTheTarget) {  // معسكر تابع لـ Y: the camp stands for Y
  Article a = MakeArticle("شنت طائرات إسرائيلية غارة جوية على معسكر تابع لحركة الجهاد في غزة.");
  AddEntity(a, "ISR", "إسرائيلية", "GPE", "ISR", "ISR");
  AddEntity(a, "PIJ", "حركة الجهاد", "ORG", "PSEREB", "PSE");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "ISR>PIJ:195:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, HoldingResponsibleIsBlame) {
  Article a = MakeArticle("وحمل الجيش الباكستاني الهند مسؤولية التصعيد على الحدود.");
  AddEntity(a, "PAKMIL", "الجيش الباكستاني", "ORG", "PAKMIL", "PAK");
  AddEntity(a, "IND", "الهند", "GPE", "IND", "IND");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "PAKMIL>IND:112:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, ProvidingAidAsANoun) {
  Article a = MakeArticle("وأعلنت اليابان تقديم مساعدات إنسانية عاجلة إلى السودان.");
  AddEntity(a, "JPN", "اليابان", "GPE", "JPN", "JPN");
  AddEntity(a, "SDN", "السودان", "GPE", "SDN", "SDN");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "JPN>SDN:073:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, SentenceOpeningVerbContinuesThePreviousSubject) {
  Article a = MakeArticle(
      "استقبل الرئيس التونسي وزير الخارجية الجزائري في قرطاج. وبحث معه التعاون بين البلدين. "
      "وطالب المجتمع الدولي الجزائر بالمزيد.");
  AddEntity(a, "TUNGOV", "الرئيس التونسي", "PERSON", "TUNGOV", "TUN");
  AddEntity(a, "DZAGOV", "وزير الخارجية الجزائري", "PERSON", "DZAGOV", "DZA");
  AddEntity(a, "DZA", "الجزائر", "GPE", "DZA", "DZA");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "TUNGOV>DZAGOV:040:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "TUNGOV>DZA:100:asserted"));  // the sentence names its own subject
}

TEST_F(EventCoderTest, FirstPersonVerbInAQuoteIsTheSpeakers) {  // "سوف نثير ... لدى"
  Article a = MakeArticle("وقال وزير الخارجية الهولندي في بيان: \"سوف ندين فنزويلا بسبب هذا القرار الخطير\".");
  AddEntity(a, "NLDGOV", "وزير الخارجية الهولندي", "PERSON", "NLDGOV", "NLD");
  AddEntity(a, "VEN", "فنزويلا", "GPE", "VEN", "VEN");
  coder_->Code(a);
  ASSERT_FALSE(a.quotes.empty());
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "NLDGOV") << a.quotes[0].text;
  EXPECT_TRUE(Has(a, "NLDGOV>VEN:111:future")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, UnnamedPluralSubjectIsNoActor) {  // أطلقت امرأتان النار على القنصلية
  Article a = MakeArticle("أطلق مسلحون النار على السفارة الأمريكية في المدينة. وهاجم مقاتلون فلسطينيون موقعا إسرائيليا.");
  AddEntity(a, "USA", "الأمريكية", "GPE", "USA", "USA");
  AddEntity(a, "PSE", "فلسطينيون", "GPE", "PSE", "PSE");
  AddEntity(a, "ISR", "إسرائيليا", "GPE", "ISR", "ISR");
  coder_->Code(a);
  for (const Event& e : a.events) EXPECT_NE(e.source.entity.value_or(""), "USA") << e.cameo_code;
}

TEST_F(EventCoderTest, RelativeVerbWithItsOwnSubject) {  // التي ساندتها باكستان: Pakistan acts
  Article a = MakeArticle("ردت الحكومة الأفغانية التي انتقدتها باكستان أمس على الاتهامات.");
  AddEntity(a, "AFGGOV", "الحكومة الأفغانية", "ORG", "AFGGOV", "AFG");
  AddEntity(a, "PAK", "باكستان", "GPE", "PAK", "PAK");
  coder_->Code(a);
  EXPECT_FALSE(Has(a, "AFGGOV>PAK:111:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, AnyTargetIsNotAPlace) {  // صوت ضد ... في X: X is where, not whom
  Article a = MakeArticle("صوتت الهند في الأمم المتحدة ضد مشروع قرار قدمته باكستان.");
  AddEntity(a, "IND", "الهند", "GPE", "IND", "IND");
  AddEntity(a, "UNO", "الأمم المتحدة", "ORG", "IGOUNO", std::nullopt);
  AddEntity(a, "PAK", "باكستان", "GPE", "PAK", "PAK");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "IND>PAK:120:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "IND>UNO:120:asserted"));
}

TEST_F(EventCoderTest, MergeKey) {
  Event e;
  e.source.cameo = "RUS";
  e.target.entity = "ner:abc";
  e.cameo_code = "040";
  e.date = "2025-02-12";
  EXPECT_EQ(EventMergeKey(e, "s1"), "s1|RUS|ner:abc|040|asserted|2025-02-12");
  e.date.reset();
  e.target = {};
  EXPECT_EQ(EventMergeKey(e, "s1"), "s1|RUS|-|040|asserted|-");
}

TEST_F(EventCoderTest, NeverFailsOnOddInput) {
  Article a = MakeArticle("«««\"\"\" قال إن بين و مع من .. ؛؛ :");
  AddEntity(a, "X", "قال", "GPE", "XXX", "XXX");
  Entity bad;
  bad.id = "bad";
  bad.cameo = "BAD";
  bad.mentions.push_back({500, 600, "out of range"});
  bad.mentions.push_back({3, 2, "reversed"});
  a.entities.push_back(bad);
  coder_->Code(a);
  Article empty = MakeArticle("");
  coder_->Code(empty);
  EXPECT_TRUE(empty.events.empty());
}

// Places (LOC with a country) are targets of what is done to a place, never subjects, and
// not targets when they say where (في حلب، شمال الفلوجة) or of meetings and statements.
TEST_F(EventCoderTest, PlacesAreTargetsOfAttacksOnly) {
  Article a = MakeArticle("قصفت الطائرات الإسرائيلية غزة. والتقى وزير الخارجية السعودي نظيره الأمريكي في حلب.");
  AddEntity(a, "ISR", "الإسرائيلية", "GPE", "ISR", "ISR");
  AddEntity(a, "loc:PSE:Gaza Strip", "غزة", "LOC", std::nullopt, "PSE");
  AddEntity(a, "SAUGOV", "وزير الخارجية السعودي", "ORG", "SAUGOV", "SAU");
  AddEntity(a, "USAGOV", "نظيره الأمريكي", "ORG", "USAGOV", "USA");
  AddEntity(a, "loc:SYR:Aleppo", "حلب", "LOC", std::nullopt, "SYR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "ISR>loc:PSE:Gaza Strip:195:asserted")) << ::testing::PrintToString(Summary(a));
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].target.country, "PSE");
  for (const Event& e : a.events) {
    EXPECT_NE(e.source.country, "SYR") << e.cameo_code;
    EXPECT_NE(e.target.country, "SYR") << e.cameo_code;
  }
  bool located = false;
  for (const Event& e : a.events) located |= e.location_country.value_or("") == "SYR";
  EXPECT_TRUE(located);
}

TEST_F(EventCoderTest, PlaceIsNoSubjectAndItsCountryAdjectiveNoActor) {
  // في مدينة الرقة ... اعتقل: the city is where; ميلانو الإيطالية names no Italian actor.
  Article a = MakeArticle("وفي مدينة الرقة اعتقل تنظيم داعش ثلاثة صحفيين. ووصل وفد سعودي أمس إلى ميلانو الإيطالية للمشاركة في معرض.");
  AddEntity(a, "loc:SYR:Raqqa", "الرقة", "LOC", std::nullopt, "SYR");
  AddEntity(a, "ISIS", "داعش", "ORG", "IMGREBISL", std::nullopt);
  AddEntity(a, "SAU", "سعودي", "GPE", "SAU", "SAU");
  AddEntity(a, "loc:ITA:Milan", "ميلانو", "LOC", std::nullopt, "ITA");
  AddEntity(a, "ITA", "الإيطالية", "GPE", "ITA", "ITA");
  coder_->Code(a);
  for (const Event& e : a.events) {
    EXPECT_NE(e.source.country, "SYR") << e.cameo_code;
    EXPECT_NE(e.source.country, "ITA") << e.cameo_code;
  }
}



// بين with described sides: each side's actor is named inside a noun phrase (delegates from
// X and officials of Y), so the two sides are separate groups and give a pair both ways.
TEST_F(EventCoderTest, BetweenDescribedSides) {
  Article a = MakeArticle("وتجري مفاوضات في جنيف بين مندوبين عن الحكومة الأردنية وخبراء من اليابان وكوريا الجنوبية حول المياه.");
  AddEntity(a, "JORGOV", "الحكومة الأردنية", "ORG", "JORGOV", "JOR");
  AddEntity(a, "JPN", "اليابان", "GPE", "JPN", "JPN");
  AddEntity(a, "KOR", "كوريا الجنوبية", "GPE", "KOR", "KOR");
  AddEntity(a, "geneva", "جنيف", "LOC", std::nullopt, "CHE");
  coder_->Code(a);
  const auto s = Summary(a);
  EXPECT_TRUE(Has(a, "JORGOV>JPN:046:asserted")) << ::testing::PrintToString(s);
  EXPECT_TRUE(Has(a, "JPN>JORGOV:046:asserted")) << ::testing::PrintToString(s);
  EXPECT_TRUE(Has(a, "KOR>JORGOV:046:asserted")) << ::testing::PrintToString(s);
  EXPECT_FALSE(Has(a, "JPN>KOR:046:asserted")) << "the two members of one side are no dyad";
}

TEST_F(EventCoderTest, BetweenSidesMarkedByJiha) {  // من جهة ... من جهة أخرى
  Article a = MakeArticle("انطلقت محادثات بين كندا والمكسيك من جهة والبرازيل من جهة أخرى بشأن التجارة.");
  AddEntity(a, "CAN", "كندا", "GPE", "CAN", "CAN");
  AddEntity(a, "MEX", "المكسيك", "GPE", "MEX", "MEX");
  AddEntity(a, "BRA", "البرازيل", "GPE", "BRA", "BRA");
  coder_->Code(a);
  const auto s = Summary(a);
  EXPECT_TRUE(Has(a, "CAN>BRA:040:asserted")) << ::testing::PrintToString(s);
  EXPECT_TRUE(Has(a, "BRA>MEX:040:asserted")) << ::testing::PrintToString(s);
  EXPECT_FALSE(Has(a, "CAN>MEX:040:asserted")) << ::testing::PrintToString(s);
}

// The first side names nobody (بين الرئيس المضيف والرئيس الكيني): no split, and the actor of
// the second side is not paired with something later in the sentence.
TEST_F(EventCoderTest, BetweenFirstSideUnnamed) {
  Article a = MakeArticle("وتناولت المحادثات بين الرئيس المضيف والرئيس الكيني مستقبل التعاون مع فرنسا.");
  AddEntity(a, "KENGOV", "الرئيس الكيني", "PERSON", "KENGOV", "KEN");
  AddEntity(a, "FRA", "فرنسا", "GPE", "FRA", "FRA");
  coder_->Code(a);
  EXPECT_FALSE(Has(a, "KENGOV>FRA:040:asserted")) << ::testing::PrintToString(Summary(a));
  EXPECT_FALSE(Has(a, "FRA>KENGOV:040:asserted")) << ::testing::PrintToString(Summary(a));
}

// An attack with no target named hits the place it happened in, when that place is in
// another country than the attacker's; a state's own forces at home give no dyad.
TEST_F(EventCoderTest, AttackedPlaceIsTarget) {
  Article a = MakeArticle("نفذت جماعة بوكو حرام تفجيرا انتحاريا في مدينة ديفا أمس.");
  AddEntity(a, "BOKO", "جماعة بوكو حرام", "ORG", "NGAREB", "NGA");
  AddEntity(a, "loc:NER:Diffa", "ديفا", "LOC", std::nullopt, "NER");
  coder_->Code(a);
  const auto s = Summary(a);
  ASSERT_TRUE(Has(a, "BOKO>loc:NER:Diffa:183:asserted")) << ::testing::PrintToString(s);
  for (const Event& e : a.events) {
    if (e.cameo_code == "183") {
      EXPECT_EQ(e.location_country.value_or(""), "NER");
    }
  }

  Article home = MakeArticle("قصف الجيش النيجيري مواقع للمسلحين في مدينة مايدوغوري.");
  AddEntity(home, "NGAMIL", "الجيش النيجيري", "ORG", "NGAMIL", "NGA");
  AddEntity(home, "loc:NGA:Maiduguri", "مايدوغوري", "LOC", std::nullopt, "NGA");
  coder_->Code(home);
  for (const Event& e : home.events) EXPECT_FALSE(e.target.entity.has_value()) << e.cameo_code;
}

// What is struck belongs to the actor after it: that actor is the target of the noun
// trigger, never its subject.
TEST_F(EventCoderTest, ObjectHeadNounMakesTarget) {
  Article a = MakeArticle("وواصلت المقاتلات التركية أمس قصف مواقع حزب العمال الكردستاني شمال العراق.");
  AddEntity(a, "TURMIL", "المقاتلات التركية", "ORG", "TURMIL", "TUR");
  AddEntity(a, "PKK", "حزب العمال الكردستاني", "ORG", "TURREB", "TUR");
  AddEntity(a, "IRQ", "العراق", "GPE", "IRQ", "IRQ");
  coder_->Code(a);
  const auto s = Summary(a);
  EXPECT_TRUE(Has(a, "TURMIL>PKK:195:asserted") || Has(a, "TURMIL>PKK:190:asserted") ||
              Has(a, "TURMIL>PKK:194:asserted"))
      << ::testing::PrintToString(s);
  for (const Event& e : a.events) EXPECT_NE(e.source.entity.value_or(""), "PKK") << e.cameo_code;
}

// A stance towards an act (عدم ممانعته، معارضتها) does not make its holder the doer.
TEST_F(EventCoderTest, StanceNounBeforeTrigger) {
  Article a = MakeArticle("وأعلن المستشار الألماني عدم ممانعته نشر قوات بريطانية في إستونيا.");
  AddEntity(a, "DEUGOV", "المستشار الألماني", "PERSON", "DEUGOV", "DEU");
  AddEntity(a, "EST", "إستونيا", "GPE", "EST", "EST");
  coder_->Code(a);
  for (const Event& e : a.events) EXPECT_NE(e.cameo_code, "154") << ::testing::PrintToString(Summary(a));
}


// A visit noun before a country: the country is visited (بزيارة الأردن); after a definite
// visit noun the country word is the visitor's nationality (الزيارة الفرنسية لتونس).
TEST_F(EventCoderTest, VisitNounGenitiveCountryIsVisited) {
  Article a = MakeArticle("وقام وزير الخارجية الياباني بزيارة الأردن أمس.");
  AddEntity(a, "JPNGOV", "وزير الخارجية الياباني", "PERSON", "JPNGOV", "JPN");
  AddEntity(a, "JOR", "الأردن", "GPE", "JOR", "JOR");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "JPNGOV>JOR:042:asserted")) << ::testing::PrintToString(Summary(a));

  Article b = MakeArticle("وتأتي الزيارة الفرنسية لتونس بعد أسابيع من الهجوم.");
  AddEntity(b, "FRA", "الفرنسية", "GPE", "FRA", "FRA");
  AddEntity(b, "TUN", "تونس", "GPE", "TUN", "TUN");
  coder_->Code(b);
  EXPECT_TRUE(Has(b, "FRA>TUN:042:asserted")) << ::testing::PrintToString(Summary(b));
}

// ل before ال drops the alif (للقاهرة): the whole word is the mention, ل still its preposition.
TEST_F(EventCoderTest, LamBeforeArticleIsAPreposition) {
  Article a = MakeArticle("وجاءت زيارة الوزير التونسي للقاهرة بعد أسابيع.");
  AddEntity(a, "TUNGOV", "الوزير التونسي", "PERSON", "TUNGOV", "TUN");
  AddEntity(a, "EGYGOV", "للقاهرة", "ORG", "EGYGOV", "EGY");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "TUNGOV>EGYGOV:042:asserted")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, NegatedPeriphrasticQama) {  // لم يقم ... بزيارة
  Article a = MakeArticle("ولم يقم أي رئيس برازيلي بزيارة أستراليا من قبل.");
  AddEntity(a, "BRA", "برازيلي", "GPE", "BRA", "BRA");
  AddEntity(a, "AUS", "أستراليا", "GPE", "AUS", "AUS");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "BRA>AUS:042:negated")) << ::testing::PrintToString(Summary(a));
}

TEST_F(EventCoderTest, WaHattaJoinsTheCompound) {  // X وY وحتى Z: one list of targets
  Article a = MakeArticle("انتقدت كندا فنزويلا وكوبا وحتى نيكاراغوا في تقريرها السنوي.");
  AddEntity(a, "CAN", "كندا", "GPE", "CAN", "CAN");
  AddEntity(a, "VEN", "فنزويلا", "GPE", "VEN", "VEN");
  AddEntity(a, "CUB", "كوبا", "GPE", "CUB", "CUB");
  AddEntity(a, "NIC", "نيكاراغوا", "GPE", "NIC", "NIC");
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "CAN>NIC:111:asserted")) << ::testing::PrintToString(Summary(a));
}

// A state and one of its own bodies or officials are one side, not a dyad; its rebels are not.
TEST_F(EventCoderTest, NoDyadInsideOneState) {
  Article a = MakeArticle("وانتقد وزير الخارجية البيروفي البيرو في مقابلة.");
  AddEntity(a, "PERGOV", "وزير الخارجية البيروفي", "PERSON", "PERGOV", "PER");
  AddEntity(a, "PER", "البيرو", "GPE", "PER", "PER");
  coder_->Code(a);
  EXPECT_TRUE(a.events.empty()) << ::testing::PrintToString(Summary(a));

  Article b = MakeArticle("وهاجم المتمردون الماليون مالي بعنف.");
  AddEntity(b, "MLIREB", "المتمردون الماليون", "ORG", "MLIREB", "MLI");
  AddEntity(b, "MLI", "مالي", "GPE", "MLI", "MLI");
  coder_->Code(b);
  EXPECT_TRUE(Has(b, "MLIREB>MLI:111:asserted")) << ::testing::PrintToString(Summary(b));
}

TEST_F(EventCoderTest, LookingForwardToMeetIsIntent) {  // يتطلع للقاء -> 036
  Article a = MakeArticle("وقال المتحدث إن الرئيس الكوري يتطلع للقاء الرئيس المكسيكي الشهر المقبل.");
  AddEntity(a, "KORGOV", "الرئيس الكوري", "PERSON", "KORGOV", "KOR");
  AddEntity(a, "MEXGOV", "الرئيس المكسيكي", "PERSON", "MEXGOV", "MEX");
  coder_->Code(a);
  const auto s = Summary(a);
  EXPECT_TRUE(Has(a, "KORGOV>MEXGOV:036:asserted") || Has(a, "KORGOV>MEXGOV:036:future")) << ::testing::PrintToString(s);
}

TEST_F(EventCoderTest, HostileStatementsNoun) {  // تصريحات X المسيئة لـ Y -> 111
  Article a = MakeArticle("وأثارت تصريحات الوزير الهولندي المسيئة للمغرب موجة غضب.");
  AddEntity(a, "NLDGOV", "الوزير الهولندي", "PERSON", "NLDGOV", "NLD");
  AddEntity(a, "MAR", "للمغرب", "GPE", "MAR", "MAR");  // the resolver's mention holds the fused لل
  coder_->Code(a);
  EXPECT_TRUE(Has(a, "NLDGOV>MAR:111:asserted")) << ::testing::PrintToString(Summary(a));
}


TEST_F(EventCoderTest, AgreementToMeetIsIntent) {  // الاتفاق على عقد اجتماع قريب بين X و Y
  Article a = MakeArticle("وأوضح أنه تم الاتفاق على عقد اجتماع قريب بين النرويج وكينيا في أوسلو.");
  AddEntity(a, "NOR", "النرويج", "GPE", "NOR", "NOR");
  AddEntity(a, "KEN", "كينيا", "GPE", "KEN", "KEN");
  coder_->Code(a);
  const auto s = Summary(a);
  EXPECT_TRUE(Has(a, "NOR>KEN:036:future")) << ::testing::PrintToString(s);
  EXPECT_TRUE(Has(a, "KEN>NOR:036:future")) << ::testing::PrintToString(s);
  EXPECT_FALSE(Has(a, "NOR>KEN:040:asserted")) << "the meeting is agreed, not held";
}

}  // namespace
}  // namespace marsad::events
