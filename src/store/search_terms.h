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

// Terms longer than this are not indexed nor asked for (SQLite allows tokens of a few kB;
// nothing real is that long, and a cap keeps one pasted blob from bloating the index).
inline constexpr size_t kMaxTermBytes = 200;

// Calls emit(colocated, term, begin, end) for each term of each indexed word of `input`
// (text::Tokenize, IsIndexedKind, SplitToken): the terms terms_of(piece, &terms) gives for
// the word, the first at a new position (colocated false), the others at the same position
// (colocated true); empty and over-long terms are skipped before the first is chosen, so
// a word whose terms are all skipped takes no position. begin/end are the word's bytes in
// `input`. Stops at emit's first non-zero result and returns it (0 when all were emitted).
// The one walk behind the FTS5 tokenizer (documents and queries) and the PostgreSQL
// tsvector (store/search_tsvector.h): all of them see the same positions and terms.
// `pieces` and `terms` are scratch space, passed in so that callers can reuse them.
template <typename TermsFn, typename EmitFn>
int ForEachWordTerms(std::string_view input, std::vector<WordPiece>& pieces, std::vector<std::string_view>& terms,
                     TermsFn terms_of, EmitFn emit) {
  for (const text::Token& tok : text::Tokenize(input)) {
    if (!IsIndexedKind(tok.kind)) continue;
    pieces.clear();
    SplitToken(tok, input, &pieces);
    for (const WordPiece& p : pieces) {
      terms_of(p, &terms);
      bool first = true;
      for (std::string_view t : terms) {
        if (t.empty() || t.size() > kMaxTermBytes) continue;
        if (int rc = emit(!first, t, p.begin, p.end); rc != 0) return rc;
        first = false;
      }
    }
  }
  return 0;
}

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
