#include "ingest/gzip_decoder.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

#include "ingest/document_emitter.h"

namespace marsad::ingest {
namespace {

// Owns a zlib inflate state for one call.
class Inflater {
 public:
  Inflater() { ok_ = inflateInit2(&z_, 15 + 16) == Z_OK; }  // 15 + 16: gzip wrapper only
  ~Inflater() {
    if (ok_) inflateEnd(&z_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  bool ok() const { return ok_; }
  z_stream* get() { return &z_; }
  z_stream* operator->() { return &z_; }

 private:
  z_stream z_{};
  bool ok_ = false;
};

}  // namespace

Result<OwnedBytes> Gunzip(std::string_view gz, uint64_t max_output) {
  Inflater z;
  if (!z.ok()) return Status::Internal("zlib inflateInit2 failed");

  // Decompress straight into the padded buffer the JSON parser will read.
  OwnedBytes out;
  out.Resize(std::min<uint64_t>(std::max<uint64_t>(gz.size() * 4, 4096), max_output + 1));
  size_t produced = 0;
  size_t consumed = 0;
  for (;;) {
    if (produced == out.size()) {
      if (produced > max_output) break;
      out.Resize(std::min<uint64_t>(static_cast<uint64_t>(out.size()) * 2, max_output + 1));
    }
    size_t in_chunk = std::min<size_t>(gz.size() - consumed, std::numeric_limits<uInt>::max());
    size_t out_chunk = std::min<size_t>(out.size() - produced, std::numeric_limits<uInt>::max());
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data() + consumed));
    z->avail_in = static_cast<uInt>(in_chunk);
    z->next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z->avail_out = static_cast<uInt>(out_chunk);
    int rc = inflate(z.get(), Z_NO_FLUSH);
    consumed += in_chunk - z->avail_in;
    produced += out_chunk - z->avail_out;
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (concatenated .gz files); trailing zero padding is allowed.
      std::string_view rest = gz.substr(consumed);
      if (rest.find_first_not_of('\0') == std::string_view::npos) break;
      if (rest.size() < 2 || static_cast<unsigned char>(rest[0]) != 0x1F) {
        return Status::Corrupt("unexpected bytes after the end of the gzip stream");
      }
      inflateReset(z.get());
      continue;
    }
    if (rc == Z_BUF_ERROR && consumed == gz.size() && produced < out.size()) {
      return Status::Corrupt("truncated gzip: the stream ends after " + HumanBytes(gz.size()) +
                             " before its end marker (the file was cut short; re-download or re-compress it)");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return Status::Corrupt(std::string("corrupt gzip data (") + (z->msg ? z->msg : "zlib error") + ")");
    }
  }
  if (produced > max_output) {
    return Status::InvalidArgument("gzip expands to more than " + HumanBytes(max_output) +
                                   " (max_file_bytes, marsad ingest --max-file-mb); refused");
  }
  out.Resize(produced);
  return out;
}

}  // namespace marsad::ingest
