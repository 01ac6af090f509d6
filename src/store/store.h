// The Store interface: where articles (and later entities, quotes, events, stories)
// live. Implementations: SQLite (embedded default, store/sqlite_store.h) and, later,
// PostgreSQL. Each PutArticles() call is one transaction: after a crash either the
// whole batch is there or none of it.
// Thread-compatible: one Store object per thread (open another for readers).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"

namespace marsad::store {

struct PutResult {
  size_t inserted = 0;
  size_t already_present = 0;  // same id was stored before (re-ingest): nothing changed
};

struct StoreStats {
  uint64_t articles = 0, exact_duplicates = 0, related = 0, removed_blocks = 0;
  uint64_t entities = 0, mentions = 0, quotes = 0, events = 0, stories = 0;
  uint64_t invalid_utf8_articles = 0;
  std::optional<std::string> first_published, last_published;
  std::vector<std::pair<std::string, uint64_t>> by_source;        // most articles first
  std::vector<std::pair<std::string, uint64_t>> removed_by_kind;  // most blocks first
  int schema_version = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Inserts articles not stored yet (by id); existing ids are left untouched.
  virtual Status PutArticles(const std::vector<Article>& batch, PutResult* result) = 0;
  virtual Result<std::optional<Article>> GetArticle(const std::string& id) = 0;
  // Id of the earliest stored article with this content hash (for exact duplicates).
  virtual Result<std::optional<std::string>> FindByContentHash(const std::string& hash) = 0;
  virtual Result<bool> Contains(const std::string& id) = 0;
  // Visits articles in ingest order until fn returns false.
  virtual Status ForEachArticle(const std::function<bool(const Article&)>& fn) = 0;
  virtual Result<StoreStats> Stats() = 0;
};

}  // namespace marsad::store
