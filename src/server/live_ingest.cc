#include "server/live_ingest.h"

#include "pgstore/pg_store.h"
#include "pipeline/ingest_pipeline.h"
#include "store/sqlite_store.h"

namespace marsad::server {

LiveIngester::~LiveIngester() = default;

Result<std::unique_ptr<LiveIngester>> LiveIngester::Open(
    const std::string& db_path, std::vector<const pipeline::ArticleAnnotator*> annotators,
    pipeline::LinkerOptions linker) {
  std::unique_ptr<LiveIngester> in(new LiveIngester());
  if (pgstore::IsPostgresUrl(db_path)) {
    auto store = pgstore::OpenPgStore({db_path});
    if (!store.ok()) return store.status();
    in->store_ = std::move(store).value();
  } else {
    auto store = store::OpenSqliteStore(db_path);
    if (!store.ok()) return store.status();
    in->store_ = std::move(store).value();
  }
  in->cleaner_ = std::make_unique<clean::Cleaner>();
  in->annotators_ = std::move(annotators);
  in->linker_ = std::make_unique<pipeline::ArticleLinker>(linker);
  if (Status s = in->linker_->Restore(*in->store_); !s.ok()) return s;
  return in;
}

Result<LiveIngestResult> LiveIngester::Ingest(RawDocument doc) {
  // Cleaning and annotation need no lock (ProcessDocument is thread-safe); only the
  // ordered part (duplicates, linking, the write) is serialised, as in the pipeline's writer.
  auto processed = pipeline::ProcessDocument(doc, *cleaner_, annotators_);
  if (!processed.ok()) return Status::InvalidArgument(processed.status().message());
  Article a = std::move(processed).value();

  std::lock_guard<std::mutex> lock(mu_);
  LiveIngestResult result;
  result.id = a.id;
  auto present = store_->Contains(a.id);
  if (!present.ok()) return present.status();
  if (present.value()) {
    auto stored = store_->GetArticle(a.id);
    if (stored.ok() && stored.value()) {
      const Article& s = *stored.value();
      result.duplicate_of = s.duplicate_of;
      result.story_id = s.story_id;
      result.title = s.title;
      result.published = s.published;
      result.source = s.source;
    }
    return result;
  }
  // Empty texts say nothing about sameness: never mark them as duplicates (as in ingest).
  if (!a.text.empty()) {
    auto earlier = store_->FindByContentHash(a.content_hash);
    if (!earlier.ok()) return earlier.status();
    if (earlier.value()) a.duplicate_of = *earlier.value();
  }
  linker_->Link(a, store_.get());
  store::WriteBatch batch;
  result.duplicate_of = a.duplicate_of;
  result.story_id = a.story_id;
  result.title = a.title;
  result.published = a.published;
  result.source = a.source;
  batch.articles.push_back(std::move(a));
  linker_->TakeUpdates(&batch);
  store::PutResult put;
  if (Status s = store_->Write(batch, &put); !s.ok()) return s;
  result.created = put.inserted > 0;
  return result;
}

}  // namespace marsad::server
