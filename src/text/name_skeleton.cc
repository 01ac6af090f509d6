#include "text/name_skeleton.h"

#include <unordered_map>
#include <unordered_set>

#include "core/embedded_data.h"
#include "text/char_tables.h"
#include "text/normalizer.h"

namespace marsad::text {
namespace {

using internal::DecodeAll;

struct Classes {
  std::unordered_map<char32_t, char32_t> map;
  std::unordered_set<char32_t> vowels, drop;
};

const Classes& Table() {
  static const Classes c = [] {
    Classes r;
    for (const std::string& line : DataLines("text/name_skeleton.tsv")) {
      std::vector<std::u32string> f;
      size_t start = 0;
      while (start <= line.size()) {
        const size_t tab = std::min(line.find('\t', start), line.size());
        f.push_back(DecodeAll(std::string_view(line).substr(start, tab - start)));
        start = tab + 1;
      }
      if (f.size() == 3 && f[0] == U"map" && f[1].size() == 1 && f[2].size() == 1) r.map[f[1][0]] = f[2][0];
      if (f.size() == 2 && f[0] == U"vowel" && f[1].size() == 1) r.vowels.insert(f[1][0]);
      if (f.size() == 2 && f[0] == U"drop" && f[1].size() == 1) r.drop.insert(f[1][0]);
    }
    // Latin spellings (match-key level is lower case): vowels only.
    for (char32_t v : U"aeiouy") {
      if (v != 0) r.vowels.insert(v);
    }
    return r;
  }();
  return c;
}

}  // namespace

// Steps (docs/TEXT-NORMALISATION.md, "Name skeleton"): match key; letter classes; drop the
// long vowels between the first and the last letter (transliterations disagree mostly on
// them: ترامب/ترمب); collapse letters written twice in a row. First and last letters stay, so روسيا and
// روس, ترامب and ترام keep apart.
std::string NameSkeleton(std::string_view word) {
  const Classes& t = Table();
  std::u32string letters;
  for (char32_t c : DecodeAll(MatchKey(word))) {
    if (t.drop.count(c) != 0) continue;
    auto it = t.map.find(c);
    letters.push_back(it == t.map.end() ? c : it->second);
  }
  std::u32string out;
  out.reserve(letters.size());
  for (size_t i = 0; i < letters.size(); ++i) {
    const char32_t c = letters[i];
    const bool inner = i > 0 && i + 1 < letters.size();
    if (inner && t.vowels.count(c) != 0) continue;
    if (i > 0 && letters[i - 1] == c) continue;  // doubled letter (written twice)
    out.push_back(c);
  }
  return internal::EncodeAll(out);
}

}  // namespace marsad::text
