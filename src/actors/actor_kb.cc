#include "actors/actor_kb.h"

#include "core/embedded_data.h"
#include "text/normalizer.h"

namespace marsad::actors {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find(sep, start), s.size());
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Forms separated by '|', blanks and "-" (no form) dropped.
std::vector<std::string> Forms(std::string_view field) {
  std::vector<std::string> out;
  for (std::string& f : Split(field, '|')) {
    while (!f.empty() && f.back() == ' ') f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
    if (!f.empty() && f != "-") out.push_back(std::move(f));
  }
  return out;
}

// Data lines of data/actors/<file> split into tab fields; file:line kept for messages.
struct Row {
  std::vector<std::string> f;
  std::string where;
};

std::vector<Row> Rows(std::string_view file) {
  std::vector<Row> rows;
  const std::string name = "actors/" + std::string(file);
  const std::string all = DataFile(name);
  size_t line_no = 0, start = 0;
  while (start < all.size()) {
    const size_t end = std::min(all.find('\n', start), all.size());
    std::string_view line(all.data() + start, end - start);
    ++line_no;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({Split(line, '\t'), name + ":" + std::to_string(line_no)});
  }
  return rows;
}

Status Bad(const Row& r, std::string_view what) {
  return Status::Corrupt(r.where + ": " + std::string(what) + " (see docs/ACTORS.md for the columns)");
}

const std::string& Field(const Row& r, size_t i) {
  static const std::string kEmpty;
  return i < r.f.size() ? r.f[i] : kEmpty;
}

// Masculine singular adjective -> its inflected forms (the article and other proclitics
// are handled by the matcher): روسي -> روسية روسيون روسيين روسيان روسيتان روسيتين روسيات.
std::vector<std::string> AdjectiveForms(const std::string& stem) {
  std::vector<std::string> out{stem};
  static const std::string kYa = "ي";
  if (stem.size() >= kYa.size() && stem.compare(stem.size() - kYa.size(), kYa.size(), kYa) == 0) {
    for (const char* suffix : {"ة", "ون", "ين", "ان", "تان", "تين", "ات"}) out.push_back(stem + suffix);
  }
  return out;
}

// A kind ending in ":ctx" (context-only forms): strips the suffix, returns whether it was there.
bool StripCtx(std::string* kind) {
  const bool ctx = kind->size() > 4 && kind->compare(kind->size() - 4, 4, ":ctx") == 0;
  if (ctx) kind->resize(kind->size() - 4);
  return ctx;
}

}  // namespace

Result<std::unique_ptr<ActorKb>> ActorKb::Load() {
  auto kb = std::make_unique<ActorKb>();
  for (Status s : {kb->LoadCountries(), kb->LoadCountryNames(), kb->LoadEntities("organisations.tsv", "ORG"),
                   kb->LoadEntities("media.tsv", "MEDIA"), kb->LoadPeople(), kb->LoadOffices(),
                   kb->LoadRolePhrases(), kb->LoadPlaces()}) {
    if (!s.ok()) return s;
  }
  if (kb->entities_.empty()) return Status::NotFound("data/actors/countries.tsv is empty or not embedded");
  kb->matcher_.Finish();
  return kb;
}

uint32_t ActorKb::AddEntity(KbEntity e) {
  auto [it, fresh] = by_id_.emplace(e.id, static_cast<uint32_t>(entities_.size()));
  if (fresh) entities_.push_back(std::move(e));
  return it->second;
}

void ActorKb::AddPattern(std::string_view form, KbPattern p) {
  p.form = std::string(form);
  // Skeleton matching only for foreign people and media: country and city names collide
  // with Arabic words once their vowels are gone (الكويت/الوقت, روسيا/رئيسا, بنما/بينما).
  const bool skeleton = p.kind == PatternKind::kEntity && p.entity < entities_.size() &&
                        entities_[p.entity].foreign &&
                        (entities_[p.entity].type == "PERSON" || entities_[p.entity].type == "MEDIA");
  if (matcher_.AddText(form, static_cast<uint32_t>(patterns_.size()), skeleton)) patterns_.push_back(std::move(p));
}

const KbEntity* ActorKb::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

Status ActorKb::LoadCountries() {
  for (const Row& r : Rows("countries.tsv")) {
    if (r.f.size() < 4 || r.f[0].size() != 3) return Bad(r, "want iso3, iso2, name_en, name_ar");
    std::string name_ar = r.f[3];
    if (const size_t paren = name_ar.find(" ("); paren != std::string::npos) name_ar.resize(paren);
    KbEntity e{r.f[0], r.f[2], name_ar, "GPE", r.f[0], r.f[0], true};
    const uint32_t idx = AddEntity(std::move(e));
    AddPattern(name_ar, {PatternKind::kEntity, idx, false, "", ""});
  }
  return Status::Ok();
}

// iso3, kind[:ctx], forms, name_en, note. Kinds: native, name, adj, adjform, capital, seat.
Status ActorKb::LoadCountryNames() {
  const std::vector<Row> rows = Rows("country_names.tsv");
  for (const Row& r : rows) {  // "native" first: it decides skeleton use for the rest
    if (Field(r, 1) != "native") continue;
    auto it = by_id_.find(r.f[0]);
    if (it == by_id_.end()) return Bad(r, "unknown country " + r.f[0]);
    entities_[it->second].foreign = false;
  }
  for (const Row& r : rows) {
    if (r.f.size() < 2) return Bad(r, "want iso3, kind, forms, name_en, note");
    auto it = by_id_.find(r.f[0]);
    if (it == by_id_.end()) return Bad(r, "unknown country " + r.f[0]);
    std::string kind = r.f[1];
    const bool ctx = StripCtx(&kind);
    KbPattern p{PatternKind::kEntity, it->second, ctx, Field(r, 3), ""};
    if (kind == "native") continue;
    if (kind == "name") {
      p.kind = PatternKind::kEntity;
    } else if (kind == "adj" || kind == "adjform") {
      p.kind = PatternKind::kAdjective;
    } else if (kind == "capital") {
      p.kind = PatternKind::kCapital;
    } else if (kind == "seat") {
      p.kind = PatternKind::kSeat;
    } else {
      return Bad(r, "unknown kind " + kind);
    }
    for (const std::string& form : Forms(Field(r, 2))) {
      if (ctx) {  // the same form from countries.tsv becomes ambiguous too
        const std::string key = text::MatchKey(form);
        for (KbPattern& old : patterns_) {
          if (old.entity == it->second && old.kind == p.kind && text::MatchKey(old.form) == key) old.needs_context = true;
        }
      }
      if (kind == "adj") {
        for (const std::string& f : AdjectiveForms(form)) AddPattern(f, p);
      } else {
        AddPattern(form, p);
      }
    }
  }
  return Status::Ok();
}

// id, cameo, country, name_en, forms, context-only forms, note.
Status ActorKb::LoadEntities(std::string_view file, std::string_view type) {
  for (const Row& r : Rows(file)) {
    if (r.f.size() < 5 || r.f[0].empty()) return Bad(r, "want id, cameo, country, name_en, forms");
    const std::vector<std::string> forms = Forms(r.f[4]);
    if (forms.empty()) return Bad(r, "no Arabic form");
    const std::string country = r.f[2] == "-" ? "" : r.f[2];
    const KbEntity* c = country.empty() ? nullptr : Find(country);
    if (!country.empty() && c == nullptr) return Bad(r, "unknown country " + country);
    KbEntity e{r.f[0], r.f[3], forms[0], std::string(type), country, r.f[1] == "-" ? "" : r.f[1],
               type == "MEDIA" && c != nullptr && c->foreign};
    const uint32_t idx = AddEntity(std::move(e));
    for (const std::string& f : forms) AddPattern(f, {PatternKind::kEntity, idx, false, "", ""});
    for (const std::string& f : Forms(Field(r, 5))) AddPattern(f, {PatternKind::kEntity, idx, true, "", ""});
  }
  return Status::Ok();
}

// id, name_en, country, full forms, short forms, context-only forms, note.
Status ActorKb::LoadPeople() {
  for (const Row& r : Rows("people.tsv")) {
    if (r.f.size() < 4 || r.f[0].empty()) return Bad(r, "want id, name_en, country, forms");
    const KbEntity* c = Find(r.f[2]);
    if (c == nullptr) return Bad(r, "unknown country " + r.f[2]);
    const std::vector<std::string> forms = Forms(r.f[3]);
    if (forms.empty()) return Bad(r, "no Arabic form");
    KbEntity e{r.f[0], r.f[1], forms[0], "PERSON", r.f[2], r.f[2], c->foreign};
    const uint32_t idx = AddEntity(std::move(e));
    for (const std::string& f : forms) AddPattern(f, {PatternKind::kEntity, idx, false, "", ""});
    for (const std::string& f : Forms(Field(r, 4))) AddPattern(f, {PatternKind::kEntity, idx, false, "", ""});
    for (const std::string& f : Forms(Field(r, 5))) AddPattern(f, {PatternKind::kEntity, idx, true, "", ""});
  }
  return Status::Ok();
}

// person, holder, office, start, end, cameo, note.
Status ActorKb::LoadOffices() {
  for (const Row& r : Rows("offices.tsv")) {
    if (r.f.size() < 6) return Bad(r, "want person, holder, office, start, end, cameo");
    auto p = by_id_.find(r.f[0]);
    if (p == by_id_.end()) return Bad(r, "unknown person " + r.f[0]);
    if (Find(r.f[1]) == nullptr) return Bad(r, "unknown holder " + r.f[1]);
    if (r.f[3].size() != 10 || (!r.f[4].empty() && r.f[4].size() != 10)) return Bad(r, "dates are YYYY-MM-DD");
    offices_.push_back({r.f[1], r.f[2], p->second, r.f[3], r.f[4], r.f[5]});
    offices_by_key_.emplace(r.f[1] + "|" + r.f[2], offices_.size() - 1);
    offices_by_person_.emplace(p->second, offices_.size() - 1);
  }
  return Status::Ok();
}

// form, kind, value, english. Kinds: title, sector, counterpart, side, pair, locative,
// placehead, orghead, veto (value = the form it cancels when this word comes just before), rolename.
Status ActorKb::LoadRolePhrases() {
  for (const Row& r : Rows("role_phrases.tsv")) {
    if (r.f.size() < 2) return Bad(r, "want form, kind, value, english");
    const std::string& kind = r.f[1];
    KbPattern p{PatternKind::kTitle, 0, false, Field(r, 2), ""};
    if (kind == "locative") {
      locatives_.insert(text::MatchKey(r.f[0]));
      continue;
    }
    if (kind == "placehead") {
      place_heads_.insert(text::MatchKey(r.f[0]));
      continue;
    }
    if (kind == "orghead") {
      org_heads_.insert(text::MatchKey(r.f[0]));
      continue;
    }
    if (kind == "veto") {
      const std::string& target = Field(r, 2);
      vetoes_.emplace(target == "*adj" ? target : text::MatchKey(target), text::MatchKey(r.f[0]));
      continue;
    }
    if (kind == "rolename") {
      role_names_[Field(r, 2)] = {r.f[0], Field(r, 3)};
      continue;
    }
    if (kind == "title") {
      p.kind = PatternKind::kTitle;
    } else if (kind == "sector") {
      p.kind = PatternKind::kSector;
    } else if (kind == "counterpart") {
      p.kind = PatternKind::kCounterpart;
    } else if (kind == "side") {
      p.kind = PatternKind::kSide;
    } else if (kind == "pair") {
      p.kind = PatternKind::kPair;
    } else {
      return Bad(r, "unknown kind " + kind);
    }
    AddPattern(r.f[0], p);
  }
  return Status::Ok();
}

// iso3 or -, kind[:ctx] (city, region, water), forms, name_en, note. Each place is its own
// LOC entity "loc:ISO3:Name" ("loc:Name" without a country), like a capital read as a place.
Status ActorKb::LoadPlaces() {
  for (const Row& r : Rows("places.tsv")) {
    if (r.f.size() < 4 || r.f[3].empty()) return Bad(r, "want iso3 or -, kind, forms, name_en");
    const std::string country = r.f[0] == "-" ? "" : r.f[0];
    if (!country.empty() && Find(country) == nullptr) return Bad(r, "unknown country " + country);
    std::string kind = r.f[1];
    const bool ctx = StripCtx(&kind);
    if (kind != "city" && kind != "region" && kind != "water") return Bad(r, "unknown kind " + kind);
    const std::vector<std::string> forms = Forms(r.f[2]);
    if (forms.empty()) return Bad(r, "no Arabic form");
    const std::string id = "loc:" + (country.empty() ? "" : country + ":") + r.f[3];
    if (by_id_.count(id) != 0) return Bad(r, "place " + id + " listed twice");
    const uint32_t idx = AddEntity({id, r.f[3], forms[0], "LOC", country, "", false});
    for (const std::string& f : forms) AddPattern(f, {PatternKind::kPlace, idx, ctx, "", ""});
  }
  return Status::Ok();
}

const KbOffice* ActorKb::Holder(std::string_view holder, std::string_view office, std::string_view date) const {
  const KbOffice* best = nullptr;
  auto [b, e] = offices_by_key_.equal_range(std::string(holder) + "|" + std::string(office));
  for (auto it = b; it != e; ++it) {
    const KbOffice& o = offices_[it->second];
    if (date.empty()) {
      if (best == nullptr || o.start > best->start) best = &o;
    } else if (o.start <= date && (o.end.empty() || date < o.end)) {
      if (best == nullptr || o.start > best->start) best = &o;
    }
  }
  return best;
}

const KbOffice* ActorKb::OfficeOf(uint32_t person, std::string_view date) const {
  const KbOffice* best = nullptr;
  auto [b, e] = offices_by_person_.equal_range(person);
  for (auto it = b; it != e; ++it) {
    const KbOffice& o = offices_[it->second];
    const bool on = date.empty() ? o.end.empty() : (o.start <= date && (o.end.empty() || date < o.end));
    if (on && (best == nullptr || it->second < static_cast<size_t>(best - offices_.data()))) best = &o;
  }
  return best;
}

bool ActorKb::HasOffices(uint32_t person) const { return offices_by_person_.count(person) != 0; }

bool ActorKb::Vetoed(std::string_view form_key, std::string_view prev) const {
  auto [b, e] = vetoes_.equal_range(std::string(form_key));
  for (auto it = b; it != e; ++it) {
    if (it->second == prev) return true;
  }
  return false;
}

std::pair<std::string, std::string> ActorKb::RoleNames(std::string_view role) const {
  auto it = role_names_.find(std::string(role));
  if (it == role_names_.end()) return {std::string(role), std::string(role)};
  return it->second;
}

}  // namespace marsad::actors
