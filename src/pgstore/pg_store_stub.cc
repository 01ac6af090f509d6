// Built when libpq is missing: the PostgreSQL store says how to get it. OpenPgStore()
// never returns a store, so the methods below are never called; they exist to link.
#include "pgstore/pg_search.h"
#include "pgstore/pg_store.h"

namespace marsad::pgstore {

namespace {
Status Missing() {
  return Status::Unsupported("this marsad was built without PostgreSQL support: install libpq-dev "
                             "(scripts/setup.sh) and rebuild");
}
}  // namespace

struct PgStore::Impl {};
PgStore::PgStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgStore::~PgStore() = default;
Status PgStore::Write(const store::WriteBatch&, store::PutResult*) { return Missing(); }
Result<std::optional<Article>> PgStore::GetArticle(const std::string&) { return Missing(); }
Result<std::optional<std::string>> PgStore::FindByContentHash(const std::string&) { return Missing(); }
Result<bool> PgStore::Contains(const std::string&) { return Missing(); }
Status PgStore::ForEachArticle(const std::function<bool(const Article&)>&) { return Missing(); }
Status PgStore::ForEachArticleSince(const std::string&, const std::function<bool(const Article&)>&) { return Missing(); }
Result<std::optional<std::string>> PgStore::LatestArticleDate() { return Missing(); }
Result<store::StoreStats> PgStore::Stats() { return Missing(); }
Result<std::vector<store::StoryRecord>> PgStore::ListStories(const store::StoryFilter&) { return Missing(); }
Result<std::optional<store::StoryRecord>> PgStore::GetStory(const std::string&) { return Missing(); }
Result<std::vector<store::ArticleBrief>> PgStore::StoryArticles(const std::string&) { return Missing(); }
Result<std::vector<store::ArticleBrief>> PgStore::DuplicatesOf(const std::string&) { return Missing(); }
Result<std::vector<store::EntitySummary>> PgStore::ListEntities(const store::EntityFilter&) { return Missing(); }
Result<std::optional<store::EntityDetail>> PgStore::GetEntity(const std::string&) { return Missing(); }
Result<std::vector<store::EventRecord>> PgStore::ListEvents(const store::EventFilter&) { return Missing(); }
Result<std::vector<store::QuoteRecord>> PgStore::ListQuotes(const store::QuoteFilter&) { return Missing(); }
Result<std::vector<store::DyadPoint>> PgStore::Dyad(const store::DyadQuery&) { return Missing(); }
Result<uint64_t> PgStore::Cursor(const std::string&) { return Missing(); }
Status PgStore::WriteAdvancing(const store::WriteBatch&, const std::string&, uint64_t, uint64_t, store::PutResult*) {
  return Missing();
}
Result<bool> PgStore::TryLock(int64_t) { return Missing(); }
Result<PgConn*> PgStore::Connection() { return Missing(); }
uint64_t PgStore::generation() const { return 0; }
const std::string& PgStore::url() const {
  static const std::string kNone;
  return kNone;
}

Result<std::unique_ptr<PgStore>> OpenPgStore(const PgOptions&) { return Missing(); }
Result<std::unique_ptr<search::Backend>> OpenPgSearch(const std::string&) { return Missing(); }

}  // namespace marsad::pgstore
