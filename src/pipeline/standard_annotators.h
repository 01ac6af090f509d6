// The per-article stages marsad runs after cleaning, in this order:
//   ner     statistical names (ner::NerTagger) for people, organisations and places the
//           knowledge base does not know;
//   actors  knowledge-base actors, role phrases and coreference (actors::ActorResolver),
//           taking the NER names as extra candidates -> Article::entities;
//   events  CAMEO events and quotes from the sentences (events::EventCoder) -> Article::
//           events, Article::quotes.
// Each stage loads its data embedded in the binary once; the annotators are const and
// shared by all worker threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/article_annotator.h"

namespace marsad::pipeline {

struct AnnotatorChoice {
  bool ner = true;
  bool actors = true;
  bool events = true;  // needs actors
};

class StandardAnnotators {
 public:
  // Loads the chosen stages. A stage whose data fails to load is an error naming it,
  // except NER: without a usable model, actors are still found from the knowledge base
  // and warnings() says so.
  static Result<std::unique_ptr<StandardAnnotators>> Load(const AnnotatorChoice& choice);
  ~StandardAnnotators();

  // In pipeline order; valid while this object lives.
  const std::vector<const ArticleAnnotator*>& list() const { return list_; }
  // Stages that could not be loaded and were left out, as sentences for the user.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  StandardAnnotators() = default;
  std::vector<std::unique_ptr<ArticleAnnotator>> owned_;
  std::vector<const ArticleAnnotator*> list_;
  std::vector<std::string> warnings_;
};

}  // namespace marsad::pipeline
