#include "search/searcher.h"

#include <chrono>
#include <unordered_map>

#include "search/snippets.h"
#include "store/search_tokenizer.h"

namespace marsad::search {
namespace {

// From this many matches on, the stories of all articles are read from their index in one
// scan instead of one lookup per match.
constexpr size_t kScanStoriesFrom = 1000;
// Title words weigh this much more than text words in BM25 (a word in the headline says
// more about what the article is about than one in its tenth paragraph).
constexpr const char* kRank = "bm25(article_fts, 5.0, 1.0)";

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Status status() const { return rc_ == SQLITE_OK ? Status::Ok() : Error(rc_); }
  void Bind(int i, const std::optional<std::string>& v) {
    if (v) {
      sqlite3_bind_text(st_, i, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(st_, i);
    }
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  // true: a row; false: done or error (then status() says which).
  bool Step() {
    rc_ = sqlite3_step(st_);
    if (rc_ == SQLITE_ROW) {
      rc_ = SQLITE_OK;
      return true;
    }
    if (rc_ == SQLITE_DONE) rc_ = SQLITE_OK;
    return false;
  }
  std::string Text(int c) const {
    const auto* p = sqlite3_column_text(st_, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st_, c)))
             : std::string();
  }
  int64_t Int(int c) const { return sqlite3_column_int64(st_, c); }
  double Double(int c) const { return sqlite3_column_double(st_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }

 private:
  Status Error(int rc) const {
    std::string msg = sqlite3_errmsg(db_);
    if (msg.find("no such table: article_fts") != std::string::npos) {
      return Status::Unsupported("this database has no search index (older schema): open it once for writing, "
                                 "e.g. `marsad search` or `marsad ingest`, to build it");
    }
    if (msg.find("no such tokenizer") != std::string::npos) {
      return Status::Internal(msg + ": the connection lacks store::RegisterSearchTokenizer");
    }
    if (msg.find("fts5: syntax error") != std::string::npos) {
      return Status::InvalidArgument("the query could not be run (" + msg + ")");
    }
    return Status::IoError(msg);
  }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  int rc_;
};

// Articles matching the query and the filters. `published` is ISO ("2015-07-21...");
// until compares as many characters as given, so --until 2015-07 takes all of July.
constexpr const char* kFilters =
    " AND (?2 IS NULL OR substr(a.published, 1, 10) >= ?2)"
    " AND (?3 IS NULL OR substr(a.published, 1, length(?3)) <= ?3)"
    " AND (?4 IS NULL OR a.source = ?4 COLLATE NOCASE)"
    " AND (?5 IS NULL OR a.story_id = ?5)"
    " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND"
    "      (e.entity_id = ?6 OR e.name_en = ?6 COLLATE NOCASE OR e.name_ar = ?6)))";

// FTS5 over article_fts, joined to articles by seq (search/search.h: Backend).
class Sqlite final : public Backend {
 public:
  explicit Sqlite(sqlite3* db) : db_(db) {}
  const char* engine() const override { return "fts5"; }

  Result<std::vector<Match>> FindMatches(const ParsedQuery& parsed, const Query& q) override {
    const std::optional<std::string> fts = parsed.fts;
    // Every match with its score, best first: grouping needs them all, and BM25 scores
    // every match anyway. The articles table is joined only for filters: its early columns
    // (id, source, published) are cheap to read, but story_id comes after the text, which
    // for most rows lives on overflow pages (40 ms for 10k matches).
    const bool filtered = q.since || q.until || q.source || q.story || q.entity;
    Stmt all(db_, filtered ? std::string("SELECT a.seq, ") + kRank + " FROM article_fts JOIN articles a "
                                 "ON a.seq = article_fts.rowid WHERE article_fts MATCH ?1" + kFilters + " ORDER BY 2, 1"
                           : std::string("SELECT rowid, ") + kRank + " FROM article_fts WHERE article_fts MATCH ?1 "
                                 "ORDER BY 2, 1");
    if (!all.status().ok()) return all.status();
    all.Bind(1, fts);
    if (filtered) {
      all.Bind(2, q.since), all.Bind(3, q.until), all.Bind(4, q.source), all.Bind(5, q.story), all.Bind(6, q.entity);
    }
    std::vector<Match> matches;
    while (all.Step()) matches.push_back({all.Int(0), -all.Double(1), ""});
    if (!all.status().ok()) return all.status();

    // The stories of the matches, from the index articles_by_story (story_id, seq): a scan
    // of it when there are many matches, else one lookup per match.
    if (matches.size() > kScanStoriesFrom) {
      std::unordered_map<int64_t, std::string> story_of;
      Stmt st(db_, "SELECT seq, story_id FROM articles INDEXED BY articles_by_story WHERE story_id IS NOT NULL");
      if (!st.status().ok()) return st.status();
      while (st.Step()) story_of.emplace(st.Int(0), st.Text(1));
      if (!st.status().ok()) return st.status();
      for (Match& m : matches) {
        if (auto it = story_of.find(m.key); it != story_of.end()) m.story_id = it->second;
      }
    } else if (!matches.empty()) {
      Stmt st(db_, "SELECT story_id FROM articles WHERE seq = ?1 AND story_id IS NOT NULL");
      if (!st.status().ok()) return st.status();
      for (Match& m : matches) {
        st.Reset();
        st.Bind(1, m.key);
        if (st.Step()) m.story_id = st.Text(0);
        if (!st.status().ok()) return st.status();
      }
    }
    return matches;
  }

  Result<std::vector<std::optional<HitText>>> Describe(const ParsedQuery& parsed,
                                                       const std::vector<int64_t>& keys) override {
    const std::optional<std::string> fts = parsed.fts;
    Stmt one(db_, "SELECT a.id, a.title, a.source, a.published, a.story_id, " + SnippetColumnsSql("article_fts") +
                      " FROM article_fts JOIN articles a ON a.seq = article_fts.rowid WHERE article_fts MATCH ?1 "
                      "AND article_fts.rowid = ?2");
    if (!one.status().ok()) return one.status();
    std::vector<std::optional<HitText>> out;
    for (int64_t key : keys) {
      one.Reset();
      one.Bind(1, fts);
      one.Bind(2, key);
      if (!one.Step()) {
        if (!one.status().ok()) return one.status();
        out.emplace_back();  // deleted since FindMatches
        continue;
      }
      HitText h;
      h.article_id = one.Text(0);
      h.source = one.Text(2), h.published = one.Text(3), h.story_id = one.Text(4);
      h.snippet = StripMarks(one.Text(5), &h.highlights);
      h.title = StripMarks(one.Text(6), &h.title_highlights);
      out.push_back(std::move(h));
    }
    return out;
  }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<Backend> SqliteBackend(sqlite3* db) { return std::make_unique<Sqlite>(db); }

Result<Results> Search(sqlite3* db, const Query& q) { return Search(*SqliteBackend(db), q); }

}  // namespace marsad::search

namespace marsad::search {

Searcher::~Searcher() { sqlite3_close(db_); }

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& db_path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Searcher> s(new Searcher(db));  // closes db on every return below
  if (rc != SQLITE_OK) {
    return Status::IoError("cannot open database " + db_path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) +
                           " (nothing ingested there yet?)");
  }
  sqlite3_busy_timeout(db, 10000);
  if (Status t = store::RegisterSearchTokenizer(db); !t.ok()) return t;
  Stmt check(db, "SELECT count(*) FROM sqlite_master WHERE name = 'article_fts'");
  if (!check.status().ok()) {
    return Status::Corrupt("database " + db_path + " cannot be read: " + check.status().message());
  }
  const bool has_index = check.Step() && check.Int(0) > 0;
  if (!check.status().ok()) return Status::IoError("database " + db_path + ": " + check.status().message());
  if (!has_index) {
    return Status::Unsupported("database " + db_path + " has no search index (an older schema, or not a marsad "
                               "database): open it once for writing (e.g. marsad ingest) to build it");
  }
  return s;
}

}  // namespace marsad::search
