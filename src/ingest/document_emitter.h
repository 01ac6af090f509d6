// Internal to ingest/: the one place RawDocuments are built and handed to the sink.
// Every body and hint goes through UTF-8 repair here (invalid sequences counted into
// RawDocument::invalid_utf8), every document is checked against max_document_bytes,
// and every failure is reported with the input's name.
// Thread-compatible: used by one reading thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "ingest/reader.h"

namespace marsad::ingest {

class DocumentEmitter {
 public:
  DocumentEmitter(const ReaderOptions& options, DocumentSink& sink) : options_(options), sink_(sink) {}

  const ReaderOptions& options() const { return options_; }
  DocumentSink& sink() { return sink_; }

  // Repairs and size-checks body and hints, then calls sink.Accept (or sink.Fail).
  // `known_invalid` adds replacements made earlier (e.g. while decoding UTF-16).
  // For kRecord documents whose body looks like HTML markup the format becomes kHtml.
  void Emit(std::string input, DocFormat format, std::string body, DocHints hints,
            size_t known_invalid = 0);

  void Fail(const std::string& input, const std::string& reason);

  // Fails `input` and returns true if a document of `size` bytes is over max_document_bytes.
  bool RefuseIfTooBig(const std::string& input, uint64_t size);

  uint64_t accepted() const { return accepted_; }
  uint64_t failed() const { return failed_; }

 private:
  const ReaderOptions& options_;
  DocumentSink& sink_;
  uint64_t accepted_ = 0;
  uint64_t failed_ = 0;
};

// True if text starts (after whitespace) with a tag and contains closing/void tags:
// a JSON "content" holding a web page rather than plain paragraphs.
bool LooksLikeHtml(std::string_view text);

// "12.3 MB" style sizes for messages.
std::string HumanBytes(uint64_t bytes);

}  // namespace marsad::ingest
