// The ordered, stateful half of the scale-out pipeline: one consumer (the leader among
// the workers) takes processed articles from the articles topic, puts them back in the
// documents' publication order, and does what the embedded pipeline's writer does:
// exact duplicates by content hash, then pipeline::ArticleLinker (near duplicates,
// stories), then one store transaction per batch. The same order and the same code give
// the same ids, duplicate_of and story_id as `marsad ingest --db` (docs/SCALE-OUT.md).
//
// Exactly once: the batch and the cursor (next document sequence) commit in one
// transaction; messages are acked only after that commit, and anything below the cursor
// is acked without storing. After any store failure the in-memory state (linker window,
// buffer) is rebuilt from the store, never trusted.
// Thread-compatible: one assigner per process, one leader per database.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "pipeline/article_linker.h"
#include "queue/queue.h"
#include "queue/wire_format.h"
#include "store/store.h"

namespace marsad::queue {

// A store with a cursor written in the same transaction, and leadership.
class SequencedStore {
 public:
  virtual ~SequencedStore() = default;
  virtual store::Store& store() = 0;
  virtual Result<uint64_t> Cursor() = 0;  // next document sequence to store (1 at first)
  // Writes batch and moves the cursor expected -> next atomically; fails if it was not at
  // `expected` (another assigner committed).
  virtual Status WriteAdvancing(const store::WriteBatch& batch, uint64_t expected, uint64_t next,
                                store::PutResult* result) = 0;
  // Leadership: TryLead takes it if free; Leading() turns false when it was lost.
  virtual Result<bool> TryLead() = 0;
  virtual bool Leading() = 0;
};

// Cursor and leadership in memory, for the in-process queue (one process holds all).
class MemorySequencedStore : public SequencedStore {
 public:
  explicit MemorySequencedStore(store::Store& s) : store_(s) {}
  store::Store& store() override { return store_; }
  Result<uint64_t> Cursor() override { return next_; }
  Status WriteAdvancing(const store::WriteBatch& batch, uint64_t expected, uint64_t next,
                        store::PutResult* result) override;
  Result<bool> TryLead() override { return true; }
  bool Leading() override { return true; }

 private:
  store::Store& store_;
  uint64_t next_ = 1;
};

struct AssignerOptions {
  pipeline::LinkerOptions linker;
  size_t batch_size = 256;                     // articles per transaction (at most)
  std::chrono::milliseconds fetch_wait{500};
  std::chrono::milliseconds retry_delay{1000}; // after a store failure
  std::chrono::milliseconds idle_exit{0};      // return after this long with nothing to do (0 = never)
  std::chrono::milliseconds touch_every{5000}; // InProgress on held messages (< the queue's ack wait)
  size_t max_buffered = 100000;                // out-of-order articles held (bounded by the workers' in-flight)
  // A document whose outcome has not come for `gap_wait` while later ones wait is read back
  // from the docs topic (Queue::GetDoc) and processed here by `reprocess`: a broker killed
  // between storing an outcome and writing it to disk can lose it after the worker acked
  // the document. Keep it well above the docs' ack wait (a slow worker is not a loss).
  // Without `reprocess` the assigner waits. A document the topic no longer has becomes a
  // failure ("lost"), so the assigner never waits forever.
  std::chrono::milliseconds gap_wait{90000};
  std::function<ArticleOutcome(const Received&)> reprocess;
};

struct AssignerStats {
  std::atomic<uint64_t> stored{0}, already_present{0}, duplicates_by_content{0}, failed{0}, batches{0},
      store_retries{0}, recovered{0};
};

// Runs while leading and until `stop` (or idle). Returns Ok when stopped or idle, and a
// kUnsupported status "leadership lost" when another assigner took over. `on_failure`
// (optional) sees each failed document (input, reason).
Status RunStoryAssigner(Queue& q, SequencedStore& store, const AssignerOptions& options,
                        const std::atomic<bool>& stop, AssignerStats* stats,
                        const std::function<void(const std::string&, const std::string&)>& on_failure = {});

}  // namespace marsad::queue
