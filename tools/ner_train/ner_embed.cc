// ner_embed: word classes for the NER tagger from dense word vectors. Skip-gram vectors
// with character n-grams (sgns.h) are learnt from unlabelled news text; the vectors of the
// output words are clustered by k-means (cosine) at several granularities, and the class
// ids are appended as extra columns to an existing exchange-cluster file (ner_clusters):
// "word<TAB>fine<TAB>coarse<TAB>e1<TAB>e2..." ("-" where a word has no exchange cluster).
// Words get a vector from their n-grams even when rare, so the output vocabulary can be
// larger than the exchange clusters'.
//
//   ner_embed --corpus DIR_OF_ZIPS [--extra CONLL ...] --clusters data/ner/clusters.tsv --out TSV
//             [--dim 64] [--epochs 5] [--min-count 5] [--out-min-count 3] [--out-words 150000]
//             [--k 64,256,1024] [--iterations 12]
//
// Text is display-normalised, tokenised and match-keyed as the tagger does; --extra adds
// CoNLL tokens (the ANERcorp training split, never the test split). Deterministic.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "sgns.h"
#include "word_stream.h"

namespace {

using marsad::ner_tools::SubwordEmbeddings;
using Clock = std::chrono::steady_clock;

// k-means over unit vectors (rows of x, n x d) by cosine; returns the class of each row.
// Initial centroids: k rows chosen by a seeded stride (rows are in frequency order).
std::vector<uint32_t> KMeans(const std::vector<float>& x, size_t n, size_t d, uint32_t k, int iterations) {
  std::vector<float> c(size_t{k} * d);
  for (uint32_t j = 0; j < k; ++j) {
    const size_t row = (static_cast<size_t>(j) * 2654435761ULL) % n;
    std::copy_n(&x[row * d], d, &c[j * d]);
  }
  std::vector<uint32_t> cls(n, 0);
  std::vector<double> sum(size_t{k} * d);
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (size_t i = 0; i < n; ++i) {
      const float* xi = &x[i * d];
      float best = -2.f;
      uint32_t arg = 0;
      for (uint32_t j = 0; j < k; ++j) {
        const float* cj = &c[j * d];
        float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (size_t t = 0; t < d; t += 8) {
          for (size_t u = 0; u < 8; ++u) acc[u] += xi[t + u] * cj[t + u];
        }
        const float dot = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        if (dot > best) best = dot, arg = j;
      }
      moved += arg != cls[i] || it == 0;
      cls[i] = arg;
    }
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t t = 0; t < d; ++t) sum[cls[i] * d + t] += x[i * d + t];
    }
    for (uint32_t j = 0; j < k; ++j) {
      double norm = 0;
      for (size_t t = 0; t < d; ++t) norm += sum[j * d + t] * sum[j * d + t];
      if (norm == 0) continue;  // empty class keeps its centroid
      norm = std::sqrt(norm);
      for (size_t t = 0; t < d; ++t) c[j * d + t] = static_cast<float>(sum[j * d + t] / norm);
    }
    std::fprintf(stderr, "  k=%u iteration %d: %zu moved\n", k, it + 1, moved);
    if (moved == 0) break;
  }
  return cls;
}

struct Corpus {
  std::unordered_map<std::string, uint64_t> counts;
  std::vector<std::string> stream;  // match keys, "" = boundary
  void Add(std::string key) {
    ++counts[key];
    stream.push_back(std::move(key));
  }
  void Boundary() {
    if (!stream.empty() && !stream.back().empty()) stream.emplace_back();
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir, clusters_path, out;
  std::vector<std::string> extra;
  marsad::ner_tools::SgnsOptions sg;
  uint64_t min_count = 5, out_min_count = 3;
  size_t out_words = 150000;
  std::vector<uint32_t> ks = {64, 256, 1024};
  int iterations = 12;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--corpus") corpus_dir = next();
    else if (a == "--extra") extra.push_back(next());
    else if (a == "--clusters") clusters_path = next();
    else if (a == "--out") out = next();
    else if (a == "--dim") sg.dim = std::atoi(next().c_str());
    else if (a == "--epochs") sg.epochs = std::atoi(next().c_str());
    else if (a == "--min-count") min_count = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--out-min-count") out_min_count = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--out-words") out_words = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--iterations") iterations = std::atoi(next().c_str());
    else if (a == "--k") {
      ks.clear();
      std::stringstream ss(next());
      for (std::string t; std::getline(ss, t, ',');) ks.push_back(static_cast<uint32_t>(std::atoi(t.c_str())));
    } else {
      std::fprintf(stderr, "usage: ner_embed --corpus DIR [--extra CONLL ...] --clusters TSV --out TSV [--dim N]\n"
                           "  [--epochs N] [--min-count N] [--out-min-count N] [--out-words N] [--k K1,K2,..] [--iterations N]\n");
      return 2;
    }
  }
  if (corpus_dir.empty() || clusters_path.empty() || out.empty() || ks.empty() || sg.dim < 8 || sg.dim % 8 != 0) {
    std::fprintf(stderr, "ner_embed: --corpus, --clusters and --out are required\n");
    return 2;
  }
  const auto t0 = Clock::now();
  auto secs = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  Corpus c;
  const auto read = marsad::ner_tools::ForEachCorpusWord(
      corpus_dir, extra, [&](const std::string& key) { c.Add(key); }, [&] { c.Boundary(); });
  if (!read.ok()) {
    std::fprintf(stderr, "ner_embed: %s\n", read.status().ToString().c_str());
    return 1;
  }
  const long articles = read.value();
  // Words by frequency (ties by spelling).
  std::vector<std::pair<std::string, uint64_t>> by_freq(c.counts.begin(), c.counts.end());
  std::sort(by_freq.begin(), by_freq.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::vector<std::string> vocab;
  std::vector<uint64_t> counts;
  std::unordered_map<std::string, uint32_t> id;
  for (const auto& [w, n] : by_freq) {
    if (n < min_count || w.empty()) continue;
    id.emplace(w, static_cast<uint32_t>(vocab.size()));
    vocab.push_back(w);
    counts.push_back(n);
  }
  std::vector<uint32_t> tokens;
  tokens.reserve(c.stream.size());
  for (const std::string& w : c.stream) {
    if (w.empty()) {
      tokens.push_back(SubwordEmbeddings::kBoundary);
    } else if (const auto it = id.find(w); it != id.end()) {
      tokens.push_back(it->second);
    }
  }
  std::fprintf(stderr, "%ld articles, %zu tokens, %zu types, vocabulary %zu (min count %llu), %.1fs\n", articles,
               c.stream.size(), by_freq.size(), vocab.size(), static_cast<unsigned long long>(min_count), secs());
  SubwordEmbeddings emb;
  emb.Train(vocab, counts, tokens, sg);
  std::fprintf(stderr, "vectors trained, %.1fs\n", secs());

  // Output words: the exchange-clustered words, then the most frequent others.
  std::ifstream in(clusters_path);
  std::vector<std::string> lines, header;
  std::unordered_map<std::string, size_t> line_of;
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') {
      header.push_back(line);
      continue;
    }
    const std::string w = line.substr(0, line.find('\t'));
    line_of.emplace(w, lines.size());
    lines.push_back(line);
    words.push_back(w);
  }
  if (words.empty()) {
    std::fprintf(stderr, "ner_embed: no clusters in %s\n", clusters_path.c_str());
    return 1;
  }
  for (const auto& [w, n] : by_freq) {
    if (words.size() >= out_words || n < out_min_count) break;
    if (w.empty() || w[0] == '#' || w.find('\t') != std::string::npos || line_of.count(w)) continue;
    line_of.emplace(w, lines.size());
    lines.push_back(w + "\t-\t-");
    words.push_back(w);
  }
  const size_t n = words.size(), d = static_cast<size_t>(sg.dim);
  std::vector<float> x(n * d);
  for (size_t i = 0; i < n; ++i) {
    std::vector<float> v = emb.Vector(words[i]);
    double norm = 0;
    for (float f : v) norm += double{f} * f;
    norm = norm > 0 ? std::sqrt(norm) : 1.0;
    for (size_t t = 0; t < d; ++t) x[i * d + t] = static_cast<float>(v[t] / norm);
  }
  std::fprintf(stderr, "%zu output words, %.1fs\n", n, secs());
  for (uint32_t k : ks) {
    const std::vector<uint32_t> cls = KMeans(x, n, d, k, iterations);
    for (size_t i = 0; i < n; ++i) lines[i] += '\t' + std::to_string(cls[i]);
  }
  std::ofstream o(out);
  o << "# Word clusters for the NER tagger (src/ner, docs/NER.md): match-key word, fine cluster (of 256), coarse\n"
    << "# cluster (of 64) by exchange clustering ('-': none), then k-means classes (of";
  for (uint32_t k : ks) o << ' ' << k;
  o << ") of skip-gram vectors with\n# character n-grams (dim " << sg.dim << ", " << sg.epochs
    << " epochs). Derived (not copied) from SaudiNewsNet article texts (" << articles
    << " articles) and the ANERcorp\n# training tokens. Exchange clusters:\n";
  for (const std::string& h : header) {
    if (h.rfind("#   ner_clusters", 0) == 0) o << h << '\n';
  }
  o << "# then: ner_embed --corpus <saudinewsnet>/dataset --extra train.corrected.txt --clusters <that file> --dim "
    << sg.dim << " --epochs " << sg.epochs << " --min-count " << min_count << " --out-min-count " << out_min_count
    << " --out-words " << out_words << " --iterations " << iterations << " --k";
  for (size_t i = 0; i < ks.size(); ++i) o << (i ? "," : " ") << ks[i];
  o << '\n';
  for (const std::string& l : lines) o << l << '\n';
  if (!o) {
    std::fprintf(stderr, "ner_embed: cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s, %.1fs\n", out.c_str(), secs());
  return 0;
}
