#include "clean/byline_reader.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

class BylineReaderTest : public ::testing::Test {
 protected:
  std::optional<Byline> Read(std::string_view p, bool more = true) { return ReadByline(p, more, outlets_, wires_); }
  OutletTable outlets_;
  WireFinder wires_;
};

TEST_F(BylineReaderTest, WriterOutletPlaceBeforeColon) {
  std::string p = "سالم العتيبي- سبق- الطائف: افتتح أمين المحافظة اليوم حديقة جديدة.";
  auto b = Read(p);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "سالم العتيبي- سبق- الطائف:");
  EXPECT_EQ(p.substr(b->bytes), "افتتح أمين المحافظة اليوم حديقة جديدة.");
  EXPECT_EQ(b->writers, std::vector<std::string>{"سالم العتيبي"});
  EXPECT_EQ(b->place, "الطائف");
  EXPECT_TRUE(b->wires.empty());
}

TEST_F(BylineReaderTest, TwoWritersAndEnDashes) {
  auto b = Read("منى خالد– نورة سعد– سبق– جدة: بدأت الجهات المختصة أعمال الصيانة.");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->writers, (std::vector<std::string>{"منى خالد", "نورة سعد"}));
  EXPECT_EQ(b->place, "جدة");
}

TEST_F(BylineReaderTest, CommaSeparatedWriters) {
  auto b = Read("بدر العتيبي، عبدالله البرقاوي، سارة علي- سبق- الرياض: أطلقت الأمانة حملة نظافة.");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->writers, (std::vector<std::string>{"بدر العتيبي", "عبدالله البرقاوي", "سارة علي"}));
  EXPECT_EQ(b->place, "الرياض");
}

TEST_F(BylineReaderTest, UncreditedWriterPlaceLineAloneAtTheTop) {
  auto b = Read("غالب السهلي – بريدة");
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->writers.empty());
  EXPECT_TRUE(b->place.empty());
  EXPECT_FALSE(Read("غالب السهلي – بريدة: بدأت أمس فعاليات المهرجان"));  // needs a credit
  EXPECT_FALSE(Read("الحلقة 3 – الموسم الثاني"));
}

TEST_F(BylineReaderTest, PlaceBeforeAgencyIsThePlace) {
  auto b = Read("الرياض - واس: استقبل الوزير في مكتبه السفير الياباني.");
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->writers.empty());
  EXPECT_EQ(b->place, "الرياض");
  EXPECT_EQ(b->wires, std::vector<std::string>{"SPA"});
  auto r = Read("رويترز- القاهرة (مصر): قالت مصادر أمنية إن الهجوم وقع فجرا.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->wires, std::vector<std::string>{"Reuters"});
  EXPECT_EQ(r->place, "القاهرة");
}

TEST_F(BylineReaderTest, WholeLineBylineWithPhotoCredit) {
  auto b = Read("عين اليوم – باريس");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->bytes, std::string("عين اليوم – باريس").size());
  EXPECT_EQ(b->place, "باريس");
  auto w = Read("ماجد الحربي – عين اليوم (تصوير: أحمد)");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->writers, std::vector<std::string>{"ماجد الحربي"});
  // Alone on the page, the line is all there is: kept.
  EXPECT_FALSE(Read("عين اليوم – باريس", /*more=*/false));
}

TEST_F(BylineReaderTest, SentencesWithDashesAreNotBylines) {
  EXPECT_FALSE(Read("قال النائب -عن القوات اللبنانية- إن الحكومة فشلت: وهذا رأيه."));
  EXPECT_FALSE(Read("1917 - الحرب العالمية الأولى"));
  EXPECT_FALSE(Read("مرشد البذال -رحمه الله- كان رجلا كريما يحب الناس ويساعدهم في كل وقت."));
  EXPECT_FALSE(Read("سبق: خبر بلا شرطة"));                       // one segment
  EXPECT_FALSE(Read("محمد - علي - جدة: لا جهة تنسب إليها الخبر"));  // no outlet or agency
  EXPECT_FALSE(Read(""));
}

}  // namespace
}  // namespace marsad::clean
