#include "token_f1.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <unordered_map>

#include "core/utf8.h"

namespace marsad::html_eval {

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::DecodeNext(text, &pos);
    const UChar32 c = static_cast<UChar32>(cp);
    if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
      utf8::Append(&current, static_cast<char32_t>(u_tolower(c)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

TokenScore ScoreTokens(std::string_view extracted, std::string_view truth) {
  const std::vector<std::string> got = Tokenize(extracted);
  const std::vector<std::string> want = Tokenize(truth);
  TokenScore s;
  if (got.empty() && want.empty()) return {1, 1, 1};
  if (got.empty() || want.empty()) return s;
  std::unordered_map<std::string_view, int64_t> counts;
  for (const std::string& t : want) ++counts[t];
  int64_t overlap = 0;
  for (const std::string& t : got) {
    auto it = counts.find(t);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  s.precision = static_cast<double>(overlap) / got.size();
  s.recall = static_cast<double>(overlap) / want.size();
  s.f1 = overlap == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

bool IsDevPage(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view host = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  uint32_t h = 2166136261u;
  for (char c : host) {
    h ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    h *= 16777619u;
  }
  return h % 2 == 0;
}

}  // namespace marsad::html_eval
