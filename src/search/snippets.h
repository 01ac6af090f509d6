// Snippets and highlights (docs/SEARCH.md): FTS5's snippet() and highlight() over the
// "marsad" tokenizer mark whole original words found through any of their variants, and
// are the one implementation for both stores:
//   - SQLite: SnippetColumnsSql() in the query over article_fts;
//   - elsewhere (the PostgreSQL store): DocumentMarker loads one page of articles into a
//     private in-memory FTS5 table with the same tokenizer and runs the same functions
//     with the same FTS5 expression, so a hit looks exactly as it would from SQLite.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "search/search.h"

namespace marsad::search {

// "snippet(T, 1, ...), highlight(T, 0, ...)" for an FTS5 table T(title, text): the text's
// snippet and the whole title, matched words between control marks that StripMarks reads.
std::string SnippetColumnsSql(const std::string& table);

// Removes the marks of SnippetColumnsSql from s and returns where they were, in code points.
std::string StripMarks(const std::string& s, std::vector<Span>* spans);

class DocumentMarker {
 public:
  struct Doc {
    std::string title, text;
  };
  struct Marked {
    std::string title, snippet;
    std::vector<Span> title_highlights, highlights;
  };

  ~DocumentMarker();
  DocumentMarker(const DocumentMarker&) = delete;
  DocumentMarker& operator=(const DocumentMarker&) = delete;

  static Result<std::unique_ptr<DocumentMarker>> Open();

  // One Marked per doc, in order, for the FTS5 expression `fts` (ParsedQuery::fts). A doc
  // the expression does not match (the other store's index disagreed) gets its text's
  // first words as snippet and no highlights. Thread-compatible.
  Result<std::vector<Marked>> Mark(const std::string& fts, const std::vector<Doc>& docs);

 private:
  explicit DocumentMarker(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace marsad::search
