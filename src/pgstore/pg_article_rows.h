// Maps Articles to PostgreSQL rows (articles + child tables) and back, in batches: one
// multi-row INSERT per table per batch. Internal to pgstore/.
#pragma once

#include <optional>
#include <vector>

#include "core/article.h"
#include "pgstore/pg_conn.h"

namespace marsad::pgstore {

// Inserts the articles whose id is not stored yet (and their children); *inserted counts
// them (an id twice in `batch` is inserted once). REQUIRES: inside a transaction.
Status InsertArticles(PgConn& conn, const std::vector<Article>& batch, size_t* inserted);
// The complete article, or nullopt if there is no such id.
Result<std::optional<Article>> LoadArticle(PgConn& conn, const std::string& id);

// PostgreSQL text cannot hold U+0000 (SQLite can). A NUL is stored as U+FFFD, the same
// replacement the readers use for invalid bytes; all other text is stored as is.
std::string PgText(const std::string& s);

}  // namespace marsad::pgstore
