#include "clean/date_parser.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

class DateParserTest : public ::testing::Test {
 protected:
  std::string Iso(std::string_view text, const DateValue* ref = nullptr) {
    auto r = parser_.Parse(text, ref);
    return r.ok() ? r.value().ToIso() : "none";
  }
  DateParser parser_;
};

TEST_F(DateParserTest, Iso) {
  EXPECT_EQ(Iso("2025-02-25"), "2025-02-25");
  EXPECT_EQ(Iso("2025/2/5"), "2025-02-05");
  EXPECT_EQ(Iso("2025-02-25T10:20:30Z"), "2025-02-25T10:20:30Z");
  EXPECT_EQ(Iso("2025-02-25T10:20:30+03:00"), "2025-02-25T10:20:30+03:00");
  EXPECT_EQ(Iso("2025-02-25T10:20:30.123-05:00"), "2025-02-25T10:20:30-05:00");
  EXPECT_EQ(Iso("2015-07-21 10:20:30"), "2015-07-21T10:20:30");
  EXPECT_EQ(Iso("2015-07-21 10:20"), "2015-07-21T10:20:00");
}

TEST_F(DateParserTest, NumericDayFirst) {
  EXPECT_EQ(Iso("25/02/2025"), "2025-02-25");
  EXPECT_EQ(Iso("5-2-2025"), "2025-02-05");
  EXPECT_EQ(Iso("25.02.2025"), "2025-02-25");
  EXPECT_EQ(Iso("نشر في ٢٥/٠٢/٢٠٢٥"), "2025-02-25");
  EXPECT_EQ(Iso("25/02-2025"), "none");  // mixed separators
}

TEST_F(DateParserTest, EnglishMonthNames) {
  EXPECT_EQ(Iso("February 25, 2025"), "2025-02-25");
  EXPECT_EQ(Iso("Feb 25 2025"), "2025-02-25");
  EXPECT_EQ(Iso("25 February 2025"), "2025-02-25");
  EXPECT_EQ(Iso("تاريخ النشر: 16th, February 2025 GMT"), "2025-02-16");
  EXPECT_EQ(Iso("1st of March, 2024"), "2024-03-01");
  EXPECT_EQ(Iso("Sept. 3, 2023"), "2023-09-03");
  EXPECT_EQ(Iso("March 3, 2024 at 5:07 PM"), "2024-03-03T17:07:00");
  EXPECT_EQ(Iso("MARCH 3, 2024"), "2024-03-03");
}

TEST_F(DateParserTest, ArabicMonthFamilies) {
  EXPECT_EQ(Iso("الثلاثاء 25 فبراير 2025"), "2025-02-25");
  EXPECT_EQ(Iso("٢٥ فبراير ٢٠٢٥"), "2025-02-25");
  EXPECT_EQ(Iso("3 ابريل 2024"), "2024-04-03");
  EXPECT_EQ(Iso("3 إبريل 2024"), "2024-04-03");
  EXPECT_EQ(Iso("10 يونيه 2019"), "2019-06-10");
  EXPECT_EQ(Iso("15 كانون الثاني 2024"), "2024-01-15");
  EXPECT_EQ(Iso("15 كانون الأول 2024"), "2024-12-15");
  EXPECT_EQ(Iso("1 تشرين الثاني 2023"), "2023-11-01");
  EXPECT_EQ(Iso("7 آذار 2022"), "2022-03-07");
  EXPECT_EQ(Iso("7 اذار 2022"), "2022-03-07");
  EXPECT_EQ(Iso("12 جويلية 2021"), "2021-07-12");
  EXPECT_EQ(Iso("25 فبراير/شباط 2025"), "2025-02-25");
  EXPECT_EQ(Iso("25 فبراير 2025م"), "2025-02-25");
  EXPECT_EQ(Iso("25 فبراير، 2025"), "2025-02-25");
}

TEST_F(DateParserTest, TimesAfterDates) {
  EXPECT_EQ(Iso("25 فبراير 2025 - 10:30 م"), "2025-02-25T22:30:00");
  EXPECT_EQ(Iso("25 فبراير 2025 الساعة 9:05 ص"), "2025-02-25T09:05:00");
  EXPECT_EQ(Iso("25 فبراير 2025 12:00 ص"), "2025-02-25T00:00:00");
  EXPECT_EQ(Iso("25/02/2025 14:05 GMT"), "2025-02-25T14:05:00Z");
  EXPECT_EQ(Iso("25/02/2025 25:05"), "2025-02-25");  // bad time is not taken
  EXPECT_EQ(Iso("25/02/2025 13:05 pm"), "2025-02-25");
}

TEST_F(DateParserTest, Hijri) {
  // 1 Ramadan 1446 AH = 1 March 2025 (Umm al-Qura).
  auto r = parser_.Parse("1 رمضان 1446 هـ");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().ToIso(), "2025-03-01");
  EXPECT_EQ(r.value().written_as, "hijri-umalqura");
  EXPECT_EQ(Iso("1 شوال 1436هـ"), "2015-07-17");
  EXPECT_EQ(Iso("1436/10/05 هـ"), "2015-07-21");
  EXPECT_EQ(Iso("10 ذو الحجة 1445"), "2024-06-16");
  EXPECT_EQ(Iso("1 محرم 1700"), "none");  // out of range
  EXPECT_EQ(Iso("31 رجب 1445"), "none");   // no 31st day
}

TEST_F(DateParserTest, Relative) {
  DateValue ref = DateValue::Ymd(2025, 3, 3);
  EXPECT_EQ(Iso("اليوم الاثنين", &ref), "2025-03-03");
  EXPECT_EQ(Iso("أمس", &ref), "2025-03-02");
  EXPECT_EQ(Iso("نشر أول أمس", &ref), "2025-03-01");
  EXPECT_EQ(Iso("منذ 3 أيام", &ref), "2025-02-28");
  EXPECT_EQ(Iso("منذ يومين", &ref), "2025-03-01");
  EXPECT_EQ(Iso("2 days ago", &ref), "2025-03-01");
  EXPECT_EQ(Iso("yesterday", &ref), "2025-03-02");
  DateValue jan1 = DateValue::Ymd(2024, 1, 1);
  EXPECT_EQ(Iso("أمس", &jan1), "2023-12-31");
  EXPECT_EQ(Iso("أمس"), "none");  // no reference, no guess
  EXPECT_EQ(parser_.Parse("أمس", &ref).value().written_as, "relative");
}

TEST_F(DateParserTest, InvalidDatesAreRejected) {
  EXPECT_EQ(Iso("2025-02-30"), "none");
  EXPECT_EQ(Iso("2024-02-29"), "2024-02-29");  // leap year
  EXPECT_EQ(Iso("2023-02-29"), "none");
  EXPECT_EQ(Iso("1900-02-29"), "none");
  EXPECT_EQ(Iso("2000-02-29"), "2000-02-29");
  EXPECT_EQ(Iso("2025-13-01"), "none");
  EXPECT_EQ(Iso("2025-00-10"), "none");
  EXPECT_EQ(Iso("32/01/2025"), "none");
  EXPECT_EQ(Iso("0 فبراير 2025"), "none");
  EXPECT_EQ(Iso("31 أبريل 2025"), "none");
  EXPECT_EQ(Iso("25 فبراير 3025"), "none");
  EXPECT_EQ(Iso("25 فبراير 1299"), "none");
  EXPECT_EQ(Iso("99999999/99/99"), "none");
  EXPECT_EQ(Iso("25 فبراير"), "none");  // no year
}

TEST_F(DateParserTest, Garbage) {
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("   "), "none");
  EXPECT_EQ(Iso("قال الرئيس إن 25 شخصا أصيبوا"), "none");
  EXPECT_EQ(Iso("\xEF\xBF\xBD\xEF\xBF\xBD 12 ::: // -- "), "none");
  EXPECT_EQ(Iso("2025"), "none");
  EXPECT_EQ(Iso("10:30"), "none");
  std::string huge(200000, '9');
  EXPECT_EQ(Iso(huge), "none");
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "1/ فبراير - ";
  EXPECT_EQ(Iso(many), "none");
}

TEST_F(DateParserTest, FindAllGivesSpansInTheInput) {
  std::string text = "وقع الحادث في ٢٥ فبراير ٢٠٢٥ وأعلن عنه يوم 1 مارس 2025.";
  auto all = parser_.FindAll(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value.ToIso(), "2025-02-25");
  EXPECT_EQ(all[1].value.ToIso(), "2025-03-01");
  // "في " is 3 code points after "وقع الحادث " (11): the date starts at 14.
  EXPECT_EQ(all[0].start, 14u);
  EXPECT_EQ(all[0].end, 14u + 14u);
  EXPECT_EQ(parser_.FindAll(text, nullptr, 1).size(), 1u);
}

TEST_F(DateParserTest, StaticHelpers) {
  EXPECT_TRUE(DateParser::IsValidGregorian(2024, 2, 29));
  EXPECT_FALSE(DateParser::IsValidGregorian(2025, 2, 29));
  EXPECT_FALSE(DateParser::FromHijri(1446, 13, 1).ok());
  EXPECT_EQ(DateParser::FromHijri(1446, 9, 1).value().ToIso(), "2025-03-01");
}

TEST_F(DateParserTest, YearlessDatesTakeTheNearestYearOfTheReference) {
  DateValue ref = DateValue::Ymd(2025, 1, 2);
  EXPECT_EQ(parser_.Parse("28 ديسمبر", &ref).value().ToIso(), "2024-12-28");
  EXPECT_EQ(parser_.Parse("الثلاثاء 7 يناير", &ref).value().ToIso(), "2025-01-07");
  EXPECT_EQ(parser_.Parse("February 25", &ref).value().ToIso(), "2025-02-25");
  EXPECT_EQ(parser_.Parse("25 شباط", &ref).value().written_as, "no-year");
  EXPECT_FALSE(parser_.Parse("25 فبراير").ok());                 // no reference: skipped
  EXPECT_FALSE(parser_.Parse("30 فبراير", &ref).ok());           // never a valid date
  EXPECT_EQ(parser_.Parse("25 فبراير 2019", &ref).value().ToIso(), "2019-02-25");  // a year wins
}

}  // namespace
}  // namespace marsad::clean
