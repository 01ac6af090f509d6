// Internal to ingest/: TREC-style SGML files -> one RawDocument per <DOC>.
//
//   <DOC> <DOCNO>..</DOCNO> <URL>..</URL> <SRC>..</SRC> <TITLE>..</TITLE>
//         <TIME>..</TIME> <TEXT>..</TEXT> </DOC>
//
// Tag names compare case-insensitively and may carry attributes; HEADLINE is a title,
// DATE/DATELINE a date, SOURCE a source, AUTHOR/BYLINE an author, BODY a text. A <DOC>
// without <TEXT> uses its content with the known tags removed; a document whose last
// </DOC> (or </TEXT>) is missing is read to the end of the file. Documents are named
// "input#record-N" (N from 1, in file order). Text that is HTML markup becomes kHtml.
// Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "ingest/document_emitter.h"
#include "ingest/progress.h"

namespace marsad::ingest {

class TrecReader {
 public:
  explicit TrecReader(DocumentEmitter* emitter) : emitter_(emitter) {}

  void Read(const std::string& input, std::string_view text, Progress& progress);

  // True if the text's first 4 KiB (after whitespace) open a <DOC> element.
  static bool LooksLikeTrec(std::string_view text);

 private:
  void ReadDoc(const std::string& input, std::string_view doc);

  DocumentEmitter* emitter_;
};

}  // namespace marsad::ingest
