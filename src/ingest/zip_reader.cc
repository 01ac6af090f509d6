#include "ingest/zip_reader.h"

#include <zip.h>

#include <memory>
#include <vector>

namespace marsad::ingest {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to write back
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string ErrorText(zip_error_t* e) { return zip_error_strerror(e); }

bool Skipped(std::string_view name) {
  if (name.empty() || name.back() == '/') return true;  // a folder entry
  if (name.substr(0, 9) == "__MACOSX/") return true;
  size_t slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return base.empty() || base[0] == '.';
}

struct Member {
  zip_uint64_t index;
  std::string name;
  zip_uint64_t size, comp_size;
  bool encrypted;
};

}  // namespace

void ZipReader::Read(const std::string& input, std::string_view archive, Progress& progress,
                     const MemberFn& on_member) {
  const std::string hint = "; the file is truncated or corrupt (re-download or re-create it)";
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (source == nullptr) {
    emitter_->Fail(input, "cannot read zip archive: " + ErrorText(&error));
    zip_error_fini(&error);
    return;
  }
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    zip_source_free(source);  // not taken over by a failed open
    emitter_->Fail(input, "not a readable zip archive (" + ErrorText(&error) + ")" + hint);
    zip_error_fini(&error);
    return;
  }
  zip_error_fini(&error);

  std::vector<Member> members;
  zip_uint64_t total_comp = 0;
  zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
      emitter_->Fail(input, "cannot read entry " + std::to_string(i) + " of the zip directory" + hint);
      continue;
    }
    if (Skipped(st.name)) continue;
    Member m{static_cast<zip_uint64_t>(i), st.name, st.size, st.comp_size,
             (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE};
    total_comp += m.comp_size;
    members.push_back(std::move(m));
  }
  if (members.empty()) {
    emitter_->Fail(input, "the zip archive holds no files");
    return;
  }

  const uint64_t max_bytes = emitter_->options().max_file_bytes;
  zip_uint64_t comp_done = 0;
  for (const Member& m : members) {
    comp_done += m.comp_size;
    Progress member_progress(&emitter_->sink(), progress.CarveTo(comp_done, total_comp));
    std::string member_input = input + "!" + m.name;
    if (m.encrypted) {
      emitter_->Fail(member_input, "the zip member is encrypted (password-protected); decrypt the archive first");
      continue;
    }
    if (m.size > max_bytes) {
      emitter_->Fail(member_input, "the zip member is " + HumanBytes(m.size) + " uncompressed, over the " +
                                       HumanBytes(max_bytes) + " limit (ReaderOptions::max_file_bytes); refused");
      continue;
    }
    if (m.size == 0) {
      emitter_->Fail(member_input, "empty file: the zip member holds no bytes");
      continue;
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(zip.get(), m.index, 0));
    if (!file) {
      emitter_->Fail(member_input, "cannot open the zip member (" + std::string(zip_strerror(zip.get())) + ")" + hint);
      continue;
    }
    OwnedBytes bytes(m.size);
    zip_uint64_t got = 0;
    bool failed = false;
    while (got < m.size) {
      zip_int64_t n = zip_fread(file.get(), bytes.data() + got, m.size - got);
      if (n < 0) {
        emitter_->Fail(member_input, "cannot decompress the zip member (" +
                                         ErrorText(zip_file_get_error(file.get())) + ")" + hint);
        failed = true;
        break;
      }
      if (n == 0) break;
      got += static_cast<zip_uint64_t>(n);
    }
    if (failed) continue;
    if (got != m.size) {
      emitter_->Fail(member_input, "the zip member ends after " + HumanBytes(got) + " of " + HumanBytes(m.size) + hint);
      continue;
    }
    // Reading to the end made libzip check the CRC; one more read reports a mismatch.
    char probe;
    if (zip_fread(file.get(), &probe, 1) < 0) {
      emitter_->Fail(member_input, "the zip member fails its CRC check (" +
                                       ErrorText(zip_file_get_error(file.get())) + ")" + hint);
      continue;
    }
    file.reset();
    on_member(member_input, m.name, bytes.view(), member_progress);
  }
}

}  // namespace marsad::ingest
