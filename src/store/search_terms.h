// The terms the full-text index (table article_fts, docs/SEARCH.md) stores for a word, and
// the alternatives a query word expands to. Shared by the FTS5 tokenizer (store/) and the
// query compiler (search/), so that index and queries always agree.
//
// Index terms of an Arabic word, all at the word's position:
//   key            match key (text::MatchKey): أ/إ/آ -> ا, ة -> ه, ى -> ي, no diacritics
//   ~stem          light stem (text::LightStem), only when it differs from the key
//   ^skeleton      name skeleton (text::NameSkeleton) of the word and of the stem left by its
//                  longest proclitic (text::CliticCandidates: وترامب -> ترامب), only when it
//                  differs from the key and keeps >= 3 letters; after an article (ال, وال,
//                  بال, لل...) only the stem's. A query word asks only for the skeleton of
//                  the word as typed (or of its stem after an article).
// Latin words and numbers get their key only (lower case, ASCII digits).
// Writing the ~ and ^ forms only when they differ keeps the index small; a query therefore
// asks for a form both ways (QueryAlternatives): ~stem OR stem-as-key, ^skel OR skel-as-key.
// Thread-compatible: one TermAnalyzer per connection (it caches per word).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace marsad::store {

inline constexpr char kStemMark = '~';
inline constexpr char kSkeletonMark = '^';
// In query text handed to the tokenizer, a term starting with this mark is one index term,
// taken verbatim (the query compiler writes those; users never type them).
inline constexpr char kVerbatimMark = '=';

// Whether a token of this kind is indexed (words, numbers, hashtags and @handles; not
// punctuation, URLs or e-mail addresses).
bool IsIndexedKind(text::TokenKind kind);

// One indexable piece of a token: hashtags and handles give their words (#الرياض_الآن ->
// الرياض, الآن), other tokens themselves. Offsets are bytes into the tokenised string.
struct WordPiece {
  std::string_view text;
  size_t begin = 0, end = 0;
  bool arabic = false;
};
void SplitToken(const text::Token& token, std::string_view input, std::vector<WordPiece>* out);

class TermAnalyzer {
 public:
  // Index terms of one word (see above), key first, as views valid until the next call;
  // *out is cleared first and left empty if nothing is indexable.
  void IndexTerms(std::string_view word, bool arabic, std::vector<std::string_view>* out);

  // The index terms a query word may match, most exact first: key, then ~stem and stem,
  // then ^skeleton and skeleton (duplicates removed). Empty if nothing is indexable.
  std::vector<std::string> QueryAlternatives(std::string_view word, bool arabic);

 private:
  struct Forms {
    std::string key, stem;
    std::vector<std::string> skeletons;
  };
  static Forms Analyze(std::string_view word, bool arabic, bool for_query);

  // Cache of IndexTerms per distinct word: open addressing over `slots_`, each slot naming
  // a record in `arena_` ([word][n][len term]...). Compact and cache-friendly: a lookup
  // touches one slot and one record (std::unordered_map took 3 cache misses per word).
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, word_len = 0;  // word_len 0 = empty slot
  };
  std::vector<Slot> slots_;
  std::string arena_;
  size_t used_ = 0;
};

}  // namespace marsad::store
