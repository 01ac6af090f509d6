// Story rows and the story/duplicate queries of the SQLite store. Internal to store/.
// Thread-compatible: uses the connection's cached statements.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace marsad::store {

// SQL for an article's date: the published date, else the day it was ingested.
inline constexpr const char* kArticleDateSql = "coalesce(substr(published,1,10), substr(ingested_at,1,10))";

// REQUIRES (writes): inside a transaction.
Status UpsertStory(SqliteDb& db, const StoryRecord& story);
Status ApplyStoryMerge(SqliteDb& db, const StoryMerge& merge);

Result<std::vector<StoryRecord>> QueryStories(SqliteDb& db, const StoryFilter& filter);
Result<std::optional<StoryRecord>> QueryStory(SqliteDb& db, const std::string& id);
Result<std::vector<ArticleBrief>> QueryStoryArticles(SqliteDb& db, const std::string& story_id);
Result<std::vector<ArticleBrief>> QueryDuplicates(SqliteDb& db, const std::string& article_id);

}  // namespace marsad::store
