#include "clean/date_parser.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "clean/date_tokens.h"
#include "core/embedded_data.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

constexpr int kMinGregorianYear = 1800, kMaxGregorianYear = 2199;
constexpr int kMinHijriYear = 1300, kMaxHijriYear = 1599;

// A multi-word name (month, relative word) as MatchKey words.
struct Phrase {
  std::vector<std::string> words;
  int value = 0;
  bool hijri = false;
};

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  for (const DateToken& t : TokenizeForDates(s)) {
    if (t.kind == DateToken::kWord) out.push_back(t.text);
  }
  return out;
}

// Longest phrase in `list` that starts at token i; returns its word count (0 = none).
size_t MatchPhrase(const std::vector<DateToken>& toks, size_t i, const std::vector<Phrase>& list,
                   const Phrase** found) {
  size_t best = 0;
  for (const Phrase& p : list) {
    if (p.words.size() <= best || p.words.empty()) continue;
    size_t k = 0, j = i;
    for (; k < p.words.size() && j < toks.size(); ++k, ++j) {
      if (toks[j].kind != DateToken::kWord || toks[j].text != p.words[k]) break;
    }
    if (k == p.words.size()) {
      best = k;
      *found = &p;
    }
  }
  return best;
}

std::unique_ptr<icu::Calendar> GmtGregorian() {
  UErrorCode st = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), st);
  if (U_FAILURE(st)) return nullptr;
  return cal;
}

}  // namespace

std::string DateValue::ToIso() const {
  char buf[64];
  if (!has_time()) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                minute < 0 ? 0 : minute, second < 0 ? 0 : second);
  return std::string(buf) + tz;
}

bool DateParser::IsValidGregorian(int y, int m, int d) {
  if (y < kMinGregorianYear || y > kMaxGregorianYear || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

Result<DateValue> DateParser::FromHijri(int y, int m, int d) {
  if (y < kMinHijriYear || y > kMaxHijriYear || m < 1 || m > 12 || d < 1 || d > 30) {
    return Status::InvalidArgument("Hijri date out of range");
  }
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> h(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=islamic-umalqura"), st));
  auto g = GmtGregorian();
  if (U_FAILURE(st) || !h || !g) return Status::Internal("ICU Islamic calendar unavailable");
  h->clear();
  h->set(y, m - 1, d);
  UDate t = h->getTime(st);
  g->setTime(t, st);
  DateValue v;
  v.year = g->get(UCAL_YEAR, st);
  v.month = g->get(UCAL_MONTH, st) + 1;
  v.day = g->get(UCAL_DATE, st);
  v.written_as = "hijri-umalqura";
  if (U_FAILURE(st)) return Status::Internal("ICU could not convert the Hijri date");
  return v;
}

struct DateParser::Impl {
  std::vector<Phrase> months, relatives, units;
  std::vector<std::string> ago, hijri_marks, greg_marks;

  Impl() {
    for (const std::string& line : DataLines("clean/months.tsv")) {
      auto f = SplitTabs(line);
      if (f.size() < 3) continue;
      months.push_back({SplitWords(text::MatchKey(f[2])), std::atoi(f[1].c_str()), f[0] == "hijri"});
    }
    for (const std::string& line : DataLines("clean/date_words.tsv")) {
      auto f = SplitTabs(line);
      if (f.size() < 3) continue;
      Phrase p{SplitWords(text::MatchKey(f[2])), std::atoi(f[1].c_str()), false};
      if (f[0] == "relative") relatives.push_back(p);
      if (f[0] == "unit") units.push_back(p);
      if (f[0] == "ago" && !p.words.empty()) ago.push_back(p.words[0]);
      if (f[0] == "hijri" && !p.words.empty()) hijri_marks.push_back(p.words[0]);
      if (f[0] == "gregorian" && !p.words.empty()) greg_marks.push_back(p.words[0]);
    }
  }

  bool IsWordIn(const std::vector<DateToken>& t, size_t i, const std::vector<std::string>& set) const {
    if (i >= t.size() || t[i].kind != DateToken::kWord) return false;
    for (const auto& w : set) {
      if (t[i].text == w) return true;
    }
    return false;
  }

  // Tries every pattern at token i; on success sets *v and returns the token past the end.
  size_t TryAt(const std::vector<DateToken>& t, size_t i, const DateValue* ref, DateValue* v) const;
  size_t TryNumeric(const std::vector<DateToken>& t, size_t i, DateValue* v) const;
  size_t TryNamed(const std::vector<DateToken>& t, size_t i, const DateValue* ref, DateValue* v) const;
  size_t TryRelative(const std::vector<DateToken>& t, size_t i, const DateValue* ref, DateValue* v) const;
  size_t TryTime(const std::vector<DateToken>& t, size_t i, DateValue* v) const;
  // Calendar marker after the year: returns tokens consumed, sets *hijri.
  size_t CalendarMark(const std::vector<DateToken>& t, size_t i, bool* hijri) const {
    if (IsWordIn(t, i, hijri_marks)) { *hijri = true; return 1; }
    if (IsWordIn(t, i, greg_marks)) return 1;
    return 0;
  }
  // Builds the final value from y/m/d in the given calendar; false if invalid.
  bool Finish(int y, int m, int d, bool hijri, DateValue* v) const;
};

bool DateParser::Impl::Finish(int y, int m, int d, bool hijri, DateValue* v) const {
  if (hijri || (y >= kMinHijriYear && y < kMinGregorianYear)) {
    auto r = FromHijri(y, m, d);
    if (!r.ok()) return false;
    *v = r.value();
    return true;
  }
  if (!IsValidGregorian(y, m, d)) return false;
  *v = DateValue{};
  v->year = y, v->month = m, v->day = d;
  return true;
}

DateParser::DateParser() : impl_(std::make_unique<Impl>()) {}
DateParser::~DateParser() = default;

std::vector<DateMatch> DateParser::FindAll(std::string_view text, const DateValue* reference,
                                           size_t max_matches) const {
  std::vector<DateMatch> out;
  text::NormalizedText key = text::Normalize(text, text::NormLevel::kMatchKey);
  std::vector<DateToken> toks = TokenizeForDates(key.text);
  for (size_t i = 0; i < toks.size() && out.size() < max_matches;) {
    DateValue v;
    size_t end = impl_->TryAt(toks, i, reference, &v);
    if (end <= i) {
      ++i;
      continue;
    }
    end = impl_->TryTime(toks, end, &v);
    DateMatch m;
    m.value = v;
    auto map = [&](uint32_t cp) {
      return cp < key.to_original.size() ? key.to_original[cp] : key.to_original.back();
    };
    m.start = map(toks[i].start);
    m.end = map(toks[end - 1].end);
    out.push_back(std::move(m));
    i = end;
  }
  return out;
}

Result<DateValue> DateParser::Parse(std::string_view text, const DateValue* reference) const {
  auto all = FindAll(text, reference, 1);
  if (all.empty()) return Status::InvalidArgument("no date found in \"" + std::string(text.substr(0, 80)) + "\"");
  return all[0].value;
}

size_t DateParser::Impl::TryAt(const std::vector<DateToken>& t, size_t i, const DateValue* ref,
                               DateValue* v) const {
  if (size_t e = TryNumeric(t, i, v)) return e;
  if (size_t e = TryNamed(t, i, ref, v)) return e;
  if (size_t e = TryRelative(t, i, ref, v)) return e;
  return 0;
}

size_t DateParser::Impl::TryNumeric(const std::vector<DateToken>& t, size_t i, DateValue* v) const {
  // N sep N sep N with the same separator; either Y-M-D (4-digit first) or D/M/Y.
  if (i + 4 >= t.size() + 0 || t[i].kind != DateToken::kNumber) return 0;
  if (t[i + 1].kind != DateToken::kSep || t[i + 2].kind != DateToken::kNumber ||
      t[i + 3].kind != DateToken::kSep || i + 4 >= t.size() || t[i + 4].kind != DateToken::kNumber) {
    return 0;
  }
  if (t[i + 1].text != t[i + 3].text || t[i + 1].text == ":") return 0;
  if (t[i + 1].space_after || t[i + 3].space_after || t[i + 2].space_before) return 0;
  const DateToken &a = t[i], &b = t[i + 2], &c = t[i + 4];
  int y, m, d;
  if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
    y = a.number, m = b.number, d = c.number;
  } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 4) {
    d = a.number, m = b.number, y = c.number;
  } else {
    return 0;
  }
  size_t end = i + 5;
  bool hijri = false;
  end += CalendarMark(t, end, &hijri);
  if (!Finish(y, m, d, hijri, v)) return 0;
  return end;
}

// "25 فبراير" with no year: the year that puts the date nearest the reference (so
// "28 ديسمبر" read on 2 January is last year's, "5 يناير" read on 28 December next year's).
static bool YearlessNear(const DateValue& ref, int month, int day, DateValue* v) {
  if (!DateParser::IsValidGregorian(ref.year, ref.month, ref.day)) return false;
  int best = 0;
  long best_gap = 0;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (!DateParser::IsValidGregorian(y, month, day)) continue;
    long gap = std::labs((y - ref.year) * 372L + (month - ref.month) * 31L + (day - ref.day));
    if (best == 0 || gap < best_gap) best = y, best_gap = gap;
  }
  if (best == 0) return false;
  *v = DateValue::Ymd(best, month, day);
  v->written_as = "no-year";
  return true;
}

size_t DateParser::Impl::TryNamed(const std::vector<DateToken>& t, size_t i, const DateValue* ref,
                                  DateValue* v) const {
  auto ordinal = [&](size_t j) {  // "16th", "1st": skip the suffix (and a comma)
    if (j < t.size() && t[j].kind == DateToken::kWord &&
        (t[j].text == "st" || t[j].text == "nd" || t[j].text == "rd" || t[j].text == "th")) {
      ++j;
    }
    return j;
  };
  auto comma = [&](size_t j) {
    while (j < t.size() && t[j].kind == DateToken::kSep && (t[j].text == "," || t[j].text == "،")) ++j;
    return j;
  };
  auto month_at = [&](size_t j, const Phrase** p) -> size_t {
    size_t n = MatchPhrase(t, j, months, p);
    if (!n) return 0;
    size_t e = j + n;
    if (e < t.size() && t[e].text == ".") ++e;  // "Sept. 3"
    // "فبراير/شباط": a second name of the same month after a slash.
    const Phrase* second = nullptr;
    if (e + 1 < t.size() && t[e].kind == DateToken::kSep && (t[e].text == "/" || t[e].text == "-")) {
      if (size_t n2 = MatchPhrase(t, e + 1, months, &second); n2 && second->value == (*p)->value) {
        e += 1 + n2;
      }
    }
    return e;
  };
  const Phrase* mp = nullptr;
  bool hijri = false;
  // Day Month Year
  if (t[i].kind == DateToken::kNumber && t[i].digits <= 2) {
    size_t j = comma(ordinal(i + 1));
    if (j < t.size() && t[j].kind == DateToken::kWord && t[j].text == "of") ++j;
    if (size_t e = month_at(j, &mp)) {
      e = comma(e);
      if (e < t.size() && t[e].kind == DateToken::kNumber && t[e].digits == 4) {
        int y = t[e].number;
        ++e;
        hijri = mp->hijri;
        e += CalendarMark(t, e, &hijri);
        if (Finish(y, mp->value, t[i].number, hijri, v)) return e;
      } else if (ref && !mp->hijri && YearlessNear(*ref, mp->value, t[i].number, v)) {
        return e;
      }
    }
    return 0;
  }
  // Month Day, Year
  if (size_t j = month_at(i, &mp)) {
    if (j < t.size() && t[j].kind == DateToken::kNumber && t[j].digits <= 2) {
      int d = t[j].number;
      size_t e = comma(ordinal(j + 1));
      if (e < t.size() && t[e].kind == DateToken::kNumber && t[e].digits == 4) {
        int y = t[e].number;
        ++e;
        hijri = mp->hijri;
        e += CalendarMark(t, e, &hijri);
        if (Finish(y, mp->value, d, hijri, v)) return e;
      } else if (ref && !mp->hijri && YearlessNear(*ref, mp->value, d, v)) {
        return e;
      }
    }
  }
  return 0;
}

size_t DateParser::Impl::TryRelative(const std::vector<DateToken>& t, size_t i, const DateValue* ref,
                                     DateValue* v) const {
  if (ref == nullptr || !IsValidGregorian(ref->year, ref->month, ref->day)) return 0;
  int hours_back = -1;
  size_t end = 0;
  const Phrase* p = nullptr;
  if (size_t n = MatchPhrase(t, i, relatives, &p)) {
    hours_back = -p->value * 24;
    end = i + n;
  } else if (IsWordIn(t, i, ago) && t[i].text != "ago") {
    // منذ 3 ساعات | منذ يومين | قبل ساعة
    size_t j = i + 1;
    int count = 1;
    if (j < t.size() && t[j].kind == DateToken::kNumber) count = t[j].number, ++j;
    if (size_t n = MatchPhrase(t, j, units, &p)) {
      hours_back = count * p->value;
      end = j + n;
    }
  } else if (t[i].kind == DateToken::kNumber) {
    // 3 hours ago
    if (size_t n = MatchPhrase(t, i + 1, units, &p); n && IsWordIn(t, i + 1 + n, ago)) {
      hours_back = t[i].number * p->value;
      end = i + 2 + n;
    }
  }
  if (hours_back < 0 || hours_back > 24 * 400) return 0;
  auto cal = GmtGregorian();
  if (!cal) return 0;
  UErrorCode st = U_ZERO_ERROR;
  cal->clear();
  cal->set(ref->year, ref->month - 1, ref->day, ref->has_time() ? ref->hour : 12,
           ref->minute < 0 ? 0 : ref->minute);
  cal->add(UCAL_HOUR, -hours_back, st);
  *v = DateValue{};
  v->year = cal->get(UCAL_YEAR, st);
  v->month = cal->get(UCAL_MONTH, st) + 1;
  v->day = cal->get(UCAL_DATE, st);
  v->written_as = "relative";
  if (U_FAILURE(st)) return 0;
  return end;
}

size_t DateParser::Impl::TryTime(const std::vector<DateToken>& t, size_t i, DateValue* v) const {
  size_t j = i;
  // Separators and words allowed between a date and its time: "-", ",", "|", "T", "الساعة", "at".
  for (int k = 0; k < 2 && j < t.size(); ++k) {
    if ((t[j].kind == DateToken::kSep && t[j].text != ":") ||
        (t[j].kind == DateToken::kWord && (t[j].text == "t" || t[j].text == "at" || t[j].text == "الساعه"))) {
      ++j;
    }
  }
  if (j + 2 >= t.size() || t[j].kind != DateToken::kNumber || t[j].digits > 2 ||
      t[j + 1].text != ":" || t[j + 2].kind != DateToken::kNumber || t[j + 2].digits != 2) {
    return i;
  }
  int h = t[j].number, mi = t[j + 2].number, s = 0;
  size_t e = j + 3;
  if (e + 1 < t.size() && t[e].text == ":" && t[e + 1].kind == DateToken::kNumber && t[e + 1].digits == 2) {
    s = t[e + 1].number;
    e += 2;
    if (e + 1 < t.size() && t[e].text == "." && t[e + 1].kind == DateToken::kNumber) e += 2;  // fraction
  }
  if (e < t.size() && t[e].kind == DateToken::kWord) {
    const std::string& w = t[e].text;
    if (w == "pm" || w == "م" || w == "مساء") {
      if (h < 1 || h > 12) return i;
      if (h != 12) h += 12;
      ++e;
    } else if (w == "am" || w == "ص" || w == "صباحا") {
      if (h < 1 || h > 12) return i;
      if (h == 12) h = 0;
      ++e;
    }
  }
  if (h > 23 || mi > 59 || s > 60) return i;
  std::string tz;
  if (e < t.size() && t[e].kind == DateToken::kWord && (t[e].text == "z" || t[e].text == "gmt" || t[e].text == "utc")) {
    tz = "Z";
    ++e;
  } else if (e + 3 < t.size() && (t[e].text == "+" || t[e].text == "-") && !t[e].space_before &&
             t[e + 1].kind == DateToken::kNumber && t[e + 1].digits == 2 && t[e + 2].text == ":" &&
             t[e + 3].kind == DateToken::kNumber && t[e + 1].number <= 14 && t[e + 3].number < 60) {
    tz = t[e].text + t[e + 1].text + ":" + t[e + 3].text;
    e += 4;
  }
  v->hour = h, v->minute = mi, v->second = s, v->tz = tz;
  return e;
}

}  // namespace marsad::clean
