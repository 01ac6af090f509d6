#include "story/idf_table.h"

#include <cmath>
#include <string>

#include "core/embedded_data.h"
#include "story/article_vectorizer.h"

namespace marsad::story {

const IdfTable& IdfTable::Default() {
  static const IdfTable table(DataFile("story/idf.tsv"));
  return table;
}

IdfTable::IdfTable(std::string_view tsv) {
  std::vector<std::pair<uint64_t, uint64_t>> dfs;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view term = line.substr(0, tab);
    const uint64_t n = std::strtoull(std::string(line.substr(tab + 1)).c_str(), nullptr, 10);
    if (term == "@docs") {
      docs_ = n;
    } else {
      dfs.emplace_back(ArticleVectorizer::TermKey(term), n);
    }
  }
  const double d = static_cast<double>(docs_) + 1;
  idf_.reserve(dfs.size());
  for (const auto& [key, df] : dfs) {
    idf_[key] = static_cast<float>(std::log(d / (static_cast<double>(df) + 1)));
  }
  unknown_idf_ = std::log(d / 2);
}

double IdfTable::Idf(uint64_t term_key) const {
  auto it = idf_.find(term_key);
  return it == idf_.end() ? unknown_idf_ : it->second;
}

}  // namespace marsad::story
