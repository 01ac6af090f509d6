#include "search/snippets.h"

#include "core/utf8.h"
#include "store/search_tokenizer.h"

namespace marsad::search {
namespace {

// Markers handed to FTS5's snippet()/highlight() around matched words; control characters
// that cleaned article text does not contain. StripMarks turns them into offsets.
constexpr char kOpen = '\x02', kClose = '\x03';
constexpr int kSnippetTokens = 24;

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::Internal("snippets: " + what + ": " + sqlite3_errmsg(db));
}

// The first kSnippetTokens words of text, and "…" when there is more.
std::string Lead(const std::string& text) {
  size_t words = 0, i = 0;
  bool in_word = false;
  for (; i < text.size(); ++i) {
    const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
    if (!space && !in_word && ++words > static_cast<size_t>(kSnippetTokens)) break;
    in_word = !space;
  }
  if (i == text.size()) return text;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) --i;
  return text.substr(0, i) + "…";
}

}  // namespace

std::string SnippetColumnsSql(const std::string& table) {
  return "snippet(" + table + ", 1, char(2), char(3), '…', " + std::to_string(kSnippetTokens) + "), highlight(" +
         table + ", 0, char(2), char(3))";
}

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

DocumentMarker::~DocumentMarker() { sqlite3_close(db_); }

Result<std::unique_ptr<DocumentMarker>> DocumentMarker::Open() {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<DocumentMarker> m(new DocumentMarker(db));  // closes db on every return below
  if (rc != SQLITE_OK) return Status::Internal(std::string("snippets: cannot open an in-memory database: ") + sqlite3_errstr(rc));
  if (Status s = store::RegisterSearchTokenizer(db); !s.ok()) return s;
  // Same columns and tokenizer as article_fts (store/schema.cc); rowid = index in the page.
  if (sqlite3_exec(db, "CREATE VIRTUAL TABLE page USING fts5(title, text, tokenize='marsad')", nullptr, nullptr,
                   nullptr) != SQLITE_OK) {
    return SqlError(db, "creating the page table");
  }
  return m;
}

Result<std::vector<DocumentMarker::Marked>> DocumentMarker::Mark(const std::string& fts, const std::vector<Doc>& docs) {
  std::vector<Marked> out(docs.size());
  std::vector<bool> matched(docs.size(), false);
  if (sqlite3_exec(db_, "DELETE FROM page", nullptr, nullptr, nullptr) != SQLITE_OK) return SqlError(db_, "clearing");
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "INSERT INTO page(rowid, title, text) VALUES (?1, ?2, ?3)", -1, &st, nullptr) !=
      SQLITE_OK) {
    return SqlError(db_, "preparing the insert");
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_text(st, 2, docs[i].title.data(), static_cast<int>(docs[i].title.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 3, docs[i].text.data(), static_cast<int>(docs[i].text.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(st);
      return SqlError(db_, "loading the page");
    }
  }
  sqlite3_finalize(st);
  const std::string sql = "SELECT rowid, " + SnippetColumnsSql("page") + " FROM page WHERE page MATCH ?1";
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return SqlError(db_, "preparing");
  sqlite3_bind_text(st, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_STATIC);
  auto text = [&](int c) {
    const auto* p = sqlite3_column_text(st, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st, c)))
             : std::string();
  };
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const auto i = static_cast<size_t>(sqlite3_column_int64(st, 0));
    if (i >= docs.size()) continue;
    out[i].snippet = StripMarks(text(1), &out[i].highlights);
    out[i].title = StripMarks(text(2), &out[i].title_highlights);
    matched[i] = true;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return SqlError(db_, "marking the page");
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!matched[i]) out[i].title = docs[i].title, out[i].snippet = Lead(docs[i].text);
  }
  return out;
}

}  // namespace marsad::search
