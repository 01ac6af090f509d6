#include "news_corpus.h"

#include <simdjson.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace marsad::ner_tools {

long ForEachArticle(const std::string& dir, size_t max_articles, const std::function<void(std::string_view)>& fn) {
  std::vector<std::string> zips;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path().string());
  }
  std::sort(zips.begin(), zips.end());
  long articles = 0;
  bool any = false;
  simdjson::dom::parser parser;
  for (const std::string& path : zips) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (z == nullptr) continue;
    any = true;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
      zip_stat_t st;
      if (zip_stat_index(z, i, 0, &st) != 0) continue;
      zip_file_t* f = zip_fopen_index(z, i, 0);
      if (f == nullptr) continue;
      std::string buf(st.size, '\0');
      const zip_int64_t got = zip_fread(f, buf.data(), st.size);
      zip_fclose(f);
      if (got != static_cast<zip_int64_t>(st.size)) continue;
      simdjson::dom::element doc;
      simdjson::dom::array records;
      if (parser.parse(buf).get(doc) != simdjson::SUCCESS || doc.get_array().get(records) != simdjson::SUCCESS) continue;
      for (simdjson::dom::element rec : records) {
        std::string_view content;
        if (rec["content"].get_string().get(content) != simdjson::SUCCESS || content.empty()) continue;
        if (max_articles && static_cast<size_t>(articles) >= max_articles) break;
        fn(content);
        ++articles;
      }
    }
    zip_close(z);
    if (max_articles && static_cast<size_t>(articles) >= max_articles) break;
  }
  return any ? articles : -1;
}

}  // namespace marsad::ner_tools
