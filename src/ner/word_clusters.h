// Word clusters derived from unlabelled news text (tools/ner_train/ner_clusters: exchange
// clustering of SaudiNewsNet plus the ANERcorp training words). Each match-key word has a
// fine and a coarse cluster id, and optionally up to kMaxEmbeddingLevels classes of word
// vectors (tools/ner_train/ner_embed: k-means of skip-gram vectors, coarse to fine). File:
// data/ner/clusters.tsv, lines "word<TAB>fine<TAB>coarse[<TAB>e1...]" after '#' header lines;
// "-" for a missing exchange cluster. Immutable after construction: thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace marsad::ner {

class WordClusters {
 public:
  static constexpr int kMaxEmbeddingLevels = 3;
  struct Ids {
    uint32_t fine = 0, coarse = 0;  // 0 = unknown word
    uint32_t emb[kMaxEmbeddingLevels] = {0, 0, 0};  // 0 = none
  };
  // Replaces *out with the clusters of a TSV file.
  static Status Parse(std::string_view tsv, WordClusters* out);
  // The clusters of a match-key word (both 0 if the word was not clustered).
  Ids Find(std::string_view match_key_word) const;
  size_t size() const { return map_.size(); }
  // How many embedding-class columns the file has (0 for a plain exchange-cluster file).
  int embedding_levels() const { return embedding_levels_; }
  // Hash of the file contents: a model records the clusters it was trained with.
  uint64_t content_hash() const { return content_hash_; }

 private:
  std::unordered_map<uint64_t, Ids> map_;  // HashString(word) -> ids
  uint64_t content_hash_ = 0;
  int embedding_levels_ = 0;
};

}  // namespace marsad::ner
