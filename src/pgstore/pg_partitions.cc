#include "pgstore/pg_partitions.h"

namespace marsad::pgstore {
namespace {

// Advisory lock key for creating partitions ("MRSD" + 2).
constexpr int64_t kPartitionLock = 0x4D52534402;

// The registry of ids and the two functions the writers call. marsad_part_key must stay
// in step with kPgArticleDateSql: part_month is the first 7 bytes of that date.
constexpr const char* kFunctionsSql = R"sql(
CREATE TABLE article_keys (id TEXT PRIMARY KEY, part_month TEXT COLLATE "C" NOT NULL);
CREATE INDEX article_keys_by_part ON article_keys(part_month);
CREATE FUNCTION marsad_part_key(published TEXT, ingested_at TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN d ~ '^[0-9]{4}-[0-9]{2}' THEN left(d, 7) ELSE 'other' END
  FROM (SELECT coalesce(substr(published, 1, 10), substr(ingested_at, 1, 10)) AS d) x
$$;
CREATE FUNCTION marsad_add_partitions(keys TEXT[], lock_key BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k TEXT;
  t TEXT;
BEGIN
  FOREACH k IN ARRAY keys LOOP
    IF k !~ '^([0-9]{4}-[0-9]{2}|other)$' THEN
      RAISE EXCEPTION 'marsad: bad partition key "%"', k;
    END IF;
    FOREACH t IN ARRAY ARRAY['articles', 'events'] LOOP
      IF to_regclass(t || '_' || replace(k, '-', '_')) IS NULL THEN
        PERFORM pg_advisory_xact_lock(lock_key);
        IF to_regclass(t || '_' || replace(k, '-', '_')) IS NULL THEN
          EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING COMPRESSION)',
                         t || '_' || replace(k, '-', '_'), t);
          EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)',
                         t, t || '_' || replace(k, '-', '_'), k);
        END IF;
      END IF;
    END LOOP;
  END LOOP;
END
$$;
INSERT INTO article_keys SELECT id, marsad_part_key(published, ingested_at) FROM articles;
)sql";

// The old tables step aside; the new ones have the same columns plus part_month, the
// same seq (identity, continued) and the same defaults.
constexpr const char* kTablesSql = R"sql(
ALTER TABLE article_terms DROP CONSTRAINT article_terms_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE removed_blocks DROP CONSTRAINT removed_blocks_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE related_articles DROP CONSTRAINT related_articles_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE entities DROP CONSTRAINT entities_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE mentions DROP CONSTRAINT mentions_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey,
  ADD FOREIGN KEY (article_id) REFERENCES article_keys(id) ON DELETE CASCADE;
ALTER TABLE articles RENAME TO articles_unpartitioned;
ALTER INDEX articles_pkey RENAME TO articles_unpartitioned_pkey;
ALTER INDEX articles_id_key RENAME TO articles_unpartitioned_id_key;
ALTER SEQUENCE articles_seq_seq RENAME TO articles_unpartitioned_seq_seq;
ALTER TABLE events RENAME TO events_unpartitioned;
ALTER INDEX events_pkey RENAME TO events_unpartitioned_pkey;
CREATE TABLE articles (
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  id TEXT NOT NULL REFERENCES article_keys(id) ON DELETE CASCADE,
  input TEXT NOT NULL,
  url TEXT, source TEXT, published TEXT, published_signal TEXT NOT NULL DEFAULT '',
  title TEXT, language TEXT NOT NULL DEFAULT 'ar', author TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL DEFAULT '',
  duplicate_of TEXT, story_id TEXT,
  invalid_utf8 BIGINT NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  search tsvector,
  part_month TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (id, part_month)
) PARTITION BY LIST (part_month);
CREATE TABLE events (
  article_id TEXT NOT NULL REFERENCES article_keys(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  source_entity TEXT, source_name TEXT NOT NULL, source_cameo TEXT NOT NULL, source_country TEXT NOT NULL,
  target_entity TEXT, target_name TEXT NOT NULL, target_cameo TEXT NOT NULL, target_country TEXT NOT NULL,
  cameo_code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
  plover TEXT NOT NULL, mode TEXT NOT NULL, date TEXT, location_name TEXT NOT NULL,
  location_country TEXT, evidence_text TEXT NOT NULL, evidence_start BIGINT NOT NULL,
  evidence_end BIGINT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
  part_month TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, ord, part_month)
) PARTITION BY LIST (part_month);
)sql";

// Rows move in seq order; the identity goes on after the largest seq.
constexpr const char* kCopySql = R"sql(
SELECT marsad_add_partitions(coalesce(array_agg(DISTINCT part_month), '{}'), $1) FROM article_keys;
INSERT INTO articles (seq, id, input, url, source, published, published_signal, title, language, author,
  text, content_hash, duplicate_of, story_id, invalid_utf8, ingested_at, search, part_month)
OVERRIDING SYSTEM VALUE
SELECT a.seq, a.id, a.input, a.url, a.source, a.published, a.published_signal, a.title, a.language, a.author,
  a.text, a.content_hash, a.duplicate_of, a.story_id, a.invalid_utf8, a.ingested_at, a.search, k.part_month
FROM articles_unpartitioned a JOIN article_keys k ON k.id = a.id ORDER BY a.seq;
INSERT INTO events SELECT e.*, k.part_month FROM events_unpartitioned e JOIN article_keys k ON k.id = e.article_id;
SELECT setval(pg_get_serial_sequence('articles', 'seq'), max(seq)) FROM articles HAVING max(seq) IS NOT NULL;
DROP TABLE events_unpartitioned;
DROP TABLE articles_unpartitioned;
CREATE INDEX articles_by_seq ON articles(seq);
CREATE INDEX articles_by_content_hash ON articles(content_hash, seq);
CREATE INDEX articles_by_published ON articles(published COLLATE "C");
CREATE INDEX articles_by_source ON articles(source);
CREATE INDEX articles_by_story ON articles(story_id);
CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_by_published_seq ON articles ((published COLLATE "C") DESC NULLS LAST, seq DESC);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX events_by_code ON events(root, cameo_code);
)sql";

}  // namespace

Status PartitionArticlesAndEvents(PgConn& conn) {
  if (Status s = conn.Run(kFunctionsSql); !s.ok()) return s;
  if (Status s = conn.Run(kTablesSql); !s.ok()) return s;
  // lz4 where the server has it, as migration 2 did for the unpartitioned column; the
  // partitions copy it (CREATE TABLE ... LIKE ... INCLUDING COMPRESSION).
  if (Status s = conn.Run("SAVEPOINT lz4"); !s.ok()) return s;
  if (!conn.Run("ALTER TABLE articles ALTER COLUMN search SET COMPRESSION lz4").ok()) {
    if (Status s = conn.Run("ROLLBACK TO SAVEPOINT lz4"); !s.ok()) return s;
  }
  // A statement with parameters must be a single one: the partitions first, then the rest.
  auto first_end = std::string(kCopySql).find(";\n");
  std::string add = std::string(kCopySql).substr(0, first_end);
  if (Status s = conn.Run(add, {P(kPartitionLock)}); !s.ok()) return s;
  return conn.Run(std::string(kCopySql).substr(first_end + 2));
}

Status AddPartitions(PgConn& conn, const std::vector<std::string>& keys) {
  if (keys.empty()) return Status::Ok();
  std::string array = "{";
  for (const std::string& k : keys) array += (array.size() > 1 ? "," : "") + k;  // keys are [0-9a-z-]
  return conn.Run("SELECT marsad_add_partitions($1::text[], $2)", {P(array + "}"), P(kPartitionLock)});
}

Result<std::vector<std::pair<std::string, int64_t>>> ListPartitions(PgConn& conn) {
  auto r = conn.Exec(
      "SELECT c.relname, coalesce(n.rows, 0) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
      "LEFT JOIN (SELECT tableoid, count(*) AS rows FROM articles GROUP BY tableoid) n ON n.tableoid = c.oid "
      "WHERE i.inhparent = to_regclass('articles') ORDER BY c.relname COLLATE \"C\"");
  if (!r.ok()) return r.status();
  std::vector<std::pair<std::string, int64_t>> out;
  for (int i = 0; i < r.value().rows(); ++i) out.emplace_back(r.value().Text(i, 0), r.value().Int(i, 1));
  return out;
}

}  // namespace marsad::pgstore
