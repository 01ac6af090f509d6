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
  kFinePair, kFineWord, kPrefixAt, kSuffixAt, kLex, kLexCount, kLexStem, kLexAt, kLexHere,
  kGaz, kGazLen, kGazAt, kList, kListAt, kEmb, kEmbAt, kCliticStemEmb, kEmbPair,
};

void Push(std::vector<uint64_t>* out, uint32_t t, uint64_t a, uint64_t b = 0) {
  out->push_back(Feature(t, a, b));
}

// Share of a lexicon label as a small bucket (0 = negligible).
uint32_t ShareBucket(float s) { return s < 0.05f ? 0 : s < 0.2f ? 1 : s < 0.5f ? 2 : s < 0.8f ? 3 : 4; }
uint32_t CountBucket(uint32_t n) { return n < 5 ? 0 : n < 20 ? 1 : n < 100 ? 2 : 3; }

// Features of a lexicon entry; returns the summary (dominant entity label * 8 + bucket).
uint32_t LexiconFeatures(const CorpusLexicon::Entry& e, uint32_t tmpl, std::vector<uint64_t>* out) {
  uint32_t best = 0;
  float best_share = 0.f;
  for (int l = 1; l < kNumLabels; ++l) {
    const uint32_t b = ShareBucket(e.share[l]);
    if (b == 0) continue;
    out->push_back(Feature(tmpl, static_cast<uint64_t>(l) * 8 + b));
    if (tmpl == kLex) out->push_back(Feature(kLexCount, static_cast<uint64_t>(l) * 8 + b, CountBucket(e.n)));
    if (e.share[l] > best_share) best_share = e.share[l], best = static_cast<uint32_t>(l) * 8 + b;
  }
  return best;
}

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
  Push(&w.own, kWord, w.key);
  Push(&w.own, kShape, w.shape);
  if (clusters_) {
    const WordClusters::Ids ids = clusters_->Find(key);
    w.fine = ids.fine;
    w.coarse = ids.coarse;
    for (int e = 0; e < WordClusters::kMaxEmbeddingLevels; ++e) {
      w.emb[e] = ids.emb[e];
      if (ids.emb[e]) Push(&w.own, kEmb, ids.emb[e], static_cast<uint64_t>(e));
    }
  }
  if (w.punct) return w;
  if (lexicon_) {
    if (const CorpusLexicon::Entry* e = lexicon_->Find(key)) w.lex = LexiconFeatures(*e, kLex, &w.own);
  }
  const std::vector<size_t> cps = CodePointStarts(key);
  const size_t n = cps.size() - 1;
  Push(&w.own, kLength, std::min<size_t>(n, 9));
  for (size_t k = 1; k <= 4 && k < n; ++k) {
    Push(&w.own, kPrefix, HashString(std::string_view(key).substr(0, cps[k])), k);
    Push(&w.own, kSuffix, HashString(std::string_view(key).substr(cps[n - k])), k);
  }
  const bool arabic = shape.find('a') != std::string::npos;
  // Gazetteer word ids and word lists (the lookup sees through proclitics).
  auto gazetteer_lookup = [&](const std::vector<text::CliticSplit>& splits) {
    if (!gazetteer_) return;
    w.gaz = gazetteer_->LookupKey(key, splits);
    for (uint32_t b = 0; b < kNumGazLists; ++b) {
      if (w.gaz.lists >> b & 1) Push(&w.own, kList, b);
    }
  };
  if (!arabic) {
    w.stem = w.key;
    gazetteer_lookup({});
    return w;
  }
  const std::string stem = text::LightStem(key);
  w.stem = HashString(stem);
  Push(&w.own, kStem, w.stem);
  w.skeleton = HashString(text::NameSkeleton(key));
  Push(&w.own, kSkeleton, w.skeleton);
  const std::vector<text::CliticSplit> splits = text::CliticCandidates(key);
  gazetteer_lookup(splits);
  for (size_t i = 1; i < splits.size(); ++i) {
    const uint64_t s = HashString(splits[i].stem);
    Push(&w.own, kClitic, HashString(splits[i].prefix));
    Push(&w.own, kCliticStem, s);
    w.alt_keys.push_back(s);
    if (lexicon_) {
      if (const CorpusLexicon::Entry* e = lexicon_->Find(splits[i].stem)) {
        const uint32_t sig = LexiconFeatures(*e, kLexStem, &w.own);
        if (w.lex == 0) w.lex = sig;
      }
    }
    if (clusters_) {
      const WordClusters::Ids ids = clusters_->Find(splits[i].stem);
      if (ids.fine) {
        Push(&w.own, kCliticStemCluster, ids.coarse);
        Push(&w.own, kCliticStemFine, ids.fine);
      }
      for (int e = 0; e < WordClusters::kMaxEmbeddingLevels; ++e) {
        if (ids.emb[e]) Push(&w.own, kCliticStemEmb, ids.emb[e], static_cast<uint64_t>(e));
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
  // Gazetteer matches: per word, the match's types, the word's place in it (1 first,
  // 2 inside, 3 last, 4 single word) and its length.
  struct GazTag {
    uint32_t types = 0, pos = 0, len = 0;
  };
  std::vector<GazTag> gaz;
  if (gazetteer_) {
    std::vector<const Gazetteer::WordIds*> gaz_ids(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) gaz_ids[i] = &words[i]->gaz;
    std::vector<Gazetteer::Match> matches;
    gazetteer_->FindMatches(gaz_ids, &matches);
    gaz.resize(static_cast<size_t>(n));
    for (const Gazetteer::Match& m : matches) {
      const uint32_t len = m.last - m.first;
      for (uint32_t j = m.first; j < m.last; ++j) {
        gaz[j] = {m.types, len == 1 ? 4u : j == m.first ? 1u : j + 1 == m.last ? 3u : 2u, len};
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    const WordInfo& w = *words[i];
    auto& ids = out->ids;
    Push(&ids, kBias, 0);
    ids.insert(ids.end(), w.own.begin(), w.own.end());
    if (w.fine) {
      Push(&ids, kFine, w.fine);
      Push(&ids, kCoarse, w.coarse);
    }
    for (int d = -3; d <= 3; ++d) {
      if (d == 0) continue;
      const WordInfo& o = at(i + d);
      const uint64_t dd = static_cast<uint64_t>(d + 8);
      if (d == -3 || d == 3) {
        Push(&ids, kFineAt, o.fine, dd);
        continue;
      }
      Push(&ids, kWordAt, o.key, dd);
      Push(&ids, kCoarseAt, o.coarse, dd);
      if (d == -2 || d == 2) Push(&ids, kFineAt, o.fine, dd);
      Push(&ids, kLexAt, o.lex, dd);
      for (int e = 0; e < WordClusters::kMaxEmbeddingLevels; ++e) {
        if (o.emb[e]) Push(&ids, kEmbAt, o.emb[e], dd << 8 | static_cast<uint64_t>(e));
      }
      if (d == -1 || d == 1) {
        Push(&ids, kStemAt, o.stem, dd);
        Push(&ids, kShapeAt, o.shape, dd);
        Push(&ids, kFineAt, o.fine, dd);
      }
    }
    Push(&ids, kBigramPrev, at(i - 1).key, w.key);
    Push(&ids, kBigramNext, w.key, at(i + 1).key);
    Push(&ids, kSkipBigram, at(i - 1).key, at(i + 1).key);
    Push(&ids, kShapePair, at(i - 1).shape, w.shape);
    Push(&ids, kCoarsePair, at(i - 1).coarse, static_cast<uint64_t>(w.coarse) << 20 | at(i + 1).coarse);
    Push(&ids, kFinePair, at(i - 1).fine, w.fine);
    Push(&ids, kFinePair, w.fine, static_cast<uint64_t>(at(i + 1).fine) << 32 | 1);
    Push(&ids, kFineWord, at(i - 1).fine, w.key);
    if (w.emb[1]) {
      Push(&ids, kEmbPair, at(i - 1).emb[1], w.emb[1]);
      Push(&ids, kEmbPair, w.emb[1], static_cast<uint64_t>(at(i + 1).emb[1]) << 32 | 1);
    }
    if (lexicon_) {
      Push(&ids, kLexHere, at(i - 1).lex, static_cast<uint64_t>(w.lex) << 16 | at(i + 1).lex);
    }
    if (gazetteer_) {
      const GazTag& g = gaz[i];
      for (uint32_t t = 0; t < kNumGazTypes; ++t) {
        if ((g.types >> t & 1) == 0) continue;
        Push(&ids, kGaz, t * 8 + g.pos);
        Push(&ids, kGazLen, t * 8 + g.pos, std::min<uint32_t>(g.len, 6));
      }
      for (int d : {-1, 1}) {
        if (i + d < 0 || i + d >= n) continue;
        const GazTag& o = gaz[i + d];
        for (uint32_t t = 0; t < kNumGazTypes; ++t) {
          if (o.types >> t & 1) Push(&ids, kGazAt, t * 8 + o.pos, static_cast<uint64_t>(d + 8));
        }
      }
      for (int d : {-2, -1, 1, 2}) {
        const uint32_t lists = at(i + d).gaz.lists;
        for (uint32_t b = 0; b < kNumGazLists; ++b) {
          if (lists >> b & 1) Push(&ids, kListAt, b, static_cast<uint64_t>(d + 8));
        }
      }
    }
    if (i == 0) Push(&ids, kSentStart, 0);
    if (i == n - 1) Push(&ids, kSentEnd, 0);
    if (pass1) {
      Push(&ids, kPass1Here, label_at(i));
      Push(&ids, kPass1At, label_at(i - 1), 1);
      Push(&ids, kPass1At, label_at(i + 1), 2);
      Push(&ids, kPass1At, label_at(i - 1) * 100 + label_at(i + 1), 3);
      Push(&ids, kWordPass1Prev, w.key, label_at(i - 1));
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
            Push(&ids, kDocLabel, static_cast<uint64_t>(l));
            if (major < 0 || others[l] > others[major]) major = l;
          }
        }
        if (major >= 0) Push(&ids, kDocMajor, static_cast<uint64_t>(major), 2 * others[major] > total);
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
        if (alt[k] > 0) Push(&ids, kDocAlt, static_cast<uint64_t>(k));
      }
    }
    out->EndToken();
  }
}

}  // namespace marsad::ner
