// Internal to ingest/: lazy, deterministic walk over files and folders.
//
// Roots are visited in the order given. A folder's entries are listed one folder at a
// time, sorted by name (bytewise), hidden entries (".name") skipped, and walked depth
// first, so memory holds the names of the folders on the current path only, never
// the whole tree (a folder of 100k files costs its 100k names while it is walked).
// Symbolic links are followed, but a folder is read once: a link back to a folder
// being walked (a loop) is reported, a second path to an already-read folder is
// skipped. Unreadable folders/files, broken links, sockets and FIFOs are reported to
// on_error with a reason; the walk goes on.
// Thread-compatible.
#pragma once

#include <sys/stat.h>

#include <functional>
#include <string>
#include <vector>

namespace marsad::ingest {

class PathWalker {
 public:
  using FileFn = std::function<void(const std::string& path, const struct stat& st)>;
  using ErrorFn = std::function<void(const std::string& path, const std::string& reason)>;

  PathWalker(FileFn on_file, ErrorFn on_error) : on_file_(std::move(on_file)), on_error_(std::move(on_error)) {}

  void Walk(const std::vector<std::string>& roots);

 private:
  void WalkRoot(const std::string& root);
  // Classifies one path: files go to on_file_, folders are returned true (to descend).
  bool Visit(const std::string& path, bool is_root, struct stat* st);

  FileFn on_file_;
  ErrorFn on_error_;
};

// "dir" + "/" + "name" without doubling a trailing slash.
std::string JoinPath(const std::string& dir, const std::string& name);

}  // namespace marsad::ingest
