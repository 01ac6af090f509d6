// "بلاده" (his country) inside a reported statement (internal to src/events): the
// speaker's country. "أكد الوزير الروسي أن بلاده مستعدة" names Russia without its name;
// the event coder needs it as an actor, and so does a reader of the entity's mentions.
#pragma once

#include <vector>

#include "core/article.h"
#include "events/article_view.h"

namespace marsad::events {

// For each word بلاده/بلادها/بلادهم (with proclitics و ف ب ل) that no mention covers and
// that lies inside a quote (direct or reported) whose speaker is an entity with a country,
// adds a mention of that word to the article's GPE entity of that country. Words whose
// speaker has no country, or whose country has no GPE entity in the article, are left
// alone (no entity is invented). Returns true when a mention was added: the caller then
// rebuilds its ArticleView. Mentions stay sorted by start.
bool AddCountryPronounMentions(Article& article, const ArticleView& view, const std::vector<Quote>& quotes);

}  // namespace marsad::events
