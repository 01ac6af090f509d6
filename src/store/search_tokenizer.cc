#include "store/search_tokenizer.h"

#include <memory>
#include <new>
#include <string>
#include <vector>

#include "store/search_terms.h"
#include "text/tokenizer.h"

namespace marsad::store {
namespace {

// SQLite allows tokens up to a few kB; nothing real is that long, and a cap keeps one huge
// token (a pasted blob) from bloating the index.
constexpr size_t kMaxTermBytes = 200;

// One instance per FTS5 table per connection (xCreate): the analyzer's cache lives here.
struct Instance {
  TermAnalyzer analyzer;
  std::vector<WordPiece> pieces;
  std::vector<std::string_view> terms;
};

using TokenFn = int (*)(void*, int, const char*, int, int, int);

int Emit(TokenFn x_token, void* ctx, int flags, std::string_view term, size_t begin, size_t end) {
  if (term.empty() || term.size() > kMaxTermBytes) return SQLITE_OK;
  return x_token(ctx, flags, term.data(), static_cast<int>(term.size()), static_cast<int>(begin),
                 static_cast<int>(end));
}

bool IsMarked(std::string_view s) {
  return !s.empty() && (s[0] == kVerbatimMark || s[0] == kStemMark || s[0] == kSkeletonMark);
}

int Tokenize(Instance* inst, void* ctx, int flags, std::string_view input, TokenFn x_token) {
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  if (query && IsMarked(input)) {
    std::string term(input[0] == kVerbatimMark ? input.substr(1) : input);
    return Emit(x_token, ctx, 0, term, 0, input.size());
  }
  for (const text::Token& tok : text::Tokenize(input)) {
    if (!IsIndexedKind(tok.kind)) continue;
    inst->pieces.clear();
    SplitToken(tok, input, &inst->pieces);
    for (const WordPiece& p : inst->pieces) {
      std::vector<std::string> alternatives;
      if (query) {
        alternatives = inst->analyzer.QueryAlternatives(p.text, p.arabic);
        inst->terms.assign(alternatives.begin(), alternatives.end());
      } else {
        inst->analyzer.IndexTerms(p.text, p.arabic, &inst->terms);
      }
      // Skip over-long terms before choosing the first one: FTS5 requires the first
      // token at a position not to be COLOCATED.
      bool first = true;
      for (std::string_view t : inst->terms) {
        if (t.empty() || t.size() > kMaxTermBytes) continue;
        int rc = Emit(x_token, ctx, first ? 0 : FTS5_TOKEN_COLOCATED, t, p.begin, p.end);
        if (rc != SQLITE_OK) return rc;
        first = false;
      }
    }
  }
  return SQLITE_OK;
}

int XCreate(void*, const char**, int, Fts5Tokenizer** out) {
  auto* inst = new (std::nothrow) Instance();
  if (inst == nullptr) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(inst);
  return SQLITE_OK;
}

void XDelete(Fts5Tokenizer* t) { delete reinterpret_cast<Instance*>(t); }

int XTokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n, TokenFn x_token) {
  // No exception may cross into SQLite's C frames.
  try {
    if (text == nullptr || n <= 0) return SQLITE_OK;
    return Tokenize(reinterpret_cast<Instance*>(t), ctx, flags, std::string_view(text, static_cast<size_t>(n)),
                    x_token);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

}  // namespace

Status RegisterSearchTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) {
    return Status::Unsupported("this SQLite library has no FTS5 (full-text search); install Debian's libsqlite3");
  }
  static fts5_tokenizer kTokenizer = {XCreate, XDelete, XTokenize};
  int rc = api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &kTokenizer, nullptr);
  if (rc != SQLITE_OK) return Status::Internal(std::string("cannot register the search tokenizer: ") + sqlite3_errstr(rc));
  return Status::Ok();
}

}  // namespace marsad::store
