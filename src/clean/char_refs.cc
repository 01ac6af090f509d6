#include "clean/char_refs.h"

#include <cstdint>
#include <utility>

#include "core/utf8.h"

namespace marsad::clean {

namespace {

constexpr std::pair<std::string_view, char32_t> kNamed[] = {
    {"nbsp", 0xA0},     {"amp", '&'},       {"quot", '"'},      {"lt", '<'},
    {"gt", '>'},        {"apos", '\''},     {"hellip", 0x2026}, {"laquo", 0xAB},
    {"raquo", 0xBB},    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"ndash", 0x2013},  {"mdash", 0x2014},  {"zwnj", 0x200C},
    {"zwj", 0x200D},    {"rlm", 0x200F},    {"lrm", 0x200E},    {"shy", 0xAD},
};

// The code point of the reference at s[0] == '&' and its length, or {0, 0}.
std::pair<char32_t, size_t> ParseReference(std::string_view s) {
  size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi < 2 || semi > 10) return {0, 0};
  std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return {0, 0};
    uint32_t v = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'                ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return {0, 0};
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (v > 0x10FFFF) v = 0x110000;  // saturate: invalid either way
    }
    bool valid = v != 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
    return {valid ? static_cast<char32_t>(v) : 0xFFFD, semi + 1};
  }
  for (const auto& [name, cp] : kNamed) {
    if (body == name) return {cp, semi + 1};
  }
  return {0, 0};
}

}  // namespace

std::string DecodeCharacterReferences(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      auto [cp, len] = ParseReference(s.substr(i));
      if (len) {
        utf8::Append(&out, cp);
        i += len;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string CleanField(std::string_view s) {
  std::string d = DecodeCharacterReferences(s);
  std::string_view v = d;
  for (;;) {
    if (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
      v.remove_prefix(1);
    } else if (v.size() >= 2 && v.substr(0, 2) == "\xC2\xA0") {
      v.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!v.empty() && (v.back() == ' ' || v.back() == '\t')) {
      v.remove_suffix(1);
    } else if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") {
      v.remove_suffix(2);
    } else {
      break;
    }
  }
  return std::string(v);
}

}  // namespace marsad::clean
