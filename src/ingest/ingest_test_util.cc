#include "ingest/ingest_test_util.h"

#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace marsad::ingest::testing {

std::vector<std::string> CollectingSink::Inputs() const {
  std::vector<std::string> out;
  for (const RawDocument& d : docs) out.push_back(d.input);
  return out;
}

const Failure* CollectingSink::FailureFor(const std::string& suffix) const {
  for (const Failure& f : failures) {
    if (f.input.size() >= suffix.size() && f.input.compare(f.input.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return &f;
    }
  }
  return nullptr;
}

std::string CollectingSink::Describe() const {
  std::string s = std::to_string(docs.size()) + " documents:";
  for (const RawDocument& d : docs) s += "\n  " + d.input;
  s += "\n" + std::to_string(failures.size()) + " failures:";
  for (const Failure& f : failures) s += "\n  " + f.input + ": " + f.reason;
  return s;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "marsad-ingest-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may leave folders without permissions; give them back so removal works.
  for (auto it = std::filesystem::recursive_directory_iterator(
           path_, std::filesystem::directory_options::skip_permission_denied, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
  }
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& relative, std::string_view bytes) const {
  std::filesystem::path p = path_ / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members) {
  // Build into a temp file: libzip writes archives to a path or a source.
  char tmpl[] = "/tmp/marsad-zip-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  int err = 0;
  zip_t* z = zip_open(tmpl, ZIP_TRUNCATE, &err);
  if (z == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : members) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
  std::ifstream in(tmpl, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  unlink(tmpl);
  return bytes;
}

std::string Gzip(std::string_view plain) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflate");
  std::string out(deflateBound(&z, plain.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  z.avail_in = static_cast<uInt>(plain.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

CollectingSink ReadAll(const std::vector<std::string>& paths, const ReaderOptions& options) {
  CollectingSink sink;
  ReadPaths(paths, options, sink);
  return sink;
}

CollectingSink ReadBytes(const std::string& name, std::string_view bytes, const ReaderOptions& options) {
  CollectingSink sink;
  ReadBuffer(name, bytes, options, sink);
  return sink;
}

}  // namespace marsad::ingest::testing
