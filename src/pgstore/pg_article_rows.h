// Maps Articles to PostgreSQL rows (articles + child tables) and back, in batches: one
// multi-row INSERT per table per batch. Internal to pgstore/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "pgstore/pg_conn.h"

namespace marsad::pgstore {

// Inserts the articles whose id is not stored yet (and their children); *inserted counts
// them (an id twice in `batch` is inserted once). with_search: also their full-text index
// terms (articles.search, schema >= kPgSearchSchema). REQUIRES: inside a transaction.
Status InsertArticles(PgConn& conn, const std::vector<Article>& batch, size_t* inserted, bool with_search = true);

// The articles.search value (tsvector text, store/search_tsvector.h) of an article.
// Thread-safe (one term cache per thread).
std::string SearchVectorOf(const std::optional<std::string>& title, const std::string& text);
// Sets articles.search for every article that has none yet, in pages (migration 2).
Status FillSearchVectors(PgConn& conn);
// The complete article, or nullopt if there is no such id.
Result<std::optional<Article>> LoadArticle(PgConn& conn, const std::string& id);

// PostgreSQL text cannot hold U+0000 (SQLite can). A NUL is stored as U+FFFD, the same
// replacement the readers use for invalid bytes; all other text is stored as is.
std::string PgText(const std::string& s);

}  // namespace marsad::pgstore
