// Internal to ingest/: byte buffers and views that remember whether simdjson may
// read past their end. simdjson needs SIMDJSON_PADDING readable bytes after the
// JSON; buffers the readers allocate themselves (file reads, zip members, gunzip
// output) carry that padding, so the corpus parses without an extra copy.
// Value types; thread-compatible.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace marsad::ingest {

inline constexpr size_t kReadPadding = 64;  // >= SIMDJSON_PADDING (checked in json_record_reader.cc)

// A view of input bytes; `padded` = at least kReadPadding readable bytes follow data.end().
struct Bytes {
  std::string_view data;
  bool padded = false;
};

// A buffer of size() bytes followed by kReadPadding readable bytes. New bytes are
// not zeroed (they are about to be overwritten by a read): zeroing 12 MB per corpus
// file showed up in profiles. Movable; the data pointer survives a move.
class OwnedBytes {
 public:
  OwnedBytes() = default;
  explicit OwnedBytes(size_t size) { Resize(size); }
  // Keeps the first min(size, old size) bytes.
  void Resize(size_t size) {
    if (size + kReadPadding > capacity_) {
      size_t capacity = size + kReadPadding;
      auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
      if (size_ > 0) std::memcpy(bigger.get(), storage_.get(), size_ < size ? size_ : size);
      storage_ = std::move(bigger);
      capacity_ = capacity;
    }
    size_ = size;
    std::memset(storage_.get() + size_, 0, kReadPadding);
  }
  char* data() { return storage_.get(); }
  size_t size() const { return size_; }
  Bytes view() const {
    return Bytes{storage_ ? std::string_view(storage_.get(), size_) : std::string_view(), storage_ != nullptr};
  }

 private:
  std::unique_ptr<char[]> storage_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace marsad::ingest
