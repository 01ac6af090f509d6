#include "dedup/near_duplicate_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/normalizer.h"

namespace marsad::dedup {
namespace {

// A made-up news item, one sentence per entry (written for this test).
const std::vector<std::string> kStory = {
    "أعلنت وزارة الصحة اليوم الثلاثاء عن افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمائة سرير.",
    "وقال المتحدث الرسمي باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الطبية في المنطقة "
    "الغربية.",
    "وأضاف أن المستشفى سيضم أقساما متخصصة لأمراض القلب والأورام وجراحة الأطفال.",
    "وبلغت تكلفة المشروع نحو ثمانمائة مليون ريال بحسب البيان الصادر عن الوزارة.",
    "ومن المتوقع أن يستقبل المستشفى أول المرضى مطلع العام المقبل بعد استكمال تجهيز غرف العمليات.",
    "وأشار المتحدث إلى أن الوزارة تعاقدت مع أكثر من ألف طبيب وممرض للعمل في المنشأة الجديدة.",
    "كما سيتم ربط المستشفى إلكترونيا بالمراكز الصحية الأولية في الأحياء المجاورة لتسهيل تحويل "
    "الحالات.",
    "وأوضح أن نسبة الإشغال في مستشفيات جدة الحالية تجاوزت تسعين في المائة خلال الأشهر الماضية.",
    "ولفت إلى أن المبنى صمم وفق معايير الاستدامة ويعتمد جزئيا على الطاقة الشمسية.",
    "وأكد البيان أن الوزارة ستطلق برنامجا لتدريب الكوادر الوطنية على تشغيل الأجهزة الحديثة.",
    "ويأتي الإعلان بعد زيارة ميدانية قام بها وزير الصحة للموقع الأسبوع الماضي.",
    "وتعمل الوزارة حاليا على إنشاء خمسة مستشفيات أخرى في مناطق مختلفة من المملكة.",
    "وتشمل الخطة توسعة أقسام الطوارئ في المستشفيات القائمة وزيادة عدد سيارات الإسعاف.",
    "وذكر المتحدث أن الوزارة خصصت جناحا لكبار السن يقدم الرعاية المنزلية بعد الخروج.",
    "وبين أن مواقف السيارات تتسع لأكثر من ألفي مركبة مع ممرات خاصة لذوي الإعاقة.",
    "واختتم البيان بدعوة السكان إلى التسجيل في المنصة الإلكترونية لفتح ملفات طبية.",
};

const std::vector<std::string> kOtherStoryOnSameTopic = {
    "افتتح وزير الصحة صباح الأربعاء المستشفى الجديد في جدة وسط حضور عدد من المسؤولين.",
    "وتجول الوزير في أقسام القلب والأورام واستمع إلى شرح من مدير المستشفى عن الخدمات المقدمة.",
    "وقال مدير المستشفى إن المنشأة استقبلت في يومها الأول عشرات المراجعين من أحياء جدة المختلفة.",
    "وأبدى عدد من المواطنين ارتياحهم لقرب المستشفى من منازلهم بعد سنوات من الانتظار.",
    "وكانت الوزارة قد أعلنت في وقت سابق أن تكلفة المشروع بلغت ثمانمائة مليون ريال.",
    "وتطرق الوزير في كلمته إلى نقص الأسرة في المنطقة الغربية وخطط معالجته خلال العامين المقبلين.",
    "ودعا الوزير القطاع الخاص إلى المشاركة في تشغيل بعض الخدمات المساندة في المستشفى.",
    "واختتمت الجولة بتكريم الفرق الهندسية التي شاركت في إنشاء المبنى.",
};

std::string Join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const std::string& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return text::MatchKey(out);
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

// A sentence removed and two words changed.
std::string EditedCopy() {
  std::vector<std::string> s = kStory;
  s.erase(s.begin() + 7);
  s[0] = Replace(s[0], "الثلاثاء", "الأربعاء");
  s[8] = Replace(s[8], "الحديثة", "المتطورة");
  return Join(s);
}

// A sentence added and two words changed.
std::string ExtendedCopy() {
  std::vector<std::string> s = kStory;
  s.insert(s.begin() + 5, "وفي سياق متصل دشنت الوزارة تطبيقا لحجز المواعيد عبر الهاتف.");
  s[3] = Replace(s[3], "نحو", "قرابة");
  s[12] = Replace(s[12], "خمسة", "ستة");
  return Join(s);
}

TEST(NearDuplicateIndexTest, IdenticalTextIsFound) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.FindOrAdd("a", Join(kStory)), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("b", Join(kStory)), "a");
  EXPECT_EQ(index.size(), 1u);  // duplicates are not stored
}

TEST(NearDuplicateIndexTest, PunctuationAndSpacingDoNotMatter) {
  NearDuplicateIndex index;
  const Signature a = index.Compute("قال الوزير، إن المشروع «كبير» جدا.");
  const Signature b = index.Compute("قال الوزير   إن المشروع كبير جدا");
  EXPECT_EQ(a.mins, b.mins);
  EXPECT_EQ(a.exact_key, b.exact_key);
}

TEST(NearDuplicateIndexTest, LightlyEditedCopiesAreFound) {
  NearDuplicateIndex index;
  const Signature orig = index.Compute(Join(kStory));
  for (const std::string& copy : {EditedCopy(), ExtendedCopy()}) {
    const double j = NearDuplicateIndex::EstimateJaccard(orig, index.Compute(copy));
    EXPECT_GE(j, 0.8);
    EXPECT_LT(j, 1.0);
  }
  ASSERT_EQ(index.FindOrAdd("orig", Join(kStory)), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("edit", EditedCopy()), "orig");
  EXPECT_EQ(index.FindOrAdd("extended", ExtendedCopy()), "orig");
  EXPECT_EQ(index.size(), 1u);
}

TEST(NearDuplicateIndexTest, DifferentArticleOnSameTopicIsNotFound) {
  NearDuplicateIndex index;
  const Signature a = index.Compute(Join(kStory));
  const Signature b = index.Compute(Join(kOtherStoryOnSameTopic));
  EXPECT_LT(NearDuplicateIndex::EstimateJaccard(a, b), 0.2);
  ASSERT_EQ(index.FindOrAdd("a", Join(kStory)), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("b", Join(kOtherStoryOnSameTopic)), std::nullopt);
  EXPECT_EQ(index.size(), 2u);
}

TEST(NearDuplicateIndexTest, ReturnsTheEarliestMatch) {
  // first = sentences 0-11; second = 2-11 plus X, Y (not a duplicate of first);
  // query = 1-11 plus X: near both, and the earlier one must win.
  const std::string x = "وفي سياق متصل دشنت الوزارة تطبيقا لحجز المواعيد عبر الهاتف.";
  const std::string y = "ويمكن للمراجعين تقييم الخدمة بعد كل زيارة من خلال رسالة نصية.";
  std::vector<std::string> second(kStory.begin() + 2, kStory.end());
  second.push_back(x);
  second.push_back(y);
  std::vector<std::string> query(kStory.begin() + 1, kStory.end());
  query.push_back(x);
  NearDuplicateIndex::Options o;
  o.threshold = 0.8;
  NearDuplicateIndex index(o);
  const Signature sf = index.Compute(Join(kStory)), ss = index.Compute(Join(second)),
                  sq = index.Compute(Join(query));
  ASSERT_LT(NearDuplicateIndex::EstimateJaccard(sf, ss), 0.8);
  ASSERT_GE(NearDuplicateIndex::EstimateJaccard(sq, sf), 0.8);
  ASSERT_GE(NearDuplicateIndex::EstimateJaccard(sq, ss), 0.8);
  ASSERT_EQ(index.FindOrAdd("first", Join(kStory)), std::nullopt);
  ASSERT_EQ(index.FindOrAdd("second", Join(second)), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("query", Join(query)), "first");
  // The other order of insertion gives the other answer.
  NearDuplicateIndex reversed(o);
  ASSERT_EQ(reversed.FindOrAdd("second", Join(second)), std::nullopt);
  ASSERT_EQ(reversed.FindOrAdd("first", Join(kStory)), std::nullopt);
  EXPECT_EQ(reversed.FindOrAdd("query", Join(query)), "second");
}

TEST(NearDuplicateIndexTest, EmptyAndPunctuationOnlyTextsAreNeverDuplicates) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.FindOrAdd("e1", ""), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("e2", ""), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("p1", "... ، ؟ !"), std::nullopt);
  EXPECT_EQ(index.size(), 0u);
  const Signature s = index.Compute("");
  EXPECT_TRUE(s.mins.empty());
  EXPECT_EQ(NearDuplicateIndex::EstimateJaccard(s, s), 0.0);
}

TEST(NearDuplicateIndexTest, ShortTextsMatchOnlyExactly) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.FindOrAdd("s1", "ارتفاع أسعار النفط اليوم"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd("s2", "ارتفاع أسعار النفط اليوم!"), "s1");
  EXPECT_EQ(index.FindOrAdd("s3", "ارتفاع أسعار الذهب اليوم"), std::nullopt);
  // A long text starting with the short one is not its duplicate.
  EXPECT_EQ(index.FindOrAdd("long", "ارتفاع أسعار النفط اليوم " + Join(kStory)), std::nullopt);
}

TEST(NearDuplicateIndexTest, DeterministicAcrossIndexes) {
  NearDuplicateIndex a, b;
  EXPECT_EQ(a.Compute(Join(kStory)).mins, b.Compute(Join(kStory)).mins);
  EXPECT_EQ(a.Compute(Join(kStory)).mins.size(), 128u);
  NearDuplicateIndex::Options other;
  other.seed = 7;
  NearDuplicateIndex c(other);
  EXPECT_NE(a.Compute(Join(kStory)).mins, c.Compute(Join(kStory)).mins);
  // Same input sequence -> same answers.
  const std::vector<std::string> docs = {Join(kStory), EditedCopy(), Join(kOtherStoryOnSameTopic),
                                         Join(kStory)};
  std::vector<std::optional<std::string>> ra, rb;
  for (size_t i = 0; i < docs.size(); ++i) {
    ra.push_back(a.FindOrAdd("d" + std::to_string(i), docs[i]));
    rb.push_back(b.FindOrAdd("d" + std::to_string(i), docs[i]));
  }
  EXPECT_EQ(ra, rb);
  EXPECT_EQ(ra[1], "d0");
  EXPECT_EQ(ra[2], std::nullopt);
  EXPECT_EQ(ra[3], "d0");
}

TEST(NearDuplicateIndexTest, InvalidOptionsFallBackToDefaults) {
  NearDuplicateIndex::Options bad;
  bad.num_hashes = 100;  // != bands * rows
  bad.threshold = 0;
  NearDuplicateIndex index(bad);
  EXPECT_EQ(index.options().num_hashes, 128);
  EXPECT_EQ(index.options().threshold, 0.55);
}

}  // namespace
}  // namespace marsad::dedup
