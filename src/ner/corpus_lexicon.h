// A lexicon of how a first-pass tagger labelled each word across a large unlabelled news
// corpus (SaudiNewsNet): for a match-key word, its number of occurrences and how many of
// them were B-PERS, I-PERS, ... A name unseen in the training data but tagged PERS in 80% of
// its 200 corpus occurrences (often in clearer contexts) is likely a name here too.
// Built by ner_train --lexicon-corpus (docs/NER.md); file data/ner/lexicon.tsv, lines
// "word<TAB>n<TAB>count per label B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC".
// Immutable after parsing: thread-safe. LexiconCounter (building) is not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "ner/labels.h"

namespace marsad::ner {

class CorpusLexicon {
 public:
  struct Entry {
    uint32_t n = 0;                              // occurrences in the corpus
    std::array<float, kNumLabels> share{};       // fraction of them with each label
  };
  // Replaces *out with the lexicon of a TSV file.
  static Status Parse(std::string_view tsv, CorpusLexicon* out);
  const Entry* Find(std::string_view match_key_word) const;
  size_t size() const { return map_.size(); }
  uint64_t content_hash() const { return content_hash_; }

 private:
  std::unordered_map<uint64_t, Entry> map_;  // HashString(word) -> entry
  uint64_t content_hash_ = 0;
};

class LexiconCounter {
 public:
  void Add(const std::string& match_key_word, int label);
  // The TSV (after `header`, which should be '#' lines): words tagged as (part of) a name at
  // least `min_entity` times, sorted by spelling.
  std::string ToTsv(const std::string& header, uint32_t min_entity) const;

 private:
  std::unordered_map<std::string, std::array<uint32_t, kNumLabels>> counts_;
};

}  // namespace marsad::ner
