#include "ner/gazetteer.h"

#include <algorithm>

#include "core/embedded_data.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace marsad::ner {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t from = 0;
  while (true) {
    const size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return out;
}

// Column `col` of a TSV line ("" when absent).
std::string_view Column(const std::vector<std::string_view>& cols, size_t col) {
  return col < cols.size() ? cols[col] : std::string_view();
}

}  // namespace

uint32_t Gazetteer::InternWord(const std::string& key) {
  auto [it, fresh] = vocab_.try_emplace(key, static_cast<uint32_t>(vocab_.size() + 1));
  return it->second;
}

uint32_t Gazetteer::WordId(std::string_view key) const {
  const auto it = vocab_.find(std::string(key));
  return it == vocab_.end() ? 0 : it->second;
}

uint32_t Gazetteer::Child(uint32_t node, uint32_t word) const {
  const auto it = edges_.find(static_cast<uint64_t>(node) << 32 | word);
  return it == edges_.end() ? 0 : it->second;
}

void Gazetteer::Add(std::string_view phrase, GazType type) {
  const std::vector<text::Token> tokens = text::Tokenize(phrase);
  if (tokens.empty()) return;
  uint32_t node = 0;
  for (const text::Token& t : tokens) {
    const std::string key = text::MatchKey(t.text);
    if (key.empty()) return;
    const uint32_t w = InternWord(key);
    auto [it, fresh] = edges_.try_emplace(static_cast<uint64_t>(node) << 32 | w, 0);
    if (fresh) {
      it->second = static_cast<uint32_t>(node_types_.size());
      node_types_.push_back(0);
    }
    node = it->second;
  }
  if ((node_types_[node] & (1u << type)) == 0) ++patterns_;
  node_types_[node] |= 1u << type;
}

void Gazetteer::AddListWord(std::string_view word, GazList list) {
  const std::string key = text::MatchKey(word);
  if (!key.empty()) lists_[key] |= 1u << list;
}

Gazetteer::WordIds Gazetteer::Lookup(std::string_view token) const {
  const std::string key = text::MatchKey(token);
  return LookupKey(key, text::CliticCandidates(key));
}

Gazetteer::WordIds Gazetteer::LookupKey(std::string_view match_key,
                                        const std::vector<text::CliticSplit>& splits) const {
  WordIds w;
  const std::string key(match_key);
  w.ids[0] = WordId(key);
  if (const auto it = lists_.find(key); it != lists_.end()) w.lists |= it->second;
  size_t k = 1;
  for (size_t i = 1; i < splits.size(); ++i) {
    const uint32_t id = WordId(splits[i].stem);
    if (id && k < w.ids.size() && id != w.ids[0] && id != w.ids[1]) w.ids[k++] = id;
    if (const auto it = lists_.find(splits[i].stem); it != lists_.end()) w.lists |= it->second;
  }
  return w;
}

void Gazetteer::FindMatches(const std::vector<const WordIds*>& words, std::vector<Match>* out) const {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t i = 0; i < n;) {
    uint32_t best_end = 0, best_types = 0;
    for (size_t c = 0; c < words[i]->ids.size(); ++c) {
      const uint32_t first = words[i]->ids[c];
      if (first == 0) continue;
      uint32_t node = Child(0, first);
      uint32_t j = i + 1;
      while (node != 0) {
        if (node_types_[node] != 0 && j > best_end) best_end = j, best_types = node_types_[node];
        if (j >= n || words[j]->ids[0] == 0) break;
        node = Child(node, words[j]->ids[0]);
        ++j;
      }
    }
    if (best_end > i) {
      out->push_back({i, best_end, best_types});
      i = best_end;
    } else {
      ++i;
    }
  }
}

Status Gazetteer::BuildDefault(Gazetteer* out) {
  *out = Gazetteer();
  auto add_forms = [&](std::string_view forms, GazType type) {
    for (std::string_view f : Split(forms, '|')) {
      if (!f.empty()) out->Add(f, type);
    }
  };
  // Columns: id cameo country name_en forms ctx-forms note (organisations, media).
  for (const std::string& line : DataLines("actors/organisations.tsv")) {
    const auto cols = Split(line, '\t');
    add_forms(Column(cols, 4), kGazOrg);
    add_forms(Column(cols, 5), kGazOrgCtx);
  }
  for (const std::string& line : DataLines("actors/media.tsv")) {
    const auto cols = Split(line, '\t');
    add_forms(Column(cols, 4), kGazMedia);
    add_forms(Column(cols, 5), kGazMedia);
  }
  // id name_en country full-forms short-forms ctx-forms note
  for (const std::string& line : DataLines("actors/people.tsv")) {
    const auto cols = Split(line, '\t');
    add_forms(Column(cols, 3), kGazPerson);
    add_forms(Column(cols, 4), kGazPerson);
    add_forms(Column(cols, 5), kGazPersonCtx);
  }
  // iso3 iso2 name_en name_ar
  size_t countries = 0;
  for (const std::string& line : DataLines("actors/countries.tsv")) {
    const auto cols = Split(line, '\t');
    if (!Column(cols, 3).empty()) ++countries;
    add_forms(Column(cols, 3), kGazCountry);
  }
  if (countries == 0) return Status::NotFound("NER gazetteer: data/actors/countries.tsv is empty or not embedded");
  // iso3 kind forms name_en note; ":ctx" kinds are also common words and are left out.
  for (const std::string& line : DataLines("actors/country_names.tsv")) {
    const auto cols = Split(line, '\t');
    const std::string_view kind = Column(cols, 1), forms = Column(cols, 2);
    if (kind == "name") add_forms(forms, kGazCountry);
    else if (kind == "capital") add_forms(forms, kGazCapital);
    else if (kind == "seat") add_forms(forms, kGazSeat);
    else if (kind == "adjform") add_forms(forms, kGazAdjective);
    else if (kind == "adj") {
      for (std::string_view f : Split(forms, '|')) {
        if (f.empty()) continue;
        for (const char* suffix : {"", "ة", "ون", "ين", "ان", "تان", "تين", "ات"}) {
          out->Add(std::string(f) + suffix, kGazAdjective);
        }
      }
    }
  }
  // form kind value english
  for (const std::string& line : DataLines("actors/role_phrases.tsv")) {
    const auto cols = Split(line, '\t');
    if (Column(cols, 1) == "title") out->Add(Column(cols, 0), kGazTitle);
  }
  for (const std::string& line : DataLines("ner/name_lists.tsv")) {
    const auto cols = Split(line, '\t');
    const std::string_view list = Column(cols, 0);
    if (list == "place") {
      add_forms(Column(cols, 1), kGazPlace);
      continue;
    }
    GazList l;
    if (list == "first") l = kListFirst;
    else if (list == "particle") l = kListParticle;
    else if (list == "org_head") l = kListOrgHead;
    else if (list == "loc_head") l = kListLocHead;
    else if (list == "title") l = kListTitle;
    else return Status::Corrupt("data/ner/name_lists.tsv: unknown list '" + std::string(list) + "'");
    for (std::string_view w : Split(Column(cols, 1), '|')) {
      if (!w.empty()) out->AddListWord(w, l);
    }
  }
  return Status::Ok();
}

}  // namespace marsad::ner
