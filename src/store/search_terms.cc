#include "store/search_terms.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/clitics.h"
#include "text/light_stemmer.h"
#include "text/name_skeleton.h"
#include "text/normalizer.h"

namespace marsad::store {
namespace {

// A skeleton of fewer letters lumps together too many unrelated words (بت, كت).
constexpr size_t kMinSkeletonLetters = 3;
// Longer "words" are base64 blobs, long digit runs and the like: one key is enough.
constexpr size_t kMaxAnalysedBytes = 120;
// The per-connection cache holds the forms of this many distinct words (Zipf: the common
// words are met again at once after a reset). About 150 bytes each.
constexpr size_t kMaxCachedWords = 300000;

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (s.empty() || std::find(v->begin(), v->end(), s) != v->end()) return;
  v->push_back(std::move(s));
}

}  // namespace

bool IsIndexedKind(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::kArabicWord:
    case text::TokenKind::kLatinWord:
    case text::TokenKind::kNumber:
    case text::TokenKind::kHashtag:
    case text::TokenKind::kHandle:
      return true;
    default:
      return false;
  }
}

void SplitToken(const text::Token& token, std::string_view input, std::vector<WordPiece>* out) {
  const size_t base = static_cast<size_t>(token.text.data() - input.data());
  if (token.kind != text::TokenKind::kHashtag && token.kind != text::TokenKind::kHandle) {
    out->push_back({token.text, base, base + token.text.size(), token.kind == text::TokenKind::kArabicWord});
    return;
  }
  // #word_word / @name: the words between the marks and underscores.
  std::string_view t = token.text;
  size_t i = 1;  // past # or @
  while (i < t.size()) {
    size_t j = t.find('_', i);
    if (j == std::string_view::npos) j = t.size();
    if (j > i) {
      std::string_view piece = t.substr(i, j - i);
      size_t pos = 0;
      const char32_t first = utf8::DecodeNext(piece, &pos);
      const bool arabic = (first >= 0x0600 && first <= 0x06FF) || (first >= 0x0750 && first <= 0x077F) ||
                          (first >= 0xFB50 && first <= 0xFEFF);
      out->push_back({piece, base + i, base + j, arabic});
    }
    i = j + 1;
  }
}

TermAnalyzer::Forms TermAnalyzer::Analyze(std::string_view word, bool arabic) {
  Forms f;
  f.key = text::MatchKey(word);
  if (!arabic || f.key.size() > kMaxAnalysedBytes) return f;
  f.stem = text::LightStem(f.key);
  // The skeleton of the whole word and of what its longest proclitic leaves: a name
  // written with و/ب/ل/ال in front (وترامب) falls together with the bare name.
  std::vector<text::CliticSplit> splits = text::CliticCandidates(f.key);
  std::vector<std::string_view> bases = {f.key};
  if (splits.size() > 1) bases.push_back(splits.back().stem);
  for (std::string_view b : bases) {
    std::string sk = text::NameSkeleton(b);
    if (utf8::CountCodePoints(sk) >= kMinSkeletonLetters) AddUnique(&f.skeletons, std::move(sk));
  }
  return f;
}

const std::vector<std::string>& TermAnalyzer::IndexTerms(std::string_view word, bool arabic) {
  auto it = cache_.find(std::string(word));
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCachedWords) cache_.clear();
  Forms f = Analyze(word, arabic);
  std::vector<std::string> terms;
  if (!f.key.empty()) {
    terms.push_back(f.key);
    if (!f.stem.empty() && f.stem != f.key) terms.push_back(kStemMark + f.stem);
    for (const std::string& sk : f.skeletons) {
      if (sk != f.key) AddUnique(&terms, kSkeletonMark + sk);
    }
  }
  return cache_.emplace(std::string(word), std::move(terms)).first->second;
}

std::vector<std::string> TermAnalyzer::QueryAlternatives(std::string_view word, bool arabic) {
  Forms f = Analyze(word, arabic);
  std::vector<std::string> out;
  if (f.key.empty()) return out;
  out.push_back(f.key);
  if (!f.stem.empty()) {
    AddUnique(&out, kStemMark + f.stem);
    AddUnique(&out, f.stem);
  }
  for (const std::string& sk : f.skeletons) {
    AddUnique(&out, kSkeletonMark + sk);
    AddUnique(&out, sk);
  }
  return out;
}

}  // namespace marsad::store
