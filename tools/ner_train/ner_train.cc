// ner_train: trains the NER tagger (src/ner) on ANERcorp-style files and writes the model.
//
//   ner_train --train FILE[@DOCS] ... --out data/ner/model.bin
//             [--clusters data/ner/clusters.tsv]
//             [--lexicon-corpus DIR --lexicon-out data/ner/lexicon.tsv [--lexicon-articles N]]
//             [--epochs 12] [--passes 2] [--folds 5] [--seed N] [--dropout 0] [--mira 0] [--prune 0]
//             [--gazetteer] [--crf LR L2 [--crf-passes 1|2|3] [--crf-prune W]] [--o-bias B] [--o-bias-scan B1,..] [--test FILE[@DOCS] ...]
//
// --gazetteer adds the gazetteer features (src/ner/gazetteer.h: the actor knowledge base
// data/actors/*.tsv and data/ner/name_lists.tsv, embedded or from MARSAD_DATA_DIR).
// FILE@DOCS reads FILE and cuts documents where the line-aligned file DOCS has ARTICLE lines.
// Stages (docs/NER.md):
//  * with --lexicon-corpus: a pass-0 model (no lexicon features) tags the unlabelled corpus
//    and the counts of each word's labels become the corpus lexicon. For training, each
//    fold of documents gets a lexicon built by a pass-0 model that did not see it (so its
//    lexicon features are as noisy as on new text); the shipped lexicon comes from a pass-0
//    model trained on everything;
//  * pass 1 on all training documents;
//  * pass 2 on pass-1 labels predicted by k-fold jackknifing (each fold tagged by a pass-1
//    model that did not see it), so its features look like the ones it gets at run time.
// Deterministic: same inputs and options, same bytes out.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "ner/conll_corpus.h"
#include "ner/corpus_lexicon.h"
#include "ner/crf_trainer.h"
#include "ner/features.h"
#include "ner/ner_evaluation.h"
#include "ner/ner_tagger.h"
#include "ner/perceptron_trainer.h"
#include "news_corpus.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

using namespace marsad::ner;
using Clock = std::chrono::steady_clock;

struct Options {
  std::vector<std::string> train, test;
  std::string out, clusters, lexicon_corpus, lexicon_out;
  size_t lexicon_articles = 0;
  int passes = 2, folds = 5;
  bool gazetteer = false;
  PerceptronOptions perceptron;
  int crf_passes = 0;  // bit p-1 set: pass p is trained as a CRF (--crf LR L2 [--crf-passes 1|2|3])
  CrfOptions crf_options;
  float crf_prune = 0.01f;  // --crf-prune: the CRF's weights are on another scale than the perceptron's
  float o_bias = 0.f;               // --o-bias B: added to O's score in the last pass
  std::vector<float> o_bias_scan;   // --o-bias-scan B1,B2,..: test figures under each bias
};

// Trains pass `pass` (1 or 2) with the chosen trainer.
LinearChainModel Train(const Options& o, const std::vector<TrainingSequence>& seqs, uint64_t resources_hash,
                       int pass) {
  if ((o.crf_passes >> (pass - 1) & 1) == 0) return TrainPerceptron(seqs, o.perceptron, resources_hash);
  PerceptronOptions po = o.perceptron;
  po.prune = o.crf_prune;
  return TrainCrf(seqs, po, o.crf_options, resources_hash);
}

int Usage() {
  std::fprintf(stderr,
               "usage: ner_train --train FILE[@DOCS] ... [--out MODEL] [--clusters TSV]\n"
               "                 [--lexicon-corpus DIR --lexicon-out TSV [--lexicon-articles N]]\n"
               "                 [--epochs N] [--passes 1|2] [--folds K] [--seed N] [--dropout P] [--mira C] [--prune W]\n"
               "                 [--gazetteer] [--crf LR L2 [--crf-passes 1|2|3] [--crf-prune W]] [--o-bias B] [--o-bias-scan B1,..] [--test FILE[@DOCS] ...]\n");
  return 2;
}

marsad::Result<ConllCorpus> Read(const std::string& spec) {
  const size_t at = spec.find('@');
  return at == std::string::npos ? ReadConll(spec) : ReadConll(spec.substr(0, at), spec.substr(at + 1));
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Clock::time_point t0;
double Seconds() { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Training documents as the tagger sees them (re-tokenised), with gold labels.
struct Prepared {
  std::vector<std::vector<std::vector<std::string>>> tokens;  // doc -> sentence -> token
  std::vector<std::vector<std::vector<int>>> gold;
};

using DocWords = std::vector<std::vector<std::vector<const WordInfo*>>>;  // doc -> sentence -> token

// Word analyses of all training documents under one extractor (one lexicon).
class Analysed {
 public:
  Analysed(const Prepared& data, const FeatureExtractor& fx) {
    words_.resize(data.tokens.size());
    for (size_t d = 0; d < data.tokens.size(); ++d) {
      for (const auto& sent : data.tokens[d]) {
        auto& ws = words_[d].emplace_back();
        for (const std::string& t : sent) {
          auto [it, fresh] = cache_.try_emplace(t);
          if (fresh) it->second = fx.Analyze(t);
          ws.push_back(&it->second);
        }
      }
    }
  }
  const DocWords& words() const { return words_; }

 private:
  std::unordered_map<std::string, WordInfo> cache_;
  DocWords words_;
};

std::vector<TrainingSequence> Pass1Sequences(const FeatureExtractor& fx, const DocWords& words, const Prepared& data,
                                             const std::function<bool(size_t)>& keep_doc) {
  std::vector<TrainingSequence> seqs;
  for (size_t d = 0; d < words.size(); ++d) {
    if (!keep_doc(d)) continue;
    for (size_t s = 0; s < words[d].size(); ++s) {
      TrainingSequence& t = seqs.emplace_back();
      fx.Extract(words[d][s], nullptr, nullptr, &t.features);
      t.gold = data.gold[d][s];
    }
  }
  return seqs;
}

// Tags the unlabelled corpus with a one-pass model and counts each word's labels.
std::string BuildLexicon(const Options& o, const LinearChainModel& model, const WordClusters& clusters) {
  auto tagger = NerTagger::FromModels({model}, clusters);
  LexiconCounter counter;
  const long n = marsad::ner_tools::ForEachArticle(o.lexicon_corpus, o.lexicon_articles, [&](std::string_view raw) {
    const std::string text = marsad::text::NormalizeDisplay(raw);
    std::vector<std::vector<marsad::text::Token>> sents;
    std::vector<std::vector<std::string_view>> views;
    size_t cp = 0, byte = 0;
    for (const marsad::text::SentenceSpan& sp : marsad::text::SplitSentences(text)) {
      // Sentence spans are code points: walk the bytes forward (spans are in order).
      auto advance = [&](size_t to) {
        while (cp < to && byte < text.size()) {
          const unsigned char c = static_cast<unsigned char>(text[byte]);
          byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          ++cp;
        }
        return std::min(byte, text.size());
      };
      const size_t b = advance(sp.start), e = advance(sp.end);
      auto toks = marsad::text::Tokenize(std::string_view(text).substr(b, e - b));
      if (toks.empty()) continue;
      auto& v = views.emplace_back();
      for (const auto& t : toks) v.push_back(t.text);
      sents.push_back(std::move(toks));
    }
    const std::vector<std::vector<int>> labels = tagger->TagTokens(views);
    for (size_t s = 0; s < views.size(); ++s) {
      for (size_t i = 0; i < views[s].size(); ++i) counter.Add(marsad::text::MatchKey(views[s][i]), labels[s][i]);
    }
  });
  std::string header =
      "# Corpus lexicon for the NER tagger (src/ner/corpus_lexicon.h, docs/NER.md): how a first-pass tagger\n"
      "# trained on the ANERcorp training split labelled each match-key word across SaudiNewsNet article texts\n"
      "# (" + std::to_string(n) + " articles). Columns: word, occurrences, B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC.\n"
      "# Made by ner_train --lexicon-corpus (see docs/NER.md for the exact command).\n";
  return counter.ToTsv(header, 2);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--train") o.train.push_back(next());
    else if (a == "--test") o.test.push_back(next());
    else if (a == "--out") o.out = next();
    else if (a == "--clusters") o.clusters = next();
    else if (a == "--lexicon-corpus") o.lexicon_corpus = next();
    else if (a == "--lexicon-out") o.lexicon_out = next();
    else if (a == "--lexicon-articles") o.lexicon_articles = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--epochs") o.perceptron.epochs = std::atoi(next().c_str());
    else if (a == "--passes") o.passes = std::atoi(next().c_str());
    else if (a == "--folds") o.folds = std::atoi(next().c_str());
    else if (a == "--seed") o.perceptron.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--dropout") o.perceptron.dropout = std::strtof(next().c_str(), nullptr);
    else if (a == "--mira") o.perceptron.mira_c = std::strtof(next().c_str(), nullptr);
    else if (a == "--prune") o.perceptron.prune = std::strtof(next().c_str(), nullptr);
    else if (a == "--gazetteer") o.gazetteer = true;
    else if (a == "--o-bias") o.o_bias = std::strtof(next().c_str(), nullptr);
    else if (a == "--o-bias-scan") {
      std::stringstream ss(next());
      for (std::string t; std::getline(ss, t, ',');) o.o_bias_scan.push_back(std::strtof(t.c_str(), nullptr));
    } else if (a == "--crf-prune") o.crf_prune = std::strtof(next().c_str(), nullptr);
    else if (a == "--crf-passes") o.crf_passes = std::atoi(next().c_str());
    else if (a == "--crf") {
      if (o.crf_passes == 0) o.crf_passes = 3;
      o.crf_options.lr = std::strtof(next().c_str(), nullptr);
      o.crf_options.l2 = std::strtof(next().c_str(), nullptr);
    }
    else return Usage();
  }
  if (o.train.empty() || o.passes < 1 || o.passes > 2 || o.folds < 2 || o.perceptron.epochs < 1) return Usage();
  t0 = Clock::now();

  WordClusters clusters;
  if (!o.clusters.empty()) {
    const marsad::Status st = WordClusters::Parse(Slurp(o.clusters), &clusters);
    if (!st.ok() || clusters.size() == 0) {
      std::fprintf(stderr, "ner_train: cannot use clusters %s: %s\n", o.clusters.c_str(), st.ToString().c_str());
      return 1;
    }
  }
  const WordClusters* cl = clusters.size() ? &clusters : nullptr;
  Gazetteer gazetteer;
  if (o.gazetteer) {
    if (const marsad::Status st = Gazetteer::BuildDefault(&gazetteer); !st.ok()) {
      std::fprintf(stderr, "ner_train: %s\n", st.ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "gazetteer: %zu patterns\n", gazetteer.pattern_count());
  }
  const Gazetteer* gz = o.gazetteer ? &gazetteer : nullptr;

  Prepared data;
  size_t n_tokens = 0;
  for (const std::string& spec : o.train) {
    auto corpus = Read(spec);
    if (!corpus.ok()) {
      std::fprintf(stderr, "ner_train: %s\n", corpus.status().ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "%s: %zu documents, %zu tokens, %zu tags repaired, %zu unusable tags read as O\n",
                 spec.c_str(), corpus.value().docs.size(), corpus.value().tokens, corpus.value().repaired_tags,
                 corpus.value().unknown_tags);
    for (const Document& doc : corpus.value().docs) {
      auto& dt = data.tokens.emplace_back();
      auto& dg = data.gold.emplace_back();
      for (const Sentence& s : doc.sentences) {
        std::vector<uint32_t> origin;
        Sentence pieces = Retokenize(s, &origin);
        if (pieces.tokens.empty()) continue;
        n_tokens += pieces.tokens.size();
        dt.push_back(std::move(pieces.tokens));
        dg.push_back(std::move(pieces.labels));
      }
    }
  }
  const size_t n_docs = data.tokens.size();
  std::fprintf(stderr, "prepared %zu documents, %zu tokens, %.1fs\n", n_docs, n_tokens, Seconds());
  const auto fold_of = [&](size_t d) { return static_cast<int>(d % static_cast<size_t>(o.folds)); };

  // The features each training document is trained with: one extractor per lexicon.
  std::vector<std::unique_ptr<CorpusLexicon>> lexicons;     // per fold, then the shipped one
  std::vector<std::unique_ptr<FeatureExtractor>> extractors;
  std::vector<std::unique_ptr<Analysed>> analysed;
  CorpusLexicon shipped;
  std::string shipped_tsv;
  DocWords words(n_docs);
  std::vector<const FeatureExtractor*> fx_of(n_docs);
  if (!o.lexicon_corpus.empty()) {
    const FeatureExtractor fx0(cl);
    const Analysed a0(data, fx0);
    for (int k = 0; k <= o.folds; ++k) {  // k == folds: the shipped lexicon
      const LinearChainModel m0 = TrainPerceptron(
          Pass1Sequences(fx0, a0.words(), data, [&](size_t d) { return k == o.folds || fold_of(d) != k; }),
          o.perceptron, fx0.resources_hash());
      const std::string tsv = BuildLexicon(o, m0, clusters);
      auto lex = std::make_unique<CorpusLexicon>();
      if (const marsad::Status st = CorpusLexicon::Parse(tsv, lex.get()); !st.ok()) {
        std::fprintf(stderr, "ner_train: %s\n", st.ToString().c_str());
        return 1;
      }
      std::fprintf(stderr, "lexicon %d/%d: %zu words, %.1fs\n", k + 1, o.folds + 1, lex->size(), Seconds());
      if (k == o.folds) {
        shipped = std::move(*lex);
        shipped_tsv = tsv;
        break;
      }
      lexicons.push_back(std::move(lex));
      extractors.push_back(std::make_unique<FeatureExtractor>(cl, lexicons.back().get(), gz));
      analysed.push_back(std::make_unique<Analysed>(data, *extractors.back()));
    }
    for (size_t d = 0; d < n_docs; ++d) {
      words[d] = analysed[fold_of(d)]->words()[d];
      fx_of[d] = extractors[fold_of(d)].get();
    }
  } else {
    extractors.push_back(std::make_unique<FeatureExtractor>(cl, nullptr, gz));
    analysed.push_back(std::make_unique<Analysed>(data, *extractors.back()));
    words = analysed.back()->words();
    fx_of.assign(n_docs, extractors.back().get());
  }
  const uint64_t resources_hash = ResourcesHash(cl, shipped.size() ? &shipped : nullptr, gz);

  // Pass-1 sequences of every document, each with its own fold's features.
  std::vector<std::vector<TrainingSequence>> p1_seqs(n_docs);
  for (size_t d = 0; d < n_docs; ++d) {
    for (size_t s = 0; s < words[d].size(); ++s) {
      TrainingSequence& t = p1_seqs[d].emplace_back();
      fx_of[d]->Extract(words[d][s], nullptr, nullptr, &t.features);
      t.gold = data.gold[d][s];
    }
  }
  auto collect = [&](const std::function<bool(size_t)>& keep) {
    std::vector<TrainingSequence> out;
    for (size_t d = 0; d < n_docs; ++d) {
      if (keep(d)) out.insert(out.end(), p1_seqs[d].begin(), p1_seqs[d].end());
    }
    return out;
  };

  std::vector<LinearChainModel> passes;
  passes.push_back(Train(o, collect([](size_t) { return true; }), resources_hash, 1));
  std::fprintf(stderr, "pass 1: %zu features kept, %.1fs\n", passes[0].num_features(), Seconds());

  if (o.passes == 2) {
    std::vector<std::vector<std::vector<int>>> p1(n_docs);
    for (int k = 0; k < o.folds; ++k) {
      const LinearChainModel m = Train(o, collect([&](size_t d) { return fold_of(d) != k; }), resources_hash, 1);
      std::vector<LabelScores> em;
      for (size_t d = 0; d < n_docs; ++d) {
        if (fold_of(d) != k) continue;
        for (const TrainingSequence& t : p1_seqs[d]) {
          m.Emissions(t.features, &em);
          m.Decode(em, &p1[d].emplace_back());
        }
      }
      std::fprintf(stderr, "pass-2 fold %d/%d done, %.1fs\n", k + 1, o.folds, Seconds());
    }
    std::vector<TrainingSequence> seqs;
    for (size_t d = 0; d < n_docs; ++d) {
      DocumentLabels doc;
      for (size_t s = 0; s < words[d].size(); ++s) doc.AddSentence(words[d][s], p1[d][s]);
      for (size_t s = 0; s < words[d].size(); ++s) {
        TrainingSequence& t = seqs.emplace_back();
        fx_of[d]->Extract(words[d][s], &p1[d][s], &doc, &t.features);
        t.gold = data.gold[d][s];
      }
    }
    passes.push_back(Train(o, seqs, resources_hash, 2));
    std::fprintf(stderr, "pass 2: %zu features kept, %.1fs\n", passes[1].num_features(), Seconds());
  }

  passes.back().AddLabelBias(kOutside, o.o_bias);
  const std::string bytes = NerTagger::Serialize(passes);
  auto write = [](const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) {
      std::fprintf(stderr, "ner_train: cannot write %s\n", path.c_str());
      return false;
    }
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", path.c_str(), contents.size());
    return true;
  };
  if (!o.out.empty() && !write(o.out, bytes)) return 1;
  if (!o.lexicon_out.empty() && !shipped_tsv.empty() && !write(o.lexicon_out, shipped_tsv)) return 1;
  if (!o.test.empty()) {
    auto tagger = NerTagger::FromBytes(bytes, o.clusters.empty() ? "" : Slurp(o.clusters), shipped_tsv);
    if (!tagger.ok()) {
      std::fprintf(stderr, "ner_train: %s\n", tagger.status().ToString().c_str());
      return 1;
    }
    for (const std::string& spec : o.test) {
      auto corpus = Read(spec);
      if (!corpus.ok()) {
        std::fprintf(stderr, "ner_train: %s\n", corpus.status().ToString().c_str());
        return 1;
      }
      const SpanScorer score = EvaluateTagger(*tagger.value(), corpus.value());
      std::printf("== %s (%zu tokens)\n%s", spec.c_str(), corpus.value().tokens, score.Report().c_str());
      for (float b : o.o_bias_scan) {
        std::vector<LinearChainModel> biased = passes;
        biased.back().AddLabelBias(kOutside, b);
        auto t = NerTagger::FromBytes(NerTagger::Serialize(biased), o.clusters.empty() ? "" : Slurp(o.clusters),
                                      shipped_tsv);
        if (!t.ok()) return 1;
        std::printf("-- o-bias %g\n%s", static_cast<double>(b), EvaluateTagger(*t.value(), corpus.value()).Report().c_str());
      }
    }
  }
  return 0;
}
