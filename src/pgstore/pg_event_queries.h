// Entity, event, quote and dyad queries of the PostgreSQL store: the queries of the SQLite
// store (store/event_queries.cc) with the same filters, results and orderings, so that
// `marsad entities/entity/events/quotes/dyad --pg URL` and `marsad serve --pg URL` print
// what they print over SQLite for the same articles. What SQLite does implicitly is
// spelt out here:
//   - text compares and sorts in byte order (COLLATE "C", SQLite's BINARY);
//   - COLLATE NOCASE (ASCII letters only) is lower() under the "C" collation, which folds
//     ASCII letters only;
//   - ties SQLite leaves to its plan are broken as its plan breaks them (documented at
//     each query), and the merged events' "first report" is the earliest article's
//     first event of the group (SQLite's bare columns of min(seq));
//   - week periods reproduce strftime('%Y-W%W') (weeks start on Monday; days before the
//     year's first Monday are week 00); a date strftime cannot read has no period.
// Internal to pgstore/. Thread-compatible (one connection).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgstore/pg_conn.h"
#include "store/query_types.h"

namespace marsad::pgstore {

// pg_entity_queries.cc
Result<std::vector<store::EntitySummary>> PgQueryEntities(PgConn& conn, const store::EntityFilter& filter);
Result<std::optional<store::EntityDetail>> PgQueryEntity(PgConn& conn, const std::string& id_or_name);
// pg_event_queries.cc
Result<std::vector<store::EventRecord>> PgQueryEvents(PgConn& conn, const store::EventFilter& filter);
Result<std::vector<store::QuoteRecord>> PgQueryQuotes(PgConn& conn, const store::QuoteFilter& filter);
Result<std::vector<store::DyadPoint>> PgQueryDyad(PgConn& conn, const store::DyadQuery& query);

// A text parameter (NULL when absent), stored-text safe (PgText).
Param PgOpt(const std::optional<std::string>& s);

// SQL for an event's date: as resolved from the text, else its article's date (e: events,
// a: articles), as SQLite's.
inline constexpr const char* kPgEventDateSql =
    "coalesce(e.date, substr(a.published,1,10), substr(a.ingested_at,1,10))";

}  // namespace marsad::pgstore
