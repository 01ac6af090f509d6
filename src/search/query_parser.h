// The search query language (docs/SEARCH.md) and its translation into an FTS5 MATCH
// expression over the "marsad" tokenizer's index terms (store/search_terms.h), and into a
// PostgreSQL tsquery over the same terms (the PostgreSQL store's tsvector column,
// store/search_tsvector.h). Both come from one walk of one parse tree, so they ask for the
// same terms in the same structure (a phrase is `(alternatives) <-> (alternatives)`).
//
//   ترامب بوتين          both words (AND is implied; "AND" may be written)
//   "البيت الأبيض"        a phrase (also «…» and “…”)
//   ترامب OR ترمب        either (OR or |; binds tighter than AND: a b OR c = a AND (b OR c))
//   -بايدن, NOT بايدن     without; needs at least one positive term beside it
//   ( … )                grouping
//   =word                this form only (match key: no stems, no name variants)
//   word*                words starting with word (match key prefix)
// A bare word matches its match key, its light stem and its name-skeleton variants
// (ترمب finds ترامب); exact forms rank higher because they match more of the alternatives.
// Operators are upper case; lower-case "or"/"not" are ordinary words.
// Thread-compatible (ParseQuery keeps no state between calls).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace marsad::search {

struct ParsedQuery {
  std::string fts;                  // FTS5 MATCH expression
  std::string tsquery;              // PostgreSQL tsquery text (cast with ::tsquery)
  std::vector<std::string> words;   // the positive words and phrases, as typed (for display)
};

// Limits that keep one query cheap: longer queries get an InvalidArgument.
inline constexpr size_t kMaxQueryBytes = 2000;
inline constexpr size_t kMaxQueryTerms = 32;

// InvalidArgument with a message that says what is wrong and where, e.g.
// "unclosed quote: add a \" after البيت الأبيض", "nothing to search for".
Result<ParsedQuery> ParseQuery(std::string_view text);

}  // namespace marsad::search
