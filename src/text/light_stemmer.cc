#include "text/light_stemmer.h"

#include <vector>

#include "core/embedded_data.h"
#include "text/char_tables.h"

namespace marsad::text {
namespace {

using internal::DecodeAll;

struct Affixes {
  std::vector<std::u32string> prefixes, suffixes;
};

const Affixes& Lists() {
  static const Affixes a = [] {
    Affixes r;
    for (const std::string& line : DataLines("text/light_stemmer.tsv")) {
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      std::u32string letters = DecodeAll(std::string_view(line).substr(tab + 1));
      if (letters.empty()) continue;
      if (line.compare(0, tab, "prefix") == 0) r.prefixes.push_back(std::move(letters));
      if (line.compare(0, tab, "suffix") == 0) r.suffixes.push_back(std::move(letters));
    }
    return r;
  }();
  return a;
}

}  // namespace

// Light10 as described by Larkey et al.: drop a leading و when 3 letters remain, then the
// first article-like prefix that leaves 2 letters, then each suffix in list order while
// 2 letters remain. The minimum lengths are what keeps short words (ولد, بال) intact.
std::string LightStem(std::string_view match_key_word) {
  std::u32string w = DecodeAll(match_key_word);
  if (w.empty() || !internal::IsArabicLetter(w[0])) return std::string(match_key_word);
  static constexpr char32_t kWaw = 0x0648;
  static constexpr size_t kMinAfterWaw = 3, kMinStem = 2;
  if (w[0] == kWaw && w.size() >= 1 + kMinAfterWaw) w.erase(0, 1);
  const Affixes& a = Lists();
  for (const std::u32string& p : a.prefixes) {
    if (w.size() >= p.size() + kMinStem && w.compare(0, p.size(), p) == 0) {
      w.erase(0, p.size());
      break;
    }
  }
  for (const std::u32string& s : a.suffixes) {
    if (w.size() >= s.size() + kMinStem && w.compare(w.size() - s.size(), s.size(), s) == 0) {
      w.erase(w.size() - s.size());
    }
  }
  return internal::EncodeAll(w);
}

}  // namespace marsad::text
