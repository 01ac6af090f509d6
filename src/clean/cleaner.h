// The cleaning stage: RawDocument -> Article with the main text only, boilerplate kept
// apart in `removed` (with its kind), appended secondary articles in `related`, and
// metadata (outlet, publication date and its signal, title, wire agencies, keywords).
// HTML documents go through html::HtmlExtractor first.
// Thread-safe after construction: Clean() is const; share one Cleaner between threads.
#pragma once

#include <memory>

#include "core/article.h"

namespace marsad::clean {

class Cleaner {
 public:
  Cleaner();  // loads its data (wires, month names, boilerplate markers) from data/
  ~Cleaner();
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  // Never fails: an empty or unusable document yields an Article with empty text
  // (the pipeline reports it). Sets every Article field except id, input,
  // duplicate_of, story_id, entities, quotes, events.
  Article Clean(const RawDocument& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::clean
