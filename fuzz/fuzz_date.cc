// Fuzzes clean::DateParser::Parse and FindAll (with and without a reference date).
// The text is passed through utf8::Repair first (the cleaner only hands it valid UTF-8).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clean/date_parser.h"
#include "core/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (64u << 10)) return 0;
  static const marsad::clean::DateParser parser;
  static const marsad::clean::DateValue reference = [] {
    auto v = marsad::clean::DateValue::Ymd(2025, 2, 17);
    v.hour = 12, v.minute = 0, v.second = 0;
    v.tz = "+03:00";
    return v;
  }();
  std::string text =
      marsad::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size)).text;

  auto parsed = parser.Parse(text);
  auto parsed_ref = parser.Parse(text, &reference);
  if (parsed.ok()) (void)parsed.value().ToIso();
  if (parsed_ref.ok()) (void)parsed_ref.value().ToIso();

  // Matches must lie inside the text ([start, end) in code points), at most max_matches.
  const size_t n = marsad::utf8::CountCodePoints(text);
  auto all = parser.FindAll(text, &reference);
  if (all.size() > 16) __builtin_trap();
  for (const auto& m : all) {
    if (m.start > m.end || m.end > n) __builtin_trap();
    (void)m.value.ToIso();
  }
  (void)parser.FindAll(text, nullptr, 4);
  return 0;
}
