#include "ner/word_clusters.h"

#include <charconv>
#include <string>

#include "ner/feature_hash.h"

namespace marsad::ner {
namespace {

// A cluster column: a number (ids in the file start at 0; 0 is kept here for "unknown",
// so the result is the number + 1) or "-" (none: 0). False if neither.
bool ParseId(std::string_view f, uint32_t* id) {
  if (f == "-") {
    *id = 0;
    return true;
  }
  if (f.empty() || std::from_chars(f.data(), f.data() + f.size(), *id).ec != std::errc()) return false;
  *id += 1;
  return true;
}

}  // namespace

Status WordClusters::Parse(std::string_view tsv, WordClusters* out) {
  WordClusters& wc = *out;
  wc = WordClusters();
  wc.content_hash_ = HashString(tsv);
  size_t line_no = 0;
  int levels = -1;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string_view cols[2 + kMaxEmbeddingLevels + 2];  // one more than allowed, to detect it
    int n = 0;
    for (size_t start = 0; n < static_cast<int>(std::size(cols));) {
      const size_t tab = line.find('\t', start);
      cols[n++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n < 3 || n > 2 + kMaxEmbeddingLevels + 1) {
      return Status::Corrupt("word clusters: line " + std::to_string(line_no) +
                             " needs word<TAB>fine<TAB>coarse and at most " + std::to_string(kMaxEmbeddingLevels) +
                             " embedding classes");
    }
    if (levels < 0) levels = n - 3;
    if (n - 3 != levels) {
      return Status::Corrupt("word clusters: line " + std::to_string(line_no) + " has another column count");
    }
    Ids ids;
    bool ok = ParseId(cols[1], &ids.fine) && ParseId(cols[2], &ids.coarse);
    for (int e = 0; e < levels; ++e) ok = ok && ParseId(cols[3 + e], &ids.emb[e]);
    if (!ok) return Status::Corrupt("word clusters: line " + std::to_string(line_no) + " has a non-numeric cluster");
    wc.map_[HashString(cols[0])] = ids;
  }
  wc.embedding_levels_ = levels < 0 ? 0 : levels;
  return Status::Ok();
}

WordClusters::Ids WordClusters::Find(std::string_view match_key_word) const {
  const auto it = map_.find(HashString(match_key_word));
  return it == map_.end() ? Ids{} : it->second;
}

}  // namespace marsad::ner
