// SequencedStore (queue/story_assigner.h) on PostgreSQL: the cursor is a row written in
// the articles' transaction; leadership is a session advisory lock, so a worker killed
// with -9 gives it up as its connection closes and another worker takes over.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <string>

#include "pgstore/pg_store.h"
#include "queue/story_assigner.h"

namespace marsad::queue {

class PgSequencedStore : public SequencedStore {
 public:
  // `name`: the cursor and lock name (one per stream set: the queue prefix).
  PgSequencedStore(pgstore::PgStore& store, std::string name);
  store::Store& store() override { return store_; }
  Result<uint64_t> Cursor() override { return store_.Cursor(name_); }
  Status WriteAdvancing(const store::WriteBatch& batch, uint64_t expected, uint64_t next,
                        store::PutResult* result) override {
    return store_.WriteAdvancing(batch, name_, expected, next, result);
  }
  Result<bool> TryLead() override;
  bool Leading() override { return leading_ && store_.generation() == generation_; }

 private:
  pgstore::PgStore& store_;
  std::string name_;
  int64_t lock_key_;
  bool leading_ = false;
  uint64_t generation_ = 0;
};

}  // namespace marsad::queue
