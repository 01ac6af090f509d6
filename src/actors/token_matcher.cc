#include "actors/token_matcher.h"

#include <algorithm>
#include <functional>

#include "text/clitics.h"
#include "text/name_skeleton.h"
#include "text/tokenizer.h"

namespace marsad::actors {
namespace {

// Number of code points in a UTF-8 string (continuation bytes are 10xxxxxx).
uint32_t CodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Proclitic letters at the match-key level: و ف ب ك ل and the alef of ال.
bool IsProcliticLetter(std::string_view s, size_t at) {
  if (at + 1 >= s.size() || static_cast<unsigned char>(s[at]) != 0xD9) {
    return at + 1 < s.size() && static_cast<unsigned char>(s[at]) == 0xD8 &&
           (static_cast<unsigned char>(s[at + 1]) == 0xA8 /* ب */ || static_cast<unsigned char>(s[at + 1]) == 0xA7 /* ا */);
  }
  const unsigned char b = static_cast<unsigned char>(s[at + 1]);
  return b == 0x88 /* و */ || b == 0x81 /* ف */ || b == 0x83 /* ك */ || b == 0x84 /* ل */;
}

// The filter bit of a stem: its first four bytes (two Arabic letters) hashed to 16 bits.
uint32_t FilterBit(std::string_view s) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return (v * 2654435761u) >> 16;
}

constexpr uint32_t kMinSkeletonLetters = 6;  // text word
constexpr uint32_t kMinSkeletonKey = 5;      // its skeleton key

}  // namespace

size_t TokenMatcher::StrHash::operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }

ScannedText ScanText(std::string_view input) {
  ScannedText out;
  out.normal = text::Normalize(input, text::NormLevel::kMatchKey);
  const std::vector<uint32_t>& map = out.normal.to_original;
  const std::vector<text::Token> toks = text::Tokenize(out.normal.text);
  out.tokens.reserve(toks.size());
  for (const text::Token& t : toks) {
    if (t.kind == text::TokenKind::kPunct && (t.text == "." || t.text == "-" || t.text == "ـ")) continue;
    TextToken tt;
    // "#روسيا", "#ترمب": the word after the hash sign names the actor.
    const bool hashtag = t.kind == text::TokenKind::kHashtag && t.text.size() > 1;
    const uint32_t skip = hashtag ? 1 : 0;
    tt.key = t.text.substr(skip);
    tt.key_start = t.start + skip;
    tt.start = map[t.start + skip];
    tt.end = map[t.end];
    tt.word = hashtag || t.kind == text::TokenKind::kArabicWord || t.kind == text::TokenKind::kLatinWord;
    out.tokens.push_back(tt);
  }
  return out;
}

bool TokenMatcher::Add(const std::vector<std::string>& words, uint32_t value, bool allow_skeleton) {
  if (words.empty()) return false;
  if (stem_filter_.empty()) stem_filter_.assign(1u << 13, 0);
  uint32_t node = 0;
  for (const std::string& w : words) {
    auto [it, fresh] = vocab_.emplace(w, static_cast<uint32_t>(vocab_.size() + 1));
    const uint32_t id = it->second;
    if (fresh) {
      const uint32_t bit = FilterBit(w);
      stem_filter_[bit >> 3] |= static_cast<uint8_t>(1u << (bit & 7));
    }
    if (allow_skeleton) {
      const std::string sk = text::NameSkeleton(w);
      if (CodePoints(sk) >= kMinSkeletonKey) skeleton_.emplace(sk, id);  // first spelling added wins
    }
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
    auto e = edges_.find(key);
    if (e == edges_.end()) {
      const auto child = static_cast<uint32_t>(values_.size());
      values_.emplace_back();
      skeleton_ok_.push_back(0);
      e = edges_.emplace(key, child).first;
    }
    node = e->second;
  }
  values_[node].push_back(value);
  if (allow_skeleton) skeleton_ok_[node] = 1;
  ++patterns_;
  return true;
}

bool TokenMatcher::AddText(std::string_view pattern, uint32_t value, bool allow_skeleton) {
  const ScannedText s = ScanText(pattern);
  std::vector<std::string> words;
  for (const TextToken& t : s.tokens) {
    if (t.word || !t.key.empty()) words.emplace_back(t.key);
  }
  return Add(words, value, allow_skeleton);
}

void TokenMatcher::Finish() {
  if (stem_filter_.empty()) stem_filter_.assign(1u << 13, 0);
}

uint32_t TokenMatcher::WordId(std::string_view w) const {
  auto it = vocab_.find(w);
  return it == vocab_.end() ? 0 : it->second;
}

uint32_t TokenMatcher::Child(uint32_t node, uint32_t word) const {
  auto it = edges_.find((static_cast<uint64_t>(node) << 32) | word);
  return it == edges_.end() ? 0 : it->second;
}

// Cheap test first (a vocabulary word, or ال + one, is a suffix of w after 1-4 proclitic
// letters); only then the real clitic analysis, which decides which splits are Arabic.
size_t TokenMatcher::StrippedIds(std::string_view w, uint32_t* ids, uint32_t* prefix_letters) const {
  bool maybe = false;
  size_t at = 0;
  char buf[96] = {'\xD8', '\xA7', '\xD9', '\x84'};  // "ال"
  for (int p = 0; p < 4 && IsProcliticLetter(w, at); ++p) {
    at += 2;
    const std::string_view stem = w.substr(at);
    if (stem.size() < 4) break;
    const uint32_t bit = FilterBit(stem);
    if ((stem_filter_[bit >> 3] >> (bit & 7)) & 1) {
      if (WordId(stem) != 0) maybe = true;
    }
    if (!maybe && stem.size() + 4 <= sizeof buf) {
      std::copy(stem.begin(), stem.end(), buf + 4);
      const std::string_view with_article(buf, stem.size() + 4);
      const uint32_t b2 = FilterBit(with_article);
      if (((stem_filter_[b2 >> 3] >> (b2 & 7)) & 1) && WordId(with_article) != 0) maybe = true;
    }
    if (maybe) break;
  }
  if (!maybe) return 0;
  const std::vector<text::CliticSplit> splits = text::CliticCandidates(w);
  const uint32_t letters = CodePoints(w);
  size_t n = 0;
  static const std::string kKaf = "ك", kArticle = "ال";
  for (size_t i = 1; i < splits.size() && n < 3; ++i) {
    // ك "like" before a bare name is rare, a name starting with ك common (كلاوس is not ك+لاوس).
    if (splits[i].prefix.find(kKaf) != std::string::npos && splits[i].stem.rfind(kArticle, 0) != 0) continue;
    if (const uint32_t id = WordId(splits[i].stem); id != 0) {
      const uint32_t stem_letters = CodePoints(splits[i].stem);
      ids[n] = id;
      prefix_letters[n++] = letters > stem_letters ? letters - stem_letters : 0;
    }
  }
  return n;
}

uint32_t TokenMatcher::SkeletonId(std::string_view w) const {
  if (skeleton_.empty() || CodePoints(w) < kMinSkeletonLetters) return 0;
  const std::string key = text::NameSkeleton(w);
  if (CodePoints(key) < kMinSkeletonKey) return 0;
  auto it = skeleton_.find(key);
  return it == skeleton_.end() ? 0 : it->second;
}

std::vector<TokenMatcher::Hit> TokenMatcher::Match(const ScannedText& text) const {
  std::vector<Hit> hits;
  const std::vector<TextToken>& toks = text.tokens;
  const size_t n = toks.size();
  std::vector<uint32_t> ids(n, 0);
  std::vector<int64_t> skel(n, -1);  // skeleton ids, computed when first needed
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].word) ids[i] = WordId(toks[i].key);
  }
  auto skeleton_at = [&](size_t i) -> uint32_t {
    if (!toks[i].word) return 0;
    if (skel[i] < 0) skel[i] = SkeletonId(toks[i].key);
    return static_cast<uint32_t>(skel[i]);
  };
  for (size_t i = 0; i < n;) {
    if (!toks[i].word) {
      ++i;
      continue;
    }
    Hit best;
    size_t best_len = 0;
    auto walk = [&](uint32_t first_id, uint32_t prefix, bool via_skeleton) {
      uint32_t node = Child(0, first_id);
      size_t j = i + 1;
      bool skel_used = via_skeleton;
      while (node != 0) {
        if (!values_[node].empty() && j - i > best_len && (!skel_used || skeleton_ok_[node] != 0)) {
          best_len = j - i;
          best.first = static_cast<uint32_t>(i);
          best.last = static_cast<uint32_t>(j);
          best.node = node;
          best.via_skeleton = skel_used;
          best.start = text.normal.to_original[toks[i].key_start + prefix];
          best.end = toks[j - 1].end;
        }
        if (j >= n || !toks[j].word) break;
        uint32_t next = ids[j] != 0 ? Child(node, ids[j]) : 0;
        if (next == 0) {
          if (const uint32_t s = skeleton_at(j); s != 0) {
            next = Child(node, s);
            skel_used = true;
          }
        }
        node = next;
        ++j;
      }
    };
    if (ids[i] != 0) walk(ids[i], 0, false);
    uint32_t stripped[3], prefix[3];
    const size_t n_stripped = StrippedIds(toks[i].key, stripped, prefix);
    for (size_t c = 0; c < n_stripped; ++c) walk(stripped[c], prefix[c], false);
    if (best_len == 0 && ids[i] == 0) {
      if (const uint32_t s = skeleton_at(i); s != 0) walk(s, 0, true);
    }
    if (best_len > 0) {
      hits.push_back(best);
      i += best_len;
    } else {
      ++i;
    }
  }
  return hits;
}

}  // namespace marsad::actors
