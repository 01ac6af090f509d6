// Finds and parses dates written in Arabic or English news text and page metadata:
//   ISO 8601 ("2025-02-25", "2025-02-25T10:20:30+03:00", "2015-07-21 10:20:30"),
//   numeric day-first dates ("25/02/2025", "25-2-2025", "25.02.2025"),
//   month names in both directions ("25 فبراير 2025", "February 25, 2025",
//   "16th, February 2025 GMT", "٢٥ شباط ٢٠٢٥", "25 فبراير/شباط 2025"), with the three
//   Arabic month families (يناير..., كانون الثاني..., جانفي...) from data/clean/months.tsv,
//   Hijri dates ("5 رمضان 1446 هـ", "1436/10/05 هـ"), converted to Gregorian with ICU's
//   Umm al-Qura calendar ("islamic-umalqura"; ICU falls back to the arithmetic
//   islamic-civil calendar outside the years Umm al-Qura tables cover),
//   relative dates ("اليوم", "أمس", "أول أمس", "منذ 3 ساعات", "2 days ago") resolved
//   against a reference date (e.g. the crawl date); without a reference they are skipped.
// Gregorian day-and-month dates without a year ("25 فبراير", "February 25") take, given a
// reference, the year that puts them nearest to it (written_as "no-year"); without one
// they are skipped.
// An optional time ("10:30", "10:30:15 م", "10:30 PM", "14:05 GMT") may follow a date.
// Arabic-Indic and Persian digits are accepted (text is compared on MatchKey level).
// Invalid dates (31 February, month 13, hour 25) are rejected, never "corrected".
// Accepted years: Gregorian 1800-2199, Hijri 1300-1599.
// Thread-safe after construction (const methods; share one parser).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace marsad::clean {

// A calendar date (always Gregorian once parsed), with an optional time of day.
struct DateValue {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1, second = -1;  // -1 = no time given
  std::string tz;                           // "Z", "+03:00" or "" (unknown / local)
  // How the date was written: "gregorian", "hijri-umalqura" (converted), "relative",
  // "no-year" (year taken from the reference date).
  std::string written_as = "gregorian";

  static DateValue Ymd(int y, int m, int d) {
    DateValue v;
    v.year = y, v.month = m, v.day = d;
    return v;
  }
  bool has_time() const { return hour >= 0; }
  // "2025-02-25", or "2025-02-25T10:20:00" (+ tz when known).
  std::string ToIso() const;
};

struct DateMatch {
  DateValue value;
  uint32_t start = 0, end = 0;  // code points into the searched text, [start, end)
};

class DateParser {
 public:
  DateParser();  // loads data/clean/months.tsv and data/clean/date_words.tsv
  ~DateParser();
  DateParser(const DateParser&) = delete;
  DateParser& operator=(const DateParser&) = delete;

  // All dates in `text`, left to right, at most `max_matches`. `reference` (may be null)
  // resolves relative dates. REQUIRES: text is valid UTF-8.
  std::vector<DateMatch> FindAll(std::string_view text, const DateValue* reference = nullptr,
                                 size_t max_matches = 16) const;

  // The first date in `text`; InvalidArgument if there is none.
  Result<DateValue> Parse(std::string_view text, const DateValue* reference = nullptr) const;

  // Converts a Hijri (Umm al-Qura) date; InvalidArgument when out of range.
  static Result<DateValue> FromHijri(int year, int month, int day);

  // True if y-m-d exists in the proleptic Gregorian calendar.
  static bool IsValidGregorian(int year, int month, int day);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::clean
