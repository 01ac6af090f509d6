// Feature extraction for the NER tagger. A token is analysed once (WordInfo: match key,
// light stem, clitic splits, name skeleton, shape, affixes, word clusters); the features of
// position i combine the analyses of a window i-2..i+2. The second pass adds features from
// the first pass's labels: the neighbours' labels and how the same word (or its clitic stem)
// was labelled elsewhere in the document ("label consistency").
// Thread-safe (const methods over immutable data).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/corpus_lexicon.h"
#include "ner/feature_hash.h"
#include "ner/gazetteer.h"
#include "ner/labels.h"
#include "ner/linear_chain_model.h"
#include "ner/word_clusters.h"

namespace marsad::ner {

// Bumped whenever a feature template changes: models record it and the loader checks it.
inline constexpr uint32_t kFeatureVersion = 4;

// What a model records about the word resources it was trained with (0 = none). The
// gazetteer counts by its feature mark only (its contents may grow without retraining).
inline uint64_t ResourcesHash(const WordClusters* clusters, const CorpusLexicon* lexicon,
                              const Gazetteer* gazetteer = nullptr) {
  return (clusters ? clusters->content_hash() : 0) ^ (lexicon ? Mix64(lexicon->content_hash()) : 0) ^
         (gazetteer ? Mix64(kGazetteerMark) : 0);
}

struct WordInfo {
  uint64_t key = 0;      // HashString(MatchKey(token))
  uint64_t stem = 0;     // light stem
  uint64_t skeleton = 0; // name skeleton (Arabic words)
  uint64_t shape = 0;    // compressed character classes
  uint32_t fine = 0, coarse = 0;  // word clusters (0 = unknown)
  uint32_t emb[WordClusters::kMaxEmbeddingLevels] = {0, 0, 0};  // word-vector classes (0 = none)
  uint32_t lex = 0;      // corpus lexicon summary: dominant entity label and share bucket
  bool punct = false;    // punctuation / symbol token
  std::vector<uint64_t> own;       // features of the word itself (affixes, clitic splits, ...)
  std::vector<uint64_t> alt_keys;  // clitic-split stems (for document consistency)
  Gazetteer::WordIds gaz;          // gazetteer word ids and word lists (when there is one)
};

// Pass-1 labels of a document, indexed by word: how often each word (or clitic stem) got
// each label. Built by AddSentence over all sentences of the document before pass 2.
class DocumentLabels {
 public:
  void AddSentence(const std::vector<const WordInfo*>& words, const std::vector<int>& labels);
  // Counts of `key` with each label (null if never seen).
  const std::array<uint16_t, kNumLabels>* Find(uint64_t key) const;
  const std::array<uint16_t, kNumLabels>* FindAlt(uint64_t key) const;

 private:
  std::unordered_map<uint64_t, std::array<uint16_t, kNumLabels>> by_key_, by_alt_;
};

class FeatureExtractor {
 public:
  // Any resource may be null (its features are then absent).
  explicit FeatureExtractor(const WordClusters* clusters, const CorpusLexicon* lexicon = nullptr,
                            const Gazetteer* gazetteer = nullptr)
      : clusters_(clusters), lexicon_(lexicon), gazetteer_(gazetteer) {}
  uint64_t resources_hash() const { return ResourcesHash(clusters_, lexicon_, gazetteer_); }

  // REQUIRES: token is one token of text::Tokenize (display-normalised or raw text).
  WordInfo Analyze(std::string_view token) const;

  // Appends the features of each word of one sentence to *out (out->Clear() first if needed).
  // Pass 2 when pass1 != null: pass1 = this sentence's pass-1 labels, doc = the document's.
  void Extract(const std::vector<const WordInfo*>& words, const std::vector<int>* pass1,
               const DocumentLabels* doc, FeatureSeq* out) const;

 private:
  const WordClusters* clusters_;
  const CorpusLexicon* lexicon_;
  const Gazetteer* gazetteer_;
};

}  // namespace marsad::ner
