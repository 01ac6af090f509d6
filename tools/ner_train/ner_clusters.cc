// ner_clusters: word clusters for the NER tagger from unlabelled text, by predictive
// exchange clustering (Uszkoreit & Brants 2008): words move between K classes to maximise
// the likelihood of P(class(w_i) | w_{i-1}) * P(w_i | class(w_i)), so words that follow the
// same words fall together (given names, towns, ministries...). Run twice (fine and coarse K).
//
//   ner_clusters --corpus DIR_OF_ZIPS [--extra CONLL ...] --out data/ner/clusters.tsv
//                [--fine 256] [--coarse 64] [--min-count 5] [--max-words 60000] [--iterations 12]
//
// DIR_OF_ZIPS: SaudiNewsNet's dataset/ (zips of JSON arrays with a "content" field). Text is
// display-normalised, tokenised (text::Tokenize) and match-keyed exactly as the tagger does.
// --extra adds the tokens of CoNLL files (ANERcorp training split; never the test split).
// Deterministic: same inputs, same file.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "word_stream.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Stream {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::vector<uint32_t> tokens;  // word ids; id 0 = boundary "<s>"
  Stream() { Id("<s>"); }
  uint32_t Id(const std::string& w) {
    auto [it, fresh] = ids.try_emplace(w, static_cast<uint32_t>(words.size()));
    if (fresh) words.push_back(w), counts.push_back(0);
    return it->second;
  }
  void Add(const std::string& key) {
    const uint32_t id = Id(key);
    ++counts[id];
    tokens.push_back(id);
  }
  void Boundary() {
    if (!tokens.empty() && tokens.back() != 0) tokens.push_back(0), ++counts[0];
  }
};

// x log x, tabulated for small counts (the exchange loop evaluates it billions of times).
class XLogX {
 public:
  XLogX() : table_(kTable) {
    for (size_t i = 1; i < kTable; ++i) table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
  }
  double operator()(int64_t x) const {
    return x < static_cast<int64_t>(kTable) ? table_[x] : static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  static constexpr size_t kTable = 1 << 20;
  std::vector<double> table_;
};

// Predictive exchange clustering of words 0..V-1 into k classes.
// pred[w] = (predecessor, count) pairs; total[w] = occurrences of w as a successor.
std::vector<uint32_t> Cluster(const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& pred,
                              const std::vector<int64_t>& total, uint32_t k, int iterations) {
  const size_t v = pred.size();
  const XLogX f;
  std::vector<uint32_t> cls(v);
  for (size_t w = 0; w < v; ++w) cls[w] = static_cast<uint32_t>(w % k);  // words are in frequency order
  std::vector<int64_t> nc(k, 0);
  std::vector<int32_t> m(v * k, 0);  // m[p * k + c]: how often p is followed by a word of class c
  for (size_t w = 0; w < v; ++w) {
    nc[cls[w]] += total[w];
    for (auto [p, n] : pred[w]) m[size_t{p} * k + cls[w]] += static_cast<int32_t>(n);
  }
  std::vector<double> gain(k);
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 1; w < v; ++w) {  // word 0 (the boundary) keeps its class
      const uint32_t a = cls[w];
      nc[a] -= total[w];
      for (auto [p, n] : pred[w]) m[size_t{p} * k + a] -= static_cast<int32_t>(n);
      for (uint32_t b = 0; b < k; ++b) gain[b] = -(f(nc[b] + total[w]) - f(nc[b]));
      for (auto [p, n] : pred[w]) {
        const int32_t* row = &m[size_t{p} * k];
        for (uint32_t b = 0; b < k; ++b) gain[b] += f(row[b] + n) - f(row[b]);
      }
      uint32_t best = a;
      for (uint32_t b = 0; b < k; ++b) {
        if (gain[b] > gain[best] + 1e-9) best = b;
      }
      cls[w] = best;
      moved += best != a;
      nc[best] += total[w];
      for (auto [p, n] : pred[w]) m[size_t{p} * k + best] += static_cast<int32_t>(n);
    }
    std::fprintf(stderr, "  k=%u iteration %d: %zu words moved\n", k, it + 1, moved);
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir, out;
  std::vector<std::string> extra;
  uint32_t fine = 256, coarse = 64;
  uint64_t min_count = 5;
  size_t max_words = 60000;
  int iterations = 12;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--corpus") corpus_dir = next();
    else if (a == "--extra") extra.push_back(next());
    else if (a == "--out") out = next();
    else if (a == "--fine") fine = static_cast<uint32_t>(std::atoi(next().c_str()));
    else if (a == "--coarse") coarse = static_cast<uint32_t>(std::atoi(next().c_str()));
    else if (a == "--min-count") min_count = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--max-words") max_words = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--iterations") iterations = std::atoi(next().c_str());
    else {
      std::fprintf(stderr, "usage: ner_clusters --corpus DIR [--extra CONLL ...] --out TSV [--fine K] [--coarse K]\n"
                           "                    [--min-count N] [--max-words N] [--iterations N]\n");
      return 2;
    }
  }
  if (corpus_dir.empty() || out.empty() || fine < 2 || coarse < 2) {
    std::fprintf(stderr, "ner_clusters: --corpus and --out are required\n");
    return 2;
  }
  const auto t0 = Clock::now();
  Stream s;
  const auto read = marsad::ner_tools::ForEachCorpusWord(
      corpus_dir, extra, [&](const std::string& key) { s.Add(key); }, [&] { s.Boundary(); });
  if (!read.ok()) {
    std::fprintf(stderr, "ner_clusters: %s\n", read.status().ToString().c_str());
    return 1;
  }
  const long articles = read.value();
  std::fprintf(stderr, "%ld articles, %zu tokens, %zu word types, %.1fs\n", articles,
               s.tokens.size(), s.words.size(), std::chrono::duration<double>(Clock::now() - t0).count());

  // Vocabulary: the boundary, then words by frequency (ties by spelling); the rest is <unk>.
  std::vector<uint32_t> order;
  for (uint32_t id = 1; id < s.words.size(); ++id) {
    if (s.counts[id] >= min_count) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return s.counts[a] != s.counts[b] ? s.counts[a] > s.counts[b] : s.words[a] < s.words[b];
  });
  if (order.size() > max_words) order.resize(max_words);
  const uint32_t unk = static_cast<uint32_t>(order.size() + 1);
  std::vector<uint32_t> remap(s.words.size(), unk);
  remap[0] = 0;
  for (size_t r = 0; r < order.size(); ++r) remap[order[r]] = static_cast<uint32_t>(r + 1);
  const size_t v = order.size() + 2;

  std::vector<uint64_t> pairs;
  pairs.reserve(s.tokens.size());
  for (size_t i = 1; i < s.tokens.size(); ++i) {
    pairs.push_back(uint64_t{remap[s.tokens[i]]} << 32 | remap[s.tokens[i - 1]]);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> pred(v);
  std::vector<int64_t> total(v, 0);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t w = static_cast<uint32_t>(pairs[i] >> 32), p = static_cast<uint32_t>(pairs[i]);
    pred[w].emplace_back(p, static_cast<uint32_t>(j - i));
    total[w] += static_cast<int64_t>(j - i);
    i = j;
  }
  std::fprintf(stderr, "vocabulary %zu words (min count %llu), %zu bigram tokens\n", order.size(),
               static_cast<unsigned long long>(min_count), pairs.size());
  const std::vector<uint32_t> fine_cls = Cluster(pred, total, fine, iterations);
  const std::vector<uint32_t> coarse_cls = Cluster(pred, total, coarse, iterations);

  std::ofstream o(out);
  o << "# Word clusters for the NER tagger (src/ner, docs/NER.md): match-key word, fine cluster (of " << fine
    << "), coarse cluster (of " << coarse << ").\n"
    << "# Derived (not copied) from SaudiNewsNet article texts (../shared/data/corpus/saudinewsnet, " << articles
    << " articles)\n# and the tokens of the ANERcorp training split, by predictive exchange clustering:\n"
    << "#   ner_clusters --corpus <saudinewsnet>/dataset";
  for (const std::string& e : extra) o << " --extra " << std::filesystem::path(e).filename().string();
  o << " --fine " << fine << " --coarse " << coarse << " --min-count " << min_count << " --max-words " << max_words
    << " --iterations " << iterations << "\n";
  for (size_t r = 0; r < order.size(); ++r) {
    const std::string& word = s.words[order[r]];
    if (word.empty() || word[0] == '#' || word.find('\t') != std::string::npos) continue;  // not a data line
    o << s.words[order[r]] << '\t' << fine_cls[r + 1] << '\t' << coarse_cls[r + 1] << '\n';
  }
  if (!o) {
    std::fprintf(stderr, "ner_clusters: cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s, %.1fs\n", out.c_str(), std::chrono::duration<double>(Clock::now() - t0).count());
  return 0;
}
