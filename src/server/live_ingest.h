// Live ingest for POST /api/articles: one document through the same processing as
// `marsad ingest` (pipeline::ProcessDocument: cleaning and the annotators; exact duplicates
// by content hash; the ArticleLinker for near duplicates and stories), stored in one
// transaction. Readers see the article as soon as Ingest() returns.
// Thread-safe: concurrent calls are serialised (one writer, in arrival order).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "core/article.h"
#include "core/status.h"
#include "pipeline/article_annotator.h"
#include "pipeline/article_linker.h"
#include "store/store.h"

namespace marsad::server {

struct LiveIngestResult {
  std::string id;
  bool created = false;  // false: the same document was stored before (nothing changed)
  std::optional<std::string> duplicate_of, story_id, title, published, source;
};

class LiveIngester {
 public:
  // Opens (creating and migrating if needed) the database for writing, an SQLite file or
  // a postgresql:// URL, and rebuilds the linker's windowed state from it. On PostgreSQL
  // this is one more writer, as `marsad ingest --pg`: story and duplicate links are only
  // those of one ordered writer when no scale-out workers write the same database. `annotators` are not owned and must outlive this.
  static Result<std::unique_ptr<LiveIngester>> Open(
      const std::string& db_path, std::vector<const pipeline::ArticleAnnotator*> annotators,
      pipeline::LinkerOptions linker);
  ~LiveIngester();

  // Cleans, annotates, links and stores one document. Fails (InvalidArgument) for a
  // document with no text, title or URL; IoError when the store fails.
  Result<LiveIngestResult> Ingest(RawDocument doc);

 private:
  LiveIngester() = default;
  std::mutex mu_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<clean::Cleaner> cleaner_;
  std::unique_ptr<pipeline::ArticleLinker> linker_;
  std::vector<const pipeline::ArticleAnnotator*> annotators_;
};

}  // namespace marsad::server
