// The actor knowledge base (internal to the actors stage): data/actors/*.tsv loaded into
// entities, matcher patterns and dated offices. Files and their columns: docs/ACTORS.md.
// Immutable after Load(); thread-safe to share.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/token_matcher.h"
#include "core/status.h"

namespace marsad::actors {

struct KbEntity {
  std::string id, name_en, name_ar;
  std::string type;     // PERSON | ORG | GPE | LOC | MEDIA
  std::string country;  // ISO3 or empty
  std::string cameo;    // static code (persons: from offices by date)
  bool foreign = false; // name transliterated from another language (skeleton matching allowed)
};

enum class PatternKind : uint8_t {
  kEntity,       // a name of `entity`
  kAdjective,    // country adjective (entity = the country)
  kCapital,      // capital city: the government, or the city after a locative word
  kSeat,         // seat of power: always the government (الكرملين)
  kTitle,        // office title; value = offices tried in order, "president|king"
  kSector,       // institution noun; value = CAMEO role (GOV, MIL, ...)
  kCounterpart,  // نظيره + adjective: same office in another country
  kSide,         // الجانب + adjective: that country's government
  kPair,         // البلدين / الجانبان: the last two countries; value = "GPE" or "GOV"
  kPlace,        // city, region or sea (places.tsv): always a place (LOC), never a government
};

struct KbPattern {
  PatternKind kind = PatternKind::kEntity;
  uint32_t entity = 0;         // index into entities (unused for titles/sectors/pairs)
  bool needs_context = false;  // ambiguous form: only with a title before it or its entity confirmed
  std::string value;
  std::string form;            // as written in the data file (for messages and tests)
};

struct KbOffice {
  std::string holder;  // ISO3 country or organisation id
  std::string office;  // president, king, pm, fm, ...
  uint32_t person = 0; // entity index
  std::string start, end;  // ISO dates, end empty = still in office
  std::string cameo;
};

class ActorKb {
 public:
  // Loads every data/actors/*.tsv (embedded, see core/embedded_data.h). Corrupt on a
  // malformed line (file:line in the message).
  static Result<std::unique_ptr<ActorKb>> Load();

  const std::vector<KbEntity>& entities() const { return entities_; }
  const std::vector<KbPattern>& patterns() const { return patterns_; }
  const TokenMatcher& matcher() const { return matcher_; }
  const KbEntity* Find(std::string_view id) const;
  // The holder of `office` for `holder` (ISO3 or org id) on `date` (ISO; empty = newest).
  const KbOffice* Holder(std::string_view holder, std::string_view office, std::string_view date) const;
  // The office a person held on `date` (the first listed if several); null if none.
  const KbOffice* OfficeOf(uint32_t person, std::string_view date) const;
  bool HasOffices(uint32_t person) const;
  bool IsLocative(std::string_view match_key_word) const { return locatives_.count(std::string(match_key_word)) != 0; }
  // A noun that names the kind of place after it (مدينة، محافظة): it vouches for an
  // ambiguous place name (مدينة صور).
  bool IsPlaceHead(std::string_view match_key_word) const { return place_heads_.count(std::string(match_key_word)) != 0; }
  // A generic head noun of organisation names (مركز، هيئة، وزارة): "ال + head" later in a
  // text may mean the organisation named with it (head_anaphora.h).
  bool IsOrgHead(std::string_view match_key_word) const { return org_heads_.count(std::string(match_key_word)) != 0; }
  // True when `prev` (match key of the word before) cancels pattern form `form_key`.
  bool Vetoed(std::string_view form_key, std::string_view prev) const;
  // Arabic and English names of a CAMEO role (GOV -> حكومة / government).
  std::pair<std::string, std::string> RoleNames(std::string_view role) const;

 private:
  Status LoadCountries();
  Status LoadCountryNames();
  Status LoadEntities(std::string_view file, std::string_view type);
  Status LoadPeople();
  Status LoadOffices();
  Status LoadRolePhrases();
  Status LoadPlaces();
  uint32_t AddEntity(KbEntity e);
  void AddPattern(std::string_view form, KbPattern p);

  std::vector<KbEntity> entities_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::vector<KbPattern> patterns_;
  TokenMatcher matcher_;
  std::vector<KbOffice> offices_;
  std::unordered_multimap<std::string, size_t> offices_by_key_;     // holder|office
  std::unordered_multimap<uint32_t, size_t> offices_by_person_;
  std::unordered_set<std::string> locatives_;
  std::unordered_set<std::string> place_heads_;
  std::unordered_set<std::string> org_heads_;
  std::unordered_multimap<std::string, std::string> vetoes_;        // form key -> previous word
  std::unordered_map<std::string, std::pair<std::string, std::string>> role_names_;
};

}  // namespace marsad::actors
