// Date partitioning of articles and events in PostgreSQL (schema 4; docs/SCALE-OUT.md,
// "Partitions"). Internal to pgstore/.
//
// Layout from schema 4 on:
//  * article_keys(id PRIMARY KEY, part_month): one row per stored article. It keeps ids
//    unique across partitions (a partitioned table can only enforce keys that include the
//    partition key) and every child table's foreign key points at it (ON DELETE CASCADE),
//    so deleting a key deletes the article, its events and all its other rows.
//  * articles and events are LIST-partitioned by part_month, the month of the article's
//    date (published, else the day it was ingested: kPgArticleDateSql), 'YYYY-MM', or
//    'other' where that date does not start with a year and a month. One partition per
//    value: articles_2015_07, events_2015_07, articles_other, events_other. An event lives
//    in its article's partition.
//  * Since part_month is a prefix of the article's date, a filter d >= S implies
//    part_month >= left(S, 7) and d <= U implies part_month <= left(U, 7) or 'other':
//    the reading queries may add these for partition pruning.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "pgstore/pg_conn.h"

namespace marsad::pgstore {

// The first schema with partitioned articles and events.
inline constexpr int kPgPartitionSchema = 4;

// Migration 4: creates article_keys and the SQL functions marsad_part_key(published,
// ingested_at) and marsad_add_partitions(keys text[]), moves the existing articles and
// events into partitioned tables (same seq, same rows), re-points the child tables'
// foreign keys at article_keys and rebuilds the indexes. REQUIRES: inside the migration's
// transaction.
Status PartitionArticlesAndEvents(PgConn& conn);

// Makes sure the article and event partitions of every key in `keys` (part_month values)
// exist; creates the missing ones as plain tables and attaches them, which locks the
// parents SHARE UPDATE EXCLUSIVE (readers and writers go on), not ACCESS EXCLUSIVE as
// CREATE TABLE ... PARTITION OF would until the writer commits. Concurrent writers
// serialise on an advisory lock. REQUIRES: inside the writing transaction.
Status AddPartitions(PgConn& conn, const std::vector<std::string>& keys);

// The partitions of articles, as (table name, rows) in name order: for `marsad stats`,
// tests and operators.
Result<std::vector<std::pair<std::string, int64_t>>> ListPartitions(PgConn& conn);

}  // namespace marsad::pgstore
