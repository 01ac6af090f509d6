#include "actors/token_matcher.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "core/embedded_data.h"
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

// text::NameSkeleton for match-key words, without allocating: the same letter classes
// (data/text/name_skeleton.tsv) in a table over U+0000-U+07FF. Code points above stay
// as they are (never vowels). SkeletonMatchesNameSkeleton in the tests keeps the two equal.
struct SkeletonTable {
  char32_t map[0x800];
  bool vowel[0x800];
  SkeletonTable() {
    for (char32_t c = 0; c < 0x800; ++c) {
      map[c] = c;
      vowel[c] = false;
    }
    for (const std::string& line : DataLines("text/name_skeleton.tsv")) {
      std::vector<char32_t> f;  // kind letter [class]
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      const std::string kind = line.substr(0, tab);
      std::string_view rest(line.data() + tab + 1, line.size() - tab - 1);
      size_t i = 0;
      while (i < rest.size()) {
        const auto b0 = static_cast<unsigned char>(rest[i]);
        if (b0 == '\t') {
          ++i;
          continue;
        }
        const int n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? b0 : (b0 & (0x3F >> (n - 1)));
        for (int k = 1; k < n && i + k < rest.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(rest[i + k]) & 0x3F);
        f.push_back(cp);
        i += n;
      }
      if (f.empty() || f[0] >= 0x800) continue;
      if (kind == "map" && f.size() == 2) map[f[0]] = f[1];
      if (kind == "vowel") vowel[f[0]] = true;
      if (kind == "drop") map[f[0]] = 0;
    }
    for (char c : std::string("aeiouy")) vowel[static_cast<unsigned char>(c)] = true;
  }
};

const SkeletonTable& Skel() {
  static const SkeletonTable t;
  return t;
}

// Writes the skeleton key of a match-key word into out (UTF-8); returns its letter count,
// or 0 if the word is too long for the buffer.
size_t FastSkeleton(std::string_view w, std::string& out) {
  const SkeletonTable& t = Skel();
  char32_t letters[64];
  size_t n = 0;
  for (size_t i = 0; i < w.size();) {
    const auto b0 = static_cast<unsigned char>(w[i]);
    const int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b0 : (b0 & (0x3F >> (len - 1)));
    for (int k = 1; k < len && i + k < w.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(w[i + k]) & 0x3F);
    i += len;
    if (cp < 0x800) cp = t.map[cp];
    if (cp == 0) continue;
    if (n == 64) return 0;
    letters[n++] = cp;
  }
  out.clear();
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = letters[i];
    const bool inner = i > 0 && i + 1 < n;
    if (inner && c < 0x800 && t.vowel[c]) continue;
    if (i > 0 && letters[i - 1] == c) continue;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
    ++kept;
  }
  return kept;
}

// The first or last letter that survives into the skeleton key (mapped), 0 if none.
char32_t EndLetter(std::string_view w, bool last) {
  const SkeletonTable& t = Skel();
  auto decode = [&](size_t i) {
    const auto b0 = static_cast<unsigned char>(w[i]);
    const int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b0 : (b0 & (0x3F >> (len - 1)));
    for (int k = 1; k < len && i + k < w.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(w[i + k]) & 0x3F);
    return std::pair<char32_t, int>(cp < 0x800 ? t.map[cp] : cp, len);
  };
  if (!last) {
    for (size_t i = 0; i < w.size();) {
      const auto [cp, len] = decode(i);
      if (cp != 0) return cp;
      i += len;
    }
    return 0;
  }
  for (size_t end = w.size(); end > 0;) {
    size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;
    const auto [cp, len] = decode(i);
    if (cp != 0) return cp;
    end = i;
  }
  return 0;
}

uint32_t EndsBit(std::string_view w) {
  const uint32_t a = static_cast<uint32_t>(EndLetter(w, false)), b = static_cast<uint32_t>(EndLetter(w, true));
  return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 16;  // 16 bits
}

constexpr uint32_t kMinSkeletonLetters = 6;  // text word
constexpr uint32_t kMinSkeletonKey = 5;      // its skeleton key

uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBull;
  h ^= h >> 29;
  return h | 1;  // never 0
}

// Equal hashes almost always mean equal words; this checks without a libc call.
bool SameBytes(const char* a, const char* b, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) return false;
  }
  for (; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

uint64_t MixKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDull;
  k ^= k >> 33;
  return k;
}

size_t TableSize(size_t n) {
  size_t size = 16;
  while (size < n * 2 + 1) size <<= 1;
  return size;
}

}  // namespace

void TokenMatcher::FlatStr::Build(const Vocab& from) {
  slots.assign(TableSize(from.size()), Slot{});
  mask = slots.size() - 1;
  filter.assign(std::max<size_t>(1, TableSize(from.size() * 4) / 64), 0);  // 8-16 bits a key: stays in L1/L2
  filter_mask = filter.size() * 64 - 1;
  arena.clear();
  for (const auto& [key, value] : from) {
    const uint64_t h = HashBytes(key);
    const uint64_t bit = (h >> 17) & filter_mask;
    filter[bit >> 6] |= 1ull << (bit & 63);
    uint64_t i = h & mask;
    while (slots[i].value != 0) i = (i + 1) & mask;
    slots[i] = {h, static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(key.size()), value};
    arena += key;
  }
}

uint32_t TokenMatcher::FlatStr::Find(std::string_view key) const { return Find(key, HashBytes(key)); }

uint32_t TokenMatcher::FlatStr::Find(std::string_view key, uint64_t h) const {
  if (slots.empty()) return 0;
  const uint64_t bit = (h >> 17) & filter_mask;
  if (((filter[bit >> 6] >> (bit & 63)) & 1) == 0) return 0;
  for (uint64_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots[i];
    if (s.value == 0) return 0;
    if (s.hash == h && s.len == key.size() && SameBytes(arena.data() + s.off, key.data(), key.size())) return s.value;
  }
}

void TokenMatcher::FlatEdges::Build(const std::unordered_map<uint64_t, uint32_t>& from) {
  slots.assign(TableSize(from.size()), {0, 0});
  mask = slots.size() - 1;
  for (const auto& [key, child] : from) {
    uint64_t i = MixKey(key) & mask;
    while (slots[i].first != 0) i = (i + 1) & mask;
    slots[i] = {key, child};
  }
}

uint32_t TokenMatcher::FlatEdges::Find(uint64_t key) const {
  if (slots.empty()) return 0;
  for (uint64_t i = MixKey(key) & mask;; i = (i + 1) & mask) {
    if (slots[i].first == key) return slots[i].second;
    if (slots[i].first == 0) return 0;
  }
}

std::string SkeletonKey(std::string_view match_key_word) {
  std::string out;
  FastSkeleton(match_key_word, out);
  return out;
}

size_t TokenMatcher::StrHash::operator()(std::string_view s) const { return HashBytes(s); }

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
  uint32_t node = 0;
  for (const std::string& w : words) {
    auto [it, fresh] = vocab_.emplace(w, static_cast<uint32_t>(vocab_.size() + 1));
    const uint32_t id = it->second;
    if (node == 0) first_words_.emplace(w, id);
    if (allow_skeleton && node == 0) {  // skeletons for the first word; the rest follow the text
      const std::string sk = text::NameSkeleton(w);
      if (CodePoints(sk) >= kMinSkeletonKey) {
        skeleton_.emplace(sk, id);  // first spelling added wins
        const uint32_t bit = EndsBit(w);
        skeleton_ends_[bit >> 6] |= 1ull << (bit & 63);
      }
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
  flat_vocab_.Build(vocab_);
  flat_first_.Build(first_words_);
  flat_skeleton_.Build(skeleton_);
  flat_edges_.Build(edges_);
}

uint32_t TokenMatcher::WordId(std::string_view w) const { return flat_vocab_.Find(w); }
uint32_t TokenMatcher::FirstWordId(std::string_view w) const { return flat_first_.Find(w); }

uint32_t TokenMatcher::Child(uint32_t node, uint32_t word) const {
  return flat_edges_.Find((static_cast<uint64_t>(node) << 32) | word);
}

// Cheap test first (a pattern's first word, or ال + one, is what is left of w after 1-4
// proclitic letters); only then the real clitic analysis, which decides which splits are
// Arabic.
size_t TokenMatcher::StrippedIds(std::string_view w, uint32_t* ids, uint32_t* prefix_letters) const {
  bool maybe = false;
  size_t at = 0;
  char buf[96] = {'\xD8', '\xA7', '\xD9', '\x84'};  // "ال"
  for (int p = 0; p < 4 && !maybe && IsProcliticLetter(w, at); ++p) {
    at += 2;
    const std::string_view stem = w.substr(at);
    if (stem.size() < 4) break;
    if (FirstWordId(stem) != 0) maybe = true;
    // ل + ال is written لل: only then can the stem be a word listed with its article.
    const bool lam_lam = at >= 4 && w.substr(at - 4, 4) == "\xD9\x84\xD9\x84";
    if (!maybe && lam_lam && stem.size() + 4 <= sizeof buf) {
      std::copy(stem.begin(), stem.end(), buf + 4);
      if (FirstWordId(std::string_view(buf, stem.size() + 4)) != 0) maybe = true;
    }
  }
  if (!maybe) return 0;
  const std::vector<text::CliticSplit> splits = text::CliticCandidates(w);
  const uint32_t letters = CodePoints(w);
  size_t n = 0;
  static const std::string kKaf = "ك", kArticle = "ال";
  for (size_t i = 1; i < splits.size() && n < 3; ++i) {
    // ك "like" before a bare name is rare, a name starting with ك common (كلاوس is not ك+لاوس).
    if (splits[i].prefix.find(kKaf) != std::string::npos && splits[i].stem.rfind(kArticle, 0) != 0) continue;
    if (const uint32_t id = FirstWordId(splits[i].stem); id != 0) {
      const uint32_t stem_letters = CodePoints(splits[i].stem);
      ids[n] = id;
      prefix_letters[n++] = letters > stem_letters ? letters - stem_letters : 0;
    }
  }
  return n;
}

uint32_t TokenMatcher::SkeletonId(std::string_view w) const {
  if (skeleton_.empty() || CodePoints(w) < kMinSkeletonLetters) return 0;
  const uint32_t bit = EndsBit(w);
  if (((skeleton_ends_[bit >> 6] >> (bit & 63)) & 1) == 0) return 0;
  thread_local std::string key;
  if (FastSkeleton(w, key) < kMinSkeletonKey) return 0;
  return flat_skeleton_.Find(key);
}

std::vector<TokenMatcher::Hit> TokenMatcher::Match(const ScannedText& text) const {
  std::vector<Hit> hits;
  const std::vector<TextToken>& toks = text.tokens;
  const size_t n = toks.size();
  // Word ids are looked up when a pattern reaches the word (most words start none).
  thread_local std::vector<int64_t> ids, skel;  // skeleton ids, computed when first needed
  ids.assign(n, -1);
  skel.assign(n, -1);
  auto id_at = [&](size_t i) -> uint32_t {
    if (ids[i] < 0) ids[i] = toks[i].word ? WordId(toks[i].key) : 0;
    return static_cast<uint32_t>(ids[i]);
  };
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
        const uint32_t id_j = id_at(j);
        uint32_t next = id_j != 0 ? Child(node, id_j) : 0;
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
    const uint32_t first_id = FirstWordId(toks[i].key);
    if (first_id != 0) walk(first_id, 0, false);
    uint32_t stripped[3], prefix[3];
    const size_t n_stripped = StrippedIds(toks[i].key, stripped, prefix);
    for (size_t c = 0; c < n_stripped; ++c) walk(stripped[c], prefix[c], false);
    if (best_len == 0 && first_id == 0) {
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
