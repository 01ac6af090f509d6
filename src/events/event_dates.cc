#include "events/event_dates.h"

#include <cstdio>
#include <cstdlib>

#include "clean/date_parser.h"
#include "core/civil_date.h"

namespace marsad::events {
namespace {

// ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday.
int IsoWeekday(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7) + 1; }

bool IsYear(std::string_view w, int* year) {
  if (w.size() != 4) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  *year = std::atoi(std::string(w).c_str());
  return *year >= 1900 && *year <= 2199;
}

std::string Ym(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

}  // namespace

DateResolver::DateResolver(const Lexicon& lexicon) : lx_(lexicon), parser_(std::make_unique<clean::DateParser>()) {}
DateResolver::~DateResolver() = default;

std::optional<std::string> DateResolver::Resolve(const ArticleView& v, uint32_t s, std::string_view sentence_text,
                                                 const std::optional<std::string>& published, bool future) const {
  std::optional<int64_t> ref_day;
  clean::DateValue ref;
  if (published && published->size() >= 10) {
    ref_day = DaysFromIso(*published);
    if (ref_day) ref = clean::DateValue::Ymd(std::atoi(published->substr(0, 4).c_str()),
                                             std::atoi(published->substr(5, 2).c_str()),
                                             std::atoi(published->substr(8, 2).c_str()));
  }
  const std::vector<clean::DateMatch> found = parser_->FindAll(sentence_text, ref_day ? &ref : nullptr, 2);
  if (!found.empty()) return found.front().value.ToIso().substr(0, 10);

  const ArticleView::Sentence& sn = v.sentences[s];
  for (uint32_t i = sn.tok_begin; i < sn.tok_end; ++i) {
    const int wd = lx_.Weekday(v.toks[i].key);
    if (wd == 0 || !ref_day) continue;
    const int today = IsoWeekday(*ref_day);
    const int64_t d = future ? *ref_day + (wd - today + 7) % 7 : *ref_day - (today - wd + 7) % 7;
    return IsoFromDays(d);
  }
  for (uint32_t i = sn.tok_begin; i < sn.tok_end; ++i) {
    const int m = lx_.Month(v.toks[i].key);
    if (m == 0) continue;
    int y = 0;
    const bool year_next = i + 1 < sn.tok_end && IsYear(v.toks[i + 1].key, &y);
    const std::string_view prev = i > sn.tok_begin ? lx_.MarkerWord(v.toks[i - 1].key) : std::string_view();
    const std::string_view next = i + 1 < sn.tok_end ? v.toks[i + 1].key : std::string_view();
    // Month names double as words (مارس "practised"): only after في/شهر/خلال/منذ, or
    // before a year or الماضي/المقبل.
    const bool dated = year_next || prev == "في" || prev == "شهر" || prev == "خلال" || prev == "منذ" ||
                       next == "الماضي" || next == "المقبل" || next == "الجاري";
    if (!dated) continue;
    if (year_next) return Ym(y, m);
    if (!ref_day) return std::nullopt;
    y = ref.year;
    if (next == "الماضي" || (!future && next != "المقبل" && m > ref.month)) --y;
    if (next == "المقبل" || (future && m < ref.month)) ++y;
    return Ym(y, m);
  }
  for (uint32_t i = sn.tok_begin; i + 1 < sn.tok_end; ++i) {
    if (!(lx_.Markers(v.toks[i].key) & kYearWord)) continue;
    int y = 0;
    if (IsYear(v.toks[i + 1].key, &y)) return std::to_string(y);
    if (!ref_day) continue;
    const std::string_view next = v.toks[i + 1].key;
    if (next == "الماضي") return std::to_string(ref.year - 1);
    if (next == "المقبل") return std::to_string(ref.year + 1);
    if (next == "الجاري" || next == "الحالي") return std::to_string(ref.year);
  }
  if (ref_day) return IsoFromDays(*ref_day);
  return std::nullopt;
}

}  // namespace marsad::events
