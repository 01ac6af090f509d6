// Entity, event, quote and dyad queries of the SQLite store. Internal to store/.
// Events are merged across articles at query time: reports with the same story (or the
// same article when it has no story), source and target actor codes, CAMEO code, mode and
// event date are one real-world event (docs/EVENTS.md), so merging never goes stale when
// stories merge. Thread-compatible: uses the connection's cached statements.
#pragma once

#include "store/query_types.h"
#include "store/sqlite_db.h"

namespace marsad::store {

Result<std::vector<EntitySummary>> QueryEntities(SqliteDb& db, const EntityFilter& filter);
Result<std::optional<EntityDetail>> QueryEntity(SqliteDb& db, const std::string& id_or_name);
Result<std::vector<EventRecord>> QueryEvents(SqliteDb& db, const EventFilter& filter);
Result<std::vector<QuoteRecord>> QueryQuotes(SqliteDb& db, const QuoteFilter& filter);
Result<std::vector<DyadPoint>> QueryDyad(SqliteDb& db, const DyadQuery& query);

}  // namespace marsad::store
