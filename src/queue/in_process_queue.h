// In-process Queue (queue/queue.h): the default transport when everything runs in one
// process, and the double that tests the worker and assigner logic without servers.
// Thread-safe: share one object between threads.
#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <unordered_set>

#include "queue/queue.h"

namespace marsad::queue {

struct InProcessOptions {
  int max_deliver = 5;
  std::chrono::milliseconds ack_wait{30000};
};

class InProcessQueue : public Queue {
 public:
  explicit InProcessQueue(InProcessOptions options = {}) : options_(options) {}
  Status Publish(const std::string& topic, const std::string& msg_id, std::string_view data,
                 bool* duplicate = nullptr) override;
  Result<std::vector<Received>> Fetch(const std::string& topic, size_t max, std::chrono::milliseconds wait) override;
  Status Ack(const Received& m) override;
  Status Nak(const Received& m, std::chrono::milliseconds delay) override;
  Status Term(const Received& m) override;
  Status InProgress(const Received& m) override;
  int max_deliver() const override { return options_.max_deliver; }
  // Keeps every document for the queue's lifetime (the queue lives in one process).
  Result<std::optional<Received>> GetDoc(uint64_t seq) override;
  // Test hook: forgets the message `seq` of `topic` as if the broker had lost it.
  void Lose(const std::string& topic, uint64_t seq);

  // Messages of `topic` not yet acked or termed (for tests and progress).
  size_t Pending(const std::string& topic);
  // Every message ever published to `topic` that is still held, in order (dead letters).
  std::vector<std::string> Contents(const std::string& topic);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::string msg_id, data;
    uint64_t deliveries = 0;
    Clock::time_point available;  // when it may be delivered (again)
    bool out = false;             // delivered, not acked
  };
  struct Topic {
    uint64_t next_seq = 1;
    std::map<uint64_t, Entry> entries;
    std::unordered_set<std::string> ids;
    std::map<uint64_t, std::string> kept;  // docs topic: every message's data, by sequence
  };
  Status Settle(const Received& m, int how, std::chrono::milliseconds delay);
  InProcessOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Topic> topics_;
};

}  // namespace marsad::queue
