#include "corpus.h"

#include <simdjson.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/civil_date.h"

namespace marsad::story_eval {
namespace {

std::string Field(simdjson::dom::element rec, const char* name) {
  std::string_view v;
  if (rec[name].get_string().get(v) != simdjson::SUCCESS) return {};
  return std::string(v);
}

void ReadZip(const std::filesystem::path& path, simdjson::dom::parser& parser,
             std::vector<CorpusRecord>* out) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) return;
  const std::string stem = path.stem().string();
  const int64_t file_day = DaysFromIso(stem).value_or(0);
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (f == nullptr) continue;
    std::string buf(st.size, '\0');
    const zip_int64_t got = zip_fread(f, buf.data(), st.size);
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.size)) continue;
    simdjson::dom::array records;
    if (parser.parse(buf).get_array().get(records) != simdjson::SUCCESS) continue;
    size_t index = 0;
    for (simdjson::dom::element rec : records) {
      CorpusRecord r;
      r.ref = stem + "#" + std::to_string(index++);
      r.source = Field(rec, "source");
      r.url = Field(rec, "url");
      r.title = Field(rec, "title");
      r.content = Field(rec, "content");
      r.date_extracted = Field(rec, "date_extracted");
      r.day = DaysFromIso(std::string_view(r.date_extracted).substr(0, 10)).value_or(file_day);
      out->push_back(std::move(r));
    }
  }
  zip_close(z);
}

}  // namespace

std::string CorpusDir(const std::string& shared_dir) {
  if (const char* env = std::getenv("MARSAD_CORPUS_DIR")) return env;
  return shared_dir + "/data/corpus/saudinewsnet/dataset";
}

bool ReadCorpus(const std::string& dir, std::vector<CorpusRecord>* out, std::string* error) {
  std::error_code ec;
  std::vector<std::filesystem::path> zips;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path());
  }
  std::sort(zips.begin(), zips.end());
  simdjson::dom::parser parser;
  for (const auto& z : zips) ReadZip(z, parser, out);
  if (out->empty()) {
    *error = "no SaudiNewsNet records under " + dir;
    return false;
  }
  return true;
}

}  // namespace marsad::story_eval
