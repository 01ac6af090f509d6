// ner_train: trains the NER tagger (src/ner) on ANERcorp-style files and writes the model.
//
//   ner_train --train FILE[@DOCS] ... --out data/ner/model.bin [--clusters data/ner/clusters.tsv]
//             [--epochs 12] [--passes 2] [--folds 5] [--seed N] [--prune 0] [--dropout 0] [--test FILE[@DOCS] ...]
//
// FILE@DOCS reads FILE and cuts documents where the line-aligned file DOCS has ARTICLE lines.
// Pass 2 is trained on pass-1 labels predicted by k-fold jackknifing over training
// documents (each fold tagged by a pass-1 model that did not see it), so its features look
// like the ones it gets at run time. Deterministic: same inputs and seed, same bytes out.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "ner/conll_corpus.h"
#include "ner/features.h"
#include "ner/ner_evaluation.h"
#include "ner/ner_tagger.h"
#include "ner/perceptron_trainer.h"

namespace {

using namespace marsad::ner;
using Clock = std::chrono::steady_clock;

struct Options {
  std::vector<std::string> train, test;
  std::string out, clusters;
  int passes = 2, folds = 5;
  PerceptronOptions perceptron;
};

int Usage() {
  std::fprintf(stderr,
               "usage: ner_train --train FILE[@DOCS] ... [--out MODEL] [--clusters TSV] [--epochs N]\n"
               "                 [--passes 1|2] [--folds K] [--seed N] [--prune W] [--dropout P] [--test FILE[@DOCS] ...]\n");
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

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// Training documents as the tagger sees them: re-tokenised, words analysed once.
struct Prepared {
  std::vector<std::vector<std::vector<const WordInfo*>>> words;  // doc -> sentence -> token
  std::vector<std::vector<std::vector<int>>> gold;
};

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
    else if (a == "--epochs") o.perceptron.epochs = std::atoi(next().c_str());
    else if (a == "--passes") o.passes = std::atoi(next().c_str());
    else if (a == "--folds") o.folds = std::atoi(next().c_str());
    else if (a == "--seed") o.perceptron.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--dropout") o.perceptron.dropout = std::strtof(next().c_str(), nullptr);
    else if (a == "--prune") o.perceptron.prune = std::strtof(next().c_str(), nullptr);
    else return Usage();
  }
  if (o.train.empty() || o.passes < 1 || o.passes > 2 || o.folds < 2 || o.perceptron.epochs < 1) return Usage();
  const auto t0 = Clock::now();

  WordClusters clusters;
  if (!o.clusters.empty()) {
    const marsad::Status st = WordClusters::Parse(Slurp(o.clusters), &clusters);
    if (!st.ok() || clusters.size() == 0) {
      std::fprintf(stderr, "ner_train: cannot use clusters %s: %s\n", o.clusters.c_str(), st.ToString().c_str());
      return 1;
    }
  }
  const WordClusters* cl = clusters.size() ? &clusters : nullptr;
  const uint64_t clusters_hash = cl ? clusters.content_hash() : 0;
  FeatureExtractor fx(cl);

  // Read and analyse the training documents.
  std::unordered_map<std::string, WordInfo> cache;
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
      auto& dw = data.words.emplace_back();
      auto& dg = data.gold.emplace_back();
      for (const Sentence& s : doc.sentences) {
        std::vector<uint32_t> origin;
        Sentence pieces = Retokenize(s, &origin);
        if (pieces.tokens.empty()) continue;
        std::vector<const WordInfo*> ws;
        for (const std::string& t : pieces.tokens) {
          auto [it, fresh] = cache.try_emplace(t);
          if (fresh) it->second = fx.Analyze(t);
          ws.push_back(&it->second);
        }
        n_tokens += ws.size();
        dw.push_back(std::move(ws));
        dg.push_back(std::move(pieces.labels));
      }
    }
  }
  std::fprintf(stderr, "prepared %zu documents, %zu tokens (%zu word types) in %.1fs\n", data.words.size(), n_tokens,
               cache.size(), Seconds(t0));

  auto pass1_sequences = [&](auto keep_doc) {
    std::vector<TrainingSequence> seqs;
    for (size_t d = 0; d < data.words.size(); ++d) {
      if (!keep_doc(d)) continue;
      for (size_t s = 0; s < data.words[d].size(); ++s) {
        TrainingSequence& t = seqs.emplace_back();
        fx.Extract(data.words[d][s], nullptr, nullptr, &t.features);
        t.gold = data.gold[d][s];
      }
    }
    return seqs;
  };

  std::vector<LinearChainModel> passes;
  passes.push_back(TrainPerceptron(pass1_sequences([](size_t) { return true; }), o.perceptron, clusters_hash));
  std::fprintf(stderr, "pass 1: %zu features kept, %.1fs\n", passes[0].num_features(), Seconds(t0));

  if (o.passes == 2) {
    // Jackknifed pass-1 labels for every training document.
    std::vector<std::vector<std::vector<int>>> p1(data.words.size());
    for (int k = 0; k < o.folds; ++k) {
      const auto in_fold = [&](size_t d) { return static_cast<int>(d % o.folds) == k; };
      const LinearChainModel m =
          TrainPerceptron(pass1_sequences([&](size_t d) { return !in_fold(d); }), o.perceptron, clusters_hash);
      FeatureSeq seq;
      std::vector<LabelScores> em;
      for (size_t d = 0; d < data.words.size(); ++d) {
        if (!in_fold(d)) continue;
        for (const auto& ws : data.words[d]) {
          seq.Clear();
          fx.Extract(ws, nullptr, nullptr, &seq);
          m.Emissions(seq, &em);
          m.Decode(em, &p1[d].emplace_back());
        }
      }
      std::fprintf(stderr, "fold %d/%d done, %.1fs\n", k + 1, o.folds, Seconds(t0));
    }
    std::vector<TrainingSequence> seqs;
    for (size_t d = 0; d < data.words.size(); ++d) {
      DocumentLabels doc;
      for (size_t s = 0; s < data.words[d].size(); ++s) doc.AddSentence(data.words[d][s], p1[d][s]);
      for (size_t s = 0; s < data.words[d].size(); ++s) {
        TrainingSequence& t = seqs.emplace_back();
        fx.Extract(data.words[d][s], &p1[d][s], &doc, &t.features);
        t.gold = data.gold[d][s];
      }
    }
    passes.push_back(TrainPerceptron(seqs, o.perceptron, clusters_hash));
    std::fprintf(stderr, "pass 2: %zu features kept, %.1fs\n", passes[1].num_features(), Seconds(t0));
  }

  const std::string bytes = NerTagger::Serialize(passes);
  if (!o.out.empty()) {
    std::ofstream out(o.out, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::fprintf(stderr, "ner_train: cannot write %s\n", o.out.c_str());
      return 1;
    }
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", o.out.c_str(), bytes.size());
  }
  if (!o.test.empty()) {
    auto tagger = NerTagger::FromBytes(bytes, o.clusters.empty() ? "" : Slurp(o.clusters));
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
    }
  }
  return 0;
}
