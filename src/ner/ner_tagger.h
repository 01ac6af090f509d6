// Statistical named-entity recogniser: finds names of persons, organisations, places and
// other named things (events, products, nationalities...) in Arabic news text, including
// names no knowledge base has. A two-pass averaged-perceptron linear-chain tagger over BIO
// labels, trained on ANERcorp (tools/ner_train; docs/NER.md says how and how well).
//
// Thread-safety: a loaded NerTagger is immutable; Tag() may be called from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/linear_chain_model.h"
#include "ner/word_clusters.h"

namespace marsad::ner {

struct NameSpan {
  uint32_t start = 0, end = 0;  // code points into the input text, [start, end)
  std::string type;             // PERSON | ORG | LOC | OTHER
  double confidence = 0;        // 0..1: how clearly the best labelling beats the alternatives
};

class NerTagger {
 public:
  // The model embedded in the binary (data/ner/model.bin with the word resources
  // data/ner/clusters.tsv and data/ner/lexicon.tsv).
  static Result<std::unique_ptr<NerTagger>> LoadDefault();
  // A model file written by ner_train; its word clusters and corpus lexicon are the embedded
  // ones unless paths name other files (they must be the ones the model was trained with:
  // the model records their hash and loading fails on a mismatch).
  static Result<std::unique_ptr<NerTagger>> LoadFile(const std::string& path, const std::string& clusters_path = "",
                                                     const std::string& lexicon_path = "");
  // From bytes (model file contents, clusters TSV, lexicon TSV; empty TSV = none). A model
  // trained with gazetteer features gets the default gazetteer (Gazetteer::BuildDefault:
  // the embedded actor knowledge base and data/ner/name_lists.tsv).
  static Result<std::unique_ptr<NerTagger>> FromBytes(std::string_view model, std::string_view clusters_tsv,
                                                      std::string_view lexicon_tsv = "");
  // From trained models (1 or 2 passes), for the training tool. An empty gazetteer = none.
  static std::unique_ptr<NerTagger> FromModels(std::vector<LinearChainModel> passes, WordClusters clusters,
                                               CorpusLexicon lexicon = CorpusLexicon(),
                                               Gazetteer gazetteer = Gazetteer());
  // The file format of a set of passes: "MNERTAG1", uint32 count, the models.
  static std::string Serialize(const std::vector<LinearChainModel>& passes);

  // Tags text (Article::text: display-normalised paragraphs and sentences; raw text with
  // tatweel or diacritics works too). Splits sentences and tokens itself; spans are sorted
  // and never overlap. REQUIRES: valid UTF-8.
  std::vector<NameSpan> Tag(std::string_view text) const;

  // Labels (labels.h) for pre-tokenised sentences of one document (tools and tests).
  // Tokens must be text::Tokenize tokens for results like Tag's.
  std::vector<std::vector<int>> TagTokens(const std::vector<std::vector<std::string_view>>& doc) const;

  size_t num_passes() const { return passes_.size(); }

 private:
  NerTagger(std::vector<LinearChainModel> passes, WordClusters clusters, CorpusLexicon lexicon, Gazetteer gazetteer);
  NerTagger(const NerTagger&) = delete;
  NerTagger& operator=(const NerTagger&) = delete;
  // Labels (and per-token confidences) for the sentences of one document.
  void TagDocument(const std::vector<std::vector<const WordInfo*>>& sentences, std::vector<std::vector<int>>* labels,
                   std::vector<std::vector<float>>* confidence) const;

  std::vector<LinearChainModel> passes_;
  WordClusters clusters_;
  CorpusLexicon lexicon_;
  Gazetteer gazetteer_;
  FeatureExtractor extractor_;  // points at clusters_, lexicon_ and gazetteer_
};

}  // namespace marsad::ner
