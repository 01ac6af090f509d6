#include "search/searcher.h"

#include <chrono>
#include <unordered_map>

#include "store/search_tokenizer.h"

namespace marsad::search {
namespace {

// Markers handed to FTS5's snippet()/highlight() around matched words; control characters
// that cleaned article text does not contain. StripMarks turns them into offsets.
constexpr char kOpen = '\x02', kClose = '\x03';
constexpr int kSnippetTokens = 24;
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

// Removes the kOpen/kClose markers from s and returns where they were, in code points.
std::string StripMarks(const std::string& s, std::vector<Span>* spans) {
  std::string out;
  out.reserve(s.size());
  uint32_t cp = 0, start = 0;
  bool open = false;
  for (char c : s) {
    if (c == kOpen) {
      open = true, start = cp;
    } else if (c == kClose) {
      if (open && cp > start) spans->push_back({start, cp});
      open = false;
    } else {
      out += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cp;  // not a continuation byte
    }
  }
  return out;
}

bool IsIsoDatePrefix(const std::string& d) {
  static constexpr const char* kShape = "dddd-dd-dd";
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    if (kShape[i] == 'd' ? (d[i] < '0' || d[i] > '9') : d[i] != '-') return false;
  }
  return true;
}

Status CheckQuery(const Query& q) {
  for (const auto& [name, v] : {std::pair{"--since", &q.since}, std::pair{"--until", &q.until}}) {
    if (*v && !IsIsoDatePrefix(**v)) {
      return Status::InvalidArgument(std::string(name) + " wants a date YYYY-MM-DD (or YYYY-MM, YYYY), got '" + **v +
                                     "'");
    }
  }
  if (q.since && q.until && *q.until < q.since->substr(0, q.until->size())) {
    return Status::InvalidArgument("--until " + *q.until + " is before --since " + *q.since);
  }
  if (q.limit == 0 || q.limit > 1000) return Status::InvalidArgument("limit must be 1..1000");
  if (q.per_group == 0 || q.per_group > 100) return Status::InvalidArgument("per-group hits must be 1..100");
  return Status::Ok();
}

// Articles matching the query and the filters. `published` is ISO ("2015-07-21...");
// until compares as many characters as given, so --until 2015-07 takes all of July.
constexpr const char* kFilters =
    " AND (?2 IS NULL OR substr(a.published, 1, 10) >= ?2)"
    " AND (?3 IS NULL OR substr(a.published, 1, length(?3)) <= ?3)"
    " AND (?4 IS NULL OR a.source = ?4 COLLATE NOCASE)"
    " AND (?5 IS NULL OR a.story_id = ?5)"
    " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND"
    "      (e.entity_id = ?6 OR e.name_en = ?6 COLLATE NOCASE OR e.name_ar = ?6)))";

struct Match {
  int64_t seq;
  double score;
};

}  // namespace

Result<Results> Search(sqlite3* db, const Query& q) {
  const auto t0 = std::chrono::steady_clock::now();
  if (Status s = CheckQuery(q); !s.ok()) return s;
  auto parsed = ParseQuery(q.text);
  if (!parsed.ok()) return parsed.status();
  Results out;
  out.fts_query = parsed.value().fts;
  const std::optional<std::string> fts = out.fts_query;

  // 1. Every match with its score, best first: grouping needs them all, and BM25 scores
  //    every match anyway. The articles table is joined only for filters: its early
  //    columns (id, source, published) are cheap to read, but story_id comes after the
  //    text, which for most rows lives on overflow pages (40 ms for 10k matches).
  const bool filtered = q.since || q.until || q.source || q.story || q.entity;
  Stmt all(db, filtered ? std::string("SELECT a.seq, ") + kRank + " FROM article_fts JOIN articles a "
                              "ON a.seq = article_fts.rowid WHERE article_fts MATCH ?1" + kFilters + " ORDER BY 2, 1"
                        : std::string("SELECT rowid, ") + kRank + " FROM article_fts WHERE article_fts MATCH ?1 "
                              "ORDER BY 2, 1");
  if (!all.status().ok()) return all.status();
  all.Bind(1, fts);
  if (filtered) {
    all.Bind(2, q.since), all.Bind(3, q.until), all.Bind(4, q.source), all.Bind(5, q.story), all.Bind(6, q.entity);
  }
  std::vector<Match> matches;
  while (all.Step()) matches.push_back({all.Int(0), -all.Double(1)});
  if (!all.status().ok()) return all.status();

  // The stories of the matches, from the index articles_by_story (story_id, seq): a scan
  // of it when there are many matches, else one lookup per match.
  std::unordered_map<int64_t, std::string> story_of;
  if (matches.size() > kScanStoriesFrom) {
    Stmt st(db, "SELECT seq, story_id FROM articles INDEXED BY articles_by_story WHERE story_id IS NOT NULL");
    if (!st.status().ok()) return st.status();
    while (st.Step()) story_of.emplace(st.Int(0), st.Text(1));
    if (!st.status().ok()) return st.status();
  } else if (!matches.empty()) {
    Stmt st(db, "SELECT story_id FROM articles WHERE seq = ?1 AND story_id IS NOT NULL");
    if (!st.status().ok()) return st.status();
    for (const Match& m : matches) {
      st.Reset();
      st.Bind(1, m.seq);
      if (st.Step()) story_of.emplace(m.seq, st.Text(0));
      if (!st.status().ok()) return st.status();
    }
  }
  std::vector<std::vector<size_t>> members;  // per group: indices into matches
  std::unordered_map<std::string, size_t> group_of_story;
  for (size_t m = 0; m < matches.size(); ++m) {
    size_t g = members.size();
    auto story = story_of.find(matches[m].seq);
    if (story != story_of.end()) {
      auto [it, fresh] = group_of_story.emplace(story->second, g);
      g = it->second;
      if (fresh) members.emplace_back();
    } else {
      members.emplace_back();
    }
    members[g].push_back(m);
  }
  out.total = matches.size();
  out.total_groups = members.size();

  // 2. Details, snippet and highlights for the hits on this page.
  Stmt one(db, std::string("SELECT a.id, a.title, a.source, a.published, a.story_id, snippet(article_fts, 1, "
                           "char(2), char(3), '…', ") + std::to_string(kSnippetTokens) +
                   "), highlight(article_fts, 0, char(2), char(3)) FROM article_fts JOIN articles a "
                   "ON a.seq = article_fts.rowid WHERE article_fts MATCH ?1 AND article_fts.rowid = ?2");
  if (!one.status().ok()) return one.status();
  for (size_t g = q.offset; g < members.size() && g < q.offset + q.limit; ++g) {
    Group group;
    group.matches = members[g].size();
    group.score = matches[members[g][0]].score;
    for (size_t k = 0; k < members[g].size() && k < q.per_group; ++k) {
      const Match& m = matches[members[g][k]];
      one.Reset();
      one.Bind(1, fts);
      one.Bind(2, m.seq);
      if (!one.Step()) {
        if (!one.status().ok()) return one.status();
        continue;  // deleted since step 1 (a concurrent writer): skip it
      }
      Hit h;
      h.article_id = one.Text(0);
      h.source = one.Text(2), h.published = one.Text(3), h.story_id = one.Text(4);
      h.snippet = StripMarks(one.Text(5), &h.highlights);
      h.title = StripMarks(one.Text(6), &h.title_highlights);
      h.score = m.score;
      h.group = out.groups.size();
      if (group.hits.empty()) group.story_id = h.story_id;
      group.hits.push_back(out.hits.size());
      out.hits.push_back(std::move(h));
    }
    out.groups.push_back(std::move(group));
  }
  out.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

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
