#include "core/utf8.h"

namespace marsad::utf8 {

char32_t DecodeNext(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = *pos;
  const size_t n = s.size();
  unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  int len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kReplacement;
  }
  if (i + len > n) {
    *pos = i + 1;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char b = p[i + k];
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacement;
  }
  *pos = i + len;
  return cp;
}

void Append(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A replacement is "real" (came from bad bytes) only if the source bytes were not
// an encoded U+FFFD themselves.
static bool IsEncodedReplacement(std::string_view s, size_t start, size_t end) {
  return end - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD";
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t start = i;
    if (DecodeNext(s, &i) == kReplacement && !IsEncodedReplacement(s, start, i)) return false;
  }
  return true;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (unsigned char c : s) count += (c & 0xC0) != 0x80;
  return count;
}

Repaired Repair(std::string_view s) {
  Repaired r;
  r.text.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) {
        ++r.invalid_sequences;
      } else {
        r.text.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeNext(s, &i);
    if (cp == kReplacement && !IsEncodedReplacement(s, start, i)) ++r.invalid_sequences;
    if (cp == kReplacement) {
      Append(&r.text, cp);
    } else {
      r.text.append(s.substr(start, i - start));
    }
  }
  return r;
}

size_t ByteOffsetOfCodePoint(std::string_view s, size_t cp_index) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == cp_index) return i;
      ++count;
    }
  }
  return s.size();
}

}  // namespace marsad::utf8
