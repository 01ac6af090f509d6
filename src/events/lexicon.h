// The event stage's word lists (internal to src/events): event patterns (data/events/
// verbs.tsv), reporting verbs (speech.tsv) and function words (markers.tsv), all compared
// on text::MatchKey text. Conjugated and cliticised forms are generated once at load time
// into hash tables, so looking a word up is a few hash probes (no stemming per word).
// Immutable after Load(); thread-safe to share.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace marsad::events {

// One line of verbs.tsv.
struct Pattern {
  std::string code;                  // CAMEO event code
  char pos = 'V';                    // V verb, N noun (masdar), W literal word, P participle
  std::vector<std::string> needs;    // match keys; empty = none
  std::vector<std::string> targets;  // "=", "*", "-" or a preposition (match key)
  bool sym = false, rev = false, one = false, obj = false;
  int line = 0;                      // 1-based line in verbs.tsv (for messages)
};

// A pattern a word matched.
struct TriggerHit {
  uint32_t pattern = 0;      // index into Lexicon::patterns()
  bool future = false;       // the word carried the future prefix س (ستستثمر)
  bool possessive = false;   // a noun with an attached pronoun (زيارته: his visit)
  bool coordinated = false;  // the word carried و/ف (وبحث: the subject may be elided)
  bool first_person = false; // a first-person verb form (نثير، رفضنا، أعارض): the speaker acts
};

enum class SpeechKind : uint8_t { kNone, kSay, kCont, kPart, kAttr, kSkip };

// Function-word classes of markers.tsv (bit set).
enum MarkerBit : uint32_t {
  kNeg = 1, kFuture = 2, kFutNoun = 4, kHypo = 8, kComp = 16, kBound = 32, kPrep = 64,
  kAgent = 128, kPartDay = 256, kYearWord = 512, kHead = 1024, kRole = 2048, kFiller = 4096,
  kSource = 8192, kFutScope = 16384, kNegScope = 32768,
  kWhere = 65536,  // شمال، شرق، أطراف: the place after it is where something happens
  kObjHead = 131072,  // مواقع، مقرات: the actor after it is acted on (قصف مواقع داعش), not acting
  kStance = 262144,   // ممانعة، معارضة: the act named after it is someone else's (عدم ممانعته نشر قوات)
};

// The pronoun forms of the complementiser أن/إن (match key: أنه، إنها، بأنهم) that open a
// reported statement; the plain أن/إن/بأن are `comp` markers of markers.tsv.
inline bool IsPronounComp(std::string_view w) {
  return w == "انه" || w == "انها" || w == "بانه" || w == "بانها" || w == "انهم" || w == "بانهم" || w == "انهما";
}

struct StrHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StrMap = std::unordered_map<std::string, V, StrHash, std::equal_to<>>;

class Lexicon {
 public:
  // Corrupt names file:line of a malformed line (unknown pos, empty forms, bad flag).
  static Result<std::unique_ptr<Lexicon>> Load();

  const std::vector<Pattern>& patterns() const { return patterns_; }

  // Appends the patterns `key` (one match-key word) is a form of, in file order.
  void Lookup(std::string_view key, std::vector<TriggerHit>* out) const;
  // True if `key` (with proclitics or tanween) is one of the pattern's needed words.
  bool Needs(const Pattern& p, std::string_view key) const;
  SpeechKind Speech(std::string_view key) const;
  // Marker bits of the word (a leading و/ف is also tried without it).
  uint32_t Markers(std::string_view key) const;
  // Markers without the content-noun classes (objhead, stance): non-zero for the function
  // words (particles, prepositions, heads, roles ...) that end a name or a plain noun.
  uint32_t FunctionMarkers(std::string_view key) const { return Markers(key) & ~(kObjHead | kStance); }
  // The word without a leading و/ف when the rest is a marker (ومع -> مع), else the word.
  std::string_view MarkerWord(std::string_view key) const;
  int Weekday(std::string_view key) const;  // ISO 1-7, 0 = not a weekday name
  int Month(std::string_view key) const;    // Gregorian month name (data/clean/months.tsv), 0 = none
  // The proclitic splits a word may have (longest prefix last), as byte lengths of the
  // prefix; only prefixes of data/text/proclitics.tsv (and س forms) are considered.
  void Prefixes(std::string_view key, std::vector<uint32_t>* prefix_bytes) const;

 private:
  struct Form { uint32_t pattern; bool present; bool possessive = false; bool first_person = false; };
  Status LoadPatterns();
  Status LoadSpeech();
  Status LoadMarkers();
  void AddVerb(std::string_view past, std::string_view present, uint32_t pattern);
  void AddNoun(std::string_view noun, uint32_t pattern);
  void AddForm(const std::string& form, uint32_t pattern, bool present, bool possessive = false,
               bool first_person = false);

  std::vector<Pattern> patterns_;
  StrMap<std::vector<Form>> forms_;
  StrMap<SpeechKind> speech_;
  StrMap<uint32_t> markers_;
  StrMap<int> weekdays_, months_;
  std::vector<std::string> prefixes_;  // proclitic combinations, shortest first
  bool no_enclitics_ = false;          // while generating reporting verbs
};

}  // namespace marsad::events
