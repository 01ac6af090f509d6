#include "story/article_vectorizer.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "text/light_stemmer.h"
#include "text/tokenizer.h"

namespace marsad::story {
namespace {

// Single letters (و, ب attached wrongly, Latin initials) say nothing about a story.
bool Wordlike(const text::Token& t) {
  if (t.kind != text::TokenKind::kArabicWord && t.kind != text::TokenKind::kLatinWord) {
    return false;
  }
  return t.end - t.start >= 2;
}

// Calls f(stem) for the first max_words word tokens of a match-key text.
template <typename F>
void ForEachStem(std::string_view text, int max_words, F&& f) {
  // Only a prefix can hold max_words words: tokenise no more than 24 bytes a word (Arabic
  // words average ~10 bytes with the space), cut at a space so no word is split.
  if (max_words >= 0 && text.size() > static_cast<size_t>(max_words) * 24) {
    const size_t cut = text.rfind(' ', static_cast<size_t>(max_words) * 24);
    text = text.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  int words = 0;
  for (const text::Token& t : text::Tokenize(text)) {
    if (!Wordlike(t)) continue;
    if (max_words >= 0 && words++ >= max_words) break;
    f(text::LightStem(t.text));
  }
}

}  // namespace

namespace {
// For a short vector against a long one: binary search of each short term.
double SkewedDot(const SparseVector& small, const SparseVector& large) {
  double sum = 0;
  auto from = large.begin();
  for (const TermWeight& t : small) {
    from = std::lower_bound(from, large.end(), t.term,
                            [](const TermWeight& x, uint64_t k) { return x.term < k; });
    if (from == large.end()) break;
    if (from->term == t.term) sum += static_cast<double>(t.weight) * static_cast<double>(from->weight);
  }
  return sum;
}
}  // namespace

double Dot(const SparseVector& a, const SparseVector& b) {
  // Same sum, in term order either way, so the result does not depend on the method.
  if (a.size() * 8 < b.size()) return SkewedDot(a, b);
  if (b.size() * 8 < a.size()) return SkewedDot(b, a);
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      sum += static_cast<double>(a[i++].weight) * static_cast<double>(b[j++].weight);
    }
  }
  return sum;
}

uint64_t ArticleVectorizer::TermKey(std::string_view term) {
  return XXH3_64bits(term.data(), term.size());
}

void ArticleVectorizer::Terms(std::string_view match_key_text, int max_words,
                              std::vector<std::string>* out) {
  ForEachStem(match_key_text, max_words, [&](std::string stem) { out->push_back(std::move(stem)); });
}

ArticleVectorizer::ArticleVectorizer(Options options, const IdfTable* idf)
    : options_(options), idf_(idf) {}

SparseVector ArticleVectorizer::Vectorize(std::string_view title_match_key,
                                          std::string_view body_match_key,
                                          const std::vector<std::string>& entity_ids) const {
  // Term frequencies, titles and entities counted with their weights.
  std::unordered_map<uint64_t, double> tf;
  ForEachStem(title_match_key, -1,
              [&](const std::string& s) { tf[TermKey(s)] += options_.title_weight; });
  ForEachStem(body_match_key, options_.max_body_words,
              [&](const std::string& s) { tf[TermKey(s)] += 1.0; });
  SparseVector v;
  v.reserve(tf.size() + entity_ids.size());
  for (const auto& [term, count] : tf) {
    const double idf = idf_->Idf(term);
    if (idf < options_.min_idf) continue;
    v.push_back({term, static_cast<float>((1.0 + std::log(count)) * idf)});
  }
  // Entities are known to be about the story (not a word that happens to recur): a fixed
  // idf-like weight, the idf of a rare word.
  for (const std::string& e : entity_ids) {
    const uint64_t key = TermKey("E:" + e);
    auto it = std::find_if(v.begin(), v.end(), [&](const TermWeight& t) { return t.term == key; });
    const float w = static_cast<float>(options_.entity_weight * idf_->Idf(key));
    if (it == v.end()) {
      v.push_back({key, w});
    } else {
      it->weight += w;
    }
  }
  // The heaviest terms; ties by key so the choice never depends on hash-map order.
  auto heavier = [](const TermWeight& a, const TermWeight& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  };
  const size_t keep = static_cast<size_t>(std::max(1, options_.max_terms));
  if (v.size() > keep) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(), heavier);
    v.resize(keep);
  }
  std::sort(v.begin(), v.end(), [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
  double norm = 0;
  for (const TermWeight& t : v) norm += static_cast<double>(t.weight) * t.weight;
  if (norm > 0) {
    const double inv = 1.0 / std::sqrt(norm);
    for (TermWeight& t : v) t.weight = static_cast<float>(t.weight * inv);
  }
  return v;
}

}  // namespace marsad::story
