// Multi-pattern matcher over match-key tokens (internal to the actors stage; the bench
// and tests use it directly). Patterns are sequences of match-key words; each gets a
// uint32 value. The matcher is a trie over token ids: every word of every pattern gets
// an id, the text's tokens are looked up once each, and matching walks the trie from
// each token. Chosen over a byte-level Aho-Corasick automaton because clitics and name
// skeletons are per-word decisions (bench/actors_bench.cc has the figures).
//
// Word lookup, in this order:
//   1. the exact match-key word;
//   2. the first word of a pattern may carry proclitics (والكرملين, بموسكو, للولايات):
//      text::CliticCandidates gives the splits, the vocabulary confirms the stem;
//   3. a word added with allow_skeleton also matches any text word of >= 6 letters with
//      the same text::NameSkeleton key of >= 5 letters (غرينلاند/جرينلاند, بلومبيرج/بلومبرغ),
//      and only for patterns added with allow_skeleton (shorter keys collide with Arabic
//      words: أطوال/أتال, الوئام/اليوم).
// Leftmost-longest, non-overlapping hits. Build once (Add..., Finish), then Match is
// const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/normalizer.h"

namespace marsad::actors {

// One word of the scanned text.
struct TextToken {
  std::string_view key;       // match-key text of the word (view into ScannedText::normal)
  uint32_t start = 0, end = 0; // code points into the ORIGINAL text, [start, end)
  uint32_t key_start = 0;      // code point offset of the word in the match-key text
  bool word = true;            // false: punctuation (breaks every pattern)
};

struct ScannedText {
  text::NormalizedText normal;      // match key of the input with offsets back to it
  std::vector<TextToken> tokens;    // "." and "-" between words are dropped (جيه. دي فانس)
};

// REQUIRES: valid UTF-8. Token offsets are code points into `text`.
ScannedText ScanText(std::string_view text);

// text::NameSkeleton of a match-key word, computed without allocating per letter (the
// matcher's hot path); equal to NameSkeleton on match-key words (tested).
std::string SkeletonKey(std::string_view match_key_word);

class TokenMatcher {
 public:
  struct Hit {
    uint32_t first = 0, last = 0;  // token indexes [first, last)
    uint32_t start = 0, end = 0;   // code points into the original text (clitics excluded)
    uint32_t node = 0;             // pass to Values()
    bool via_skeleton = false;     // some word matched only by its skeleton key
  };

  // Words are match-key words (see ScanText). Returns false (and adds nothing) for an
  // empty pattern. Adding the same words twice keeps both values on one node.
  bool Add(const std::vector<std::string>& words, uint32_t value, bool allow_skeleton);
  // Adds a pattern given as text: scanned like a document, so its words are exactly the
  // words the text will have.
  bool AddText(std::string_view pattern, uint32_t value, bool allow_skeleton);
  // Builds the lookup tables. REQUIRES: after the last Add, before Match.
  void Finish();

  std::vector<Hit> Match(const ScannedText& text) const;
  const std::vector<uint32_t>& Values(uint32_t node) const { return values_[node]; }
  size_t pattern_count() const { return patterns_; }
  size_t word_count() const { return vocab_.size(); }

 private:
  struct StrHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  using Vocab = std::unordered_map<std::string, uint32_t, StrHash, std::equal_to<>>;

  uint32_t WordId(std::string_view w) const;        // 0 = not a pattern word
  uint32_t FirstWordId(std::string_view w) const;   // 0 = starts no pattern
  // Ids of the stems of w after proclitics, with the letters each split removes (at most 3).
  size_t StrippedIds(std::string_view w, uint32_t* ids, uint32_t* prefix_letters) const;
  uint32_t SkeletonId(std::string_view w) const;
  uint32_t Child(uint32_t node, uint32_t word) const;  // 0 = none (node 0 is the root)

  // Open-addressing tables built by Finish(): the node-based maps above cost a cache miss
  // per probe, and every text word is looked up (bench/actors_bench.cc).
  struct FlatStr {
    struct Slot {
      uint64_t hash = 0;
      uint32_t off = 0, len = 0, value = 0;  // value 0 = empty slot
    };
    std::vector<Slot> slots;
    std::string arena;
    uint64_t mask = 0;
    // One bit per hash value class, 8-16 bits per key: most text words are not
    // pattern words, and the filter (in cache) answers them without touching `slots`.
    std::vector<uint64_t> filter;
    uint64_t filter_mask = 0;
    void Build(const Vocab& from);
    uint32_t Find(std::string_view key) const;
    uint32_t Find(std::string_view key, uint64_t hash) const;
  };
  struct FlatEdges {
    std::vector<std::pair<uint64_t, uint32_t>> slots;  // key 0 = empty (word ids start at 1)
    uint64_t mask = 0;
    void Build(const std::unordered_map<uint64_t, uint32_t>& from);
    uint32_t Find(uint64_t key) const;
  };

  // Bit per (first letter, last letter) class pair of the skeleton keys: computing a
  // text word's key is skipped unless its end letters could match one.
  std::vector<uint64_t> skeleton_ends_ = std::vector<uint64_t>(1024, 0);
  Vocab vocab_, skeleton_;
  FlatStr flat_vocab_, flat_skeleton_;
  FlatEdges flat_edges_;
  // Words that start a pattern: only they are looked up at every text word (and after
  // proclitics); the other pattern words only while a pattern is being followed.
  Vocab first_words_;
  FlatStr flat_first_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> values_{1};
  std::vector<uint8_t> skeleton_ok_{0};  // per node: a pattern ending here allows skeletons
  size_t patterns_ = 0;
};

}  // namespace marsad::actors
