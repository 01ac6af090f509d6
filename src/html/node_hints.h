// What an element's class and id attributes hint about its role (internal to src/html/).
// The vocabulary lives in data/html/class_hints.tsv. Thread-safe after construction;
// use NodeHints::Default() for the shared, lazily built instance.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::html {

struct HintVerdict {
  bool positive = false;  // "article", "content", "story", ...
  bool negative = false;  // "comment", "sidebar", "share", ...: boilerplate
  bool weak = false;      // "widget", "meta", "gallery", ...: lowers a score only
};

class NodeHints {
 public:
  // Parses tsv text in the class_hints.tsv format; malformed lines are skipped.
  explicit NodeHints(std::string_view tsv);
  static const NodeHints& Default();

  // class_and_id: the class and id attribute values joined by a space (any case).
  HintVerdict Classify(std::string_view class_and_id) const;

 private:
  struct Hint {
    std::string text;
    char sign;  // '+', '-' or '~'
    bool whole_word;
  };
  std::vector<Hint> hints_;
  std::array<std::vector<uint16_t>, 256> by_first_byte_;  // hint indices by first byte
};

}  // namespace marsad::html
