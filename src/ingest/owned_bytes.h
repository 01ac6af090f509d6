// Internal to ingest/: byte buffers and views that remember whether simdjson may
// read past their end. simdjson needs SIMDJSON_PADDING readable bytes after the
// JSON; buffers the readers allocate themselves (file reads, zip members, gunzip
// output) carry that padding, so the corpus parses without an extra copy.
// Value types; thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace marsad::ingest {

inline constexpr size_t kReadPadding = 64;  // >= SIMDJSON_PADDING (checked in json_record_reader.cc)

// A view of input bytes; `padded` = at least kReadPadding readable bytes follow data.end().
struct Bytes {
  std::string_view data;
  bool padded = false;
};

// A buffer whose storage holds size() bytes plus kReadPadding zero bytes.
class OwnedBytes {
 public:
  OwnedBytes() = default;
  explicit OwnedBytes(size_t size) { Resize(size); }
  void Resize(size_t size) {
    storage_.resize(size + kReadPadding, '\0');
    size_ = size;
  }
  char* data() { return storage_.data(); }
  size_t size() const { return size_; }
  Bytes view() const { return Bytes{std::string_view(storage_.data(), size_), true}; }

 private:
  std::string storage_;
  size_t size_ = 0;
};

}  // namespace marsad::ingest
