// A one-line progress bar on a terminal: percent, articles, articles/s and ETA.
// Draws to stderr only when stderr is a terminal and not quiet; at most 10 times
// a second. Thread-safe (Update may be called from any thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace marsad::pipeline {

class ProgressBar {
 public:
  ProgressBar(std::string label, uint64_t total_bytes, bool quiet);
  ~ProgressBar();  // Finish()es

  void Update(uint64_t bytes_done, uint64_t articles);
  void Finish();  // draws the final state and a newline (once)

  // The text of the bar for a given state (pure; tested).
  static std::string Render(const std::string& label, uint64_t bytes_done, uint64_t total_bytes,
                            uint64_t articles, double seconds, int width);

 private:
  void Draw(bool final);
  std::mutex mu_;
  std::string label_;
  uint64_t total_ = 0, bytes_ = 0, articles_ = 0;
  bool enabled_ = false, finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace marsad::pipeline
