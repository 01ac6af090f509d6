// Definite head-noun anaphora (part of the actors stage's in-document coreference): an
// organisation named in full whose name opens with a generic head noun (مركز الملك سلمان
// للإغاثة، تنظيم داعش، وزارة الخارجية السعودية) is what "ال + head" means later in the same
// text (وأوضح المركز، وتبنى التنظيم، وقالت الوزارة) — when it is the only organisation with
// that head named before the word, and no adjective follows (المركز الإعلامي is another).
#pragma once

#include <string_view>
#include <vector>

#include "actors/actor_kb.h"
#include "actors/token_matcher.h"
#include "core/article.h"

namespace marsad::actors {

// A definite word that may be an adjective after a noun (المؤتمر الصحفي، المركز الإعلامي),
// not a time word (الإصلاح اليوم). `key` is a match-key word.
bool AdjectiveLike(std::string_view key);

// Adds such mentions to `entities` (each entity's mentions stay sorted by start). A word
// already inside a mention is left alone. `text` is the text `scan` was made from.
void AddHeadNounMentions(const ActorKb& kb, std::string_view text, const ScannedText& scan,
                         std::vector<Entity>* entities);

}  // namespace marsad::actors
