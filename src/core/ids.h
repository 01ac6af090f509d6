// Stable identifiers. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace marsad {

// 24 lowercase hex digits (96 bits of XXH3-128) of the bytes. Stable across runs,
// machines and versions: it is the article id, so never change the function.
std::string StableId(std::string_view bytes);

// 16 hex digits of XXH3-64; for content hashes and other internal keys.
std::string ShortHash(std::string_view bytes);

}  // namespace marsad
