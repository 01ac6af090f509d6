#include "cli/bench_report.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace marsad::cli {

namespace {

// A table cell: no raw '|' or newline, which would break the Markdown row.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string Grouped(double v) {
  if (!std::isfinite(v)) return "n/a";  // a rate over nothing measured (0 / 0 s)
  const std::string digits = std::to_string(static_cast<long long>(v + 0.5));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void BenchReport::StartSection(std::string title, std::string command) {
  sections_.push_back({std::move(title), std::move(command), {}, {}});
}

void BenchReport::Add(BenchRow row) {
  if (sections_.empty()) StartSection("Figures", "");
  sections_.back().rows.push_back(std::move(row));
}

void BenchReport::Note(std::string line) {
  if (sections_.empty()) StartSection("Figures", "");
  sections_.back().notes.push_back(std::move(line));
}

std::string BenchReport::Markdown() const {
  std::ostringstream out;
  out << kBenchBlockBegin << "\n\n";
  for (const std::string& h : header_) out << "- " << h << "\n";
  for (const Section& s : sections_) {
    out << "\n#### " << s.title << "\n\n";
    if (!s.command.empty()) out << "Command: `" << s.command << "`\n\n";
    if (!s.rows.empty()) {
      bool any_peer = false;
      for (const BenchRow& r : s.rows) any_peer |= !r.peer.empty();
      out << "| what | marsad | target |" << (any_peer ? " peer, same run |" : "") << "\n";
      out << "| --- | --- | --- |" << (any_peer ? " --- |" : "") << "\n";
      for (const BenchRow& r : s.rows) {
        out << "| " << Cell(r.what) << " | " << Cell(r.figure) << " | " << Cell(r.target) << " |";
        if (any_peer) out << " " << Cell(r.peer) << " |";
        out << "\n";
      }
    }
    if (!s.notes.empty()) {
      out << "\n";
      for (const std::string& n : s.notes) out << "- " << n << "\n";
    }
  }
  out << "\n" << kBenchBlockEnd << "\n";
  return out.str();
}

std::string WithGeneratedBlock(std::string_view old_contents, std::string_view block) {
  const size_t begin = old_contents.find(kBenchBlockBegin);
  if (begin != std::string_view::npos) {
    const size_t end = old_contents.find(kBenchBlockEnd, begin);
    if (end != std::string_view::npos) {
      size_t after = end + kBenchBlockEnd.size();
      if (after < old_contents.size() && old_contents[after] == '\n') ++after;
      std::string out(old_contents.substr(0, begin));
      out += block;
      out += old_contents.substr(after);
      return out;
    }
    // A begin marker without its end: the old block runs to the end of the file.
    return std::string(old_contents.substr(0, begin)) + std::string(block);
  }
  std::string out(old_contents);
  if (!out.empty()) {
    if (out.back() != '\n') out += '\n';
    out += '\n';
  }
  out += block;
  return out;
}

Status ReplaceGeneratedBlock(const std::string& path, const std::string& block) {
  namespace fs = std::filesystem;
  std::string old;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot read it (check its permissions)");
    std::ostringstream buf;
    buf << in.rdbuf();
    old = buf.str();
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp + ": cannot write (does its folder exist and is it writable?)");
    out << WithGeneratedBlock(old, block);
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return Status::IoError(tmp + ": write failed (disk full?)");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IoError(path + ": cannot replace it: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace marsad::cli
