#include "store/search_tokenizer.h"

#include <xxhash.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/search_terms.h"
#include "text/tokenizer.h"

namespace marsad::store {
namespace {

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

// A document text's index terms: per word the key, then its other forms (search_terms.h).
// emit(flags, term, begin, end) gets FTS5's flags: FTS5 requires the first token at a
// position not to be COLOCATED (ForEachWordTerms guarantees it).
template <typename EmitFn>
int AnalyzeDocument(TermAnalyzer& analyzer, std::vector<WordPiece>& pieces, std::vector<std::string_view>& terms,
                    std::string_view input, EmitFn emit) {
  return ForEachWordTerms(
      input, pieces, terms,
      [&](const WordPiece& p, std::vector<std::string_view>* out) { analyzer.IndexTerms(p.text, p.arabic, out); },
      [&](bool colocated, std::string_view t, size_t b, size_t e) {
        return emit(colocated ? FTS5_TOKEN_COLOCATED : 0, t, b, e);
      });
}

// Texts analysed ahead (PrecomputeIndexTerms), by hash of their bytes. A record per term:
// flags (1 byte), term length (1 byte), begin and end (4 bytes each), the term.
class PrecomputedTerms {
 public:
  static PrecomputedTerms& Get() {
    static PrecomputedTerms* instance = new PrecomputedTerms();  // never destroyed: used at exit
    return *instance;
  }
  static uint64_t Key(std::string_view text) { return XXH3_64bits(text.data(), text.size()) ^ text.size(); }
  void Put(uint64_t key, std::string records) {
    Shard& s = shards_[key % kShards];
    std::lock_guard lock(s.mu);
    if (s.texts.size() >= kMaxPerShard || s.bytes + records.size() > kMaxBytesPerShard) {
      s.texts.clear();  // waiting too long: texts never inserted (e.g. already stored)
      s.bytes = 0;
    }
    auto [it, fresh] = s.texts.try_emplace(key);
    if (!fresh) s.bytes -= it->second.size();
    s.bytes += records.size();
    it->second = std::move(records);
  }
  bool Take(uint64_t key, std::string* records) {
    Shard& s = shards_[key % kShards];
    std::lock_guard lock(s.mu);
    auto it = s.texts.find(key);
    if (it == s.texts.end()) return false;
    *records = std::move(it->second);
    s.bytes -= records->size();
    s.texts.erase(it);
    return true;
  }

 private:
  // At most ~65k texts and 128 MiB of terms wait (a text's terms take about 4 times its
  // size); a writer keeping pace has a few batches' worth (~20 MB) waiting.
  static constexpr size_t kShards = 16, kMaxPerShard = 4096, kMaxBytesPerShard = size_t{8} << 20;
  struct Shard {
    std::mutex mu;
    std::unordered_map<uint64_t, std::string> texts;
    size_t bytes = 0;
  };
  std::array<Shard, kShards> shards_;
};

int EmitRecords(void* ctx, const std::string& records, TokenFn x_token) {
  for (size_t pos = 0; pos + 10 <= records.size();) {
    const int flags = static_cast<unsigned char>(records[pos]);
    const size_t len = static_cast<unsigned char>(records[pos + 1]);
    uint32_t begin = 0, end = 0;
    std::memcpy(&begin, records.data() + pos + 2, 4);
    std::memcpy(&end, records.data() + pos + 6, 4);
    if (int rc = x_token(ctx, flags, records.data() + pos + 10, static_cast<int>(len), static_cast<int>(begin),
                         static_cast<int>(end));
        rc != SQLITE_OK) {
      return rc;
    }
    pos += 10 + len;
  }
  return SQLITE_OK;
}

int Tokenize(Instance* inst, void* ctx, int flags, std::string_view input, TokenFn x_token) {
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  if (query && IsMarked(input)) {
    std::string term(input[0] == kVerbatimMark ? input.substr(1) : input);
    return Emit(x_token, ctx, 0, term, 0, input.size());
  }
  if (!query) {
    std::string records;
    if (PrecomputedTerms::Get().Take(PrecomputedTerms::Key(input), &records)) {
      return EmitRecords(ctx, records, x_token);
    }
    return AnalyzeDocument(inst->analyzer, inst->pieces, inst->terms, input,
                           [&](int f, std::string_view t, size_t b, size_t e) { return Emit(x_token, ctx, f, t, b, e); });
  }
  // A query word asks for all its alternatives, COLOCATED (synonyms at one position).
  std::vector<std::string> alternatives;
  return ForEachWordTerms(
      input, inst->pieces, inst->terms,
      [&](const WordPiece& p, std::vector<std::string_view>* out) {
        alternatives = inst->analyzer.QueryAlternatives(p.text, p.arabic);
        out->assign(alternatives.begin(), alternatives.end());
      },
      [&](bool colocated, std::string_view t, size_t b, size_t e) {
        return Emit(x_token, ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, t, b, e);
      });
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

void PrecomputeIndexTerms(std::string_view text) {
  if (text.empty() || text.size() > (uint64_t{1} << 31)) return;
  thread_local TermAnalyzer analyzer;  // per worker thread, with its word cache
  thread_local std::vector<WordPiece> pieces;
  thread_local std::vector<std::string_view> terms;
  std::string records;
  records.reserve(text.size() * 2);
  static_assert(kMaxTermBytes <= 255, "a record keeps a term's length in one byte");
  AnalyzeDocument(analyzer, pieces, terms, text, [&](int flags, std::string_view t, size_t b, size_t e) {
    const uint32_t begin = static_cast<uint32_t>(b), end = static_cast<uint32_t>(e);
    records.push_back(static_cast<char>(flags));
    records.push_back(static_cast<char>(static_cast<unsigned char>(t.size())));
    records.append(reinterpret_cast<const char*>(&begin), 4);
    records.append(reinterpret_cast<const char*>(&end), 4);
    records.append(t);
    return SQLITE_OK;
  });
  PrecomputedTerms::Get().Put(PrecomputedTerms::Key(text), std::move(records));
}

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
