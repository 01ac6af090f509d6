// One article prepared for event and quote coding (internal to src/events): its match-key
// words with offsets into Article::text, its sentences, and every entity mention as a
// "slot" (which words it covers, the preposition or conjunction in front of it, whether it
// is joined to the slot before by و into a compound actor). Built once per article.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "events/lexicon.h"
#include "text/normalizer.h"

namespace marsad::events {

struct Tok {
  std::string_view key;         // match-key text of the token (view into ArticleView::norm)
  uint32_t start = 0, end = 0;  // code points into Article::text, [start, end)
  uint32_t sentence = 0;
  bool word = false;            // a word or number (not punctuation)
  char32_t punct = 0;           // the character of a one-character punctuation token
};

struct Slot {
  uint32_t entity = 0, mention = 0;  // indexes into Article::entities / its mentions
  uint32_t first = 0, last = 0;      // token indexes, inclusive
  std::string_view prep;             // match-key preposition before it ("" = none), "ب"/"ل" when attached
  bool conj = false;                 // preceded by و (attached or a separate word)
  bool agent = false;                // after من قبل / من جانب (the agent of a passive)
  bool attr = false;                 // inside an attribution (بحسب X، نقلا عن X)
  bool actor = false;                // may be an event actor (has cameo or country, not MEDIA)
  bool place = false;                // a place (LOC: city, region, sea): a target, never a subject
  uint32_t group = 0;                // index of the first slot of its compound (X و Y و Z)
};

struct ArticleView {
  text::NormalizedText norm;  // match key of Article::text
  std::vector<Tok> toks;
  struct Sentence {
    uint32_t start = 0, end = 0;          // code points into Article::text
    uint32_t tok_begin = 0, tok_end = 0;  // token indexes [begin, end)
    uint32_t slot_begin = 0, slot_end = 0;
  };
  std::vector<Sentence> sentences;
  std::vector<Slot> slots;  // in text order
  std::vector<uint32_t> byte_at;  // byte offset in Article::text of each code point, and of the end

  // Text of [start, end) code points of the article's text in O(1) (CodePointSpan scans).
  // REQUIRES: `text` is the Article::text the view was built from.
  std::string_view Span(std::string_view text, uint32_t start, uint32_t end) const {
    const uint32_t last = static_cast<uint32_t>(byte_at.size() - 1);
    const uint32_t b = byte_at[std::min(start, last)], e = byte_at[std::min(end, last)];
    return text.substr(b, e > b ? e - b : 0);
  }
};

// REQUIRES: article.text valid UTF-8. Mentions outside the text or overlapping an earlier
// mention are skipped.
ArticleView BuildView(const Article& article, const Lexicon& lexicon);

// Text of [start, end) code points of `text` (valid UTF-8).
std::string_view CodePointSpan(std::string_view text, uint32_t start, uint32_t end);

}  // namespace marsad::events
