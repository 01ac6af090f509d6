// Actors stage: finds the actors of an article (countries, governments, organisations,
// leaders, media, and names from NER) and resolves every way of naming one actor to one
// canonical entity with all its mentions. Knowledge base, matching rules, entity ids and
// measured quality: docs/ACTORS.md.
//
// Entity ids (stable; the knowledge base's keys):
//   countries            ISO 3166-1 alpha-3            "RUS"      type GPE
//   a country's role     ISO3 + CAMEO role             "RUSGOV"   type ORG (الكرملين, موسكو,
//                                                                 الحكومة الروسية, الجانب الروسي)
//   organisations        short code                    "NATO"     type ORG
//   media                short name                    "reuters"  type MEDIA
//   people               slug of the English name      "donald-trump" type PERSON
//   a capital used as a place ("في موسكو")  "loc:" + ISO3 + ":" + city  type LOC
//   names from NER only  "ner:" + ShortHash(match key of the name)
// A person and the government they belong to are different entities: "الرئيس الأمريكي"
// on a date the knowledge base covers is a mention of the person holding the office then
// (cameo USAGOV); without a known holder it is a mention of "USAGOV".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace marsad::actors {

class ActorKb;

// A name found by the NER stage: code points into the text, [start, end).
struct NameSpan {
  uint32_t start = 0, end = 0;
  std::string type;  // PERSON | ORG | LOC | GPE | MISC (PER/ORG/LOC/MISC accepted too)
  double confidence = 0;
};

class ActorResolver {
 public:
  ~ActorResolver();
  ActorResolver(ActorResolver&&) noexcept;
  ActorResolver& operator=(ActorResolver&&) noexcept;

  // Loads the knowledge base embedded from data/actors (MARSAD_DATA_DIR overrides, see
  // core/embedded_data.h). Corrupt names the bad file:line.
  static Result<std::unique_ptr<ActorResolver>> LoadDefault();

  // Entities of one article: every knowledge-base actor and NER name found in `text`
  // (display-normalised Article::text), one entity per actor, with all its mentions
  // (code points into `text`, sorted). Entities come in order of first mention.
  // `published` (ISO date, a longer timestamp is cut to its date) decides office holders;
  // without it the newest holder counts. NER spans that overlap a knowledge-base mention
  // are dropped; the rest become entities (see ids above), their surnames linked later
  // in the text. REQUIRES: `text` is valid UTF-8; spans inside it. Thread-safe (const).
  std::vector<Entity> Resolve(std::string_view text, const std::optional<std::string>& published,
                              const std::vector<NameSpan>& ner_spans = {}) const;

  // Number of names (patterns) the matcher holds.
  size_t name_count() const;
  // Number of entities the knowledge base defines.
  size_t entity_count() const;

 private:
  explicit ActorResolver(std::unique_ptr<ActorKb> kb);
  std::unique_ptr<ActorKb> kb_;
};

}  // namespace marsad::actors
