#include "queue/pg_sequenced_store.h"


namespace marsad::queue {

PgSequencedStore::PgSequencedStore(pgstore::PgStore& store, std::string name)
    : store_(store), name_(std::move(name)) {
  // A stable 63-bit key from the name: one leader per stream set and database.
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : "marsad-assigner:" + name_) h = (h ^ c) * 1099511628211ULL;
  lock_key_ = static_cast<int64_t>(h >> 1);
}

Result<bool> PgSequencedStore::TryLead() {
  if (Leading()) return true;
  auto got = store_.TryLock(lock_key_);  // reconnects first if the server restarted
  if (!got.ok()) return got.status();
  leading_ = got.value();
  generation_ = store_.generation();
  return leading_;
}

}  // namespace marsad::queue
