// ner_eval: CoNLL exact-span precision/recall/F1 (per class and micro) of the NER tagger
// on ANERcorp-style files, and its speed on them.
//
//   ner_eval [--model FILE [--clusters TSV]] FILE[@DOCS] ...
//
// Without --model the embedded default model is evaluated. FILE@DOCS: see ner_train.
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

#include "ner/conll_corpus.h"
#include "ner/ner_evaluation.h"
#include "ner/ner_tagger.h"

int main(int argc, char** argv) {
  using namespace marsad::ner;
  std::string model, clusters;
  std::vector<std::string> files;
  int dump = 0;  // print the first N sentences of each file: token, gold, predicted
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model = argv[++i];
    else if (a == "--clusters" && i + 1 < argc) clusters = argv[++i];
    else if (a == "--dump" && i + 1 < argc) dump = std::atoi(argv[++i]);
    else if (!a.empty() && a[0] != '-') files.push_back(a);
    else {
      std::fprintf(stderr, "usage: ner_eval [--model FILE [--clusters TSV]] [--dump N] FILE[@DOCS] ...\n");
      return 2;
    }
  }
  auto tagger = model.empty() ? NerTagger::LoadDefault() : NerTagger::LoadFile(model, clusters);
  if (!tagger.ok()) {
    std::fprintf(stderr, "ner_eval: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  for (const std::string& spec : files) {
    const size_t at = spec.find('@');
    auto corpus = at == std::string::npos ? ReadConll(spec) : ReadConll(spec.substr(0, at), spec.substr(at + 1));
    if (!corpus.ok()) {
      std::fprintf(stderr, "ner_eval: %s\n", corpus.status().ToString().c_str());
      return 1;
    }
    for (const Document& doc : corpus.value().docs) {
      if (dump <= 0) break;
      // Tagged as a document (pass 2 sees the whole article), printed sentence by sentence.
      std::vector<std::vector<std::string_view>> views;
      for (const Sentence& sent : doc.sentences) views.emplace_back(sent.tokens.begin(), sent.tokens.end());
      const std::vector<std::vector<int>> pred = tagger.value()->TagTokens(views);
      for (size_t s = 0; s < doc.sentences.size() && dump-- > 0; ++s) {
        const Sentence& sent = doc.sentences[s];
        for (size_t t = 0; t < sent.tokens.size(); ++t) {
          std::printf("%s\t%s\t%s%s\n", sent.tokens[t].c_str(), LabelName(sent.labels[t]).c_str(),
                      LabelName(pred[s][t]).c_str(), sent.labels[t] != pred[s][t] ? "\t<<<" : "");
        }
        std::printf("\n");
      }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const SpanScorer score = EvaluateTagger(*tagger.value(), corpus.value());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("== %s (%zu tokens, %zu documents; %.0f tokens/s incl. re-tokenising)\n%s", spec.c_str(),
                corpus.value().tokens, corpus.value().docs.size(), corpus.value().tokens / s, score.Report().c_str());
  }
  return 0;
}
