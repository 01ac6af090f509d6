// The Queue: where documents wait for workers and processed articles wait for the story
// assigner (docs/SCALE-OUT.md). Two implementations: in-process (queue/in_process_queue.h,
// the default and the tests' double) and NATS JetStream (queue/nats_queue.h).
//
// Semantics (both implementations): each topic is a work queue with one shared consumer
// group. A published message gets the next sequence number of its topic unless a message
// with the same msg_id was published before (de-duplication: nothing is added). A fetched
// message belongs to the fetcher until it is acked (gone), naked (delivered again, to any
// fetcher, after `delay`), termed (gone, never delivered again), or its ack deadline
// passes (delivered again). Deliveries are counted; after max_deliver() deliveries a
// message is not delivered again (workers dead-letter it before that, see DocWorker).
// The docs topic also keeps acked messages for a while, readable by GetDoc.
// Thread-safety: implementation-defined (see each header).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace marsad::queue {

// The topics of the scale-out pipeline.
inline constexpr const char* kDocsTopic = "docs";          // RawDocuments from `marsad ingest --nats`
inline constexpr const char* kArticlesTopic = "articles";  // processed articles, for the assigner
inline constexpr const char* kDeadTopic = "dead";          // documents that kept failing (kept, never consumed)

struct Received {
  std::string topic;
  uint64_t seq = 0;         // the topic's sequence number (publication order)
  uint64_t deliveries = 1;  // 1 on the first delivery
  std::string msg_id;
  std::string data;
  std::shared_ptr<void> handle;  // the implementation's; keep until acked
};

class Queue {
 public:
  virtual ~Queue() = default;
  // Publishes durably (returns after the broker stored it). *duplicate (optional) tells a
  // message dropped because msg_id was seen before.
  virtual Status Publish(const std::string& topic, const std::string& msg_id, std::string_view data,
                         bool* duplicate = nullptr) = 0;
  // Up to `max` messages, waiting at most `wait` for the first; empty on timeout.
  virtual Result<std::vector<Received>> Fetch(const std::string& topic, size_t max,
                                              std::chrono::milliseconds wait) = 0;
  virtual Status Ack(const Received& m) = 0;
  virtual Status Nak(const Received& m, std::chrono::milliseconds delay) = 0;
  virtual Status Term(const Received& m) = 0;
  // Resets the ack deadline (work on m is still going on).
  virtual Status InProgress(const Received& m) = 0;
  virtual int max_deliver() const = 0;
  // The message published to the docs topic with sequence `seq`, acked or not, while the
  // topic still keeps it (docs are kept for a retention period after their ack, so that a
  // document whose outcome the broker lost can be processed again); nullopt when gone.
  virtual Result<std::optional<Received>> GetDoc(uint64_t seq) = 0;
};

}  // namespace marsad::queue
