#include "store/schema.h"

namespace marsad::store {

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 1: articles and everything extracted from them. Child rows reference the
      // article's id; `seq` is the ingest order.
      R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  input TEXT NOT NULL,
  url TEXT, source TEXT, published TEXT, published_signal TEXT NOT NULL DEFAULT '',
  title TEXT, language TEXT NOT NULL DEFAULT 'ar', author TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL DEFAULT '',
  duplicate_of TEXT, story_id TEXT,
  invalid_utf8 INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_by_content_hash ON articles(content_hash, seq);
CREATE INDEX articles_by_published ON articles(published);
CREATE INDEX articles_by_source ON articles(source);
CREATE INDEX articles_by_story ON articles(story_id);
CREATE TABLE article_terms (          -- wires and keywords, in page order
  article_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('wire','keyword')),
  ord INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (article_id, kind, ord)) WITHOUT ROWID;
CREATE INDEX article_terms_by_value ON article_terms(kind, value);
CREATE TABLE removed_blocks (
  article_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
CREATE TABLE related_articles (
  article_id TEXT NOT NULL, ord INTEGER NOT NULL, title TEXT, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
CREATE TABLE entities (
  article_id TEXT NOT NULL, ord INTEGER NOT NULL, entity_id TEXT NOT NULL,
  name_en TEXT NOT NULL, name_ar TEXT NOT NULL, type TEXT NOT NULL, country TEXT, cameo TEXT,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
CREATE INDEX entities_by_entity ON entities(entity_id);
CREATE TABLE mentions (
  article_id TEXT NOT NULL, entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_ord, ord)) WITHOUT ROWID;
CREATE TABLE quotes (
  article_id TEXT NOT NULL, ord INTEGER NOT NULL, speaker TEXT, speaker_name TEXT NOT NULL,
  text TEXT NOT NULL, direct INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
CREATE TABLE events (
  article_id TEXT NOT NULL, ord INTEGER NOT NULL,
  source_entity TEXT, source_name TEXT NOT NULL, source_cameo TEXT NOT NULL, source_country TEXT NOT NULL,
  target_entity TEXT, target_name TEXT NOT NULL, target_cameo TEXT NOT NULL, target_country TEXT NOT NULL,
  cameo_code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover TEXT NOT NULL, mode TEXT NOT NULL, date TEXT, location_name TEXT NOT NULL,
  location_country TEXT, evidence_text TEXT NOT NULL, evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL, confidence REAL NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
CREATE INDEX events_by_code ON events(root, cameo_code);
CREATE TABLE stories (                 -- filled by story clustering (issue 4)
  id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
  article_count INTEGER NOT NULL DEFAULT 0, first_source TEXT
);
)sql",
      // 2: child rows reference their article (foreign keys, ON DELETE CASCADE), so that a
      // child row can never outlive or precede its article. SQLite cannot add a constraint
      // to a table, so each child table is rebuilt: create the new form, copy, drop, rename
      // (the procedure of sqlite.org/lang_altertable.html, in the migration's transaction).
      // Only articles(id) is referenced: duplicate_of and story_id may name rows that a
      // later stage writes, and mentions keep (article_id, entity_ord) as a plain key.
      R"sql(
CREATE TABLE article_terms_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('wire','keyword')), ord INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (article_id, kind, ord)) WITHOUT ROWID;
INSERT INTO article_terms_v2 SELECT article_id, kind, ord, value FROM article_terms;
DROP TABLE article_terms;
ALTER TABLE article_terms_v2 RENAME TO article_terms;
CREATE INDEX article_terms_by_value ON article_terms(kind, value);

CREATE TABLE removed_blocks_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
INSERT INTO removed_blocks_v2 SELECT article_id, ord, kind, text FROM removed_blocks;
DROP TABLE removed_blocks;
ALTER TABLE removed_blocks_v2 RENAME TO removed_blocks;
CREATE INDEX removed_blocks_by_kind ON removed_blocks(kind);

CREATE TABLE related_articles_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, title TEXT, text TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
INSERT INTO related_articles_v2 SELECT article_id, ord, title, text FROM related_articles;
DROP TABLE related_articles;
ALTER TABLE related_articles_v2 RENAME TO related_articles;

CREATE TABLE entities_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, entity_id TEXT NOT NULL, name_en TEXT NOT NULL, name_ar TEXT NOT NULL,
  type TEXT NOT NULL, country TEXT, cameo TEXT,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
INSERT INTO entities_v2 SELECT article_id, ord, entity_id, name_en, name_ar, type, country, cameo FROM entities;
DROP TABLE entities;
ALTER TABLE entities_v2 RENAME TO entities;
CREATE INDEX entities_by_entity ON entities(entity_id);

CREATE TABLE mentions_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_ord, ord)) WITHOUT ROWID;
INSERT INTO mentions_v2 SELECT article_id, entity_ord, ord, start, end, text FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;

CREATE TABLE quotes_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, speaker TEXT, speaker_name TEXT NOT NULL, text TEXT NOT NULL,
  direct INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
INSERT INTO quotes_v2 SELECT article_id, ord, speaker, speaker_name, text, direct, start, end FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_v2 RENAME TO quotes;

CREATE TABLE events_v2 (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  source_entity TEXT, source_name TEXT NOT NULL, source_cameo TEXT NOT NULL, source_country TEXT NOT NULL,
  target_entity TEXT, target_name TEXT NOT NULL, target_cameo TEXT NOT NULL, target_country TEXT NOT NULL,
  cameo_code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover TEXT NOT NULL, mode TEXT NOT NULL, date TEXT, location_name TEXT NOT NULL,
  location_country TEXT, evidence_text TEXT NOT NULL, evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL, confidence REAL NOT NULL,
  PRIMARY KEY (article_id, ord)) WITHOUT ROWID;
INSERT INTO events_v2 SELECT article_id, ord, source_entity, source_name, source_cameo, source_country,
  target_entity, target_name, target_cameo, target_country, cameo_code, root, quad_class, goldstein,
  plover, mode, date, location_name, location_country, evidence_text, evidence_start, evidence_end,
  confidence FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_by_code ON events(root, cameo_code);
)sql",
      // 3: lookups of an article's duplicates (marsad duplicates ID).
      R"sql(
CREATE INDEX articles_by_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
)sql",
      // 4: full-text index over title + text (docs/SEARCH.md). External content: the text
      // stays only in `articles`; the index is keyed by articles.seq and kept in step by
      // triggers, inside the transaction that writes the article. Needs the "marsad"
      // tokenizer on the connection (store/search_tokenizer.h). 'rebuild' indexes the
      // articles already stored (databases of schema 3 and before).
      R"sql(
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='marsad');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
)sql",
      // 5: new articles are indexed by SqliteStore::Write, one INSERT ... SELECT per batch
      // inside the batch's transaction, no longer by a per-row trigger. FTS5 (SQLite 3.40)
      // flushes its pending terms into a new segment at every statement savepoint, so the
      // trigger wrote a segment per article and the index spent its time merging them: the
      // per-batch insert makes ingest faster and leaves fewer, larger segments, which
      // halves query times (docs/SEARCH.md). Whatever inserts articles must index them the
      // same way; only SqliteStore::Write does. Deletes and text updates keep their triggers.
      R"sql(
DROP TRIGGER articles_fts_insert;
)sql",
  };
  return kMigrations;
}

}  // namespace marsad::store
