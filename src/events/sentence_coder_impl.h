// The state and rules of coding one sentence (internal to src/events; used by
// sentence_coder.cc and actor_roles.cc only). Entry point: CodeSentence (sentence_coder.h).
// The rules and the meaning of confidence are in docs/EVENTS.md.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "events/sentence_coder.h"
#include "text/clitics.h"

namespace marsad::events::coding {

constexpr int kNone = -1;

struct Trigger {
  uint32_t tok = 0;
  uint32_t pattern = 0;
  uint32_t consumed = 0;  // token of the needed word (== tok when none)
  bool future = false, coord = false, possessive = false, first_person = false;
};

// Clause limits around a trigger: actors are searched between boundaries only.
struct Clause { uint32_t begin = 0, end = 0; };

class SentenceCoder {
 public:
  SentenceCoder(const CodingContext& cx, uint32_t s)
      : cx_(cx), v_(cx.view), lx_(cx.lexicon), sn_(v_.sentences[s]), s_(s) {}

  void Run(std::vector<Event>* out);

 private:
  bool Usable(int k) const {
    if (k < 0) return false;
    const Slot& sl = v_.slots[k];
    return sl.actor && !sl.attr;
  }
  // A place is a target only of what is done to a place: assaults, fighting and mass
  // violence (18-20: قصفت حلب), visits (042/043: زار حلب) and aid (07x: وصلت إلى عدن) — and
  // not where it says where (في حلب، شمال شرق الفلوجة). Meetings, statements and sports
  // results "with" a city are not events with it (يلتقي نيويورك مع بنفيكا).
  bool PlaceTarget(const Pattern& p, const Slot& sl) const {
    const std::string_view code = p.code;
    const bool done_to_place = code.rfind("18", 0) == 0 || code.rfind("19", 0) == 0 || code.rfind("20", 0) == 0 ||
                               code == "042" || code == "043" || code.rfind("07", 0) == 0;
    if (!done_to_place || sl.prep == "في") return false;
    return sl.first == 0 || (lx_.Markers(v_.toks[sl.first - 1].key) & kWhere) == 0;
  }
  // May act: places are done to (قصفت حلب), they do nothing (في مدينة الرقة ... اعتقل).
  bool UsableSubject(int k) const { return Usable(k) && !v_.slots[k].place; }
  bool Boundary(uint32_t t) const {
    const Tok& k = v_.toks[t];
    if (!k.word) return k.punct == U'؛' || k.punct == U';' || k.punct == U':';
    return (lx_.Markers(k.key) & (kComp | kBound)) != 0;
  }
  Clause ClauseOf(uint32_t t, uint32_t consumed) const {
    Clause c{sn_.tok_begin, sn_.tok_end};
    for (uint32_t i = t; i > sn_.tok_begin; --i)
      if (Boundary(i - 1)) { c.begin = i; break; }
    for (uint32_t i = std::max(t, consumed) + 1; i < sn_.tok_end; ++i)
      if (Boundary(i)) { c.end = i; break; }
    return c;
  }
  std::string_view PrepOf(int k) const { return v_.slots[v_.slots[k].group].prep; }
  // May be a subject: no preposition, or the باسم of a spokesman (المتحدث باسم X رفض).
  bool SubjectPrep(int k) const {
    const std::string_view p = PrepOf(k);
    return p.empty() || p == "باسم";
  }
  std::vector<int> Members(int k) const {
    std::vector<int> m;
    if (k < 0) return m;
    const uint32_t g = v_.slots[k].group;
    for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i)
      if (v_.slots[i].group == g && Usable(static_cast<int>(i))) m.push_back(static_cast<int>(i));
    return m;
  }
  int Subject(const Trigger& tr, const Pattern& p, const Clause& c, double* q) const;
  int Target(const Trigger& tr, const Pattern& p, const Clause& c, int src, double* q, bool* between) const;
  int PronounTarget(const Trigger& tr, const Pattern& p, const Clause& c, uint32_t src_g, uint32_t src_entity,
                    double* q) const;
  // An attack with no target named (التفجير الذي نفذه داعش في بلدة سروج): the place it hit,
  // within the clause, when that place lies in another country than every source's (a
  // country's own forces fighting at home give no dyad). UINT32_MAX when none.
  uint32_t AttackedPlace(const Trigger& tr, const Pattern& p, const Clause& c, const std::vector<uint32_t>& srcs) const;
  // بين X و Y whose two sides are separate actor groups: described members (بين قيادات في
  // المؤتمر ودبلوماسيين من الولايات المتحدة وبريطانيا) or sides marked من جهة ... من جهة أخرى.
  // On success *a and *b are the two groups (slot indexes); false when بين names one compound
  // (بين روسيا وأمريكا: Target's بين handles it) or no two sides.
  bool BetweenSides(const Trigger& tr, const Pattern& p, const Clause& c, int* a, int* b) const;
  std::string Mode(const Trigger& tr, const Pattern& p) const;
  // se, te: entity indexes (te < 0: no target).
  void Emit(const Trigger& tr, const Pattern& p, uint32_t se, int64_t te, double conf, const std::string& mode,
            std::vector<Event>* out);
  void Locate(Event* e, const Trigger& tr, uint32_t se) const;
  // The index into Article::entities of the entity with this id, or UINT32_MAX.
  uint32_t EntityIndex(const std::string& id) const {
    for (uint32_t i = 0; i < cx_.article.entities.size(); ++i)
      if (cx_.article.entities[i].id == id) return i;
    return UINT32_MAX;
  }
  // The entity index of the speaker of the quote holding token t, or UINT32_MAX.
  uint32_t QuoteSpeakerAt(uint32_t t) const {
    const Tok& tk = v_.toks[t];
    for (const Quote& q : cx_.article.quotes)
      if (q.speaker && q.start <= tk.start && tk.end <= q.end) return EntityIndex(*q.speaker);
    return UINT32_MAX;
  }
  // w is the pattern's مع or من carrying a pronoun (معه، منها): the only prepositions whose
  // pronoun is read as the last actor named (see PronounTarget).
  static bool WithOrFromPronoun(const Pattern& p, std::string_view w) {
    for (const std::string& spec : p.targets)
      if ((spec == "مع" || spec == "من") && w.size() > spec.size() && w.substr(0, spec.size()) == spec) {
        const std::string_view rest = w.substr(spec.size());
        if (rest == "ه" || rest == "ها" || rest == "هم" || rest == "هما") return true;
      }
    return false;
  }
  // The word after the trigger is such a pronoun (وبحث معه).
  bool PrepPronounAfter(const Trigger& tr, const Pattern& p) const {
    const uint32_t i = std::max(tr.tok, tr.consumed) + 1;
    return i < sn_.tok_end && v_.toks[i].word && WithOrFromPronoun(p, v_.toks[i].key);
  }
  // After a sentence-opening verb, nothing names a subject of its own: a preposition or
  // another function word, or an honorific standing for the last subject (وعبر سموه).
  // "وطالب المجتمع الدولي" has its own subject (no actor): no elided subject.
  bool ElidedSubjectFollows(uint32_t t) const {
    if (t + 1 >= sn_.tok_end || !v_.toks[t + 1].word) return true;
    const std::string_view w = v_.toks[t + 1].key;
    if (w == "سموه" || w == "معاليه" || w == "جلالته" || w == "فخامته" || w == "سعادته") return true;
    if (lx_.Markers(w) & (kPrep | kFiller | kComp | kNeg)) return true;
    for (std::string_view pron : {"ه", "ها", "هم", "هما"})  // معه، عليها، لهم
      if (w.size() > pron.size() && w.substr(w.size() - pron.size()) == pron &&
          (lx_.Markers(w.substr(0, w.size() - pron.size())) & kPrep))
        return true;
    return false;
  }
  // The entity index of the source (or target) of the last event of the previous
  // sentence (the one just before this), or UINT32_MAX.
  uint32_t PreviousActor(const std::vector<Event>* out, bool source) const {
    if (out->empty() || s_ == 0 || out->back().evidence_start != v_.sentences[s_ - 1].start) return UINT32_MAX;
    const std::optional<std::string>& id = source ? out->back().source.entity : out->back().target.entity;
    return id ? EntityIndex(*id) : UINT32_MAX;
  }
  // The word right before token t is a stance noun (عدم ممانعته نشر قوات): markers.tsv
  // `stance`, also with a pronoun (ممانعته = ممانعة + ه).
  bool StanceBefore(uint32_t t) const {
    if (t <= sn_.tok_begin || !v_.toks[t - 1].word) return false;
    const std::string_view w = v_.toks[t - 1].key;
    if (lx_.Markers(w) & kStance) return true;
    for (text::EncliticSplit& sp : text::EncliticCandidates(w)) {
      if (sp.suffix != "ه" && sp.suffix != "ها" && sp.suffix != "هم" && sp.suffix != "هما") continue;
      if (lx_.Markers(sp.stem) & kStance) return true;
      if (sp.stem.size() > 2 && sp.stem.compare(sp.stem.size() - 2, 2, "ت") == 0) {  // ة before a pronoun is ت
        sp.stem.replace(sp.stem.size() - 2, 2, "ه");
        if (lx_.Markers(sp.stem) & kStance) return true;
      }
    }
    return false;
  }
  // A visit noun (042/043) at token t and a country or place as its genitive (بزيارة قطر):
  // the visited, not the visitor (زيارة بوتين: a person visits). After a definite noun the
  // country word is an adjective, the visitor's (الزيارة الأميركية لكينيا).
  bool VisitedCountry(const Pattern& p, uint32_t t, int k) const {
    if (p.pos != 'N' || (p.code != "042" && p.code != "043")) return false;
    std::string_view w = v_.toks[t].key;
    for (std::string_view clitic : {"و", "ف"})
      if (w.rfind(clitic, 0) == 0) w.remove_prefix(clitic.size());
    if (w.rfind("ال", 0) == 0 || w.rfind("بال", 0) == 0 || w.rfind("لل", 0) == 0) return false;
    const std::string& type = cx_.article.entities[v_.slots[k].entity].type;
    return type == "GPE" || type == "LOC";
  }
  // Token t is a noun of what is struck (مواقع، مقرات): markers.tsv `objhead`.
  bool ObjHead(uint32_t t) const { return v_.toks[t].word && (lx_.Markers(v_.toks[t].key) & kObjHead) != 0; }
  // Iran and an Iranian body (برنامج طهران), Sudan and its government, Zarif and Iran: one
  // state, not a dyad (eval/gold/events: dyads inside one country are not coded).
  bool CountryAndItsOwn(uint32_t x, uint32_t y) const {
    const Entity& ex = cx_.article.entities[x];
    const Entity& ey = cx_.article.entities[y];
    if (!ex.country || ex.country != ey.country) return false;
    // Rebels, opposition and insurgents against their own state are a dyad (سيطرة
    // الحوثيين على اليمن).
    for (const Entity* e : {&ex, &ey})
      for (std::string_view role : {"REB", "OPP", "INS", "SEP", "UAF", "IMG"})
        if (e->cameo && e->cameo->find(role) != std::string::npos) return false;
    return ex.cameo == ex.country || ey.cameo == ey.country;
  }
  std::vector<uint32_t> EntitiesOf(int slot) const {
    std::vector<uint32_t> out;
    for (int m : Members(slot)) out.push_back(v_.slots[m].entity);
    return out;
  }

  const CodingContext& cx_;
  const ArticleView& v_;
  const Lexicon& lx_;
  const ArticleView::Sentence& sn_;
  uint32_t s_;
  std::vector<int> slot_at_;  // token (relative to sentence) -> slot or kNone
  int last_src_ = kNone;      // source of the previous event in this sentence
  uint32_t last_trigger_ = UINT32_MAX;  // last trigger (or its needed word): nouns look for subjects after it; a noun trigger may look for its subject
  std::optional<std::string> date_[2];
  bool date_done_[2] = {false, false};
};

}  // namespace marsad::events::coding
