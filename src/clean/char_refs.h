// Internal to src/clean: HTML character references left in plain-text fields by scrapers
// ("&#8220;موسوعة&#8221;", "&nbsp;عكاظ (جدة)", "AT&amp;T"). Decodes numeric references
// (&#8220; &#x201C;) and the named ones that occur in news text (nbsp, amp, quot, lt, gt,
// apos, hellip, laquo, raquo, ldquo, rdquo, lsquo, rsquo, ndash, mdash, zwnj, zwj, rlm,
// lrm, shy). Anything else, including a bare "&" and unknown names, is kept as written.
// Invalid code points (0, surrogates, > U+10FFFF) become U+FFFD. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace marsad::clean {

std::string DecodeCharacterReferences(std::string_view s);

// Decoded, then stripped of leading/trailing spaces, tabs and no-break spaces.
std::string CleanField(std::string_view s);

}  // namespace marsad::clean
