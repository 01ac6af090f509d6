#include "ner/features.h"

#include <algorithm>

#include "core/utf8.h"
#include "ner/feature_hash.h"
#include "text/clitics.h"
#include "text/light_stemmer.h"
#include "text/name_skeleton.h"
#include "text/normalizer.h"

namespace marsad::ner {
namespace {

// Feature templates (numbers are part of the model: append, never renumber).
enum Tmpl : uint32_t {
  kBias = 1, kWord, kStem, kSkeleton, kShape, kPrefix, kSuffix, kClitic, kCliticStem,
  kCliticStemCluster, kLength, kFine, kCoarse, kWordAt, kStemAt, kShapeAt, kFineAt, kCoarseAt,
  kBigramPrev, kBigramNext, kSkipBigram, kShapePair, kSentStart, kSentEnd, kCoarsePair,
  kPass1Here, kPass1At, kDocLabel, kDocMajor, kDocAlt, kWordPass1Prev, kCliticStemFine,
};

bool IsArabicLetter(char32_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3); }

// Character classes compressed to runs: "a" Arabic word, "Aa" capitalised Latin, "d.d"...
std::string Shape(std::string_view token) {
  std::string shape;
  char last = 0;
  for (size_t pos = 0; pos < token.size();) {
    const char32_t c = utf8::DecodeNext(token, &pos);
    char k;
    if (IsArabicLetter(c)) k = 'a';
    else if (c >= 'A' && c <= 'Z') k = 'A';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669)) k = 'd';
    else if (c < 0x80) k = static_cast<char>(c);
    else if (c >= 0x064B && c <= 0x0652) continue;  // diacritics do not change the shape
    else if (c >= 0x00C0 && c < 0x0600) k = 'x';
    else k = 'p';
    if (k != last) shape.push_back(k);
    last = k;
  }
  return shape;
}

// Code point boundaries of a UTF-8 string (byte offsets, plus the end).
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> at;
  for (size_t pos = 0; pos < s.size();) {
    at.push_back(pos);
    utf8::DecodeNext(s, &pos);
  }
  at.push_back(s.size());
  return at;
}

void AddCounts(std::unordered_map<uint64_t, std::array<uint16_t, kNumLabels>>* m, uint64_t key, int label) {
  auto& c = (*m)[key];
  if (c[label] < 0xFFFF) ++c[label];
}

}  // namespace

WordInfo FeatureExtractor::Analyze(std::string_view token) const {
  WordInfo w;
  const std::string key = text::MatchKey(token);
  const std::string shape = Shape(token);
  w.key = HashString(key);
  w.shape = HashString(shape);
  w.punct = !shape.empty() && shape.find_first_of("aAxd") == std::string::npos;
  w.own.push_back(Feature(kWord, w.key));
  w.own.push_back(Feature(kShape, w.shape));
  if (clusters_) {
    const WordClusters::Ids ids = clusters_->Find(key);
    w.fine = ids.fine;
    w.coarse = ids.coarse;
  }
  if (w.punct) return w;
  const std::vector<size_t> cps = CodePointStarts(key);
  const size_t n = cps.size() - 1;
  w.own.push_back(Feature(kLength, std::min<size_t>(n, 9)));
  for (size_t k = 1; k <= 4 && k < n; ++k) {
    w.own.push_back(Feature(kPrefix, HashString(std::string_view(key).substr(0, cps[k])), k));
    w.own.push_back(Feature(kSuffix, HashString(std::string_view(key).substr(cps[n - k])), k));
  }
  const bool arabic = shape.find('a') != std::string::npos;
  if (!arabic) {
    w.stem = w.key;
    return w;
  }
  const std::string stem = text::LightStem(key);
  w.stem = HashString(stem);
  w.own.push_back(Feature(kStem, w.stem));
  w.skeleton = HashString(text::NameSkeleton(key));
  w.own.push_back(Feature(kSkeleton, w.skeleton));
  const std::vector<text::CliticSplit> splits = text::CliticCandidates(key);
  for (size_t i = 1; i < splits.size(); ++i) {
    const uint64_t s = HashString(splits[i].stem);
    w.own.push_back(Feature(kClitic, HashString(splits[i].prefix)));
    w.own.push_back(Feature(kCliticStem, s));
    w.alt_keys.push_back(s);
    if (clusters_) {
      const WordClusters::Ids ids = clusters_->Find(splits[i].stem);
      if (ids.fine) {
        w.own.push_back(Feature(kCliticStemCluster, ids.coarse));
        w.own.push_back(Feature(kCliticStemFine, ids.fine));
      }
    }
  }
  return w;
}

void DocumentLabels::AddSentence(const std::vector<const WordInfo*>& words, const std::vector<int>& labels) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i]->punct) continue;
    AddCounts(&by_key_, words[i]->key, labels[i]);
    for (uint64_t alt : words[i]->alt_keys) AddCounts(&by_alt_, alt, labels[i]);
    // A word is also the stem of its clitic-carrying forms: بوتين helps وبوتين.
    AddCounts(&by_alt_, words[i]->key, labels[i]);
  }
}

const std::array<uint16_t, kNumLabels>* DocumentLabels::Find(uint64_t key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &it->second;
}

const std::array<uint16_t, kNumLabels>* DocumentLabels::FindAlt(uint64_t key) const {
  const auto it = by_alt_.find(key);
  return it == by_alt_.end() ? nullptr : &it->second;
}

void FeatureExtractor::Extract(const std::vector<const WordInfo*>& words, const std::vector<int>* pass1,
                               const DocumentLabels* doc, FeatureSeq* out) const {
  const int n = static_cast<int>(words.size());
  static const WordInfo kPad = [] {
    WordInfo p;
    p.key = p.stem = p.shape = HashString("<pad>");
    return p;
  }();
  auto at = [&](int j) -> const WordInfo& { return (j < 0 || j >= n) ? kPad : *words[j]; };
  auto label_at = [&](int j) -> uint64_t { return (j < 0 || j >= n) ? 99 : static_cast<uint64_t>((*pass1)[j]); };
  for (int i = 0; i < n; ++i) {
    const WordInfo& w = *words[i];
    auto& ids = out->ids;
    ids.push_back(Feature(kBias, 0));
    ids.insert(ids.end(), w.own.begin(), w.own.end());
    if (w.fine) {
      ids.push_back(Feature(kFine, w.fine));
      ids.push_back(Feature(kCoarse, w.coarse));
    }
    for (int d = -2; d <= 2; ++d) {
      if (d == 0) continue;
      const WordInfo& o = at(i + d);
      const uint64_t dd = static_cast<uint64_t>(d + 8);
      ids.push_back(Feature(kWordAt, o.key, dd));
      ids.push_back(Feature(kCoarseAt, o.coarse, dd));
      if (d == -1 || d == 1) {
        ids.push_back(Feature(kStemAt, o.stem, dd));
        ids.push_back(Feature(kShapeAt, o.shape, dd));
        ids.push_back(Feature(kFineAt, o.fine, dd));
      }
    }
    ids.push_back(Feature(kBigramPrev, at(i - 1).key, w.key));
    ids.push_back(Feature(kBigramNext, w.key, at(i + 1).key));
    ids.push_back(Feature(kSkipBigram, at(i - 1).key, at(i + 1).key));
    ids.push_back(Feature(kShapePair, at(i - 1).shape, w.shape));
    ids.push_back(Feature(kCoarsePair, at(i - 1).coarse, static_cast<uint64_t>(w.coarse) << 20 | at(i + 1).coarse));
    if (i == 0) ids.push_back(Feature(kSentStart, 0));
    if (i == n - 1) ids.push_back(Feature(kSentEnd, 0));
    if (pass1) {
      ids.push_back(Feature(kPass1Here, label_at(i)));
      ids.push_back(Feature(kPass1At, label_at(i - 1), 1));
      ids.push_back(Feature(kPass1At, label_at(i + 1), 2));
      ids.push_back(Feature(kPass1At, label_at(i - 1) * 100 + label_at(i + 1), 3));
      ids.push_back(Feature(kWordPass1Prev, w.key, label_at(i - 1)));
    }
    if (pass1 && doc && !w.punct) {
      // How this word was labelled elsewhere in the document (its own label removed).
      if (const auto* c = doc->Find(w.key)) {
        std::array<uint16_t, kNumLabels> others = *c;
        if (others[(*pass1)[i]] > 0) --others[(*pass1)[i]];
        int major = -1, total = 0;
        for (int l = 0; l < kNumLabels; ++l) {
          total += others[l];
          if (others[l] > 0) {
            ids.push_back(Feature(kDocLabel, static_cast<uint64_t>(l)));
            if (major < 0 || others[l] > others[major]) major = l;
          }
        }
        if (major >= 0) ids.push_back(Feature(kDocMajor, static_cast<uint64_t>(major), 2 * others[major] > total));
      }
      std::array<uint16_t, kNumClasses> alt{};
      for (uint64_t a : w.alt_keys) {
        if (const auto* c = doc->Find(a)) {
          for (int l = 1; l < kNumLabels; ++l) alt[ClassOf(l)] += (*c)[l];
        }
      }
      if (const auto* c = doc->FindAlt(w.key)) {
        std::array<uint16_t, kNumLabels> others = *c;
        if (others[(*pass1)[i]] > 0) --others[(*pass1)[i]];
        for (int l = 1; l < kNumLabels; ++l) alt[ClassOf(l)] += others[l];
      }
      for (int k = 0; k < kNumClasses; ++k) {
        if (alt[k] > 0) ids.push_back(Feature(kDocAlt, static_cast<uint64_t>(k)));
      }
    }
    out->EndToken();
  }
}

}  // namespace marsad::ner
