// Internal to ingest/: legacy-encoded HTML (windows-1256, ISO-8859-6, ... as older Arabic
// news sites serve) converted to UTF-8 with ICU, from the charset the page declares
// (<meta charset=...> or http-equiv content="...; charset=...") in its first 4 KiB.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace marsad::ingest {

// The charset a page declares, lower-cased ("windows-1256"), or "" if none.
std::string DeclaredCharset(std::string_view html);

// True for names meaning UTF-8 (or its ASCII subset), where no conversion is needed.
bool IsUtf8Name(std::string_view charset);

// Converts bytes in `charset` to UTF-8. Fails (kUnsupported) for a charset ICU does not
// know; bytes that do not map become U+FFFD.
Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset);

}  // namespace marsad::ingest
