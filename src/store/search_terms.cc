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
// Longer tokens are not indexed at all (FTS5 terms must stay short; nothing real is longer).
constexpr size_t kMaxWordBytes = 200;
// The per-connection cache: up to 2^20 slots (half used) and 32 MiB of records, about
// 500k distinct words (SaudiNewsNet has 313k); then it starts afresh.
constexpr size_t kInitialSlots = 4096, kMaxSlots = size_t{1} << 20, kMaxArenaBytes = size_t{32} << 20;

// Views of the terms of the record whose term list starts at arena[pos].
void ReadRecord(const std::string& arena, size_t pos, std::vector<std::string_view>* out) {
  const size_t n = static_cast<unsigned char>(arena[pos++]);
  for (size_t k = 0; k < n; ++k) {
    const size_t len = static_cast<unsigned char>(arena[pos++]);
    out->emplace_back(arena.data() + pos, len);
    pos += len;
  }
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

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

TermAnalyzer::Forms TermAnalyzer::Analyze(std::string_view word, bool arabic, bool for_query) {
  Forms f;
  f.key = text::MatchKey(word);
  if (!arabic || f.key.size() > kMaxAnalysedBytes) return f;
  f.stem = text::LightStem(f.key);
  // The skeleton of the whole word and of what its longest proclitic leaves: a name
  // written with و/ب/ل/ال in front (وترامب) falls together with the bare name.
  // When that proclitic holds the article (ال, وال, بال, لل...), the whole word's skeleton
  // is dropped: names are compared without their article, and this saves a term for the
  // many ال words. Queries go through the same steps, so both sides agree.
  std::vector<text::CliticSplit> splits = text::CliticCandidates(f.key);
  const text::CliticSplit* longest = nullptr;
  for (size_t k = 1; k < splits.size(); ++k) {
    if (longest == nullptr || splits[k].prefix.size() > longest->prefix.size()) longest = &splits[k];
  }
  // A query word takes no other split: its skeleton is that of the word as typed (or of its
  // stem after an article). Splitting بوتين into ب + وتين would ask for the skeleton of
  // وطن, one of the commonest words of the corpus.
  std::vector<std::string_view> bases;
  const bool article = longest != nullptr && (EndsWith(longest->prefix, "ال") || EndsWith(longest->prefix, "لل"));
  if (!article) bases.push_back(f.key);
  if (longest != nullptr && (article || !for_query)) bases.push_back(longest->stem);
  for (std::string_view b : bases) {
    std::string sk = text::NameSkeleton(b);
    if (utf8::CountCodePoints(sk) >= kMinSkeletonLetters) AddUnique(&f.skeletons, std::move(sk));
  }
  return f;
}

void TermAnalyzer::IndexTerms(std::string_view word, bool arabic, std::vector<std::string_view>* out) {
  out->clear();
  if (word.empty() || word.size() > kMaxWordBytes) return;
  const uint64_t h = std::hash<std::string_view>()(word) | 1;  // never 0
  if (slots_.empty()) slots_.resize(kInitialSlots);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (; slots_[i].word_len != 0; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == h && s.word_len == word.size() && arena_.compare(s.offset, s.word_len, word) == 0) {
      ReadRecord(arena_, s.offset + s.word_len, out);
      return;
    }
  }
  // A new word: analyse it and append its record.
  if (used_ + 1 > slots_.size() / 2) {
    if (slots_.size() >= kMaxSlots || arena_.size() > kMaxArenaBytes) {
      // Full: start afresh (Zipf: the common words come back at once).
      std::fill(slots_.begin(), slots_.end(), Slot());
      arena_.clear();
      used_ = 0;
    } else {
      std::vector<Slot> bigger(slots_.size() * 2);
      for (const Slot& s : slots_) {
        if (s.word_len == 0) continue;
        size_t j = s.hash & (bigger.size() - 1);
        while (bigger[j].word_len != 0) j = (j + 1) & (bigger.size() - 1);
        bigger[j] = s;
      }
      slots_.swap(bigger);
    }
    mask = slots_.size() - 1;
    for (i = h & mask; slots_[i].word_len != 0; i = (i + 1) & mask) {
    }
  }
  Forms f = Analyze(word, arabic, false);
  std::vector<std::string> terms;
  if (!f.key.empty()) {
    terms.push_back(std::move(f.key));
    if (!f.stem.empty() && f.stem != terms[0]) terms.push_back(kStemMark + f.stem);
    for (const std::string& sk : f.skeletons) {
      if (sk != terms[0]) AddUnique(&terms, kSkeletonMark + sk);
    }
  }
  // Terms too long for the record's length byte are dropped before the count is written.
  terms.erase(std::remove_if(terms.begin(), terms.end(), [](const std::string& t) { return t.size() > 255; }),
              terms.end());
  const size_t offset = arena_.size();
  arena_.append(word);
  arena_.push_back(static_cast<char>(terms.size()));
  for (const std::string& t : terms) {
    arena_.push_back(static_cast<char>(static_cast<unsigned char>(t.size())));
    arena_.append(t);
  }
  slots_[i] = {h, static_cast<uint32_t>(offset), static_cast<uint32_t>(word.size())};
  ++used_;
  ReadRecord(arena_, offset + word.size(), out);
}

std::vector<std::string> TermAnalyzer::QueryAlternatives(std::string_view word, bool arabic) {
  Forms f = Analyze(word, arabic, true);
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
