// Fuzzes clean::Cleaner::Clean on a RawDocument built from the input.
// First byte: bit 0 picks the format (kText / kHtml), bit 1 fills some hints.
// The body is passed through utf8::Repair (readers guarantee valid UTF-8).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clean/cleaner.h"
#include "core/article.h"
#include "core/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (256u << 10)) return 0;
  static const marsad::clean::Cleaner cleaner;
  uint8_t flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

  marsad::RawDocument doc;
  doc.input = "fuzz";
  doc.format = (flags & 1) ? marsad::DocFormat::kHtml : marsad::DocFormat::kText;
  auto repaired = marsad::utf8::Repair(rest);
  doc.body = std::move(repaired.text);
  doc.invalid_utf8 = repaired.invalid_sequences;
  if (flags & 2) {
    doc.hints.url = "https://www.example.com/news/1";
    doc.hints.date = "2025-02-16T10:00:00Z";
    doc.hints.crawl_date = "2025-02-17";
  }
  marsad::Article a = cleaner.Clean(doc);
  (void)a;
  return 0;
}
