#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

TEST(CivilDateTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromIso("2025-02-16").value(), DaysFromCivil(2025, 2, 16));
  EXPECT_EQ(DaysFromIso("2025-02-16T10:00:00+03:00").value(), DaysFromCivil(2025, 2, 16));
}

TEST(CivilDateTest, RoundTripsEveryDayOverFourCenturies) {
  for (int64_t d = DaysFromCivil(1800, 1, 1); d <= DaysFromCivil(2200, 12, 31); ++d) {
    ASSERT_EQ(DaysFromIso(IsoFromDays(d)).value(), d) << IsoFromDays(d);
  }
  EXPECT_EQ(IsoFromDays(DaysFromCivil(2024, 2, 29)), "2024-02-29");
}

TEST(CivilDateTest, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "2025-2-16", "2025-02-30", "2023-02-29", "2025-13-01", "abcd-ef-gh", "2025/02/16"}) {
    EXPECT_FALSE(DaysFromIso(bad)) << bad;
  }
  EXPECT_TRUE(DaysFromIso("2024-02-29"));
}

}  // namespace
}  // namespace marsad
