// Day numbers for ISO dates: the windows of duplicate detection and story clustering are
// counted in days. Proleptic Gregorian calendar, days since 1970-01-01 (negative before).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marsad {

// Days since 1970-01-01 of y-m-d. REQUIRES: a valid date (month 1-12, day in the month).
int64_t DaysFromCivil(int year, int month, int day);

// "2025-02-16" or "2025-02-16T10:00:00..." -> day number; nullopt if the first 10
// characters are not a valid YYYY-MM-DD date.
std::optional<int64_t> DaysFromIso(std::string_view iso);

// Day number -> "YYYY-MM-DD".
std::string IsoFromDays(int64_t days);

// Today's day number in UTC (the ingest date of an article with no publication date).
int64_t TodayUtc();

}  // namespace marsad
