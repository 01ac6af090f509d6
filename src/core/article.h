// The records that flow through the pipeline (see docs/ARCHITECTURE.md):
//   ingest -> RawDocument -> clean -> Article -> (dedup, stories, actors, events) -> store.
// Plain value types; thread-compatible (no internal synchronisation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marsad {

// What kind of bytes a RawDocument holds; decides which extractor the cleaner runs.
enum class DocFormat { kText, kHtml, kRecord /* JSON/TREC: fields already separated */ };

// Metadata an input format already carries (JSON fields, TREC tags). Empty = unknown.
struct DocHints {
  std::string title;
  std::string url;
  std::string source;     // outlet as given by the input (e.g. "alriyadh")
  std::string date;       // as written in the input (parsed later by the cleaner)
  std::string author;
  std::string crawl_date; // when the page was fetched, if known (resolves "اليوم")
};

// One document as read from an input, before any cleaning.
struct RawDocument {
  std::string input;     // where it came from: "path", "path!member", "path#record-7"
  DocFormat format = DocFormat::kText;
  std::string body;      // valid UTF-8 (readers repair invalid bytes, see invalid_utf8)
  DocHints hints;
  size_t invalid_utf8 = 0;  // number of invalid sequences replaced with U+FFFD
};

// A block the cleaner removed from the main text, with its kind (export-format.md).
struct RemovedBlock {
  std::string kind;  // read-also | related-headlines | tags | source-line | app-promo | ...
  std::string text;
};

// A secondary article appended to the page (e.g. under "إقرأ أيضاً").
struct RelatedArticle {
  std::optional<std::string> title;
  std::string text;
};

struct Mention {
  uint32_t start = 0, end = 0;  // code points into Article::text, [start, end)
  std::string text;
};

struct Entity {
  std::string id, name_en, name_ar;
  std::string type;  // PERSON | ORG | GPE | LOC | MEDIA | OTHER
  std::optional<std::string> country, cameo;
  std::vector<Mention> mentions;
};

struct Quote {
  std::optional<std::string> speaker;  // entity id
  std::string speaker_name, text;
  bool direct = false;
  uint32_t start = 0, end = 0;
};

struct EventActor {
  std::optional<std::string> entity;
  std::string name_en, cameo, country;
};

struct Event {
  EventActor source, target;
  std::string cameo_code, root, plover;
  int quad_class = 0;
  double goldstein = 0;
  std::string mode = "asserted";  // asserted | negated | future | hypothetical
  std::optional<std::string> date;
  std::string location_name;
  std::optional<std::string> location_country;
  std::string evidence_text;
  uint32_t evidence_start = 0, evidence_end = 0;
  double confidence = 0;
};

// A cleaned article: the unit that is stored, searched and exported.
struct Article {
  std::string id;     // stable: same input bytes -> same id (see core/ids.h)
  std::string input;
  std::optional<std::string> url, source, published, title;
  std::string published_signal;  // which signal the date came from (meta, text, input, ...)
  std::string language = "ar";
  std::string text;   // main body, display-normalised, paragraphs separated by "\n\n"
  std::vector<RemovedBlock> removed;
  std::vector<RelatedArticle> related;
  std::vector<std::string> wires, keywords;
  std::optional<std::string> author;
  std::string content_hash;  // hash of the match-key text: equal hashes = exact duplicates
  std::optional<std::string> duplicate_of, story_id;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  size_t invalid_utf8 = 0;   // repaired sequences in the input (flag for the user)
};

}  // namespace marsad
