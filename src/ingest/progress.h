// Internal to ingest/: turns "how far into this input am I" into DocumentSink::Consumed
// deltas. Each file gets a budget equal to its size on disk; a zip carves its budget
// into member budgets (by compressed size), a JSON array reports by parse position,
// so the bar moves smoothly and the deltas sum exactly to TotalInputBytes().
// Thread-compatible.
#pragma once

#include <algorithm>
#include <cstdint>

#include "ingest/reader.h"

namespace marsad::ingest {

class Progress {
 public:
  Progress(DocumentSink* sink, uint64_t budget) : sink_(sink), budget_(budget) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { Finish(); }

  uint64_t budget() const { return budget_; }

  // Reports progress up to done/total of this budget (never goes backwards).
  void Reach(uint64_t done, uint64_t total) {
    if (total == 0) return;
    Report(Target(done, total));
  }

  // Hands the budget between what is reported and done/total of it to a child part
  // (e.g. a zip member), which reports it itself; returns the child's budget.
  uint64_t CarveTo(uint64_t done, uint64_t total) {
    uint64_t target = total == 0 ? budget_ : Target(done, total);
    if (target <= reported_) return 0;
    uint64_t bytes = target - reported_;
    reported_ = target;
    return bytes;
  }

  // Reports whatever is left of the budget.
  void Finish() { Report(budget_); }

 private:
  uint64_t Target(uint64_t done, uint64_t total) const {
    done = std::min(done, total);
    return static_cast<uint64_t>(static_cast<double>(budget_) * static_cast<double>(done) /
                                 static_cast<double>(total));
  }
  void Report(uint64_t target) {
    if (target <= reported_) return;
    uint64_t delta = target - reported_;
    reported_ = target;
    if (sink_ != nullptr) sink_->Consumed(delta);
  }

  DocumentSink* sink_;
  uint64_t budget_;
  uint64_t reported_ = 0;
};

}  // namespace marsad::ingest
