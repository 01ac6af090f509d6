// Fuzzes html::HtmlExtractor::Extract on arbitrary bytes (not necessarily UTF-8).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  static const marsad::html::HtmlExtractor extractor;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto page = extractor.Extract(html, "https://www.example.com/a/b.html");
  (void)page;
  return 0;
}
