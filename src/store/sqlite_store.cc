#include "store/sqlite_store.h"

#include <filesystem>

#include "store/article_rows.h"
#include "store/schema.h"
#include "store/search_tokenizer.h"
#include "store/sqlite_db.h"
#include "store/event_queries.h"
#include "store/story_rows.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

// s's code with another message.
Status WithMessage(const Status& s, std::string message) {
  switch (s.code()) {
    case Status::Code::kOk: return Status::Ok();
    case Status::Code::kInvalidArgument: return Status::InvalidArgument(std::move(message));
    case Status::Code::kNotFound: return Status::NotFound(std::move(message));
    case Status::Code::kCorrupt: return Status::Corrupt(std::move(message));
    case Status::Code::kUnsupported: return Status::Unsupported(std::move(message));
    case Status::Code::kInternal: return Status::Internal(std::move(message));
    case Status::Code::kIoError: break;
  }
  return Status::IoError(std::move(message));
}

class SqliteStore : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)), rows_(db_.get()) {}

  Status Write(const WriteBatch& batch, PutResult* result) override {
    *result = PutResult();
    if (batch.articles.empty() && batch.stories.empty() && batch.merges.empty()) return Status::Ok();
    if (Status s = db_->Exec("BEGIN IMMEDIATE"); !s.ok()) return Named(s);
    auto fail = [&](const Status& s) {
      db_->Exec("ROLLBACK");
      *result = PutResult();
      return Named(s);
    };
    auto last_seq = db_->QueryInt("SELECT coalesce(max(seq), 0) FROM articles");
    if (!last_seq.ok()) return fail(last_seq.status());
    for (const Article& a : batch.articles) {
      bool inserted = false;
      if (Status s = rows_.Insert(a, &inserted); !s.ok()) return fail(s);
      ++(inserted ? result->inserted : result->already_present);
    }
    if (result->inserted > 0) {
      // The batch's new articles into the full-text index in one statement (schema.cc, 5).
      auto index = db_->Prepare("INSERT INTO article_fts(rowid, title, text) "
                                "SELECT seq, title, text FROM articles WHERE seq > ?1");
      if (!index.ok()) return fail(index.status());
      index.value()->Bind(1, last_seq.value());
      if (Status s = index.value()->Run(); !s.ok()) return fail(s);
    }
    for (const StoryMerge& m : batch.merges) {
      if (Status s = ApplyStoryMerge(*db_, m); !s.ok()) return fail(s);
    }
    for (const StoryRecord& story : batch.stories) {
      if (Status s = UpsertStory(*db_, story); !s.ok()) return fail(s);
    }
    if (Status s = db_->Exec("COMMIT"); !s.ok()) return fail(s);
    return Status::Ok();
  }

  // The search index's word analysis, done by the calling (worker) thread; Write's
  // tokenizer then finds it (store/search_tokenizer.h).
  void PrepareToWrite(const Article& a) const override {
    if (a.title) PrecomputeIndexTerms(*a.title);
    PrecomputeIndexTerms(a.text);
  }

  Result<std::optional<Article>> GetArticle(const std::string& id) override {
    auto r = rows_.Load(id);
    if (!r.ok()) return Named(r.status());
    return r;
  }

  Result<std::optional<std::string>> FindByContentHash(const std::string& hash) override {
    auto st = db_->Prepare("SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1");
    if (!st.ok()) return Named(st.status());
    Statement& q = *st.value();
    q.Bind(1, hash);
    Status s;
    std::optional<std::string> id;
    if (q.Step(&s)) id = q.Text(0);
    q.Reset();
    if (!s.ok()) return Named(s);
    return id;
  }

  Result<bool> Contains(const std::string& id) override {
    auto st = db_->Prepare("SELECT 1 FROM articles WHERE id = ?");
    if (!st.ok()) return Named(st.status());
    Status s;
    bool found = st.value()->Bind(1, id).Step(&s);
    st.value()->Reset();
    if (!s.ok()) return Named(s);
    return found;
  }

  Status ForEachArticle(const std::function<bool(const Article&)>& fn) override {
    // Page through ids by seq so that fn may use the store and no statement stays open.
    int64_t after = 0;
    for (;;) {
      auto st = db_->Prepare("SELECT seq, id FROM articles WHERE seq > ? ORDER BY seq LIMIT 512");
      if (!st.ok()) return Named(st.status());
      std::vector<std::pair<int64_t, std::string>> page;
      Status s;
      st.value()->Bind(1, after);
      while (st.value()->Step(&s)) page.emplace_back(st.value()->Int(0), st.value()->Text(1));
      st.value()->Reset();
      if (!s.ok()) return Named(s);
      if (page.empty()) return Status::Ok();
      for (const auto& [seq, id] : page) {
        auto a = rows_.Load(id);
        if (!a.ok()) return Named(a.status());
        if (a.value() && !fn(*a.value())) return Status::Ok();
        after = seq;
      }
    }
  }

  Status ForEachArticleSince(const std::string& min_date,
                             const std::function<bool(const Article&)>& fn) override {
    int64_t after = 0;
    const std::string sql = std::string("SELECT seq, id FROM articles WHERE seq > ? AND ") + kArticleDateSql +
                            " >= ? ORDER BY seq LIMIT 512";
    for (;;) {
      auto st = db_->Prepare(sql);
      if (!st.ok()) return Named(st.status());
      std::vector<std::pair<int64_t, std::string>> page;
      Status s;
      st.value()->Bind(1, after).Bind(2, min_date);
      while (st.value()->Step(&s)) page.emplace_back(st.value()->Int(0), st.value()->Text(1));
      st.value()->Reset();
      if (!s.ok()) return Named(s);
      if (page.empty()) return Status::Ok();
      for (const auto& [seq, id] : page) {
        auto a = rows_.Load(id);
        if (!a.ok()) return Named(a.status());
        if (a.value() && !fn(*a.value())) return Status::Ok();
        after = seq;
      }
    }
  }

  Result<std::optional<std::string>> LatestArticleDate() override {
    auto st = db_->Prepare(std::string("SELECT max(") + kArticleDateSql + ") FROM articles");
    if (!st.ok()) return Named(st.status());
    Status s;
    std::optional<std::string> out;
    if (st.value()->Step(&s)) out = st.value()->OptText(0);
    st.value()->Reset();
    if (!s.ok()) return Named(s);
    return out;
  }

  Result<std::vector<StoryRecord>> ListStories(const StoryFilter& filter) override {
    return NamedResult(QueryStories(*db_, filter));
  }
  Result<std::optional<StoryRecord>> GetStory(const std::string& id) override {
    return NamedResult(QueryStory(*db_, id));
  }
  Result<std::vector<ArticleBrief>> StoryArticles(const std::string& story_id) override {
    return NamedResult(QueryStoryArticles(*db_, story_id));
  }
  Result<std::vector<ArticleBrief>> DuplicatesOf(const std::string& article_id) override {
    return NamedResult(QueryDuplicates(*db_, article_id));
  }

  Result<std::vector<EntitySummary>> ListEntities(const EntityFilter& filter) override {
    return NamedResult(QueryEntities(*db_, filter));
  }
  Result<std::optional<EntityDetail>> GetEntity(const std::string& id_or_name) override {
    return NamedResult(QueryEntity(*db_, id_or_name));
  }
  Result<std::vector<EventRecord>> ListEvents(const EventFilter& filter) override {
    return NamedResult(QueryEvents(*db_, filter));
  }
  Result<std::vector<QuoteRecord>> ListQuotes(const QuoteFilter& filter) override {
    return NamedResult(QueryQuotes(*db_, filter));
  }
  Result<std::vector<DyadPoint>> Dyad(const DyadQuery& query) override {
    return NamedResult(QueryDyad(*db_, query));
  }

  Result<StoreStats> Stats() override;

 private:
  Status Named(const Status& s) const {
    return WithMessage(s, "database " + db_->path() + ": " + s.message());
  }
  template <typename T>
  Result<T> NamedResult(Result<T> r) const {
    if (!r.ok()) return Named(r.status());
    return r;
  }

  std::unique_ptr<SqliteDb> db_;
  ArticleRows rows_;
};

Result<StoreStats> SqliteStore::Stats() {
  StoreStats out;
  struct Count {
    uint64_t* field;
    const char* sql;
  };
  for (const Count& c : {
           Count{&out.articles, "SELECT count(*) FROM articles"},
           Count{&out.exact_duplicates, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"},
           Count{&out.related, "SELECT count(*) FROM related_articles"},
           Count{&out.removed_blocks, "SELECT count(*) FROM removed_blocks"},
           Count{&out.entities, "SELECT count(DISTINCT entity_id) FROM entities"},
           Count{&out.mentions, "SELECT count(*) FROM mentions"},
           Count{&out.quotes, "SELECT count(*) FROM quotes"},
           Count{&out.events, "SELECT count(*) FROM events"},
           Count{&out.stories, "SELECT count(*) FROM stories"},
           Count{&out.invalid_utf8_articles, "SELECT count(*) FROM articles WHERE invalid_utf8 > 0"},
       }) {
    auto v = db_->QueryInt(c.sql);
    if (!v.ok()) return Named(v.status());
    *c.field = static_cast<uint64_t>(v.value());
  }
  auto version = db_->QueryInt("PRAGMA user_version");
  out.schema_version = version.ok() ? static_cast<int>(version.value()) : 0;
  auto pairs = [&](const char* sql, std::vector<std::pair<std::string, uint64_t>>* into) -> Status {
    auto st = db_->Prepare(sql);
    if (!st.ok()) return st.status();
    Status s;
    while (st.value()->Step(&s)) into->emplace_back(st.value()->Text(0), st.value()->Int(1));
    st.value()->Reset();
    return s;
  };
  if (Status s = pairs("SELECT coalesce(source, '(unknown)'), count(*) AS n FROM articles "
                       "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 50", &out.by_source); !s.ok()) {
    return Named(s);
  }
  if (Status s = pairs("SELECT kind, count(*) AS n FROM removed_blocks GROUP BY kind ORDER BY n DESC, kind",
                       &out.removed_by_kind); !s.ok()) {
    return Named(s);
  }
  auto st = db_->Prepare("SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL");
  if (!st.ok()) return Named(st.status());
  Status s;
  if (st.value()->Step(&s)) {
    out.first_published = st.value()->OptText(0);
    out.last_published = st.value()->OptText(1);
  }
  st.value()->Reset();
  if (!s.ok()) return Named(s);
  return out;
}

// Checks the file is a marsad database of a schema we know, then migrates it.
// Messages are completed by OpenSqliteStore with the path.
Status PrepareSchema(SqliteDb& db, bool read_only) {
  auto app = db.QueryInt("PRAGMA application_id");
  if (!app.ok()) {
    // A non-database file fails its first read with SQLITE_NOTADB; anything else
    // (locked, unreadable) keeps sqlite's own explanation.
    if (app.status().code() != Status::Code::kCorrupt) return app.status();
    return Status::Corrupt("is not an SQLite database (" + app.status().message() +
                           "); give marsad a new file name, or move that file away");
  }
  auto tables = db.QueryInt("SELECT count(*) FROM sqlite_master");
  if (!tables.ok()) return tables.status();
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  bool empty = tables.value() == 0;
  if (app.value() != kApplicationId && !(empty && app.value() == 0)) {
    return Status::InvalidArgument("is an SQLite database of another program, not a marsad database; "
                                   "give marsad a file of its own");
  }
  if (version.value() > LatestSchemaVersion()) {
    return Status::Unsupported("was created by a newer marsad (schema " + std::to_string(version.value()) +
                               ", this marsad knows up to " + std::to_string(LatestSchemaVersion()) +
                               "): upgrade marsad");
  }
  if (read_only) {
    if (version.value() < LatestSchemaVersion()) {
      return Status::Unsupported("has the older schema " + std::to_string(version.value()) +
                                 ", which a read-only open cannot upgrade; open it once for writing "
                                 "(e.g. marsad ingest) to upgrade it to schema " +
                                 std::to_string(LatestSchemaVersion()));
    }
    return Status::Ok();
  }
  // WAL is a property of the file (it persists), so this is a no-op after the first open.
  auto mode = db.Prepare("PRAGMA journal_mode=WAL");
  if (!mode.ok()) return mode.status();
  Status s;
  std::string journal = mode.value()->Step(&s) ? mode.value()->Text(0) : "";
  mode.value()->Reset();
  if (!s.ok()) return s;
  if (journal != "wal") {
    return Status::IoError("cannot use the WAL journal (got '" + journal +
                           "'): put the database on a local disk (network filesystems lack shared memory)");
  }
  for (int v = static_cast<int>(version.value()); v < LatestSchemaVersion(); ++v) {
    // One transaction per step, with the version bump inside it: a crash leaves either
    // version v or v+1, never a half-built schema.
    std::string sql = std::string("BEGIN IMMEDIATE;") + Migrations()[v] +
                      "PRAGMA application_id=" + std::to_string(kApplicationId) +
                      ";PRAGMA user_version=" + std::to_string(v + 1) + ";COMMIT;";
    if (Status m = db.Exec(sql); !m.ok()) {
      db.Exec("ROLLBACK");
      return Status::IoError("migration to schema " + std::to_string(v + 1) + " failed: " + m.message());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, SqliteOptions options) {
  std::error_code ec;
  fs::path p(path);
  if (path.empty()) return Status::InvalidArgument("no database file name given");
  if (options.read_only && !fs::exists(p, ec)) {
    return Status::NotFound("no database at " + path + " (nothing ingested there yet?)");
  }
  fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec)) {
    return Status::NotFound("the folder " + parent.string() + " of database " + path +
                            " does not exist; create it first");
  }
  if (fs::is_directory(p, ec)) return Status::InvalidArgument(path + " is a folder; give a file name");
  auto db = SqliteDb::Open(path, options.read_only ? SqliteDb::Mode::kReadOnly : SqliteDb::Mode::kReadWriteCreate,
                           options.busy_timeout_ms);
  if (!db.ok()) return Status::IoError("cannot open database " + path + ": " + db.status().message());
  SqliteDb& d = *db.value();
  // NORMAL is durable against process crashes (kill -9) in WAL mode and never corrupts
  // the file on power loss; see docs/STORE.md. These pragmas touch no file, so they
  // cannot fail for a bad file: PrepareSchema reports that.
  d.Exec("PRAGMA synchronous=NORMAL");
  d.Exec("PRAGMA foreign_keys=ON");
  d.Exec("PRAGMA temp_store=MEMORY");
  if (!options.read_only) {
    // A writer touches the recent pages of many B-trees (articles, children, the FTS5
    // segments it merges): a 128 MiB page cache (pages are allocated as used) and a
    // checkpoint every 20,000 WAL pages (80 MB) instead of 1,000 keep it from re-reading
    // and re-writing the same pages. Whole-corpus ingest: 66 s -> 51 s (docs/BENCHMARKS.md).
    d.Exec("PRAGMA cache_size=-131072");
    d.Exec("PRAGMA wal_autocheckpoint=20000");
  }
  if (Status s = PrepareSchema(d, options.read_only); !s.ok()) {
    return WithMessage(s, "file " + path + " " + s.message());
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(db).value()));
}

}  // namespace marsad::store
