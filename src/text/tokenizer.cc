#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <array>
#include <memory>
#include <string>

#include "text/char_tables.h"

namespace marsad::text {
namespace {

enum class Cls : uint8_t { kSpace, kFormat, kArabic, kLatin, kDigit, kPunct, kOther };

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

Cls ClassifySlow(char32_t c) {
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Cls::kLatin;
    if (c >= '0' && c <= '9') return Cls::kDigit;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return Cls::kSpace;
    if (c < 0x20 || c == 0x7F) return Cls::kOther;
    return Cls::kPunct;
  }
  if (internal::IsArabicLetter(c)) return Cls::kArabic;
  if (IsSpace(c)) return Cls::kSpace;
  if (internal::IsFormatMark(c)) return Cls::kFormat;
  if (IsDigit(c)) return Cls::kDigit;
  const auto u = static_cast<UChar32>(c);
  // Other scripts' letters (and their marks) make "Latin" words: the kind says "not Arabic".
  if (u_isalpha(u) || (u_getCombiningClass(u) != 0 && c < 0x0600)) return Cls::kLatin;
  if (u_ispunct(u)) return Cls::kPunct;
  return Cls::kOther;
}

// Classes of U+0000-U+07FF (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic) from a table.
const std::array<Cls, 0x800>& ClassTable() {
  static const auto table = [] {
    std::array<Cls, 0x800> t{};
    for (char32_t cp = 0; cp < 0x800; ++cp) t[cp] = ClassifySlow(cp);
    return t;
  }();
  return table;
}

bool IsAsciiAlnum(char32_t c) {
  return (c < 0x80) && (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'));
}

// The tokeniser works on a decoded copy so that look-ahead (URLs, e-mails, numbers) is
// plain indexing; offsets are code points, views are cut from the byte offsets.
class Scanner {
 public:
  // The decoded arrays are sized for the worst case (one code point a byte): 9 bytes of
  // scratch per input byte, uninitialised, filled by one tight loop.
  explicit Scanner(std::string_view in)
      : in_(in),
        cps_(std::make_unique_for_overwrite<char32_t[]>(in.size() + 1)),
        cls_(std::make_unique_for_overwrite<Cls[]>(in.size() + 1)),
        at_(std::make_unique_for_overwrite<uint32_t[]>(in.size() + 1)) {
    const std::array<Cls, 0x800>& table = ClassTable();
    size_t k = 0;
    for (size_t pos = 0; pos < in.size(); ++k) {
      at_[k] = static_cast<uint32_t>(pos);
      const char32_t c = internal::Decode(in, &pos);
      cps_[k] = c;
      cls_[k] = c < 0x800 ? table[c] : ClassifySlow(c);
    }
    at_[k] = static_cast<uint32_t>(in.size());
    n_ = k;
  }

  std::vector<Token> Run() {
    std::vector<Token> out;
    out.reserve(n_ / 4 + 1);
    const size_t n = n_;
    size_t i = 0;
    while (i < n) {
      const Cls c = cls_[i];
      if (c == Cls::kSpace || c == Cls::kFormat) {
        ++i;
        continue;
      }
      size_t end;
      TokenKind kind;
      if ((end = Url(i)) > i) {
        kind = TokenKind::kUrl;
      } else if ((end = Email(i)) > i) {
        kind = TokenKind::kEmail;
      } else if (c == Cls::kArabic) {
        end = Run(i, [&](size_t k) { return cls_[k] == Cls::kArabic || JoinerInWord(k, Cls::kArabic); });
        kind = TokenKind::kArabicWord;
      } else if (c == Cls::kLatin) {
        end = Latin(i);
        kind = TokenKind::kLatinWord;
      } else if (c == Cls::kDigit) {
        end = Number(i);
        kind = TokenKind::kNumber;
        if (end < n && cls_[end] == Cls::kLatin && cps_[end] < 0x80) {  // 5G, 3D
          end = Latin(end);
          kind = TokenKind::kLatinWord;
        }
      } else if (cps_[i] == '@' && (end = Tagged(i, false)) > i) {
        kind = TokenKind::kHandle;
      } else if (cps_[i] == '#' && (end = Tagged(i, true)) > i) {
        kind = TokenKind::kHashtag;
      } else if (c == Cls::kPunct) {
        end = Run(i, [&](size_t k) { return cps_[k] == cps_[i]; });  // "..." "!!" "؟؟"
        kind = TokenKind::kPunct;
      } else {
        end = i + 1;
        kind = TokenKind::kOther;
      }
      out.push_back(Token{in_.substr(at_[i], at_[end] - at_[i]), static_cast<uint32_t>(i),
                          static_cast<uint32_t>(end), kind});
      i = end;
    }
    return out;
  }

 private:
  template <typename Pred>
  size_t Run(size_t i, Pred in_word) const {
    size_t k = i + 1;
    while (k < n_ && in_word(k)) ++k;
    return k;
  }

  bool WordChar(size_t k) const {
    const Cls c = cls_[k];
    return c == Cls::kArabic || c == Cls::kLatin || c == Cls::kDigit || cps_[k] == '_';
  }
  // ZWNJ/ZWJ (and other format marks) inside a word, between two letters of `cls`.
  bool JoinerInWord(size_t k, Cls cls) const {
    return cls_[k] == Cls::kFormat && k + 1 < n_ && cls_[k + 1] == cls;
  }

  bool StartsWithAscii(size_t i, std::string_view word) const {
    if (i + word.size() > n_) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      char32_t c = cps_[i + k];
      if (c >= 'A' && c <= 'Z') c |= 0x20;
      if (c != static_cast<unsigned char>(word[k])) return false;
    }
    return true;
  }

  size_t Url(size_t i) const {
    if ((cps_[i] | 0x20) != 'h' && (cps_[i] | 0x20) != 'w') return i;
    if (i > 0 && WordChar(i - 1)) return i;
    size_t k;
    if (StartsWithAscii(i, "https://")) {
      k = i + 8;
    } else if (StartsWithAscii(i, "http://")) {
      k = i + 7;
    } else if (StartsWithAscii(i, "www.")) {
      k = i + 4;
    } else {
      return i;
    }
    if (k >= n_ || cls_[k] == Cls::kSpace) return i;
    int open_parens = 0;
    for (; k < n_; ++k) {
      const char32_t c = cps_[k];
      if (cls_[k] == Cls::kSpace || c == '"' || c == '<' || c == '>' || c == 0xAB || c == 0xBB ||
          c == 0x201C || c == 0x201D || c == 0x060C || c == 0x061B) {
        break;
      }
      if (c == '(') ++open_parens;
      if (c == ')') --open_parens;
    }
    // Sentence punctuation after a URL is not part of it (unless a ')' closes a '(').
    while (k > i) {
      const char32_t c = cps_[k - 1];
      const bool trailing = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                            c == '\'' || c == 0x061F || c == ']' || c == '}' ||
                            (c == ')' && open_parens < 0);
      if (!trailing) break;
      if (c == ')') ++open_parens;
      --k;
    }
    return k;
  }

  size_t Email(size_t i) const {
    if (!IsAsciiAlnum(cps_[i]) || (i > 0 && (WordChar(i - 1) || cps_[i - 1] == '.'))) return i;
    auto local = [&](char32_t c) {
      return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    };
    size_t k = i;
    while (k < n_ && local(cps_[k])) ++k;
    if (k >= n_ || cps_[k] != '@' || cps_[k - 1] == '.') return i;
    // Domain: labels of [A-Za-z0-9-] separated by dots, at least two, last of 2+ letters.
    size_t j = k + 1, labels = 0, last_start = j, end = i;
    while (j < n_) {
      size_t s = j;
      while (j < n_ && (IsAsciiAlnum(cps_[j]) || cps_[j] == '-')) ++j;
      if (j == s) break;
      ++labels;
      last_start = s;
      end = j;
      if (j + 1 < n_ && cps_[j] == '.' && IsAsciiAlnum(cps_[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    if (labels < 2 || end - last_start < 2) return i;
    for (size_t m = last_start; m < end; ++m) {
      if (!((cps_[m] | 0x20) >= 'a' && (cps_[m] | 0x20) <= 'z')) return i;
    }
    return end;
  }

  size_t Number(size_t i) const {
    size_t k = i + 1;
    while (k < n_) {
      if (cls_[k] == Cls::kDigit) {
        ++k;
        continue;
      }
      const char32_t c = cps_[k];
      const bool sep = c == '.' || c == ',' || c == ':' || c == '/' || c == 0x066B || c == 0x066C;
      if (sep && k + 1 < n_ && cls_[k + 1] == Cls::kDigit) {
        k += 2;
        continue;
      }
      break;
    }
    return k;
  }

  size_t Latin(size_t i) const {
    const size_t n = n_;
    // Acronyms with dots: U.S. / U.N.
    if (cps_[i] >= 'A' && cps_[i] <= 'Z' && i + 3 < n && cps_[i + 1] == '.' && cps_[i + 2] >= 'A' &&
        cps_[i + 2] <= 'Z' && cps_[i + 3] == '.') {
      size_t k = i;
      while (k + 1 < n && cps_[k] >= 'A' && cps_[k] <= 'Z' && cps_[k + 1] == '.') k += 2;
      return k;
    }
    size_t k = i + 1;
    while (k < n) {
      const Cls c = cls_[k];
      if (c == Cls::kLatin || (c == Cls::kDigit && cps_[k] < 0x80) || JoinerInWord(k, Cls::kLatin)) {
        ++k;
      } else if ((cps_[k] == '\'' || cps_[k] == 0x2019) && k + 1 < n && cls_[k + 1] == Cls::kLatin) {
        k += 2;  // O'Brien, don't
      } else {
        break;
      }
    }
    return k;
  }

  // @handle (ASCII letters, digits, _) or #hashtag (any letters, digits, _; one letter at
  // least), not glued to a preceding word (that would be an e-mail or an anchor).
  size_t Tagged(size_t i, bool hashtag) const {
    if (i > 0 && WordChar(i - 1)) return i;
    size_t k = i + 1;
    bool letter = false;
    while (k < n_) {
      const char32_t c = cps_[k];
      const Cls cl = cls_[k];
      const bool ok = hashtag ? (cl == Cls::kArabic || cl == Cls::kLatin || cl == Cls::kDigit || c == '_' ||
                                 JoinerInWord(k, Cls::kArabic))
                              : (IsAsciiAlnum(c) || c == '_');
      if (!ok) break;
      letter = letter || cl == Cls::kArabic || cl == Cls::kLatin;
      ++k;
    }
    if (k == i + 1 || (hashtag && !letter)) return i;
    return k;
  }

  std::string_view in_;
  std::unique_ptr<char32_t[]> cps_;
  std::unique_ptr<Cls[]> cls_;
  std::unique_ptr<uint32_t[]> at_;
  size_t n_ = 0;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view input) { return Scanner(input).Run(); }

}  // namespace marsad::text
