#include "ingest/charset_converter.h"

#include <unicode/ucnv.h>

#include <cctype>
#include <memory>

#include "core/ascii.h"

namespace marsad::ingest {

std::string DeclaredCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 4096));
  // Both <meta charset="x"> and content="text/html; charset=x" contain "charset=".
  size_t p = head.find("charset=");
  if (p == std::string::npos) return {};
  p += 8;
  while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
  size_t e = p;
  while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' ||
                             head[e] == '_' || head[e] == '.' || head[e] == ':')) {
    ++e;
  }
  return head.substr(p, e - p);
}

bool IsUtf8Name(std::string_view charset) {
  return charset == "utf-8" || charset == "utf8" || charset == "us-ascii" || charset == "ascii";
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> from(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !from) {
    return Status::Unsupported("the page declares charset \"" + charset + "\", which is not a known encoding");
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> to(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) return Status::Internal("ICU has no UTF-8 converter");
  // Arabic single-byte text grows to at most 3 bytes per input byte in UTF-8.
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, /*reset=*/true, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    return Status::Corrupt(std::string("cannot convert from ") + charset + ": " + u_errorName(status));
  }
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

}  // namespace marsad::ingest
