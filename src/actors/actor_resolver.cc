#include "actors/actor_resolver.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "actors/actor_kb.h"
#include "actors/head_anaphora.h"
#include "core/ids.h"
#include "core/utf8.h"
#include "text/clitics.h"
#include "text/normalizer.h"

namespace marsad::actors {
namespace {

using Hit = TokenMatcher::Hit;

bool IsCountryLike(const KbPattern* p, const ActorKb& kb) {
  if (p == nullptr) return false;
  if (p->kind == PatternKind::kAdjective) return true;
  return p->kind == PatternKind::kEntity && kb.entities()[p->entity].type == "GPE";
}

bool IsPerson(const KbPattern* p, const ActorKb& kb) {
  return p != nullptr && p->kind == PatternKind::kEntity && kb.entities()[p->entity].type == "PERSON";
}

// True when the text word carries an article the place name lacks: المشهد is not مشهد,
// الحلب not حلب (the matcher strips ال like any proclitic).
bool ArticleAdded(const TextToken& first, std::string_view form) {
  const std::string key = text::MatchKey(form);
  const std::string_view first_word = std::string_view(key).substr(0, key.find(' '));
  const std::string_view word = first.key;
  if (word.size() <= first_word.size() || word.substr(word.size() - first_word.size()) != first_word) return false;
  const std::string_view prefix = word.substr(0, word.size() - first_word.size());
  auto ends_with = [&](std::string_view x) {
    return prefix.size() >= x.size() && prefix.substr(prefix.size() - x.size()) == x;
  };
  return ends_with("ال") || ends_with("لل");
}

// The letter's shape without its dots (rasm): ب ت ث ن ي share one, ج ح خ one, and so on.
char32_t Rasm(char32_t c) {
  switch (c) {
    case U'ت': case U'ث': case U'ن': case U'ي': return U'ب';
    case U'ج': case U'خ': return U'ح';
    case U'ذ': return U'د';
    case U'ز': return U'ر';
    case U'ش': return U'س';
    case U'ض': return U'ص';
    case U'ظ': return U'ط';
    case U'غ': return U'ع';
    case U'ق': return U'ف';
    default: return c;
  }
}

// True when the two match-key words have the same letters but one, and that one differs
// only in its dots (اسبانبا / اسبانيا): a typo of the name, not another word.
bool OneDotTypo(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a == b) return false;
  size_t i = 0, j = 0;
  int diffs = 0;
  while (i < a.size() && j < b.size()) {
    const char32_t x = utf8::DecodeNext(a, &i), y = utf8::DecodeNext(b, &j);
    if (x == y) continue;
    if (Rasm(x) != Rasm(y) || ++diffs > 1) return false;
  }
  return diffs == 1;
}

std::string NerType(std::string_view t) {
  if (t == "PER" || t == "PERSON" || t == "B-PERS" || t == "PERS") return "PERSON";
  if (t == "ORG" || t == "ORGANIZATION") return "ORG";
  if (t == "LOC" || t == "LOCATION") return "LOC";
  if (t == "GPE") return "GPE";
  return "OTHER";
}

// True when [start, end) lies inside a NER PERSON span that begins before it.
bool InsidePersonName(const std::vector<NameSpan>& spans, uint32_t start, uint32_t end) {
  for (const NameSpan& s : spans)
    if (s.start < start && end <= s.end && NerType(s.type) == "PERSON") return true;
  return false;
}

// The state of one Resolve call: entities so far, role bindings, recent countries.
class Doc {
 public:
  Doc(const ActorKb& kb, std::string_view text, std::string date) : kb_(kb), text_(text), date_(std::move(date)) {
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_at_.push_back(static_cast<uint32_t>(i));
    }
    byte_at_.push_back(static_cast<uint32_t>(text.size()));
  }

  const std::string& date() const { return date_; }

  Entity& FromKb(uint32_t idx) {
    const KbEntity& k = kb_.entities()[idx];
    auto [e, fresh] = Get(k.id);
    if (fresh) {
      e.name_en = k.name_en;
      e.name_ar = k.name_ar;
      e.type = k.type;
      if (!k.country.empty()) e.country = k.country;
      std::string cameo = k.cameo;
      if (k.type == "PERSON") {
        if (const KbOffice* o = kb_.OfficeOf(idx, date_)) {
          cameo = o->cameo;
        } else if (kb_.HasOffices(idx)) {
          cameo = k.country + "ELI";  // CAMEO: elite, former office holder
        }
      }
      if (!cameo.empty()) e.cameo = cameo;
    }
    return e;
  }

  // ISO3 + role ("RUSGOV"); for an organisation holder, the organisation itself.
  Entity& Role(const std::string& holder, const std::string& role) {
    const KbEntity* h = kb_.Find(holder);
    if (h != nullptr && h->type != "GPE") return FromKb(static_cast<uint32_t>(h - kb_.entities().data()));
    auto [e, fresh] = Get(holder + role);
    if (fresh) {
      const auto [ar, en] = kb_.RoleNames(role);
      e.name_en = (h != nullptr ? h->name_en : holder) + " " + en;
      e.name_ar = ar + " " + (h != nullptr ? h->name_ar : holder);
      e.type = "ORG";
      e.country = holder;
      e.cameo = holder + role;
    }
    return e;
  }

  Entity& Location(const KbEntity& country, const std::string& city_en, uint32_t start, uint32_t end) {
    auto [e, fresh] = Get("loc:" + country.id + ":" + city_en);
    if (fresh) {
      e.name_en = city_en;
      e.name_ar = Slice(start, end);
      e.type = "LOC";
      e.country = country.id;
    }
    return e;
  }

  std::pair<Entity&, bool> Get(const std::string& id) {
    auto [it, fresh] = index_.emplace(id, entities_.size());
    if (fresh) {
      entities_.emplace_back();
      entities_.back().id = id;
    }
    return {entities_[it->second], fresh};
  }

  void Mention(Entity& e, uint32_t start, uint32_t end) {
    e.mentions.push_back({start, end, Slice(start, end)});
    covered_.emplace_back(start, end);
    // "الجانبان" / "البلدين" look back at actors: countries and organisations, not places.
    if (e.type == "LOC" || e.type == "MEDIA") return;
    if (e.type == "ORG" && e.cameo && e.cameo->rfind("IGO", 0) == 0) {
      NoteCountry(e.id);
    } else if (e.type == "PERSON" && e.cameo && e.cameo->rfind("IGO", 0) == 0) {
      return;  // an international official speaks for the organisation, not their country
    } else if (e.country) {
      NoteCountry(*e.country);
    }
  }

  bool Covered(uint32_t start, uint32_t end) const {
    for (const auto& [s, e] : covered_) {
      if (s < end && start < e) return true;
    }
    return false;
  }

  void NoteCountry(const std::string& iso3) {
    if (recent_.empty() || recent_.back() != iso3) recent_.push_back(iso3);
  }
  // The last two distinct countries named, most recent first.
  std::vector<std::string> LastTwoCountries() const {
    std::vector<std::string> out;
    for (auto it = recent_.rbegin(); it != recent_.rend() && out.size() < 2; ++it) {
      if (std::find(out.begin(), out.end(), *it) == out.end()) out.push_back(*it);
    }
    return out;
  }

  std::string Slice(uint32_t start, uint32_t end) const {
    start = std::min<uint32_t>(start, byte_at_.size() - 1);
    end = std::min<uint32_t>(std::max(start, end), byte_at_.size() - 1);
    return std::string(text_.substr(byte_at_[start], byte_at_[end] - byte_at_[start]));
  }

  std::unordered_map<std::string, std::string> bindings;  // holder|office -> entity id
  std::string last_office;         // office of the last role phrase ("نظيره" takes it)
  std::string last_person_office;  // office of the last person named (when no role phrase yet)
  uint32_t last_location_end = UINT32_MAX;  // end of the last capital read as a place

  // (entity index, match key) of every country named in the text by its one-word name
  // (إسبانيا; not its adjectives: الألماني is one dot from المائي).
  std::vector<std::pair<size_t, std::string>> CountryWords() const {
    std::vector<std::pair<size_t, std::string>> out;
    for (size_t i = 0; i < entities_.size(); ++i) {
      if (entities_[i].type != "GPE") continue;
      std::string name = text::MatchKey(entities_[i].name_ar);
      if (name.find(' ') != std::string::npos) continue;
      for (const marsad::Mention& m : entities_[i].mentions)
        if (text::MatchKey(m.text) == name) {
          out.emplace_back(i, std::move(name));
          break;
        }
    }
    return out;
  }
  Entity& At(size_t i) { return entities_[i]; }

  std::vector<Entity> Finish() {
    for (Entity& e : entities_) {
      std::sort(e.mentions.begin(), e.mentions.end(),
                [](const marsad::Mention& a, const marsad::Mention& b) { return a.start < b.start || (a.start == b.start && a.end < b.end); });
      e.mentions.erase(std::unique(e.mentions.begin(), e.mentions.end(),
                                   [](const marsad::Mention& a, const marsad::Mention& b) { return a.start == b.start && a.end == b.end; }),
                       e.mentions.end());
    }
    std::erase_if(entities_, [](const Entity& e) { return e.mentions.empty(); });
    std::stable_sort(entities_.begin(), entities_.end(),
                     [](const Entity& a, const Entity& b) { return a.mentions[0].start < b.mentions[0].start; });
    return std::move(entities_);
  }

 private:
  const ActorKb& kb_;
  std::string_view text_;
  std::string date_;
  std::vector<uint32_t> byte_at_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::pair<uint32_t, uint32_t>> covered_;
  std::vector<std::string> recent_;
};

std::vector<std::string> Offices(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t bar = std::min(value.find('|', start), value.size());
    if (bar > start) out.push_back(value.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

}  // namespace

ActorResolver::ActorResolver(std::unique_ptr<ActorKb> kb) : kb_(std::move(kb)) {}
ActorResolver::~ActorResolver() = default;
ActorResolver::ActorResolver(ActorResolver&&) noexcept = default;
ActorResolver& ActorResolver::operator=(ActorResolver&&) noexcept = default;

Result<std::unique_ptr<ActorResolver>> ActorResolver::LoadDefault() {
  Result<std::unique_ptr<ActorKb>> kb = ActorKb::Load();
  if (!kb.ok()) return kb.status();
  return std::unique_ptr<ActorResolver>(new ActorResolver(std::move(kb).value()));
}

size_t ActorResolver::name_count() const { return kb_->matcher().pattern_count(); }
size_t ActorResolver::entity_count() const { return kb_->entities().size(); }

std::vector<Entity> ActorResolver::Resolve(std::string_view text, const std::optional<std::string>& published,
                                           const std::vector<NameSpan>& ner_spans) const {
  const ActorKb& kb = *kb_;
  const ScannedText scan = ScanText(text);
  const std::vector<Hit> hits = kb.matcher().Match(scan);
  Doc doc(kb, text, published ? published->substr(0, std::min<size_t>(10, published->size())) : "");
  const auto& ents = kb.entities();

  auto adjacent = [&](size_t k) { return k + 1 < hits.size() && hits[k].last == hits[k + 1].first; };
  auto prev_word = [&](size_t k) -> std::string_view {
    return hits[k].first > 0 ? scan.tokens[hits[k].first - 1].key : std::string_view();
  };

  // "في X", "بـX": a locative word or a ب clitic right before hit k.
  auto locative_before = [&](size_t k) {
    const TextToken& first = scan.tokens[hits[k].first];
    return kb.IsLocative(prev_word(k)) || (hits[k].start > first.start && first.key.substr(0, 2) == "ب");
  };

  // Pass 1: actors named unambiguously somewhere in the text confirm their ambiguous forms.
  std::unordered_set<std::string> confirmed;
  for (const Hit& h : hits) {
    for (uint32_t v : kb.matcher().Values(h.node)) {
      const KbPattern& p = kb.patterns()[v];
      if (p.needs_context || p.kind == PatternKind::kTitle || p.kind == PatternKind::kSector ||
          p.kind == PatternKind::kCounterpart || p.kind == PatternKind::kSide || p.kind == PatternKind::kPair) {
        continue;
      }
      confirmed.insert(ents[p.entity].id);
      // A place confirms itself, not its country (حلب does not make every Syrian reading sure).
      if (p.kind != PatternKind::kPlace && !ents[p.entity].country.empty()) confirmed.insert(ents[p.entity].country);
    }
  }

  // Choose one reading per hit: unambiguous readings first, ambiguous ones when confirmed
  // or right after a title ("الملك سلمان").
  std::vector<const KbPattern*> chosen(hits.size(), nullptr);
  for (size_t k = 0; k < hits.size(); ++k) {
    const bool after_title = k > 0 && hits[k - 1].last == hits[k].first && chosen[k - 1] != nullptr &&
                             chosen[k - 1]->kind == PatternKind::kTitle;
    const std::string prev(prev_word(k));
    const KbPattern* ctx_pick = nullptr;
    for (uint32_t v : kb.matcher().Values(hits[k].node)) {
      const KbPattern& p = kb.patterns()[v];
      if (!prev.empty() && (kb.Vetoed(text::MatchKey(p.form), prev) ||
                            (p.kind == PatternKind::kAdjective && kb.Vetoed("*adj", prev)))) {
        continue;
      }
      // اللواء منصور التركي: a country adjective inside a person's name, after its first
      // word, is a family name (nisba), not the country.
      // جوشوا يافا: likewise a place name there is part of the person's name.
      if ((p.kind == PatternKind::kAdjective || p.kind == PatternKind::kPlace) &&
          InsidePersonName(ner_spans, hits[k].start, hits[k].end)) {
        continue;
      }
      if (p.kind == PatternKind::kPlace && ArticleAdded(scan.tokens[hits[k].first], p.form)) continue;
      if (p.kind == PatternKind::kPlace && p.needs_context) {
        // مدينة صور; في صور when Lebanon is named unambiguously elsewhere. Never "صور" alone.
        if (kb.IsPlaceHead(prev) ||
            (locative_before(k) && confirmed.count(ents[p.entity].country) != 0)) {
          ctx_pick = &p;
        }
        continue;
      }
      if (!p.needs_context) {
        chosen[k] = &p;
        break;
      }
      // المؤتمر الصحفي، الإصلاح الاقتصادي، القاعدة الجوية: a one-word ambiguous name with a
      // definite word after it is the common noun and its adjective, not the party.
      if (p.kind == PatternKind::kEntity && ents[p.entity].type == "ORG" && hits[k].last == hits[k].first + 1 &&
          text::MatchKey(p.form).rfind("ال", 0) == 0 && hits[k].last < scan.tokens.size() &&
          AdjectiveLike(scan.tokens[hits[k].last].key)) {
        continue;
      }
      const bool is_entity = p.kind != PatternKind::kTitle && p.kind != PatternKind::kSector &&
                             p.kind != PatternKind::kCounterpart && p.kind != PatternKind::kSide &&
                             p.kind != PatternKind::kPair;
      // A title vouches for a person's short name ("الرئيس عون"), not for a country
      // adjective ("المدير المالي").
      const bool better = ctx_pick == nullptr ||
                          (ents[p.entity].type == "PERSON" && ents[ctx_pick->entity].type == "PERSON" &&
                           kb.OfficeOf(ctx_pick->entity, doc.date()) == nullptr &&
                           kb.OfficeOf(p.entity, doc.date()) != nullptr);
      if (better && is_entity &&
          ((after_title && ents[p.entity].type == "PERSON") || confirmed.count(ents[p.entity].id) != 0 ||
           (p.kind == PatternKind::kCapital && confirmed.count(ents[p.entity].country) != 0))) {
        ctx_pick = &p;
      }
    }
    if (chosen[k] == nullptr) chosen[k] = ctx_pick;
    // A name matched only through its skeleton must not be a common word's lookalike:
    // ambiguous readings never come from skeletons.
    if (chosen[k] != nullptr && hits[k].via_skeleton && chosen[k]->needs_context) chosen[k] = nullptr;
  }

  // Titles directly before a NER name: the name is the office holder (bound below).
  struct PendingTitle { std::string holder, office; };
  std::unordered_map<uint32_t, PendingTitle> title_before;  // token index after the phrase

  auto resolve_office = [&](const std::string& holder, const std::vector<std::string>& offices,
                            uint32_t start, uint32_t end) {
    for (const std::string& office : offices) {
      auto b = doc.bindings.find(holder + "|" + office);
      if (b != doc.bindings.end()) {
        auto [e, fresh] = doc.Get(b->second);
        doc.Mention(e, start, end);
        doc.last_office = office;
        return;
      }
    }
    for (const std::string& office : offices) {
      if (const KbOffice* o = kb.Holder(holder, office, doc.date())) {
        doc.Mention(doc.FromKb(o->person), start, end);
        doc.last_office = office;
        return;
      }
    }
    if (!offices.empty()) doc.last_office = offices[0];
    doc.Mention(doc.Role(holder, "GOV"), start, end);
  };
  auto holder_of = [&](const KbPattern* p) -> std::string {
    const KbEntity& e = ents[p->entity];
    return e.type == "GPE" ? e.id : (e.type == "ORG" ? e.id : e.country);
  };

  // A NER person name right after a role phrase ("نظيره الكوبي برونو رودريغيز") is the
  // office holder: the phrase then names no one else.
  auto ner_person_at = [&](uint32_t end) {
    return std::any_of(ner_spans.begin(), ner_spans.end(), [&](const NameSpan& s) {
      return s.start >= end && s.start <= end + 1 && NerType(s.type) == "PERSON";
    });
  };

  std::vector<bool> consumed(hits.size(), false);
  for (size_t k = 0; k < hits.size(); ++k) {
    const KbPattern* p = chosen[k];
    if (consumed[k] || p == nullptr) continue;
    const Hit& h = hits[k];
    switch (p->kind) {
      case PatternKind::kTitle: {
        const std::vector<std::string> offices = Offices(p->value);
        const KbPattern* next = adjacent(k) ? chosen[k + 1] : nullptr;
        const bool next_holder = next != nullptr && (IsCountryLike(next, kb) ||
                                                     (next->kind == PatternKind::kEntity && ents[next->entity].type == "ORG"));
        if (next_holder) {
          const std::string holder = holder_of(next);
          consumed[k + 1] = true;
          // "الأمين العام للأمم المتحدة": the organisation is an actor of the sentence too.
          if (!IsCountryLike(next, kb)) doc.Mention(doc.FromKb(next->entity), hits[k + 1].start, hits[k + 1].end);
          if (adjacent(k + 1) && IsPerson(chosen[k + 2], kb)) {
            Entity& person = doc.FromKb(chosen[k + 2]->entity);
            doc.Mention(person, hits[k + 2].start, hits[k + 2].end);
            for (const std::string& o : offices) doc.bindings.emplace(holder + "|" + o, person.id);
            if (!offices.empty()) doc.last_office = offices[0];
            consumed[k + 2] = true;
          } else if (!offices.empty() && ner_person_at(hits[k + 1].end)) {
            title_before[hits[k + 1].last] = {holder, offices[0]};
            doc.last_office = offices[0];
          } else {
            resolve_office(holder, offices, h.start, hits[k + 1].end);
          }
        } else if (next != nullptr && IsPerson(next, kb)) {
          Entity& person = doc.FromKb(next->entity);
          doc.Mention(person, hits[k + 1].start, hits[k + 1].end);
          for (const std::string& o : offices) doc.bindings.emplace(ents[next->entity].country + "|" + o, person.id);
          if (!offices.empty()) doc.last_office = offices[0];
          consumed[k + 1] = true;
        } else if (!offices.empty()) {
          title_before[h.last] = {"", offices[0]};
        }
        break;
      }
      case PatternKind::kSector:
      case PatternKind::kSide: {
        const KbPattern* next = adjacent(k) ? chosen[k + 1] : nullptr;
        if (IsCountryLike(next, kb)) {
          const std::string role = p->kind == PatternKind::kSide ? "GOV" : p->value;
          doc.Mention(doc.Role(ents[next->entity].id, role), h.start, hits[k + 1].end);
          consumed[k + 1] = true;
        }
        break;
      }
      case PatternKind::kCounterpart: {
        const KbPattern* next = adjacent(k) ? chosen[k + 1] : nullptr;
        if (IsCountryLike(next, kb)) {
          consumed[k + 1] = true;
          const std::string holder = ents[next->entity].id;
          if (doc.last_office.empty() && !doc.last_person_office.empty()) doc.last_office = doc.last_person_office;
          if (ner_person_at(hits[k + 1].end)) {
            if (!doc.last_office.empty()) title_before[hits[k + 1].last] = {holder, doc.last_office};
          } else if (doc.last_office.empty()) {
            doc.Mention(doc.Role(holder, "GOV"), h.start, hits[k + 1].end);
          } else {
            resolve_office(holder, {doc.last_office}, h.start, hits[k + 1].end);
          }
        }
        break;
      }
      case PatternKind::kPair: {
        for (const std::string& c : doc.LastTwoCountries()) {
          const KbEntity* holder = kb.Find(c);
          if (holder != nullptr && holder->type != "GPE") {  // an organisation is its own side
            if (p->value == "GOV") doc.Mention(doc.FromKb(static_cast<uint32_t>(holder - ents.data())), h.start, h.end);
          } else if (p->value == "GOV") {
            doc.Mention(doc.Role(c, "GOV"), h.start, h.end);
          } else if (const KbEntity* ce = kb.Find(c)) {
            doc.Mention(doc.FromKb(static_cast<uint32_t>(ce - ents.data())), h.start, h.end);
          }
        }
        break;
      }
      case PatternKind::kCapital: {
        const KbEntity& country = ents[p->entity];
        const TextToken& first = scan.tokens[h.first];
        // A dateline ("لندن -", "الرياض:") names the place the report comes from.
        auto has_dash = [](const std::string& s) {
          return s.find_first_of(":-") != std::string::npos || s.find("–") != std::string::npos ||
                 s.find("—") != std::string::npos;
        };
        const std::string before = doc.Slice(h.start >= 3 ? h.start - 3 : 0, h.start);
        const bool dateline = has_dash(doc.Slice(h.end, h.end + 3)) ||
                              (has_dash(before) && before.find(':') == std::string::npos);
        // "في واشنطن وكييف وباريس": the conjunction carries the locative on.
        const bool listed = k > 0 && hits[k - 1].last + 1 >= h.first && doc.last_location_end == hits[k - 1].end &&
                            h.start > first.start;
        if (locative_before(k) || dateline || listed) {
          doc.Mention(doc.Location(country, p->value, h.start, h.end), h.start, h.end);
          doc.last_location_end = h.end;
        } else {
          doc.Mention(doc.Role(country.id, "GOV"), h.start, h.end);
        }
        break;
      }
      case PatternKind::kPlace:
        doc.Mention(doc.FromKb(p->entity), h.start, h.end);
        doc.last_location_end = h.end;
        break;
      case PatternKind::kSeat:
        doc.Mention(doc.Role(ents[p->entity].id, "GOV"), h.start, h.end);
        break;
      case PatternKind::kEntity:
      case PatternKind::kAdjective:
        doc.Mention(doc.FromKb(p->entity), h.start, h.end);
        if (ents[p->entity].type == "PERSON") {
          if (const KbOffice* o = kb.OfficeOf(p->entity, doc.date())) doc.last_person_office = o->office;
        }
        break;
    }
  }

  // Names from NER that the knowledge base did not cover.
  std::vector<NameSpan> spans = ner_spans;
  std::sort(spans.begin(), spans.end(), [](const NameSpan& a, const NameSpan& b) { return a.start < b.start; });
  for (const NameSpan& s : spans) {
    if (s.end <= s.start || doc.Covered(s.start, s.end)) continue;
    const std::string name = doc.Slice(s.start, s.end);
    const std::string key = text::MatchKey(name);
    auto [e, fresh] = doc.Get("ner:" + ShortHash(key));
    if (fresh) {
      e.name_ar = name;
      e.type = NerType(s.type);
    }
    doc.Mention(e, s.start, s.end);
    // Token range of the span; a title just before it makes it that office's holder.
    size_t first = 0;
    while (first < scan.tokens.size() && scan.tokens[first].end <= s.start) ++first;
    size_t last = first;
    while (last < scan.tokens.size() && scan.tokens[last].start < s.end) ++last;
    if (auto t = title_before.find(static_cast<uint32_t>(first)); t != title_before.end() && e.type == "PERSON") {
      if (!t->second.holder.empty()) {
        if (!e.country) e.country = t->second.holder;
        if (!e.cameo) e.cameo = t->second.holder + "GOV";
        doc.bindings.emplace(t->second.holder + "|" + t->second.office, e.id);
      }
    }
    // Surname coreference: the last word of a person's name, later in the text.
    if (e.type != "PERSON" || last - first < 2) continue;
    const std::string_view surname = scan.tokens[last - 1].key;
    if (surname.size() < 6) continue;  // 3+ Arabic letters
    for (size_t i = last; i < scan.tokens.size(); ++i) {
      const TextToken& t = scan.tokens[i];
      if (!t.word || t.key.size() < surname.size() ||
          t.key.substr(t.key.size() - surname.size()) != surname || doc.Covered(t.start, t.end)) {
        continue;
      }
      for (const text::CliticSplit& c : text::CliticCandidates(t.key)) {
        if (c.stem != surname) continue;
        const auto prefix = static_cast<uint32_t>(c.prefix.size() / 2);  // Arabic letters are 2 bytes
        doc.Mention(e, scan.normal.to_original[t.key_start + prefix], t.end);
        break;
      }
    }
  }
  // A country named correctly elsewhere in the text and misspelt by one dotted letter here
  // (لكن اسبانبا نفت ... after إسبانيا): the same country. Names of 6+ letters only: shorter
  // ones have real words one dot away.
  const auto countries = doc.CountryWords();
  for (const TextToken& t : scan.tokens) {
    if (!t.word || t.key.size() < 12 || countries.empty()) continue;
    // Cheap test first: the word ends in a one-dot variant of a country's name.
    const bool maybe = std::any_of(countries.begin(), countries.end(), [&](const auto& cw) {
      const std::string& name = cw.second;
      if (name.size() < 12 || t.key.size() < name.size()) return false;
      const std::string_view tail = t.key.substr(t.key.size() - name.size());
      int bytes = 0;  // one letter differs in at most two bytes
      for (size_t i = 0; i < name.size() && bytes <= 2; ++i) bytes += tail[i] != name[i];
      return bytes > 0 && bytes <= 2 && OneDotTypo(tail, name);
    });
    if (!maybe || doc.Covered(t.start, t.end)) continue;
    for (const text::CliticSplit& c : text::CliticCandidates(t.key)) {
      const auto hit = std::find_if(countries.begin(), countries.end(), [&](const auto& cw) {
        return cw.second.size() >= 12 && OneDotTypo(c.stem, cw.second);
      });
      if (hit == countries.end()) continue;
      const auto prefix = static_cast<uint32_t>(c.prefix.size() / 2);  // Arabic letters are 2 bytes
      doc.Mention(doc.At(hit->first), scan.normal.to_original[t.key_start + prefix], t.end);
      break;
    }
  }
  std::vector<Entity> out = doc.Finish();
  AddHeadNounMentions(kb, text, scan, &out);  // وأوضح المركز after مركز الملك سلمان
  return out;
}

}  // namespace marsad::actors
