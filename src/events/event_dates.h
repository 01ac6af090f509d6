// When an event happened (internal to src/events): the date a sentence states, resolved
// against the article's publication date. In order: a written date or a relative day
// (clean::DateParser: "25 فبراير 2025", "أمس"), a weekday ("الثلاثاء", "مساء الاثنين":
// the last such day on or before publication, the next one for future events), a month
// ("في أكتوبر": YYYY-MM, the last such month, or the next for future events), a year
// ("عام 2025", "العام الماضي": YYYY); otherwise the publication date itself (news reports
// the day's events). ISO 8601 with reduced precision for months and years.
// Thread-safe after construction.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "events/article_view.h"
#include "events/lexicon.h"

namespace marsad::clean {
class DateParser;
}

namespace marsad::events {

class DateResolver {
 public:
  explicit DateResolver(const Lexicon& lexicon);
  ~DateResolver();
  DateResolver(const DateResolver&) = delete;
  DateResolver& operator=(const DateResolver&) = delete;

  // Date of an event stated in sentence `s` of `v`; `sentence_text` is its text.
  // `published` may be empty/unparsable: then only fully written dates resolve.
  std::optional<std::string> Resolve(const ArticleView& v, uint32_t s, std::string_view sentence_text,
                                     const std::optional<std::string>& published, bool future) const;

 private:
  const Lexicon& lx_;
  std::unique_ptr<clean::DateParser> parser_;
};

}  // namespace marsad::events
