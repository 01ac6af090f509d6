// The events stage: CAMEO-coded events ("who did what to whom, where, when") and quotes
// ("who said it") from the sentences of an article whose actors are already resolved.
// Patterns, word orders, modes, dates, confidence and measured quality: docs/EVENTS.md.
//
// For each sentence (text::SplitSentences of Article::text) the coder finds trigger words
// of data/events/verbs.tsv (every conjugation, clitics, masdar forms), then the source and
// target among the sentence's entity mentions for Arabic word orders (VSO, SVO, nominal,
// passive "من قبل", "بين X و Y", "مع", "تلقى ... اتصالا من"), compound actors (one event
// per member; both directions for symmetric codes such as talks), and keeps reporters
// apart from actors (the clause after "قالت بلومبرج إن" is coded on its own; actors after
// بحسب/نقلا عن and MEDIA entities are never event actors).
#pragma once

#include <memory>
#include <string>

#include "core/article.h"
#include "core/status.h"

namespace marsad::events {

class Lexicon;
class CameoTable;
class DateResolver;

class EventCoder {
 public:
  ~EventCoder();
  EventCoder(EventCoder&&) noexcept;
  EventCoder& operator=(EventCoder&&) noexcept;

  // Loads the patterns, reporting verbs, function words and the CAMEO table embedded from
  // data/events (MARSAD_DATA_DIR overrides, see core/embedded_data.h). Corrupt names the
  // bad file:line.
  static Result<std::unique_ptr<EventCoder>> LoadDefault();

  // REQUIRES: article.text (display-normalised, valid UTF-8) and article.entities (with
  // mentions: code points into text) set; article.published (ISO date or datetime)
  // optional: without it relative dates ("الثلاثاء", "أمس") stay unresolved.
  // Replaces article.events and article.quotes. Entities count as event actors when they
  // have a CAMEO code or a country and are not MEDIA; any entity may be a speaker.
  // Never fails; mentions outside the text are ignored. Thread-safe (const, no shared
  // mutable state).
  void Code(Article& article) const;

  // The CAMEO table this coder uses (for callers that show code names).
  const CameoTable& cameo() const { return *cameo_; }

 private:
  EventCoder(std::unique_ptr<Lexicon> lexicon, std::unique_ptr<CameoTable> cameo);
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<CameoTable> cameo_;
  std::unique_ptr<DateResolver> dates_;
};

// The key under which the same real-world event reported by different articles merges:
//   story_id | source actor | target actor | cameo_code | mode | date
// where an actor is its CAMEO actor code (entity id when it has none, "-" when absent)
// and date is the event date or "-". Two reports of one meeting in one story on one day
// share a key; the two directions of a symmetric event do not (they are two events).
std::string EventMergeKey(const Event& e, const std::string& story_id);

}  // namespace marsad::events
