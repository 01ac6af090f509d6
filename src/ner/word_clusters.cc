#include "ner/word_clusters.h"

#include <charconv>
#include <string>

#include "ner/feature_hash.h"

namespace marsad::ner {

Status WordClusters::Parse(std::string_view tsv, WordClusters* out) {
  WordClusters& wc = *out;
  wc = WordClusters();
  wc.content_hash_ = HashString(tsv);
  size_t line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::Corrupt("word clusters: line " + std::to_string(line_no) + " needs word<TAB>fine<TAB>coarse");
    }
    Ids ids;
    const std::string_view f = line.substr(t1 + 1, t2 - t1 - 1), c = line.substr(t2 + 1);
    if (std::from_chars(f.data(), f.data() + f.size(), ids.fine).ec != std::errc() ||
        std::from_chars(c.data(), c.data() + c.size(), ids.coarse).ec != std::errc()) {
      return Status::Corrupt("word clusters: line " + std::to_string(line_no) + " has a non-numeric cluster");
    }
    // Ids in the file start at 0; 0 is kept for "unknown" here.
    ids.fine += 1;
    ids.coarse += 1;
    wc.map_[HashString(line.substr(0, t1))] = ids;
  }
  return Status::Ok();
}

WordClusters::Ids WordClusters::Find(std::string_view match_key_word) const {
  const auto it = map_.find(HashString(match_key_word));
  return it == map_.end() ? Ids{} : it->second;
}

}  // namespace marsad::ner
