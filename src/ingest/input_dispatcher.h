// Internal to ingest/: decides what an input is and hands it to the right reader.
//
// Order of decisions for one input (a file, a zip member, or ReadBuffer's bytes):
//   1. empty -> failure "empty file"
//   2. gzip magic (any name) -> gunzip, then decide again by the name without ".gz"
//   3. zip magic or ".zip" -> every member by these rules (nesting limited to kMaxDepth)
//   4. UTF-16 with BOM -> converted to UTF-8; a UTF-8 BOM is dropped
//   5. by extension: .json, .jsonl/.ndjson, .trec/.sgml/.sgm, .html/.htm/.xhtml, .txt
//   6. otherwise sniffed: '{' or '[' -> JSON, <DOC> -> TREC, markup -> HTML, text -> text
//   HTML declaring a legacy charset (windows-1256...) and not valid UTF-8 is converted.
//   Text and HTML that are mostly not UTF-8 text fail as "binary file".
// Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "ingest/document_emitter.h"
#include "ingest/json_record_reader.h"
#include "ingest/owned_bytes.h"
#include "ingest/progress.h"
#include "ingest/trec_reader.h"
#include "ingest/zip_reader.h"

namespace marsad::ingest {

class InputDispatcher {
 public:
  static constexpr int kMaxDepth = 4;  // zip in zip in ...: deeper nesting is refused

  explicit InputDispatcher(DocumentEmitter* emitter);

  // `input` names the input in documents and failures; `name` decides the format by its
  // extension (a member name, or input without ".gz").
  void Read(const std::string& input, const std::string& name, Bytes bytes, Progress& progress, int depth = 0);

 private:
  enum class Kind { kUnknown, kText, kHtml, kJson, kJsonLines, kTrec, kZip };
  static Kind KindOf(const std::string& name);
  void ReadSingle(const std::string& input, Kind kind, Bytes bytes, size_t known_invalid);

  DocumentEmitter* emitter_;
  JsonRecordReader json_;
  TrecReader trec_;
  ZipReader zip_;
};

}  // namespace marsad::ingest
