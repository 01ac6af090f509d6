#include "text/clitics.h"

#include <algorithm>
#include <cstdlib>

#include "core/embedded_data.h"
#include "text/char_tables.h"

namespace marsad::text {
namespace {

using internal::DecodeAll;
using internal::EncodeAll;

struct Prefix {
  std::u32string letters;
  size_t min_stem = 2;
};

// Proclitic combinations, shortest first (so candidates come in growing prefix length).
const std::vector<Prefix>& Prefixes() {
  static const std::vector<Prefix> list = [] {
    std::vector<Prefix> v;
    for (const std::string& line : DataLines("text/proclitics.tsv")) {
      const size_t tab = line.find('\t');
      Prefix p;
      p.letters = DecodeAll(line.substr(0, tab));
      if (tab != std::string::npos) p.min_stem = std::max(1, std::atoi(line.c_str() + tab + 1));
      if (!p.letters.empty()) v.push_back(std::move(p));
    }
    std::stable_sort(v.begin(), v.end(),
                     [](const Prefix& a, const Prefix& b) { return a.letters.size() < b.letters.size(); });
    return v;
  }();
  return list;
}

const std::vector<std::u32string>& Suffixes() {
  static const std::vector<std::u32string> list = [] {
    std::vector<std::u32string> v;
    for (const std::string& line : DataLines("text/enclitics.txt")) v.push_back(DecodeAll(line));
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return v;
  }();
  return list;
}

bool StartsWith(std::u32string_view w, std::u32string_view p) {
  return w.size() >= p.size() && w.substr(0, p.size()) == p;
}

}  // namespace

std::vector<CliticSplit> CliticCandidates(std::string_view match_key_word) {
  std::vector<CliticSplit> out;
  out.push_back({"", std::string(match_key_word)});
  const std::u32string w = DecodeAll(match_key_word);
  if (w.empty() || !internal::IsArabicLetter(w[0])) return out;
  static constexpr char32_t kLam = 0x0644, kAlef = 0x0627;
  for (const Prefix& p : Prefixes()) {
    if (!StartsWith(w, p.letters) || w.size() - p.letters.size() < p.min_stem) continue;
    const std::u32string_view stem = std::u32string_view(w).substr(p.letters.size());
    out.push_back({EncodeAll(p.letters), EncodeAll(stem)});
    const size_t n = p.letters.size();
    if (n >= 2 && p.letters[n - 1] == kLam && p.letters[n - 2] == kLam) {
      // لل = ل + ال: the dictionary may list the word with its article.
      std::u32string with_article = {kAlef, kLam};
      with_article.append(stem);
      out.push_back({EncodeAll(std::u32string_view(p.letters).substr(0, n - 1)), EncodeAll(with_article)});
    }
  }
  return out;
}

std::vector<EncliticSplit> EncliticCandidates(std::string_view match_key_word) {
  std::vector<EncliticSplit> out;
  out.push_back({std::string(match_key_word), ""});
  const std::u32string w = DecodeAll(match_key_word);
  if (w.empty() || !internal::IsArabicLetter(w[0])) return out;
  static constexpr size_t kMinStem = 3;
  for (const std::u32string& s : Suffixes()) {
    if (w.size() < s.size() + kMinStem || w.compare(w.size() - s.size(), s.size(), s) != 0) continue;
    out.push_back({EncodeAll(std::u32string_view(w).substr(0, w.size() - s.size())), EncodeAll(s)});
  }
  return out;
}

}  // namespace marsad::text
