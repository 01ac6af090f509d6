// Gazetteer for the NER tagger's gazetteer features (docs/NER.md): multi-word names with a
// type (persons, organisations, media, countries, capitals, ... of the actor knowledge
// base data/actors/*.tsv), names of places that are not capitals and single-word lists
// (given names, name particles, head nouns of organisation and place names, titles):
// data/ner/name_lists.tsv.
//
// The NER library does not depend on src/actors (a later pipeline stage): the knowledge
// base files are read here, at load time, through core/embedded_data (so MARSAD_DATA_DIR
// overrides them like every data file). The features are type-level (the token is the
// first/inside/last word of a knowledge-base ORG of 3 words ...), so names added to the
// knowledge base later fire them without retraining; a model records only that it was
// trained with a gazetteer (kGazetteerMark in the resources hash), not its contents.
//
// Matching: patterns and text words are match keys (text::MatchKey); the first word of a
// pattern may carry proclitics in the text (text::CliticCandidates: والأمم المتحدة,
// للأمم المتحدة); leftmost-longest, non-overlapping. Immutable after building: thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "text/clitics.h"

namespace marsad::ner {

// Types of multi-word entries (bit numbers of Gazetteer::Match::types).
enum GazType : uint32_t {
  kGazPerson = 0,   // people.tsv full and short forms
  kGazPersonCtx,    // people.tsv context-only forms (also common words)
  kGazOrg,          // organisations.tsv forms
  kGazOrgCtx,       // organisations.tsv context-only forms
  kGazMedia,        // media.tsv forms
  kGazCountry,      // countries.tsv Arabic names, country_names.tsv name
  kGazCapital,      // country_names.tsv capital (cities)
  kGazSeat,         // country_names.tsv seat (الكرملين، البيت الأبيض)
  kGazAdjective,    // country adjectives and their inflected forms (روسي، الروسية ...)
  kGazTitle,        // role_phrases.tsv title phrases (رئيس الوزراء)
  kGazPlace,        // data/ner/name_lists.tsv place: cities, regions, seas, rivers (not capitals)
  kNumGazTypes
};

// Single-word lists (bit numbers of Gazetteer::WordLists).
enum GazList : uint32_t { kListFirst = 0, kListParticle, kListOrgHead, kListLocHead, kListTitle, kNumGazLists };

// Changes whenever the gazetteer's features change meaning: part of a model's resources hash.
inline constexpr uint64_t kGazetteerMark = 0x47415A0000000001ULL;  // "GAZ" v1

class Gazetteer {
 public:
  // Per-word lookup result, computed once per distinct word (WordInfo).
  struct WordIds {
    std::array<uint32_t, 3> ids{};  // [0] exact word id; [1], [2] ids of clitic-split stems (0 = none)
    uint32_t lists = 0;             // GazList bits of the word or of a clitic-split stem
  };
  struct Match {
    uint32_t first = 0, last = 0;  // word indexes [first, last)
    uint32_t types = 0;            // GazType bits
  };

  // The default gazetteer: the knowledge base data/actors/*.tsv and data/ner/name_lists.tsv
  // from core/embedded_data. Fails if the knowledge base is not there.
  static Status BuildDefault(Gazetteer* out);

  // Adds a pattern given as text (tokenised and match-keyed like the tagger's input).
  void Add(std::string_view phrase, GazType type);
  void AddListWord(std::string_view word, GazList list);

  bool empty() const { return patterns_ == 0 && lists_.empty(); }
  size_t pattern_count() const { return patterns_; }

  // REQUIRES: token is one token of text::Tokenize.
  WordIds Lookup(std::string_view token) const;
  // The same from the token's match key and its text::CliticCandidates (as the feature
  // extractor has them; empty for words that are not Arabic).
  WordIds LookupKey(std::string_view match_key, const std::vector<text::CliticSplit>& splits) const;
  // Leftmost-longest non-overlapping matches over a sentence's word ids.
  void FindMatches(const std::vector<const WordIds*>& words, std::vector<Match>* out) const;

 private:
  uint32_t WordId(std::string_view key) const;
  uint32_t InternWord(const std::string& key);
  uint32_t Child(uint32_t node, uint32_t word) const;

  std::unordered_map<std::string, uint32_t> vocab_;  // match key -> word id (from 1)
  std::unordered_map<uint64_t, uint32_t> edges_;     // node << 32 | word -> child node
  std::vector<uint32_t> node_types_{0};              // node 0 = root
  std::unordered_map<std::string, uint32_t> lists_;  // match key -> GazList bits
  size_t patterns_ = 0;
};

}  // namespace marsad::ner
