// Token-level scoring of extracted text against ground truth, shared by the html_eval
// program and the html slow test.
//
// Tokenisation: the text is read as UTF-8 code points; a code point is part of a token
// when ICU calls it alphanumeric (u_isalnum) or a combining mark (general category M*,
// so Arabic harakat stay inside words); everything else (whitespace, punctuation,
// symbols) separates tokens. Tokens are lowercased code point by code point (u_tolower).
// Score: both texts become multisets of tokens; overlap = sum over tokens of
// min(count in extracted, count in truth); precision = overlap / |extracted|,
// recall = overlap / |truth|, F1 = 2PR / (P + R). Both empty: 1/1/1; one empty: 0/0/0.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace marsad::html_eval {

struct TokenScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

std::vector<std::string> Tokenize(std::string_view text);
TokenScore ScoreTokens(std::string_view extracted, std::string_view truth);

// Benchmark split by site, so pages of one site never straddle it: FNV-1a of the host
// name (lowercase, without "www."); even hashes are "dev" (used while tuning), odd ones
// "test" (held out).
bool IsDevPage(std::string_view url);

}  // namespace marsad::html_eval
