// Quotes of an article (internal to src/events): direct quotes in « », “ ” or " " after a
// reporting verb or a colon, reported speech (قال/أكد/أشار إلى ... أن/إن/بأن ...), and
// attributed statements (بحسب X، وفقا لـ X، نقلا عن X). The speaker is an entity mention
// of the sentence (after the verb, VSO, or just before it, SVO); "وأضاف" and participles
// (قائلا) without a named speaker continue the last speaker, across sentences.
#pragma once

#include <vector>

#include "core/article.h"
#include "events/article_view.h"
#include "events/lexicon.h"

namespace marsad::events {

// A reported statement that starts with a pronoun complementiser (وأضاف أنه سيزور ...):
// the pronoun is the speaker, who is then the subject of events in the statement.
struct PronounSubject {
  uint32_t tok = 0;     // the token أنه/إنها/بأنه
  uint32_t entity = 0;  // the speaker (index into Article::entities)
};

// Appends the article's quotes to `out`; `subjects` (may be null) receives the speakers of
// statements opened by a pronoun complementiser.
void FindQuotes(const Article& article, const ArticleView& view, const Lexicon& lexicon, std::vector<Quote>* out,
                std::vector<PronounSubject>* subjects = nullptr);

}  // namespace marsad::events
