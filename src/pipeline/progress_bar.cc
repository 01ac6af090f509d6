#include "pipeline/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace marsad::pipeline {
namespace {

std::string Thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::string label, uint64_t total_bytes, bool quiet)
    : label_(std::move(label)),
      total_(total_bytes),
      enabled_(!quiet && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { Finish(); }

std::string ProgressBar::Render(const std::string& label, uint64_t bytes_done, uint64_t total_bytes,
                                uint64_t articles, double seconds, int width) {
  double fraction = total_bytes ? static_cast<double>(bytes_done) / total_bytes : 0;
  if (fraction > 1) fraction = 1;
  int filled = static_cast<int>(fraction * width);
  std::string bar = label + " [";
  for (int i = 0; i < width; ++i) bar += i < filled ? '#' : (i == filled ? '>' : ' ');
  char buf[160];
  double rate = seconds > 0 ? articles / seconds : 0;
  std::string eta = (fraction > 0.001 && fraction < 1) ? Clock(seconds * (1 - fraction) / fraction)
                                                       : std::string("--:--");
  std::snprintf(buf, sizeof buf, "] %3d%%  %s articles  %s/s  ETA %s", static_cast<int>(fraction * 100),
                Thousands(articles).c_str(), Thousands(static_cast<uint64_t>(rate)).c_str(),
                eta.c_str());
  return bar + buf;
}

void ProgressBar::Update(uint64_t bytes_done, uint64_t articles) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  bytes_ = bytes_done;
  articles_ = articles;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(false);
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  if (finished_) return;
  finished_ = true;
  Draw(true);
}

void ProgressBar::Draw(bool final) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = Render(label_, final ? total_ : bytes_, total_, articles_, seconds, 30);
  std::fprintf(stderr, "\r%s\x1b[K%s", line.c_str(), final ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace marsad::pipeline
