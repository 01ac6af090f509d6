// Result and filter types of the Store's analytic queries (entities, events, quotes,
// dyads). Plain values. Included by store/store.h.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"

namespace marsad::store {

struct EntityFilter {
  std::optional<std::string> type;     // PERSON | ORG | GPE | LOC | MEDIA | OTHER
  std::optional<std::string> country;  // ISO3
  size_t limit = 50;                   // most articles first
};

struct EntitySummary {
  std::string id, name_en, name_ar, type;
  std::optional<std::string> country, cameo;
  uint64_t articles = 0, mentions = 0;
  std::optional<std::string> first_seen, last_seen;  // article dates
};

struct EntityDetail {
  EntitySummary summary;
  std::vector<std::pair<std::string, uint64_t>> by_day;        // article date -> articles
  std::vector<std::pair<std::string, uint64_t>> co_occurring;  // name_en -> shared articles
  std::vector<std::pair<std::string, uint64_t>> spellings;     // surface form -> mentions
};

// Actors match an entity id, a CAMEO code or its prefix ("RUS" matches "RUSGOV"), a
// country code, or a name (English, case-insensitive).
struct EventFilter {
  std::optional<std::string> actor, target;  // source / target actor
  std::optional<std::string> root, code, mode;
  std::optional<std::string> since, until;   // event date (else article date), ISO
  bool merged = true;  // one record per real-world event across articles (docs/EVENTS.md)
  size_t limit = 100;
};

struct EventRecord {
  Event event;                 // for merged records: the first report's fields
  std::string article_id;      // the first report
  std::optional<std::string> story_id, published, source;
  std::string date;            // event date, else article date
  uint64_t num_articles = 1, num_sources = 1;
  std::vector<std::string> article_ids;  // every report (merged records), ids in byte order
};

struct QuoteFilter {
  std::optional<std::string> speaker;  // entity id or name as written/resolved
  std::optional<std::string> since, until;
  size_t limit = 100;
};

struct QuoteRecord {
  Quote quote;
  std::string article_id;
  std::optional<std::string> published, source;
};

struct DyadPoint {
  std::string period;  // "2025-02-16", "2025-W07" or "2025-02"
  uint64_t events = 0;
  double mean_goldstein = 0;
  std::array<uint64_t, 4> quad_class{};  // events of QuadClass 1..4
};

struct DyadQuery {
  std::string a, b;                // actors (as in EventFilter)
  std::string by = "day";          // day | week | month
  bool directed = false;           // only a -> b (default: both directions)
  std::optional<std::string> since, until;
};

}  // namespace marsad::store
