#include "events/lexicon.h"

#include <algorithm>
#include <cstdlib>

#include "core/embedded_data.h"
#include "text/normalizer.h"

namespace marsad::events {
namespace {

// Match-key letters used by the form generator.
constexpr std::string_view kAlef = "ا", kYeh = "ي", kWaw = "و", kTeh = "ت", kHeh = "ه";

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// Byte length of the last code point (UTF-8).
size_t LastCpBytes(std::string_view s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[s.size() - n]) & 0xC0) == 0x80) ++n;
  return std::min(n, s.size());
}
bool EndsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}
std::string DropLast(std::string_view s) { return std::string(s.substr(0, s.size() - LastCpBytes(s))); }
size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status Bad(std::string_view file, int line, std::string_view why) {
  return Status::Corrupt("data/events/" + std::string(file) + ":" + std::to_string(line) + ": " +
                         std::string(why) + " (fix the line; see the file header)");
}

// Lines of a data file with their 1-based line numbers (comments and blanks skipped).
std::vector<std::pair<int, std::string>> NumberedLines(std::string_view name) {
  std::vector<std::pair<int, std::string>> out;
  const std::string all = DataFile(name);
  int no = 0;
  for (const std::string& l : Split(all, '\n')) {
    ++no;
    std::string t = Trim(l);
    if (t.empty() || t[0] == '#') continue;
    out.emplace_back(no, std::move(t));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Lexicon>> Lexicon::Load() {
  std::unique_ptr<Lexicon> lx(new Lexicon());
  for (const std::string& line : DataLines("text/proclitics.tsv")) {
    std::string p = line.substr(0, line.find('\t'));
    if (!p.empty()) lx->prefixes_.push_back(text::MatchKey(p));
  }
  // The future prefix س on present forms (ستبحث، وسيلتقي); checked against `present`.
  for (const char* p : {"س", "وس", "فس"}) lx->prefixes_.emplace_back(p);
  std::stable_sort(lx->prefixes_.begin(), lx->prefixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  if (Status s = lx->LoadPatterns(); !s.ok()) return s;
  if (Status s = lx->LoadSpeech(); !s.ok()) return s;
  if (Status s = lx->LoadMarkers(); !s.ok()) return s;
  return lx;
}

void Lexicon::AddForm(const std::string& form, uint32_t pattern, bool present, bool possessive, bool first_person) {
  if (Letters(form) < 2) return;
  auto& v = forms_[form];
  for (const Form& f : v)
    if (f.pattern == pattern) return;
  v.push_back({pattern, present, possessive, first_person});
}

// Verb conjugations that news text uses: 3rd person past (sg/du/pl, both genders, and
// 1st plural), present with the four person prefixes and dual/plural endings, weak final
// letters (التقى/التقت/التقوا، يلتقي/يلتقون، دعا/دعت) and attached object pronouns.
void Lexicon::AddVerb(std::string_view past, std::string_view present, uint32_t pattern) {
  struct Conj { std::string form; bool present; bool first_person = false; };
  std::vector<Conj> base;
  const std::string p(past);
  if (!p.empty()) {
    base.push_back({p, false});
    const bool weak = EndsWith(p, kYeh) || EndsWith(p, kAlef);
    const std::string b = weak ? DropLast(p) : p;
    for (std::string_view suf : {"ت", "تا", "وا"}) base.push_back({b + std::string(suf), false});
    base.push_back({p + "ا", false});
    base.push_back({p + "نا", false, true});
    if (weak) base.push_back({p + "ت", false});
    else base.push_back({p + "تم", false});
  }
  if (!present.empty() && present != "-") {
    std::string s(present);
    if (s.rfind(kYeh, 0) == 0) s = s.substr(kYeh.size());  // written with its ي: يلتقي
    const bool weak = EndsWith(s, kYeh) || EndsWith(s, kWaw) || EndsWith(s, kAlef);
    const std::string b = weak ? DropLast(s) : s;
    // Third person (ي، ت) takes dual/plural endings; first person (ن، ا) does not — and
    // must not: ا + ثني + ن would be اثنين "two".
    for (std::string_view pre : {"ي", "ت", "ن", "ا"}) {
      const std::string ps = std::string(pre) + s;
      base.push_back({ps, true, pre == "ن" || pre == "ا"});
      if (pre == "ن" || pre == "ا") continue;
      for (std::string_view suf : {"ان", "ا"}) base.push_back({ps + std::string(suf), true});
      if (pre == "ي")
        for (std::string_view suf : {"ون", "وا"}) base.push_back({ps + std::string(suf), true});
      if (weak) {
        base.push_back({std::string(pre) + b + "يان", true});
        if (pre == "ي")
          for (std::string_view suf : {"ون", "وا"}) base.push_back({std::string(pre) + b + std::string(suf), true});
      }
    }
  }
  for (const Conj& c : base) {
    AddForm(c.form, pattern, c.present, false, c.first_person);
    if (no_enclitics_) continue;
    for (std::string_view enc : {"ه", "ها", "هم", "هما", "كم", "نا"})
      AddForm(c.form + std::string(enc), pattern, c.present, false, c.first_person);
  }
}

// Noun forms: as written, tanween ا, dual ان/ين, ات plural of ة-nouns, ة -> ت before
// pronouns (زيارته), pronouns on other nouns (اتصالها).
void Lexicon::AddNoun(std::string_view noun, uint32_t pattern) {
  const std::string n(noun);
  AddForm(n, pattern, false);
  const bool ta = EndsWith(n, kHeh);  // ta marbuta (ة is ه in match keys)
  const std::string b = ta ? DropLast(n) + std::string(kTeh) : n;
  for (std::string_view suf : {"ان", "ين", "ا"}) AddForm(b + std::string(suf), pattern, false);
  for (std::string_view suf : {"ه", "ها", "هم", "هما"}) AddForm(b + std::string(suf), pattern, false, true);
  AddForm((ta ? DropLast(n) : n) + "ات", pattern, false);
}

Status Lexicon::LoadPatterns() {
  for (const auto& [no, line] : NumberedLines("events/verbs.tsv")) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 6) return Bad("verbs.tsv", no, "expected 7 tab-separated columns");
    Pattern p;
    p.code = f[0];
    p.line = no;
    if (f[1].size() != 1 || (f[1][0] != 'V' && f[1][0] != 'N' && f[1][0] != 'W' && f[1][0] != 'P'))
      return Bad("verbs.tsv", no, "pos must be V, N, W or P");
    p.pos = f[1][0];
    if (f[3] != "-")
      for (const std::string& w : Split(f[3], '|')) p.needs.push_back(text::MatchKey(Trim(w)));
    for (const std::string& w : Split(f[4], '|')) p.targets.push_back(text::MatchKey(Trim(w)));
    if (f[5] != "-")
      for (const std::string& flag : Split(f[5], ',')) {
        const std::string fl = Trim(flag);
        if (fl == "sym") p.sym = true;
        else if (fl == "rev") p.rev = true;
        else if (fl == "one") p.one = true;
        else if (fl == "obj") p.obj = true;
        else return Bad("verbs.tsv", no, "unknown flag '" + fl + "'");
      }
    if (p.targets.size() == 1 && p.targets[0] == "-" && !p.one)
      return Bad("verbs.tsv", no, "target '-' needs the flag one");
    const uint32_t idx = static_cast<uint32_t>(patterns_.size());
    const std::vector<std::string> forms = Split(f[2], ',');
    if (forms.empty() || forms[0].empty()) return Bad("verbs.tsv", no, "no forms");
    for (const std::string& form : forms) {
      if (p.pos == 'V') {
        const size_t slash = form.find('/');
        if (slash == std::string::npos) return Bad("verbs.tsv", no, "verb form '" + form + "' is not past/present");
        AddVerb(text::MatchKey(Trim(form.substr(0, slash))), text::MatchKey(Trim(form.substr(slash + 1))), idx);
      } else if (p.pos == 'N') {
        AddNoun(text::MatchKey(Trim(form)), idx);
      } else {
        AddForm(text::MatchKey(Trim(form)), idx, false);
      }
    }
    patterns_.push_back(std::move(p));
  }
  if (patterns_.empty()) return Status::Corrupt("data/events/verbs.tsv is empty or missing");
  return Status::Ok();
}

Status Lexicon::LoadSpeech() {
  for (const auto& [no, line] : NumberedLines("events/speech.tsv")) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 3) return Bad("speech.tsv", no, "expected kind, pos, forms");
    SpeechKind kind = f[0] == "say"    ? SpeechKind::kSay
                      : f[0] == "cont" ? SpeechKind::kCont
                      : f[0] == "part" ? SpeechKind::kPart
                      : f[0] == "attr" ? SpeechKind::kAttr
                      : f[0] == "skip" ? SpeechKind::kSkip
                                       : SpeechKind::kNone;
    if (kind == SpeechKind::kNone) return Bad("speech.tsv", no, "unknown kind '" + f[0] + "'");
    for (const std::string& form : Split(f[2], ',')) {
      if (f[1] == "V") {
        // Reuse the verb generator through a scratch table: speech verbs keep no patterns.
        const size_t slash = form.find('/');
        if (slash == std::string::npos) return Bad("speech.tsv", no, "verb form is not past/present");
        StrMap<std::vector<Form>> saved;
        saved.swap(forms_);
        no_enclitics_ = true;  // أشار+ه would be إشارة
        AddVerb(text::MatchKey(Trim(form.substr(0, slash))), text::MatchKey(Trim(form.substr(slash + 1))), 0);
        no_enclitics_ = false;
        for (const auto& [w, unused] : forms_) speech_.emplace(w, kind);  // the first kind listed wins
        forms_.swap(saved);
      } else {
        speech_[text::MatchKey(Trim(form))] = kind;  // literal words override generated forms (يذكر أن)
      }
    }
  }
  return Status::Ok();
}

Status Lexicon::LoadMarkers() {
  static const std::pair<const char*, uint32_t> kKinds[] = {
      {"neg", kNeg},   {"future", kFuture}, {"futnoun", kFutNoun}, {"hypo", kHypo},
      {"comp", kComp}, {"bound", kBound},   {"prep", kPrep},       {"agent", kAgent},
      {"partday", kPartDay}, {"yearword", kYearWord}, {"head", kHead},
      {"role", kRole}, {"filler", kFiller}, {"source", kSource}, {"futscope", kFutScope}, {"negscope", kNegScope},
      {"where", kWhere}, {"objhead", kObjHead}, {"stance", kStance}};
  for (const auto& [no, line] : NumberedLines("events/markers.tsv")) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 2) return Bad("markers.tsv", no, "expected kind <TAB> word");
    if (f[0] == "weekday") {
      if (f.size() < 3) return Bad("markers.tsv", no, "weekday needs a number and a word");
      weekdays_[text::MatchKey(f[2])] = std::atoi(f[1].c_str());
      continue;
    }
    if (f[0] == "lastyear") continue;  // two-word phrases, read by the date resolver
    uint32_t bit = 0;
    for (const auto& [k, b] : kKinds)
      if (f[0] == k) bit = b;
    if (bit == 0) return Bad("markers.tsv", no, "unknown kind '" + f[0] + "'");
    markers_[text::MatchKey(f[1])] |= bit;
  }
  for (const std::string& line : DataLines("clean/months.tsv")) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() >= 3 && f[0] == "gregorian") months_[text::MatchKey(f[2])] = std::atoi(f[1].c_str());
  }
  return Status::Ok();
}

void Lexicon::Prefixes(std::string_view key, std::vector<uint32_t>* out) const {
  out->clear();
  out->push_back(0);
  for (const std::string& p : prefixes_)
    if (key.size() > p.size() + 3 && key.compare(0, p.size(), p) == 0) out->push_back(static_cast<uint32_t>(p.size()));
}

void Lexicon::Lookup(std::string_view key, std::vector<TriggerHit>* out) const {
  thread_local std::vector<uint32_t> pre;
  Prefixes(key, &pre);
  const size_t first = out->size();
  for (uint32_t n : pre) {
    auto it = forms_.find(key.substr(n));
    if (it == forms_.end()) continue;
    const std::string_view prefix = key.substr(0, n);
    const bool fut = prefix.find("س") != std::string_view::npos;
    const bool has_article = prefix.find("ال") != std::string_view::npos || prefix.find("لل") != std::string_view::npos;
    const bool coord = !prefix.empty() && (prefix.rfind("و", 0) == 0 || prefix.rfind("ف", 0) == 0);
    // A verb takes only [و|ف] + [س|ل] (ل and س before present forms: ليبحث، ستبحث).
    std::string_view rest = coord ? prefix.substr(2) : prefix;
    const bool verb_prefix = rest.empty() || rest == "س" || rest == "ل";
    const bool needs_present = !rest.empty();
    for (const Form& f : it->second) {
      const Pattern& p = patterns_[f.pattern];
      if (fut && !f.present) continue;  // س only before present verbs
      if (p.pos == 'V' && (has_article || !verb_prefix || (needs_present && !f.present))) continue;
      if ((p.pos == 'W' || p.pos == 'P') && has_article) continue;  // القبض is not قبض`s literal form
      bool dup = false;
      for (size_t i = first; i < out->size(); ++i) dup |= (*out)[i].pattern == f.pattern;
      if (!dup) out->push_back({f.pattern, fut, f.possessive, coord, f.first_person});
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
            [](const TriggerHit& a, const TriggerHit& b) { return a.pattern < b.pattern; });
}

bool Lexicon::Needs(const Pattern& p, std::string_view key) const {
  thread_local std::vector<uint32_t> pre;
  Prefixes(key, &pre);
  for (uint32_t n : pre) {
    std::string_view w = key.substr(n);
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::string& need : p.needs)
        if (w == need) return true;
      if (!EndsWith(w, kAlef) || w.size() <= 4) break;
      w.remove_suffix(kAlef.size());  // tanween: اتصالا -> اتصال
    }
  }
  return false;
}

SpeechKind Lexicon::Speech(std::string_view key) const {
  if (auto it = speech_.find(key); it != speech_.end()) return it->second;
  for (std::string_view c : {"و", "ف"})
    if (key.size() > c.size() + 2 && key.compare(0, c.size(), c) == 0)
      if (auto it = speech_.find(key.substr(c.size())); it != speech_.end()) return it->second;
  return SpeechKind::kNone;
}

std::string_view Lexicon::MarkerWord(std::string_view key) const {
  if (markers_.count(key) == 0)
    for (std::string_view c : {"و", "ف"})
      if (key.size() > c.size() + 2 && key.compare(0, c.size(), c) == 0 && markers_.count(key.substr(c.size())))
        return key.substr(c.size());
  return key;
}

uint32_t Lexicon::Markers(std::string_view key) const {
  auto it = markers_.find(MarkerWord(key));
  return it == markers_.end() ? 0 : it->second;
}

int Lexicon::Weekday(std::string_view key) const {
  auto it = weekdays_.find(key);
  if (it == weekdays_.end() && key.size() > 2 && (key.rfind("و", 0) == 0 || key.rfind("ف", 0) == 0))
    it = weekdays_.find(key.substr(2));
  return it == weekdays_.end() ? 0 : it->second;
}

int Lexicon::Month(std::string_view key) const {
  thread_local std::vector<uint32_t> pre;
  Prefixes(key, &pre);
  for (uint32_t n : pre)
    if (auto it = months_.find(key.substr(n)); it != months_.end()) return it->second;
  return 0;
}

}  // namespace marsad::events
