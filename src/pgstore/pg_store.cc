#include "pgstore/pg_store.h"

#include "pgstore/pg_article_rows.h"
#include "pgstore/pg_conn.h"
#include "pgstore/pg_event_queries.h"
#include "pgstore/pg_partitions.h"
#include "pgstore/pg_schema.h"
#include "pgstore/pg_story_rows.h"

namespace marsad::pgstore {

struct PgStore::Impl {
  std::unique_ptr<PgConn> conn;
  std::string url;
  int schema_version = 0;

  // Every call first re-establishes a connection lost to a server restart; a call that
  // fails mid-way reports kIoError and the caller retries (Write is one transaction).
  Status Ready() { return conn->EnsureConnected(); }

  Status Transaction(const store::WriteBatch& batch, const std::string* cursor, uint64_t expected, uint64_t next,
                     store::PutResult* result) {
    *result = store::PutResult();
    if (Status s = Ready(); !s.ok()) return s;
    if (Status s = conn->Run("BEGIN"); !s.ok()) return s;
    auto fail = [&](const Status& s) {
      if (!conn->broken()) conn->Run("ROLLBACK");
      *result = store::PutResult();
      return s;
    };
    if (cursor) {
      // First, so that the row lock orders competing assigners before any other work.
      auto moved = conn->Exec(
          "INSERT INTO queue_cursors(name, next_seq) VALUES ($1, $3) ON CONFLICT (name) DO UPDATE "
          "SET next_seq = $3 WHERE queue_cursors.next_seq = $2 RETURNING 1",
          {PgText(*cursor), P(static_cast<int64_t>(expected)), P(static_cast<int64_t>(next))});
      if (!moved.ok()) return fail(moved.status());
      if (moved.value().rows() == 0) {
        return fail(Status::InvalidArgument("cursor moved: cursor " + *cursor + " is no longer at " +
                                            std::to_string(expected) + " (another assigner committed)"));
      }
    }
    size_t inserted = 0;
    if (Status s = InsertArticles(*conn, batch.articles, &inserted, schema_version); !s.ok()) {
      return fail(s);
    }
    // Order as in store.h: articles, merges, then story rows (computed from the articles).
    for (const store::StoryMerge& m : batch.merges) {
      if (Status s = PgApplyStoryMerge(*conn, m); !s.ok()) return fail(s);
    }
    for (const store::StoryRecord& story : batch.stories) {
      if (Status s = PgUpsertStory(*conn, story); !s.ok()) return fail(s);
    }
    if (Status s = conn->Run("COMMIT"); !s.ok()) return fail(s);
    result->inserted = inserted;
    result->already_present = batch.articles.size() - inserted;
    return Status::Ok();
  }

  Status Visit(const std::string& where, const Params& extra, const std::function<bool(const Article&)>& fn) {
    // Pages through ids by seq, so that fn may use the store and no cursor stays open.
    int64_t after = 0;
    for (;;) {
      if (Status s = Ready(); !s.ok()) return s;
      Params params = {P(after)};
      params.insert(params.end(), extra.begin(), extra.end());
      auto page = conn->Exec("SELECT seq, id FROM articles WHERE seq > $1" + where + " ORDER BY seq LIMIT 512",
                             params);
      if (!page.ok()) return page.status();
      if (page.value().rows() == 0) return Status::Ok();
      for (int i = 0; i < page.value().rows(); ++i) {
        auto a = LoadArticle(*conn, page.value().Text(i, 1));
        if (!a.ok()) return a.status();
        if (a.value() && !fn(*a.value())) return Status::Ok();
        after = page.value().Int(i, 0);
      }
    }
  }
};

PgStore::PgStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgStore::~PgStore() = default;

Status PgStore::Write(const store::WriteBatch& batch, store::PutResult* result) {
  *result = store::PutResult();
  if (batch.articles.empty() && batch.stories.empty() && batch.merges.empty()) return Status::Ok();
  return impl_->Transaction(batch, nullptr, 0, 0, result);
}

Status PgStore::WriteAdvancing(const store::WriteBatch& batch, const std::string& name, uint64_t expected,
                               uint64_t next, store::PutResult* result) {
  return impl_->Transaction(batch, &name, expected, next, result);
}

Result<uint64_t> PgStore::Cursor(const std::string& name) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  auto r = impl_->conn->Exec("SELECT next_seq FROM queue_cursors WHERE name = $1", {PgText(name)});
  if (!r.ok()) return r.status();
  return r.value().rows() ? static_cast<uint64_t>(r.value().Int(0, 0)) : uint64_t{1};
}

Result<bool> PgStore::TryLock(int64_t key) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  auto r = impl_->conn->Exec("SELECT pg_try_advisory_lock($1)", {P(key)});
  if (!r.ok()) return r.status();
  return r.value().Text(0, 0) == "t";
}

Result<PgConn*> PgStore::Connection() {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return impl_->conn.get();
}

uint64_t PgStore::generation() const { return impl_->conn->generation(); }
const std::string& PgStore::url() const { return impl_->conn->display_url(); }

Result<std::optional<Article>> PgStore::GetArticle(const std::string& id) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return LoadArticle(*impl_->conn, id);
}

Result<std::optional<std::string>> PgStore::FindByContentHash(const std::string& hash) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  auto r = impl_->conn->Exec("SELECT id FROM articles WHERE content_hash = $1 ORDER BY seq LIMIT 1", {PgText(hash)});
  if (!r.ok()) return r.status();
  std::optional<std::string> id;
  if (r.value().rows()) id = r.value().Text(0, 0);
  return id;
}

Result<bool> PgStore::Contains(const std::string& id) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  auto r = impl_->conn->Exec("SELECT 1 FROM articles WHERE id = $1", {PgText(id)});
  if (!r.ok()) return r.status();
  return r.value().rows() > 0;
}

Status PgStore::ForEachArticle(const std::function<bool(const Article&)>& fn) { return impl_->Visit("", {}, fn); }

Status PgStore::ForEachArticleSince(const std::string& min_date, const std::function<bool(const Article&)>& fn) {
  std::string where = std::string(" AND ") + kPgArticleDateSql + " COLLATE \"C\" >= $2";
  // Only the partitions of min_date's month and later (pg_partitions.h: part_month is a
  // prefix of the date; 'other' sorts after every digit).
  if (impl_->schema_version >= kPgPartitionSchema) where += " AND part_month >= left($2, 7)";
  return impl_->Visit(where, {P(min_date)}, fn);
}

Result<std::optional<std::string>> PgStore::LatestArticleDate() {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  auto r = impl_->conn->Exec(std::string("SELECT max(") + kPgArticleDateSql + " COLLATE \"C\") FROM articles");
  if (!r.ok()) return r.status();
  return r.value().Opt(0, 0);
}

Result<store::StoreStats> PgStore::Stats() {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  PgConn& c = *impl_->conn;
  store::StoreStats out;
  auto r = c.Exec(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL), "
      "(SELECT count(*) FROM related_articles), (SELECT count(*) FROM removed_blocks), "
      "(SELECT count(DISTINCT entity_id) FROM entities), (SELECT count(*) FROM mentions), "
      "(SELECT count(*) FROM quotes), (SELECT count(*) FROM events), (SELECT count(*) FROM stories), "
      "(SELECT count(*) FROM articles WHERE invalid_utf8 > 0), "
      "(SELECT min(published COLLATE \"C\") FROM articles), (SELECT max(published COLLATE \"C\") FROM articles)");
  if (!r.ok()) return r.status();
  uint64_t* fields[] = {&out.articles, &out.exact_duplicates, &out.related,  &out.removed_blocks,
                        &out.entities, &out.mentions,         &out.quotes,   &out.events,
                        &out.stories,  &out.invalid_utf8_articles};
  for (int i = 0; i < 10; ++i) *fields[i] = static_cast<uint64_t>(r.value().Int(0, i));
  out.first_published = r.value().Opt(0, 10);
  out.last_published = r.value().Opt(0, 11);
  out.schema_version = impl_->schema_version;
  auto pairs = [&](const std::string& sql, std::vector<std::pair<std::string, uint64_t>>* into) -> Status {
    auto q = c.Exec(sql);
    if (!q.ok()) return q.status();
    for (int i = 0; i < q.value().rows(); ++i) into->emplace_back(q.value().Text(i, 0), q.value().Int(i, 1));
    return Status::Ok();
  };
  if (Status s = pairs("SELECT coalesce(source, '(unknown)'), count(*) AS n FROM articles GROUP BY 1 "
                       "ORDER BY n DESC, coalesce(source, '(unknown)') COLLATE \"C\" LIMIT 50",
                       &out.by_source);
      !s.ok()) {
    return s;
  }
  if (Status s = pairs("SELECT kind, count(*) AS n FROM removed_blocks GROUP BY kind ORDER BY n DESC, kind COLLATE \"C\"",
                       &out.removed_by_kind);
      !s.ok()) {
    return s;
  }
  return out;
}

Result<std::vector<store::StoryRecord>> PgStore::ListStories(const store::StoryFilter& filter) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryStories(*impl_->conn, filter);
}
Result<std::optional<store::StoryRecord>> PgStore::GetStory(const std::string& id) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryStory(*impl_->conn, id);
}
Result<std::vector<store::ArticleBrief>> PgStore::StoryArticles(const std::string& story_id) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryStoryArticles(*impl_->conn, story_id);
}
Result<std::vector<store::ArticleBrief>> PgStore::DuplicatesOf(const std::string& article_id) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryDuplicates(*impl_->conn, article_id);
}

Result<std::vector<store::EntitySummary>> PgStore::ListEntities(const store::EntityFilter& filter) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryEntities(*impl_->conn, filter);
}
Result<std::optional<store::EntityDetail>> PgStore::GetEntity(const std::string& id_or_name) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryEntity(*impl_->conn, id_or_name);
}
Result<std::vector<store::EventRecord>> PgStore::ListEvents(const store::EventFilter& filter) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryEvents(*impl_->conn, filter);
}
Result<std::vector<store::QuoteRecord>> PgStore::ListQuotes(const store::QuoteFilter& filter) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryQuotes(*impl_->conn, filter);
}
Result<std::vector<store::DyadPoint>> PgStore::Dyad(const store::DyadQuery& query) {
  if (Status s = impl_->Ready(); !s.ok()) return s;
  return PgQueryDyad(*impl_->conn, query);
}

Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions& options) {
  if (!IsPostgresUrl(options.url)) {
    return Status::InvalidArgument("'" + RedactUrl(options.url) + "' is not a PostgreSQL URL (postgresql://...)");
  }
  auto conn = PgConn::Connect(options.url, options.connect_timeout_s);
  if (!conn.ok()) return conn.status();
  auto version = PreparePgSchema(*conn.value(), options.read_only, options.schema_version);
  if (!version.ok()) {
    Status s = version.status();
    std::string m = "PostgreSQL database " + RedactUrl(options.url) + " " + s.message();
    if (s.code() == Status::Code::kUnsupported) return Status::Unsupported(m);
    if (s.code() == Status::Code::kInvalidArgument) return Status::InvalidArgument(m);
    return Status::IoError(m);
  }
  auto impl = std::make_unique<PgStore::Impl>();
  impl->conn = std::move(conn).value();
  impl->url = options.url;
  impl->schema_version = version.value();
  if (options.read_only) impl->conn->Run("SET default_transaction_read_only = on");
  return std::unique_ptr<PgStore>(new PgStore(std::move(impl)));
}

}  // namespace marsad::pgstore
