// Test helpers for ingest/ tests: a sink that records everything, a temporary folder,
// and writers for zip (libzip) and gzip (zlib) fixtures built at run time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "ingest/reader.h"

namespace marsad::ingest::testing {

struct Failure {
  std::string input, reason;
};

class CollectingSink : public DocumentSink {
 public:
  void Accept(RawDocument doc) override { docs.push_back(std::move(doc)); }
  void Fail(const std::string& input, const std::string& reason) override { failures.push_back({input, reason}); }
  void Consumed(uint64_t bytes) override { consumed += bytes; ++consumed_calls; }

  std::vector<std::string> Inputs() const;
  // The failure whose input ends with `suffix`, or nullptr.
  const Failure* FailureFor(const std::string& suffix) const;
  std::string Describe() const;  // for assertion messages

  std::vector<RawDocument> docs;
  std::vector<Failure> failures;
  uint64_t consumed = 0;
  uint64_t consumed_calls = 0;
};

// A fresh folder under the system temp dir, removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/relative (creating parent folders); returns the full path.
  std::string Write(const std::string& relative, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// Zip archive bytes holding the given (name, content) members, deflate-compressed.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members);
// Gzip bytes of `plain`.
std::string Gzip(std::string_view plain);

// Reads with default options (or `options`) and returns the sink.
CollectingSink ReadAll(const std::vector<std::string>& paths, const ReaderOptions& options = {});
CollectingSink ReadBytes(const std::string& name, std::string_view bytes, const ReaderOptions& options = {});

}  // namespace marsad::ingest::testing
