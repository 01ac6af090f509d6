// Gold-standard evaluation of the actors stage (tools/actors_eval, the slow CTest test).
// Gold files: eval/gold/actors/*.tsv (references into ../shared plus our labels, never the
// texts; format in eval/gold/actors/README.md).
#pragma once

#include <string>
#include <vector>

#include "actors/actor_resolver.h"
#include "core/status.h"

namespace marsad::actors_eval {

struct GoldEntity {
  std::string id, type, country, cameo;
};

struct GoldDoc {
  std::string ref;   // "saudinewsnet/2015-07-21.zip#12" or "seeds/000.txt"
  std::string date;  // ISO date the roles are resolved on
  std::vector<GoldEntity> entities;
};

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
};

struct Report {
  size_t docs = 0;
  // Countries, governments and other coded roles, leaders and IGOs that have a knowledge-
  // base id: what the resolver alone is responsible for.
  Counts event_actors;
  // The same plus coded actors the knowledge base lacks (gold "name:" rows with a CAMEO
  // code, e.g. a minister): those come from NER spans, so without NER input they are misses.
  Counts event_actors_with_names;
  Counts all;  // every entity (media, places, all names)
  std::vector<std::string> errors;  // "ref\tFP|FN\tid" lines for reading
};

// True for actors that matter for events: a CAMEO code other than media, or a country.
bool IsEventActor(const std::string& type, const std::string& cameo);

Result<std::vector<GoldDoc>> LoadGold(const std::string& gold_dir);
// Text of a reference (display-normalised like Article::text).
Result<std::string> LoadText(const std::string& shared_dir, const std::string& ref);
Result<Report> Evaluate(const actors::ActorResolver& resolver, const std::vector<GoldDoc>& gold,
                        const std::string& shared_dir);

}  // namespace marsad::actors_eval
