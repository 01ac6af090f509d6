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
// them (an id twice in `batch` is inserted once). `schema` is the database's version: from
// kPgSearchSchema on, also their full-text index terms (articles.search); from
// kPgPartitionSchema on, ids are claimed in article_keys first and the rows go to their
// month's partitions (created when missing). REQUIRES: inside a transaction.
Status InsertArticles(PgConn& conn, const std::vector<Article>& batch, size_t* inserted, int schema);

// The articles.search value (tsvector text, store/search_tsvector.h) of an article.
// Thread-safe (one term cache per thread).
std::string SearchVectorOf(const std::optional<std::string>& title, const std::string& text);
// Sets articles.search for every article that has none yet, in pages (migration 2).
Status FillSearchVectors(PgConn& conn);
// The complete article, or nullopt if there is no such id.
Result<std::optional<Article>> LoadArticle(PgConn& conn, const std::string& id);

// The events columns of an Event, qualified by the alias "e", in PgEventFromRow's order.
inline constexpr const char* kPgEventColumnsOfE =
    "e.source_entity, e.source_name, e.source_cameo, e.source_country, e.target_entity, e.target_name, "
    "e.target_cameo, e.target_country, e.cameo_code, e.root, e.quad_class, e.goldstein, e.plover, e.mode, "
    "e.date, e.location_name, e.location_country, e.evidence_text, e.evidence_start, e.evidence_end, e.confidence";
// The Event in row `row` of q, its columns (kPgEventColumnsOfE) starting at `first_col`.
Event PgEventFromRow(const PgResult& q, int row, int first_col);

// PostgreSQL text cannot hold U+0000 (SQLite can). A NUL is stored as U+FFFD, the same
// replacement the readers use for invalid bytes; all other text is stored as is.
std::string PgText(const std::string& s);

}  // namespace marsad::pgstore
