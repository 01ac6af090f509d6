// Internal to ingest/: small helpers over simdjson On-Demand values used by
// JsonRecordReader: field-value-to-text conversion and error wording.
// Pure functions; thread-safe (each call works on the caller's document).
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

#include "ingest/owned_bytes.h"

namespace marsad::ingest::json {

namespace od = simdjson::ondemand;

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
bool IsBlank(std::string_view s);
std::string_view Trim(std::string_view s);
const char* TypeName(od::json_type t);   // "an array", "a number", ...
std::string Describe(simdjson::error_code e);  // message, plus a hint for truncation
size_t CountReplacements(std::string_view s);  // U+FFFD characters in s
// simdjson 3.0 has no document::at_end(): past the last token there is no location.
bool AtEnd(od::document& doc);
OwnedBytes Copy(std::string_view s);  // a padded copy
simdjson::padded_string_view PaddedView(Bytes b);  // REQUIRES: b.padded

// Converts a field value to text: strings as they are, numbers and booleans as
// written, null as "", arrays of strings joined ("\n\n" if paragraphs, else ", "),
// objects by their "name" string. *is_string: a string or array (a text that may be
// empty), as opposed to null or a scalar.
simdjson::error_code ValueText(od::value value, bool paragraphs, std::string* out, bool* is_string);

}  // namespace marsad::ingest::json
