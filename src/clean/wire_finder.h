// Internal to src/clean: which news agencies a text attributes its report to, from
// data/clean/wires.tsv (Arabic and Latin variants -> English name). One pass over the
// words of the text with hash lookups of 1-3 word windows, so the cost does not grow
// with the number of variants. Thread-safe after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marsad::clean {

class WireFinder {
 public:
  WireFinder();
  // English names in order of first mention, without repeats.
  std::vector<std::string> Find(std::string_view text) const;

 private:
  // Folded variant (MatchKey words joined by one space) -> index into names_.
  std::unordered_map<std::string, size_t> folded_;
  // Case-sensitive ALL-CAPS Latin acronyms ("AP", "AFP") -> index.
  std::unordered_map<std::string, size_t> acronyms_;
  // Variants that only count inside parentheses: MatchKey "(قنا)" -> index.
  std::vector<std::pair<std::string, size_t>> parenthesised_;
  std::vector<std::string> names_;
};

}  // namespace marsad::clean
