// Gold-standard evaluation of the events stage (tools/events_eval: the events_eval tool
// and the slow CTest test). Gold: eval/gold/events/gold.tsv (references into ../shared
// plus our labels, never the texts; format in eval/gold/events/README.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "events/event_coder.h"

namespace marsad::events_eval {

struct GoldEvent {
  std::string source, target, code, mode;  // actor keys (ISO3 or IGO code), "-" = none
};
struct GoldQuote {
  std::string speaker;      // actor key, person id or "-" (unresolved)
  std::string first_words;  // the first words of the quoted text
};
struct GoldDoc {
  std::string ref;  // "saudinewsnet/2015-07-21.zip#12" (0-based record) or "seeds/000.txt"
  std::vector<GoldEvent> events;
  std::vector<GoldQuote> quotes;
};

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
};

struct Report {
  size_t docs = 0, sentences = 0;
  Counts root, code, quotes;
  size_t quote_speakers_right = 0;   // matched quotes whose speaker matches too
  size_t mode_right = 0;             // root-level matches with the gold mode
  std::vector<std::string> errors;   // "ref\tFP|FN\t..." lines for reading
};

// Entities of an article: the swap point between the real actor resolver and anything
// else (tests). REQUIRES: article.text set.
using EntityFinder = std::function<std::vector<Entity>(const Article&)>;

// The actors stage's ActorResolver as an EntityFinder (InvalidArgument if the actors
// stage is not built into this binary).
Result<EntityFinder> ActorResolverFinder();

// The actor key events are compared on: the country (ISO3) if any, else the first six
// letters of the CAMEO code (IGOUNO, IGOGCC), else the entity id; "-" for none.
std::string ActorKey(const EventActor& a);

Result<std::vector<GoldDoc>> LoadGold(const std::string& path);

// The article a reference names, cleaned as the pipeline cleans it (clean::Cleaner).
Result<Article> LoadArticle(const std::string& shared_dir, const std::string& ref);

// Codes every gold article (entities from `finder`) and compares per article: events as
// (source, target, root) and (source, target, code), duplicates within an article
// counted once; quotes by their first words (match key).
Result<Report> Evaluate(const events::EventCoder& coder, const EntityFinder& finder,
                        const std::vector<GoldDoc>& gold, const std::string& shared_dir);

}  // namespace marsad::events_eval
