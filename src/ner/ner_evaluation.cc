#include "ner/ner_evaluation.h"

namespace marsad::ner {

SpanScorer EvaluateTagger(const NerTagger& tagger, const ConllCorpus& corpus) {
  SpanScorer scorer;
  for (const Document& doc : corpus.docs) {
    std::vector<Sentence> pieces(doc.sentences.size());
    std::vector<std::vector<uint32_t>> origin(doc.sentences.size());
    std::vector<std::vector<std::string_view>> views(doc.sentences.size());
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      pieces[s] = Retokenize(doc.sentences[s], &origin[s]);
      for (const std::string& t : pieces[s].tokens) views[s].push_back(t);
    }
    const std::vector<std::vector<int>> labels = tagger.TagTokens(views);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& gold = doc.sentences[s];
      std::vector<int> pred(gold.tokens.size(), kOutside);
      std::vector<bool> seen(gold.tokens.size(), false);
      for (size_t k = 0; k < origin[s].size(); ++k) {
        const uint32_t t = origin[s][k];
        if (!seen[t]) pred[t] = labels[s][k], seen[t] = true;
      }
      scorer.Add(gold.labels, pred);
    }
  }
  return scorer;
}

}  // namespace marsad::ner
