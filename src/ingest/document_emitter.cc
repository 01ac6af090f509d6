#include "ingest/document_emitter.h"

#include <cstdio>
#include <cstring>
#include <utility>

#include <simdjson.h>

#include "core/utf8.h"

namespace marsad::ingest {
namespace {

// Most bodies (all of the JSON corpus) are already valid UTF-8 without NULs; checking
// that with simdjson's SIMD validator avoids a byte-by-byte copy through Repair.
size_t RepairInPlace(std::string* s) {
  if (s->empty()) return 0;
  if (std::memchr(s->data(), '\0', s->size()) == nullptr && simdjson::validate_utf8(s->data(), s->size())) {
    return 0;
  }
  utf8::Repaired r = utf8::Repair(*s);
  *s = std::move(r.text);
  return r.invalid_sequences;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (i + 2 >= text.size() || text[i] != '<') return false;
  char next = text[i + 1];
  if (!IsAsciiAlpha(next) && next != '!') return false;
  // One stray "<" in prose is not markup: require a closing or self-closing tag too.
  std::string_view head = text.substr(i, 1 << 16);
  return head.find("</") != std::string_view::npos || head.find("/>") != std::string_view::npos ||
         head.find("<br") != std::string_view::npos || head.find("<BR") != std::string_view::npos;
}

std::string HumanBytes(uint64_t bytes) {
  char buf[64];
  if (bytes < 10 * 1024) {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  } else if (bytes < 10ull * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  } else if (bytes < 10ull * 1024 * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
  return buf;
}

void DocumentEmitter::Emit(std::string input, DocFormat format, std::string body, DocHints hints,
                           size_t known_invalid) {
  if (RefuseIfTooBig(input, body.size())) return;
  RawDocument doc;
  doc.input = std::move(input);
  doc.invalid_utf8 = known_invalid + RepairInPlace(&body);
  for (std::string* h : {&hints.title, &hints.url, &hints.source, &hints.date, &hints.author,
                         &hints.crawl_date}) {
    doc.invalid_utf8 += RepairInPlace(h);
  }
  if (format == DocFormat::kRecord && LooksLikeHtml(body)) format = DocFormat::kHtml;
  doc.format = format;
  doc.body = std::move(body);
  doc.hints = std::move(hints);
  ++accepted_;
  sink_.Accept(std::move(doc));
}

bool DocumentEmitter::RefuseIfTooBig(const std::string& input, uint64_t size) {
  if (size <= options_.max_document_bytes) return false;
  Fail(input, "document is " + HumanBytes(size) + ", over the limit of " + HumanBytes(options_.max_document_bytes) +
                  " per document (max_document_bytes, marsad ingest --max-document-mb); split it or raise the limit");
  return true;
}

void DocumentEmitter::Fail(const std::string& input, const std::string& reason) {
  ++failed_;
  sink_.Fail(input, reason);
}

}  // namespace marsad::ingest
