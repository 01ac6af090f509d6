// Story rows and the story/duplicate queries of the PostgreSQL store, with SQLite's
// orderings (text in byte order, NULLs first ascending). Internal to pgstore/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgstore/pg_conn.h"
#include "store/store.h"

namespace marsad::pgstore {

// REQUIRES (writes): inside a transaction.
Status PgUpsertStory(PgConn& conn, const store::StoryRecord& story);
Status PgApplyStoryMerge(PgConn& conn, const store::StoryMerge& merge);

Result<std::vector<store::StoryRecord>> PgQueryStories(PgConn& conn, const store::StoryFilter& filter);
Result<std::optional<store::StoryRecord>> PgQueryStory(PgConn& conn, const std::string& id);
Result<std::vector<store::ArticleBrief>> PgQueryStoryArticles(PgConn& conn, const std::string& story_id);
Result<std::vector<store::ArticleBrief>> PgQueryDuplicates(PgConn& conn, const std::string& article_id);

}  // namespace marsad::pgstore
