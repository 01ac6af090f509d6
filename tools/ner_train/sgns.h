// Skip-gram word vectors with negative sampling over words and their character n-grams
// (Mikolov et al. 2013; Bojanowski et al. 2017, "fastText"): a word's input vector is the
// mean of its own row (if it is in the vocabulary) and the rows of its hashed character
// n-grams ("<" word ">", minn..maxn code points), so words never seen in training still get
// a vector from their spelling. Used by ner_embed (tools/ner_train) to derive word classes
// for the NER tagger. Single-threaded and seeded: the same inputs give the same vectors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marsad::ner_tools {

struct SgnsOptions {
  int dim = 64;  // a multiple of 8
  int window = 5;        // contexts at distance 1..b, b uniform in 1..window
  int negatives = 5;
  int epochs = 5;
  float lr = 0.05f;      // decays linearly to 0
  int minn = 3, maxn = 5;
  uint32_t buckets = 400000;  // hashed n-gram rows
  double sample = 1e-4;  // frequent-word subsampling threshold
  uint64_t seed = 20260601;
};

class SubwordEmbeddings {
 public:
  static constexpr uint32_t kBoundary = UINT32_MAX;  // sentence/article cut in `tokens`

  // vocab[i] with counts[i]: the words of the vocabulary; tokens: the corpus as vocabulary
  // ids (kBoundary between sentences; out-of-vocabulary words left out by the caller).
  void Train(const std::vector<std::string>& vocab, const std::vector<uint64_t>& counts,
             const std::vector<uint32_t>& tokens, const SgnsOptions& options);

  // The input vector of any word (zero if it has no vocabulary row and no n-gram).
  std::vector<float> Vector(std::string_view word) const;
  int dim() const { return opt_.dim; }

 private:
  // Input rows of a word: its vocabulary row (when id < vocab size) and its n-gram rows.
  void Rows(std::string_view word, int64_t id, std::vector<uint32_t>* rows) const;

  SgnsOptions opt_;
  std::vector<std::string> vocab_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<float> in_, out_;  // (vocab + buckets) x dim, vocab x dim
};

}  // namespace marsad::ner_tools
