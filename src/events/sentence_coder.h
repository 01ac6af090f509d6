// Events of one sentence (internal to src/events): trigger words, source and target
// among the sentence's actor slots, mode, confidence, location and date. The rules and
// the meaning of confidence are in docs/EVENTS.md.
#pragma once

#include <cstdint>
#include <vector>

#include "core/article.h"
#include "events/article_view.h"
#include "events/cameo_table.h"
#include "events/event_dates.h"
#include "events/lexicon.h"
#include "events/quote_finder.h"

namespace marsad::events {

struct CodingContext {
  const Article& article;
  const ArticleView& view;
  const Lexicon& lexicon;
  const CameoTable& cameo;
  const DateResolver& dates;
  const std::vector<PronounSubject>& subjects;  // speakers of statements opened by أنه/إنها
};

// Appends the events of sentence `s` to `out`.
void CodeSentence(const CodingContext& cx, uint32_t s, std::vector<Event>* out);

}  // namespace marsad::events
