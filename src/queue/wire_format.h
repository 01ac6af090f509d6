// How documents and processed articles travel through the queue: a compact, versioned
// binary encoding (length-prefixed fields) that round-trips every field exactly.
// Update Encode/Decode together with core/article.h (wire_format_test pins the sizes).
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/status.h"

namespace marsad::queue {

// What a worker made of one document (the articles topic carries these).
struct ArticleOutcome {
  uint64_t doc_seq = 0;   // the document's sequence in the docs topic: the assigner's order
  bool ok = false;
  Article article;        // when ok
  std::string input, reason;  // when not ok: the failure, as the embedded summary reports it
};

std::string EncodeDocument(const RawDocument& doc);
Result<RawDocument> DecodeDocument(std::string_view bytes);

std::string EncodeOutcome(const ArticleOutcome& outcome);
Result<ArticleOutcome> DecodeOutcome(std::string_view bytes);

}  // namespace marsad::queue
