#include "ingest/encoding_sniffer.h"

#include <cstdint>
#include <string>

#include "core/utf8.h"

namespace marsad::ingest {
namespace {

void AppendUtf8(std::string* out, char32_t cp) { utf8::Append(out, cp); }

// UTF-16 -> UTF-8; a lone surrogate or an odd trailing byte becomes U+FFFD.
size_t ConvertUtf16(std::string_view in, bool little_endian, std::string* out) {
  size_t invalid = 0;
  auto unit = [&](size_t i) -> uint16_t {
    auto b0 = static_cast<unsigned char>(in[i]), b1 = static_cast<unsigned char>(in[i + 1]);
    return little_endian ? static_cast<uint16_t>(b0 | (b1 << 8)) : static_cast<uint16_t>((b0 << 8) | b1);
  };
  size_t i = 0;
  while (i + 1 < in.size()) {
    uint16_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < in.size()) {
        uint16_t low = unit(i);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          i += 2;
          AppendUtf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (low - 0xDC00));
          continue;
        }
      }
      AppendUtf8(out, utf8::kReplacement);
      ++invalid;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      AppendUtf8(out, utf8::kReplacement);
      ++invalid;
    } else if (u == 0) {
      ++invalid;  // NUL is dropped, as utf8::Repair does
    } else {
      AppendUtf8(out, u);
    }
  }
  if (i < in.size()) {  // odd byte count: the file was cut in the middle of a unit
    AppendUtf8(out, utf8::kReplacement);
    ++invalid;
  }
  return invalid;
}

}  // namespace

Magic SniffMagic(std::string_view b) {
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B) {
    return Magic::kGzip;
  }
  if (b.size() >= 4 && b[0] == 'P' && b[1] == 'K' &&
      ((b[2] == '\x03' && b[3] == '\x04') || (b[2] == '\x05' && b[3] == '\x06'))) {
    return Magic::kZip;
  }
  return Magic::kNone;
}

UnicodeText DecodeUnicode(Bytes in) {
  UnicodeText out;
  std::string_view d = in.data;
  if (d.size() >= 3 && d.substr(0, 3) == "\xEF\xBB\xBF") {
    // Dropping bytes at the front keeps the end (and its padding) where it was.
    out.bytes = Bytes{d.substr(3), in.padded};
    return out;
  }
  bool le = d.size() >= 2 && d.substr(0, 2) == "\xFF\xFE";
  bool be = d.size() >= 2 && d.substr(0, 2) == "\xFE\xFF";
  if (!le && !be) {
    out.bytes = in;
    return out;
  }
  std::string utf8;
  utf8.reserve(d.size() * 3 / 2);
  out.invalid = ConvertUtf16(d.substr(2), le, &utf8);
  out.storage.Resize(utf8.size());
  utf8.copy(out.storage.data(), utf8.size());
  out.bytes = out.storage.view();
  out.encoding = le ? "UTF-16LE" : "UTF-16BE";
  return out;
}

double NonTextFraction(std::string_view s) {
  s = s.substr(0, 64 * 1024);
  size_t total = 0, bad = 0, i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    ++total;
    if (c < 0x80) {
      ++i;
      bool ok_control = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B;
      if (c == 0x7F || (c < 0x20 && !ok_control)) ++bad;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::DecodeNext(s, &i);
    // A multi-byte sequence cut by the 64 KiB sample window is not evidence of binary.
    if (cp == utf8::kReplacement && i == start + 1 && s.size() - start >= 4) ++bad;
  }
  return total == 0 ? 0.0 : static_cast<double>(bad) / static_cast<double>(total);
}

}  // namespace marsad::ingest
