#include "ingest/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ingest/document_emitter.h"
#include "ingest/input_dispatcher.h"
#include "ingest/owned_bytes.h"
#include "ingest/path_walker.h"
#include "ingest/progress.h"

namespace marsad::ingest {
namespace {

class FileCloser {
 public:
  explicit FileCloser(int fd) : fd_(fd) {}
  ~FileCloser() {
    if (fd_ >= 0) close(fd_);
  }
  FileCloser(const FileCloser&) = delete;
  FileCloser& operator=(const FileCloser&) = delete;

 private:
  int fd_;
};

// Reads one regular file and dispatches it. `st` is the walk's stat of the path: its
// size is the file's progress budget, so Consumed() sums to TotalInputBytes().
void ReadFile(const std::string& path, const struct stat& st, InputDispatcher& dispatcher,
              DocumentEmitter& emitter) {
  Progress progress(&emitter.sink(), static_cast<uint64_t>(st.st_size));
  const uint64_t limit = emitter.options().max_file_bytes;
  if (static_cast<uint64_t>(st.st_size) > limit) {
    // Refused from its size alone: a huge file is never read into memory.
    emitter.Fail(path, "file is " + HumanBytes(st.st_size) + ", over the " + HumanBytes(limit) +
                           " limit per file (max_file_bytes, marsad ingest --max-file-mb); split it or raise the limit");
    return;
  }
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    emitter.Fail(path, std::string("cannot open file: ") + std::strerror(err) +
                           (err == EACCES ? " (check its permissions)" : ""));
    return;
  }
  FileCloser closer(fd);
  // The file may have grown since it was listed: read at most the limit plus one byte.
  OwnedBytes bytes(static_cast<size_t>(st.st_size));
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (got > limit) break;
      bytes.Resize(std::min<uint64_t>(std::max<size_t>(got * 2, 4096), limit + 1));
    }
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      emitter.Fail(path, std::string("read error: ") + std::strerror(errno));
      return;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  if (got > limit) {
    emitter.Fail(path, "file grew past the " + HumanBytes(limit) + " limit per file while being read; refused");
    return;
  }
  bytes.Resize(got);
  dispatcher.Read(path, path, bytes.view(), progress);
}

}  // namespace

uint64_t TotalInputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  PathWalker walker([&](const std::string&, const struct stat& st) { total += static_cast<uint64_t>(st.st_size); },
                    [](const std::string&, const std::string&) {});
  walker.Walk(paths);
  return total;
}

void ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options, DocumentSink& sink) {
  DocumentEmitter emitter(options, sink);
  InputDispatcher dispatcher(&emitter);
  PathWalker walker(
      [&](const std::string& path, const struct stat& st) { ReadFile(path, st, dispatcher, emitter); },
      [&](const std::string& path, const std::string& reason) { emitter.Fail(path, reason); });
  walker.Walk(paths);
}

void ReadBuffer(const std::string& name, std::string_view bytes, const ReaderOptions& options, DocumentSink& sink) {
  DocumentEmitter emitter(options, sink);
  InputDispatcher dispatcher(&emitter);
  Progress progress(&sink, bytes.size());
  if (bytes.size() > options.max_file_bytes) {
    emitter.Fail(name, "input is " + HumanBytes(bytes.size()) + ", over the " + HumanBytes(options.max_file_bytes) +
                           " limit (max_file_bytes, marsad ingest --max-file-mb); refused");
    return;
  }
  dispatcher.Read(name, name, Bytes{bytes, false}, progress);
}

}  // namespace marsad::ingest
