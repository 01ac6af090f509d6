// A per-article stage that runs after cleaning, inside the pipeline's worker threads:
// named-entity recognition, actor resolution, event and quote coding. Annotators see one
// article at a time and keep no per-run state, so any number of threads may call them.
#pragma once

#include "core/article.h"

namespace marsad::pipeline {

class ArticleAnnotator {
 public:
  virtual ~ArticleAnnotator() = default;
  // Adds what this stage finds to `article` (entities, quotes, events...). Must never
  // fail on any text: a stage that cannot make sense of an article leaves it unchanged.
  // Thread-safe: called concurrently from the worker threads.
  virtual void Annotate(Article& article) const = 0;
  // A short name for progress and benchmark output ("actors", "events").
  virtual const char* name() const = 0;
};

}  // namespace marsad::pipeline
