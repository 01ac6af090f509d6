// Fuzzes ingest::ReadBuffer. The first byte picks the file name (and so the reader:
// JSON, JSON Lines, zip, TREC, gzip'd HTML, text); the rest is the file's bytes.
// Every accepted document's body must be valid UTF-8 (the readers' contract).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "ingest/reader.h"

namespace {

class NullSink : public marsad::ingest::DocumentSink {
 public:
  void Accept(marsad::RawDocument doc) override {
    if (!marsad::utf8::IsValid(doc.body)) __builtin_trap();
  }
  void Fail(const std::string& input, const std::string& reason) override {}
};

const char* const kNames[] = {"in.json", "in.jsonl", "in.zip", "in.trec", "in.html.gz", "in.txt"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (256u << 10)) return 0;
  static const marsad::ingest::ReaderOptions options = [] {
    marsad::ingest::ReaderOptions o;
    o.max_document_bytes = 8u << 20;  // keep decompression bombs cheap
    return o;
  }();
  NullSink sink;
  const std::string name = kNames[data[0] % (sizeof(kNames) / sizeof(kNames[0]))];
  marsad::ingest::ReadBuffer(name, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1),
                             options, sink);
  return 0;
}
