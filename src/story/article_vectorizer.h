// Internal to story: turns an article into a sparse, L2-normalised TF-IDF vector.
//
// Terms: the match-key words of the title and the first `max_body_words` words of the
// body (Arabic and Latin words; numbers, punctuation, URLs are left out), light-stemmed
// (text::LightStem) so that الوزارة / وزارة / والوزارة count as one term; entity ids
// become terms of their own ("E:" + id). Each term is keyed by a 64-bit hash.
// Weights: (1 + ln tf) * idf, title occurrences counting `title_weight` times and entity
// terms `entity_weight` times; terms whose idf is below `min_idf` (words in more than
// ~10% of articles: function words, "السعودية", "المملكة") are dropped, and only the
// `max_terms` heaviest are kept (ties broken by term key), then the vector is normalised.
// IDF comes from a fixed background table (IdfTable), so a vector depends on the article
// alone: restarting or reordering a run never changes it.
// Thread-safe (const).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "story/idf_table.h"

namespace marsad::story {

struct TermWeight {
  uint64_t term;
  float weight;
};
// Sorted by term, unique terms.
using SparseVector = std::vector<TermWeight>;

// Dot product of two sorted sparse vectors.
double Dot(const SparseVector& a, const SparseVector& b);

class ArticleVectorizer {
 public:
  struct Options {
    double title_weight = 3.0;
    double entity_weight = 2.0;
    int max_body_words = 300;
    int max_terms = 60;
    double min_idf = 2.3;  // ln(10): terms in more than ~10% of articles carry no story
  };
  ArticleVectorizer(Options options, const IdfTable* idf);

  SparseVector Vectorize(std::string_view title_match_key, std::string_view body_match_key,
                         const std::vector<std::string>& entity_ids) const;

  // The stemmed terms of a match-key text (at most max_words words; < 0: all), as strings;
  // what the IDF table counts (tools/story_eval/story_idf.cc). Appends to *out.
  static void Terms(std::string_view match_key_text, int max_words,
                    std::vector<std::string>* out);

  static uint64_t TermKey(std::string_view term);

 private:
  Options options_;
  const IdfTable* idf_;
};

}  // namespace marsad::story
