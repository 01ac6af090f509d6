// Internal to src/clean: the boilerplate marker phrases (data/clean/markers.tsv), the
// share-bar vocabulary (share_words.txt) and the common headline words (common_words.txt),
// all compared on MatchKey text, and the line-level tests built on them.
// Thread-safe after construction (const methods).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace marsad::clean {

enum class MarkerMode { kSection, kLabel, kPrefix, kContains, kTail, kWhole };

struct MarkerHit {
  std::string kind;   // export-format kind: read-also, tags, source-line, app-promo, ...
  MarkerMode mode = MarkerMode::kContains;
  std::string value;  // kLabel/kPrefix/kSection/kTail: the rest of the line after the phrase
  size_t cut = 0;     // kTail: byte offset in the line where the removed tail starts
};

class MarkerTable {
 public:
  MarkerTable();  // loads the data files (an absent file gives an empty table)

  // The marker a display-normalised line carries, if any. Precedence: whole, section,
  // label, prefix (lines of <= 40 words), contains (<= 20 words; social-embed <= 60), tail.
  std::optional<MarkerHit> Match(std::string_view line) const;

  // A short line (<= 15 words) made mostly (>= 70% of its words) of share vocabulary.
  bool IsShareBar(std::string_view line) const;

  // REQUIRES: `key` is a single MatchKey word.
  bool IsCommonWord(const std::string& key) const { return common_.count(key) > 0; }

 private:
  struct Phrase {
    std::string kind;
    MarkerMode mode;
    std::string key;  // MatchKey of the phrase
  };
  std::vector<Phrase> phrases_;
  std::unordered_set<std::string> share_;   // single share words (MatchKey)
  std::vector<std::string> share_phrases_;  // multi-word share phrases (MatchKey)
  std::unordered_set<std::string> common_;
};

// Number of whitespace-separated words.
size_t CountWords(std::string_view s);

}  // namespace marsad::clean
