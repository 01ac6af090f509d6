// Internal to ingest/: walks the members of an in-memory zip archive (libzip).
//
// Members are visited in the archive's own order (stable for a given file); folders,
// hidden files and macOS "__MACOSX/" resource forks are skipped. Each member is
// named "archive!member" and handed, decompressed, to a callback that reads it by the
// usual rules (so zips of zips and zips of .json.gz work). A truncated or corrupt
// archive fails naming it; a member that is encrypted, bigger than max_file_bytes
// uncompressed, or fails its CRC check fails naming the member; the rest are read.
// Progress: the archive's budget is shared among members by compressed size.
// Thread-compatible.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/document_emitter.h"
#include "ingest/owned_bytes.h"
#include "ingest/progress.h"

namespace marsad::ingest {

class ZipReader {
 public:
  using MemberFn = std::function<void(const std::string& member_input, const std::string& member_name,
                                      Bytes bytes, Progress& progress)>;

  explicit ZipReader(DocumentEmitter* emitter) : emitter_(emitter) {}

  void Read(const std::string& input, std::string_view archive, Progress& progress, const MemberFn& on_member);

 private:
  DocumentEmitter* emitter_;
};

}  // namespace marsad::ingest
