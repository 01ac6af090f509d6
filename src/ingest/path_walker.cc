#include "ingest/path_walker.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <utility>

namespace marsad::ingest {
namespace {

struct DirCloser {
  void operator()(DIR* d) const { closedir(d); }
};

using DirKey = std::pair<dev_t, ino_t>;

struct Frame {
  std::string path;
  DirKey key;
  std::vector<std::string> names;
  size_t next = 0;
};

}  // namespace

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

void PathWalker::Walk(const std::vector<std::string>& roots) {
  for (const std::string& root : roots) WalkRoot(root);
}

bool PathWalker::Visit(const std::string& path, bool is_root, struct stat* st) {
  if (stat(path.c_str(), st) != 0) {
    int err = errno;
    struct stat lst;
    if (lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
      on_error_(path, err == ELOOP ? "symbolic link loop; not followed"
                                   : "broken symbolic link (its target does not exist); skipped");
    } else if (err == ENOENT) {
      on_error_(path, is_root ? "no such file or folder" : "vanished while the folder was read");
    } else {
      on_error_(path, std::string("cannot read: ") + std::strerror(err));
    }
    return false;
  }
  if (S_ISDIR(st->st_mode)) return true;
  if (S_ISREG(st->st_mode)) {
    on_file_(path, *st);
  } else {
    // Opening a FIFO would block the whole ingest; devices and sockets are not documents.
    on_error_(path, "not a regular file (FIFO, socket or device); skipped");
  }
  return false;
}

void PathWalker::WalkRoot(const std::string& root) {
  struct stat st;
  if (!Visit(root, /*is_root=*/true, &st)) return;

  std::set<DirKey> seen;    // every folder read so far (a folder is read once)
  std::set<DirKey> active;  // the folders on the current path (a link to one is a loop)
  std::vector<Frame> stack;

  auto open_folder = [&](const std::string& path, const struct stat& dir_st) {
    DirKey key{dir_st.st_dev, dir_st.st_ino};
    if (active.count(key)) {
      on_error_(path, "symbolic link loop: it points back to a folder being read; not followed");
      return;
    }
    if (!seen.insert(key).second) return;  // already read through another path
    std::unique_ptr<DIR, DirCloser> dir(opendir(path.c_str()));
    if (!dir) {
      on_error_(path, std::string("cannot open folder: ") + std::strerror(errno) +
                          (errno == EACCES ? " (check its permissions)" : ""));
      return;
    }
    Frame frame{path, key, {}, 0};
    errno = 0;
    while (struct dirent* e = readdir(dir.get())) {
      if (e->d_name[0] == '.') continue;  // hidden, "." and ".."
      frame.names.emplace_back(e->d_name);
    }
    if (errno != 0) on_error_(path, std::string("error while listing the folder: ") + std::strerror(errno));
    std::sort(frame.names.begin(), frame.names.end());
    active.insert(key);
    stack.push_back(std::move(frame));
  };

  open_folder(root, st);
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.names.size()) {
      active.erase(top.key);
      stack.pop_back();
      continue;
    }
    std::string path = JoinPath(top.path, top.names[top.next++]);
    if (Visit(path, /*is_root=*/false, &st)) open_folder(path, st);  // may invalidate `top`
  }
}

}  // namespace marsad::ingest
