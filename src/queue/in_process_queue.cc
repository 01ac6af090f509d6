#include "queue/in_process_queue.h"

namespace marsad::queue {

Status InProcessQueue::Publish(const std::string& topic, const std::string& msg_id, std::string_view data,
                               bool* duplicate) {
  std::lock_guard lock(mu_);
  Topic& t = topics_[topic];
  bool dup = !msg_id.empty() && !t.ids.insert(msg_id).second;
  if (duplicate) *duplicate = dup;
  if (dup) return Status::Ok();
  Entry e;
  e.msg_id = msg_id;
  e.data = std::string(data);
  e.available = Clock::now();
  if (topic == kDocsTopic) t.kept.emplace(t.next_seq, e.data);
  t.entries.emplace(t.next_seq++, std::move(e));
  cv_.notify_all();
  return Status::Ok();
}

Result<std::vector<Received>> InProcessQueue::Fetch(const std::string& topic, size_t max,
                                                    std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  auto deadline = Clock::now() + wait;
  std::vector<Received> out;
  for (;;) {
    auto now = Clock::now();
    Topic& t = topics_[topic];
    // Messages whose ack deadline passed are free again (their fetcher died or is slow).
    for (auto& [seq, e] : t.entries) {
      if (e.out && e.available <= now) e.out = false;
    }
    for (auto& [seq, e] : t.entries) {
      if (out.size() >= max) break;
      if (e.available > now) continue;
      if (e.out) continue;
      if (e.deliveries >= static_cast<uint64_t>(options_.max_deliver)) continue;  // exhausted
      e.out = true;
      ++e.deliveries;
      // An unacked message comes back after ack_wait (a crashed fetcher).
      e.available = now + options_.ack_wait;
      out.push_back({topic, seq, e.deliveries, e.msg_id, e.data, std::make_shared<uint64_t>(e.deliveries)});
    }
    if (!out.empty() || now >= deadline) return out;
    // Deadlines pass without a notification: re-check regularly.
    cv_.wait_until(lock, std::min(deadline, now + std::chrono::milliseconds(50)));
  }
}

Status InProcessQueue::Settle(const Received& m, int how, std::chrono::milliseconds delay) {
  std::lock_guard lock(mu_);
  Topic& t = topics_[m.topic];
  auto it = t.entries.find(m.seq);
  if (it == t.entries.end()) return Status::Ok();  // acked before: acks are idempotent
  switch (how) {
    case 0: t.entries.erase(it); break;  // ack / term
    case 1:                              // nak
      it->second.out = false;
      it->second.available = Clock::now() + delay;
      break;
    case 2: it->second.available = Clock::now() + options_.ack_wait; break;  // in progress
  }
  cv_.notify_all();
  return Status::Ok();
}

Status InProcessQueue::Ack(const Received& m) { return Settle(m, 0, {}); }
Status InProcessQueue::Term(const Received& m) { return Settle(m, 0, {}); }
Status InProcessQueue::Nak(const Received& m, std::chrono::milliseconds delay) { return Settle(m, 1, delay); }
Status InProcessQueue::InProgress(const Received& m) { return Settle(m, 2, {}); }

Result<std::optional<Received>> InProcessQueue::GetDoc(uint64_t seq) {
  std::lock_guard lock(mu_);
  Topic& t = topics_[kDocsTopic];
  auto it = t.kept.find(seq);
  if (it == t.kept.end()) return std::optional<Received>();
  Received r;
  r.topic = kDocsTopic;
  r.seq = seq;
  r.data = it->second;
  return std::optional<Received>(std::move(r));
}

void InProcessQueue::Lose(const std::string& topic, uint64_t seq) {
  std::lock_guard lock(mu_);
  topics_[topic].entries.erase(seq);
}

size_t InProcessQueue::Pending(const std::string& topic) {
  std::lock_guard lock(mu_);
  return topics_[topic].entries.size();
}

std::vector<std::string> InProcessQueue::Contents(const std::string& topic) {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (const auto& [seq, e] : topics_[topic].entries) out.push_back(e.data);
  return out;
}

}  // namespace marsad::queue
