// Maps an Article to its rows (articles + child tables) and back. Internal to store/.
// Thread-compatible: uses the connection's cached statements.
#pragma once

#include <optional>

#include "core/article.h"
#include "store/sqlite_db.h"

namespace marsad::store {

// The columns of an events row (after article_id, ord) and their reading, shared with
// the event queries.
extern const char* const kEventColumns;
Event EventFromRow(const Statement& q, int first_column);

class ArticleRows {
 public:
  explicit ArticleRows(SqliteDb* db) : db_(db) {}
  // Inserts the article and its children unless its id exists (*inserted = false then).
  // REQUIRES: inside a transaction.
  Status Insert(const Article& a, bool* inserted);
  // The complete article, or nullopt if there is no such id.
  Result<std::optional<Article>> Load(const std::string& id);

 private:
  Status InsertChildren(const Article& a);
  Status LoadChildren(Article* a);
  SqliteDb* db_;
};

}  // namespace marsad::store
