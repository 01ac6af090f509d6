#include "ner/corpus_lexicon.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "ner/feature_hash.h"

namespace marsad::ner {

Status CorpusLexicon::Parse(std::string_view tsv, CorpusLexicon* out) {
  CorpusLexicon& lex = *out;
  lex = CorpusLexicon();
  lex.content_hash_ = HashString(tsv);
  size_t line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    const std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::array<uint32_t, kNumLabels> v{};  // n, then the counts of entity labels 1..8
    size_t field = 0, start = line.find('\t');
    const std::string_view word = line.substr(0, start);
    while (start != std::string_view::npos && field < v.size()) {
      const size_t end = line.find('\t', start + 1);
      const std::string_view f = line.substr(start + 1, end == std::string_view::npos ? end : end - start - 1);
      if (std::from_chars(f.data(), f.data() + f.size(), v[field]).ec != std::errc()) break;
      ++field;
      start = end;
    }
    if (field != v.size() || v[0] == 0) {
      return Status::Corrupt("NER lexicon: line " + std::to_string(line_no) + " needs a word and 9 counts");
    }
    Entry e;
    e.n = v[0];
    uint32_t entity = 0;
    for (int l = 1; l < kNumLabels; ++l) {
      e.share[l] = static_cast<float>(v[l]) / static_cast<float>(v[0]);
      entity += v[l];
    }
    e.share[kOutside] = 1.f - static_cast<float>(entity) / static_cast<float>(v[0]);
    lex.map_[HashString(word)] = e;
  }
  return Status::Ok();
}

const CorpusLexicon::Entry* CorpusLexicon::Find(std::string_view match_key_word) const {
  const auto it = map_.find(HashString(match_key_word));
  return it == map_.end() ? nullptr : &it->second;
}

void LexiconCounter::Add(const std::string& match_key_word, int label) {
  auto& c = counts_[match_key_word];
  ++c[label];
}

std::string LexiconCounter::ToTsv(const std::string& header, uint32_t min_entity) const {
  std::vector<const std::pair<const std::string, std::array<uint32_t, kNumLabels>>*> rows;
  for (const auto& kv : counts_) {
    uint32_t entity = 0;
    for (int l = 1; l < kNumLabels; ++l) entity += kv.second[l];
    // Words with tabs or a leading '#' cannot be data lines.
    if (entity >= min_entity && !kv.first.empty() && kv.first[0] != '#' && kv.first.find('\t') == std::string::npos) {
      rows.push_back(&kv);
    }
  }
  std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out = header;
  for (const auto* r : rows) {
    uint32_t n = 0;
    for (uint32_t c : r->second) n += c;
    out += r->first;
    out += '\t';
    out += std::to_string(n);
    for (int l = 1; l < kNumLabels; ++l) {
      out += '\t';
      out += std::to_string(r->second[l]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace marsad::ner
