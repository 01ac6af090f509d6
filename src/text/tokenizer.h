// Tokeniser for Arabic news text. Knows Arabic punctuation (، ؛ ؟ « » “ ”), numbers
// (incl. 1,000.5 and 12:30), Latin words, URLs, e-mails, @handles and #hashtags
// (Arabic hashtags with underscores too). Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace marsad::text {

enum class TokenKind { kArabicWord, kLatinWord, kNumber, kPunct, kUrl, kEmail, kHandle, kHashtag, kOther };

struct Token {
  std::string_view text;     // view into the tokenised string (bytes)
  uint32_t start = 0, end = 0;  // code point offsets into the tokenised string, [start, end)
  TokenKind kind = TokenKind::kOther;
};

// REQUIRES: valid UTF-8. Whitespace is never a token. Views live as long as `input`.
// Rules: docs/TEXT-NORMALISATION.md. Uses about 9 bytes of scratch per input byte.
std::vector<Token> Tokenize(std::string_view input);

}  // namespace marsad::text
