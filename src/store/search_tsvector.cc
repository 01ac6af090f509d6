#include "store/search_tsvector.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace marsad::store {

std::string TsQuoted(std::string_view lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

std::string SearchTsVector(TermAnalyzer& analyzer, std::string_view title, std::string_view text) {
  // Positions of each lexeme, ascending, with the weight in the top bit (1 = title, A).
  std::unordered_map<std::string, std::vector<uint32_t>> lexemes;
  std::vector<WordPiece> pieces;
  std::vector<std::string_view> terms;
  uint32_t position = 0;
  size_t lexeme_bytes = 0;
  auto add = [&](std::string_view input, uint32_t weight_bit) {
    ForEachWordTerms(
        input, pieces, terms,
        [&](const WordPiece& p, std::vector<std::string_view>* out) { analyzer.IndexTerms(p.text, p.arabic, out); },
        [&](bool colocated, std::string_view term, size_t, size_t) {
          if (!colocated) ++position;
          auto it = lexemes.find(std::string(term));
          if (it == lexemes.end()) {
            if (lexeme_bytes + term.size() > kMaxTsLexemeBytes) return 0;
            lexeme_bytes += term.size();
            it = lexemes.emplace(std::string(term), std::vector<uint32_t>()).first;
          }
          std::vector<uint32_t>& at = it->second;
          const uint32_t pos = std::min(position, kMaxTsPosition);
          // Ascending by construction; a clamped position is kept once, like PostgreSQL.
          if (at.size() < kMaxTsPositionsPerLexeme && (at.empty() || (at.back() & 0x7FFFFFFF) != pos)) {
            at.push_back(pos | weight_bit);
          }
          return 0;
        });
  };
  add(title, 0x80000000u);
  if (position > 0) ++position;  // the gap between title and text
  add(text, 0);

  // Sorted by lexeme so that the output does not depend on hash order.
  std::vector<const std::pair<const std::string, std::vector<uint32_t>>*> sorted;
  sorted.reserve(lexemes.size());
  for (const auto& entry : lexemes) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string out;
  for (const auto* entry : sorted) {
    if (!out.empty()) out += ' ';
    out += TsQuoted(entry->first);
    char sep = ':';
    for (uint32_t p : entry->second) {
      out += sep;
      out += std::to_string(p & 0x7FFFFFFF);
      out += (p & 0x80000000u) ? 'A' : 'B';
      sep = ',';
    }
  }
  return out;
}

}  // namespace marsad::store
