#include "events/sentence_coder.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace marsad::events {
namespace {

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
  std::string Mode(const Trigger& tr, const Pattern& p) const;
  // se, te: entity indexes (te < 0: no target).
  void Emit(const Trigger& tr, const Pattern& p, uint32_t se, int64_t te, double conf, const std::string& mode,
            std::vector<Event>* out);
  void Locate(Event* e, const Trigger& tr, uint32_t se, int64_t te) const;
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

// Subject: the agent of a passive (من قبل X), the genitive after a noun trigger (زيارة
// بوتين), an actor just before the trigger (SVO, nominal sentences), the elided subject of
// a coordinated verb (وبحث), or the first actor after a verb (VSO).
int SentenceCoder::Subject(const Trigger& tr, const Pattern& p, const Clause& c, double* q) const {
  const uint32_t t = tr.tok;
  for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
    const Slot& sl = v_.slots[i];
    if (sl.first > t && sl.first < c.end && sl.agent && UsableSubject(static_cast<int>(i))) {
      *q = 0.9;
      return static_cast<int>(i);
    }
  }
  if (p.pos == 'P') {
    // مشيدا بـ، منتقدا: a participle describes the sentence's subject, named at its start
    // (واعتبر الدكتور الزياني ... منوها بالتوضيحات).
    for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
      const Slot& sl = v_.slots[i];
      if (sl.first >= t || sl.first > sn_.tok_begin + 4) break;
      if (UsableSubject(static_cast<int>(i)) && SubjectPrep(static_cast<int>(i)) && !sl.agent) {
        *q = 0.8;
        return static_cast<int>(sl.group);
      }
    }
    return kNone;
  }
  if (p.pos == 'V' && t > c.begin + 1) {
    // الولايات المتحدة التي فرضت عقوبات: a verb right after a relative pronoun has the
    // noun before the pronoun as subject, whatever preposition that noun carries.
    const std::string_view rel = v_.toks[t - 1].key;
    if (rel == "الذي" || rel == "التي" || rel == "الذين") {
      // التي ساندتها باكستان: a verb carrying an object pronoun with an actor right after it
      // has that actor as subject (the antecedent is the object). الذي يحمل حماس مسؤولية:
      // no pronoun on the verb, the antecedent acts on Hamas.
      auto ends = [&](std::string_view suf) {
        const std::string_view w = v_.toks[t].key;
        return w.size() > suf.size() + 4 && w.substr(w.size() - suf.size()) == suf;
      };
      const bool object_pronoun = ends("ها") || ends("هم") || ends("هما") || ends("ته") || ends("وه");
      const int next = t + 1 < sn_.tok_end ? slot_at_[t + 1 - sn_.tok_begin] : kNone;
      const int before = slot_at_[t - 2 - sn_.tok_begin];
      int k = kNone;
      if (object_pronoun && next != kNone && UsableSubject(next) && PrepOf(next).empty()) k = next;
      else if (before != kNone && UsableSubject(before) && v_.slots[before].last == t - 2 && !v_.slots[before].agent) k = before;
      if (k != kNone) {
        *q = 0.9;
        return static_cast<int>(v_.slots[k].group);
      }
    }
  }
  if (p.pos == 'N' && !p.obj) {
    for (uint32_t i = t + 1; i <= t + 2 && i < c.end; ++i) {
      const int k = slot_at_[i - sn_.tok_begin];
      if (k != kNone && v_.slots[k].first == i && UsableSubject(k) && PrepOf(k).empty()) {
        *q = 1.0;
        return v_.slots[k].group;
      }
      if (k == kNone && !v_.toks[i].word) break;
    }
  }
  if (tr.coord && p.pos == 'V') {
    for (uint32_t i = t + 1; i <= t + 2 && i < c.end; ++i) {
      const int k = slot_at_[i - sn_.tok_begin];
      if (k != kNone && v_.slots[k].first == i && UsableSubject(k) && PrepOf(k).empty()) {
        *q = 1.0;
        return v_.slots[k].group;
      }
    }
    if (last_src_ != kNone) {
      *q = 0.75;
      return last_src_;
    }
  }
  const uint32_t window = p.pos == 'N' ? 8 : 5;
  // A noun after another trigger in its clause is that verb's object (أدانت مصر الهجوم):
  // the verb's subject is not the noun's.
  if (p.pos == 'N' && tr.possessive) {
    // زيارته، في زيارته إلى كينيا ... وجد الرئيس الأميركي: "his" is the sentence's subject.
    for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i)
      if (UsableSubject(static_cast<int>(i)) && PrepOf(static_cast<int>(i)).empty() && !v_.slots[i].agent) {
        *q = 0.8;
        return v_.slots[i].group;
      }
    return kNone;
  }
  if (p.pos == 'N') {  // الهجوم الذي شنته إسرائيل: the agent in the relative clause
    for (uint32_t i = t + 1; i < c.end && i <= t + 4; ++i) {
      const std::string_view w = v_.toks[i].key;
      if (w != "الذي" && w != "التي" && w != "الذين") continue;
      for (uint32_t j = i + 2; j < c.end && j <= i + 3; ++j) {
        const int k = slot_at_[j - sn_.tok_begin];
        if (k != kNone && v_.slots[k].first == j && UsableSubject(k) && PrepOf(k).empty()) {
          *q = 0.9;
          return v_.slots[k].group;
        }
      }
      break;
    }
  }
  if (p.pos == 'N' && last_trigger_ != UINT32_MAX && last_trigger_ >= c.begin) return kNone;
  if (p.pos == 'N' && tr.coord) return kNone;  // الأمم المتحدة وحوار: a conjunct, not a subject
  for (uint32_t i = t; i > c.begin && t - i < window; --i) {
    const Tok& tk = v_.toks[i - 1];
    if (!tk.word && (tk.punct == U'،' || tk.punct == U',')) break;  // "قرب الحدود السورية، نفى"
    const int k = slot_at_[i - 1 - sn_.tok_begin];
    if (k == kNone) continue;
    const int g = static_cast<int>(v_.slots[k].group);
    if (UsableSubject(k) && SubjectPrep(k) && !v_.slots[k].agent) {
      *q = t - i <= 1 ? 1.0 : 0.9;
      return g;
    }
    if (!UsableSubject(k)) continue;
    i = v_.slots[g].first + 1;  // skip the whole prepositional group
  }
  if (p.pos == 'V' || p.pos == 'W') {
    // أطلقت امرأتان النار على القنصلية: an indefinite noun that names nobody right after
    // the verb is the subject; the actor after it is no subject.
    // مسلحون فلسطينيون: the adjective after it names the subject's side, so an actor
    // right after the noun keeps the usual search. The cheap tests come first: this runs
    // for every verb trigger.
    if (t + 1 < c.end && slot_at_[t + 1 - sn_.tok_begin] == kNone && v_.toks[t + 1].word) {
      const std::string_view w = v_.toks[t + 1].key;
      const bool human_plural = w.size() > 8 && (w.substr(w.size() - 4) == "ون" || w.substr(w.size() - 4) == "ان");
      const int after = t + 2 < sn_.tok_end ? slot_at_[t + 2 - sn_.tok_begin] : kNone;
      if (human_plural && after == kNone && lx_.Markers(w) == 0 && lx_.Weekday(w) == 0 && w.rfind("ال", 0) != 0 &&
          lx_.Speech(w) == SpeechKind::kNone) {
        std::vector<TriggerHit> hits;
        lx_.Lookup(w, &hits);
        if (hits.empty()) return kNone;
      }
    }
    for (uint32_t i = t + 1; i < c.end && i <= t + 6; ++i) {
      const int k = slot_at_[i - sn_.tok_begin];
      if (k == kNone || v_.slots[k].first != i) continue;
      if (!UsableSubject(k)) continue;
      if (!SubjectPrep(k)) break;  // a prepositional phrase before any subject: none
      *q = i <= t + 2 ? 1.0 : 0.9;
      return v_.slots[k].group;
    }
  }
  return kNone;
}

// معه، منه: the pattern's preposition "with"/"from" carrying a pronoun names the actor
// named last before the trigger, other than the source (استقبل X Y وبحث معه). Other
// prepositions are left alone: on a corpus sample, عليه/إليه/عنها and nouns with a pronoun
// (على أراضيها) pointed at the nearest actor less often than not.
int SentenceCoder::PronounTarget(const Trigger& tr, const Pattern& p, const Clause& c, uint32_t src_g,
                                 uint32_t src_entity, double* q) const {
  const uint32_t t = tr.tok;
  for (uint32_t i = std::max(t, tr.consumed) + 1; i < c.end && i <= t + 4; ++i) {
    if (slot_at_[i - sn_.tok_begin] != kNone) return kNone;  // an actor is named: not a pronoun's
    if (!v_.toks[i].word || !WithOrFromPronoun(p, v_.toks[i].key)) continue;
    for (uint32_t k = sn_.slot_end; k > sn_.slot_begin; --k) {
      const Slot& sl = v_.slots[k - 1];
      if (sl.first >= t || !Usable(static_cast<int>(k - 1))) continue;
      if (sl.group == src_g || sl.entity == src_entity || sl.agent || sl.prep == "في") continue;
      *q = 0.7;
      return static_cast<int>(sl.group);
    }
    return kNone;
  }
  return kNone;
}

// Target by the pattern's target list, in order: = (direct object), a preposition, * (any).
int SentenceCoder::Target(const Trigger& tr, const Pattern& p, const Clause& c, int src, double* q,
                          bool* between) const {
  *between = false;
  const uint32_t t = tr.tok;
  const uint32_t src_g = src == kNone ? UINT32_MAX : v_.slots[src].group;
  const uint32_t src_entity = src == kNone ? UINT32_MAX : v_.slots[src].entity;
  uint32_t after = t;  // not the needed word: هدد داعش الحكومة التركية بالرد (the object comes first)
  if (src != kNone)
    for (int m : Members(src))
      if (v_.slots[m].first > t) after = std::max(after, v_.slots[m].last);
  auto candidate = [&](uint32_t i) -> int {
    if (!Usable(static_cast<int>(i))) return kNone;
    const Slot& sl = v_.slots[i];
    if (sl.group == src_g || sl.entity == src_entity || sl.agent) return kNone;
    if (sl.place && !PlaceTarget(p, sl)) return kNone;
    return static_cast<int>(sl.group);
  };
  for (const std::string& spec : p.targets) {
    if (spec == "-") continue;
    for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
      const Slot& sl = v_.slots[i];
      if (sl.first <= t || sl.first >= c.end || sl.group != i) continue;
      const int g = candidate(i);
      if (g == kNone) continue;
      if (spec == "=") {
        if (sl.first <= after || !sl.prep.empty()) continue;
        // The object follows the subject, possibly after the rest of its name, an adverb
        // and the object's head noun (استنكر الأمين العام ... الزياني بشدة، تصريحات
        // نائب الرئيس العراقي): up to 12 words, but never past a preposition.
        if (sl.first - after - 1 > 12) break;
        const bool far = sl.first - after - 1 > 4;
        bool pp = false;
        for (uint32_t k = after + 1; k < sl.first && !pp; ++k)
          pp = v_.toks[k].word && (lx_.Markers(v_.toks[k].key) & ((far ? static_cast<uint32_t>(kPrep) : 0u) | kComp | kBound));
        if (pp) break;
        *q = sl.first - after - 1 > 4 ? 0.8 : 0.9;
        return g;
      }
      if (spec == "*") {
        if (sl.first - t > 10) break;
        if (sl.prep == "في") continue;  // في X: where it happened, not to whom
        *q = 0.8;
        return g;
      }
      if (sl.prep == spec) {
        *between = spec == "بين";
        *q = 1.0;
        return g;
      }
    }
  }
  if (const int g = PronounTarget(tr, p, c, src_g, src_entity, q); g != kNone) return g;
  if (p.pos == 'N') {  // وصل X إلى موسكو في زيارة: the destination came first
    for (uint32_t i = sn_.slot_end; i > sn_.slot_begin; --i) {
      const Slot& sl = v_.slots[i - 1];
      if (sl.first >= t || sl.first < c.begin || sl.group != i - 1) continue;
      const int g = candidate(i - 1);
      if (g == kNone || sl.prep.empty()) continue;
      for (const std::string& spec : p.targets)
        if (spec == sl.prep) {
          *q = 0.8;
          return g;
        }
    }
  }
  return kNone;
}

std::string SentenceCoder::Mode(const Trigger& tr, const Pattern& p) const {
  const uint32_t t = tr.tok;
  bool neg = false, fut = tr.future, hypo = false, comp_seen = false;
  for (uint32_t i = t; i > sn_.tok_begin && t - i < 4; --i) {
    const Tok& k = v_.toks[i - 1];
    if (!k.word) break;
    const uint32_t m = lx_.Markers(k.key);
    if (m & kBound) break;
    if ((m & kNeg) && t - i < 2) neg = true;  // لم يبحث، عدم توقيع: right before the trigger
    if (m & kFuture) fut = true;
  }
  if (p.pos == 'N')
    for (uint32_t i = t + 1; i < sn_.tok_end && i <= t + 4; ++i)
      if (lx_.Markers(v_.toks[i].key) & kFutNoun) fut = true;
  for (uint32_t i = t; i > sn_.tok_begin; --i) {
    const Tok& k = v_.toks[i - 1];
    const uint32_t m = lx_.Markers(k.key);
    if (m & kBound) break;
    if ((m & kComp) || IsPronounComp(k.key)) comp_seen = true;
    if (m & kHypo) hypo = true;
    if (m & kFutScope) fut = true;  // توقع أن ... تساعد: an expected event, not a done one
    if ((m & kNegScope) && comp_seen) neg = true;  // نفى أن تكون تركيا تساعد: a denied event
    // إن كان / إن تم: a condition, not the complementiser of a reported statement.
    if ((m & kComp) && lx_.MarkerWord(k.key) == "ان" && i < t) {
      const std::string_view next = v_.toks[i].key;
      if (next == "كان" || next == "كانت" || next == "تم" || next == "لم") hypo = true;
    }
  }
  if (neg) return "negated";
  if (hypo) return "hypothetical";
  if (fut) return "future";
  return "asserted";
}

void SentenceCoder::Locate(Event* e, const Trigger& tr, uint32_t se, int64_t te) const {
  int best = kNone;
  uint32_t best_d = UINT32_MAX;
  for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
    const Slot& sl = v_.slots[i];
    const Entity& en = cx_.article.entities[sl.entity];
    if (en.type != "GPE" && en.type != "LOC") continue;
    if (sl.entity == se || static_cast<int64_t>(sl.entity) == te) continue;
    const bool place = sl.prep == "في" || (sl.prep == "ب" && en.type == "LOC");
    if (!place) continue;
    const uint32_t d = sl.first > tr.tok ? sl.first - tr.tok : tr.tok - sl.first;
    if (d < best_d) best = static_cast<int>(i), best_d = d;
  }
  if (best == kNone) return;
  const Slot& sl = v_.slots[best];
  const Entity& en = cx_.article.entities[sl.entity];
  const Mention& m = en.mentions[sl.mention];
  e->location_name = m.text.empty() ? std::string(CodePointSpan(cx_.article.text, m.start, m.end)) : m.text;
  if (en.country && !en.country->empty()) e->location_country = en.country;
}

EventActor ActorOf(const Article& a, uint32_t entity) {
  const Entity& en = a.entities[entity];
  EventActor act;
  act.entity = en.id;
  act.name_en = en.name_en;
  act.cameo = en.cameo.value_or("");
  act.country = en.country.value_or("");
  return act;
}

void SentenceCoder::Emit(const Trigger& tr, const Pattern& p, uint32_t se, int64_t te, double conf,
                         const std::string& mode, std::vector<Event>* out) {
  std::string code = p.code;
  if (mode == "future" && code.rfind("04", 0) == 0) code = "036";  // "will meet" = intent to meet
  if (mode == "future" && code.rfind("07", 0) == 0)  // "will help" = intent to provide aid
    code = code == "071" ? "0331" : code == "072" ? "0332" : code == "073" ? "0333" : code == "074" ? "0334" : "033";
  const CameoInfo* info = cx_.cameo.Find(code);
  if (info == nullptr) return;
  if (static_cast<int64_t>(se) == te) return;
  for (const Event& e : *out) {  // one event per source, target and code in a sentence
    if (e.evidence_start != sn_.start || e.cameo_code != code) continue;
    const bool same_t = te < 0 ? !e.target.entity.has_value() : e.target.entity == cx_.article.entities[te].id;
    if (e.source.entity == cx_.article.entities[se].id && same_t) return;
  }
  Event e;
  e.source = ActorOf(cx_.article, se);
  if (te >= 0) e.target = ActorOf(cx_.article, static_cast<uint32_t>(te));
  e.cameo_code = code;
  e.root = info->root;
  e.quad_class = info->quad_class;
  e.goldstein = info->goldstein;
  e.plover = info->plover;
  e.mode = mode;
  const bool fut = mode == "future";
  if (!date_done_[fut]) {
    date_[fut] = cx_.dates.Resolve(v_, s_, CodePointSpan(cx_.article.text, sn_.start, sn_.end), cx_.article.published, fut);
    date_done_[fut] = true;
  }
  e.date = date_[fut];
  Locate(&e, tr, se, te);
  e.evidence_text = std::string(CodePointSpan(cx_.article.text, sn_.start, sn_.end));
  e.evidence_start = sn_.start;
  e.evidence_end = sn_.end;
  e.confidence = std::round(std::clamp(conf, 0.0, 1.0) * 100) / 100;
  out->push_back(std::move(e));
}

void SentenceCoder::Run(std::vector<Event>* out) {
  if (sn_.slot_end - sn_.slot_begin == 0) {  // no actors, no events, unless the subject is elided (وبحث معه)
    if (s_ == 0 || out->empty() || sn_.tok_begin >= sn_.tok_end) return;
    const std::string_view w0 = v_.toks[sn_.tok_begin].key;
    if (w0.rfind("و", 0) != 0 && w0.rfind("ف", 0) != 0) return;
  }
  slot_at_.assign(sn_.tok_end - sn_.tok_begin, kNone);
  for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i)
    for (uint32_t t = v_.slots[i].first; t <= v_.slots[i].last && t < sn_.tok_end; ++t)
      slot_at_[t - sn_.tok_begin] = static_cast<int>(i);

  std::vector<TriggerHit> hits;
  std::vector<bool> consumed(sn_.tok_end - sn_.tok_begin, false);
  for (uint32_t t = sn_.tok_begin; t < sn_.tok_end; ++t) {
    if (consumed[t - sn_.tok_begin] || slot_at_[t - sn_.tok_begin] != kNone || !v_.toks[t].word) continue;
    hits.clear();
    lx_.Lookup(v_.toks[t].key, &hits);
    if (hits.empty()) continue;
    Trigger tr;
    bool found = false;
    // Patterns with needed words first (أجرى اتصالا -> 041 before أجرى alone), then file order.
    std::stable_sort(hits.begin(), hits.end(), [&](const TriggerHit& a, const TriggerHit& b) {
      return !lx_.patterns()[a.pattern].needs.empty() && lx_.patterns()[b.pattern].needs.empty();
    });
    for (const TriggerHit& h : hits) {
      const Pattern& p = lx_.patterns()[h.pattern];
      uint32_t need_at = t;
      if (!p.needs.empty()) {
        // Five words after the trigger, not counting the words of actor names between
        // (رفض المتحدث باسم مجلس الأمن القومي الأمريكي التعليق).
        uint32_t seen = 0;
        for (uint32_t i = t + 1; i < sn_.tok_end && seen < 5; ++i) {
          if (slot_at_[i - sn_.tok_begin] != kNone) continue;
          ++seen;
          if (v_.toks[i].word && lx_.Needs(p, v_.toks[i].key)) {
            need_at = i;
            break;
          }
        }
        if (need_at == t) continue;
      }
      tr = {t, h.pattern, need_at, h.future, h.coordinated, h.possessive, h.first_person};
      found = true;
      break;
    }
    if (!found) continue;
    if (tr.consumed != t) consumed[tr.consumed - sn_.tok_begin] = true;
    const Pattern& p = lx_.patterns()[tr.pattern];
    struct Mark {  // the next trigger's nouns look for subjects after this one
      uint32_t& at;
      uint32_t t;
      ~Mark() { at = t; }
    } mark{last_trigger_, tr.consumed};
    const Clause c = ClauseOf(t, tr.consumed);
    double qs = 1, qt = 0.7;
    bool between = false;
    int src = kNone, tgt = kNone;
    if (p.rev) {
      for (uint32_t i = sn_.slot_begin; i < sn_.slot_end && src == kNone; ++i)
        if (v_.slots[i].first > t && v_.slots[i].first < c.end && v_.slots[i].group == i &&
            UsableSubject(static_cast<int>(i)) && v_.slots[i].prep == "من")
          src = static_cast<int>(i);
      Pattern as_subject = p;
      as_subject.pos = 'V';
      tgt = Subject(tr, as_subject, c, &qt);
      if (src == kNone || tgt == kNone) continue;
    } else {
      // A first-person verb in a quote has its speaker as subject, never the actor after it.
      const bool speaker_acts = tr.first_person && QuoteSpeakerAt(t) != UINT32_MAX;
      if (!speaker_acts) src = Subject(tr, p, c, &qs);
      if (src == kNone && !speaker_acts && c.begin > sn_.tok_begin && !(lx_.Markers(v_.toks[c.begin - 1].key) & kComp)) {
        // A clause after حيث/كما/فيما without its own subject continues the sentence's
        // subject: the first actor of the sentence without a preposition.
        for (uint32_t i = sn_.slot_begin; i < sn_.slot_end && src == kNone; ++i)
          if (v_.slots[i].first < c.begin && UsableSubject(static_cast<int>(i)) && PrepOf(static_cast<int>(i)).empty() &&
              !v_.slots[i].agent)
            src = static_cast<int>(v_.slots[i].group), qs = 0.7;
      }
      tgt = Target(tr, p, c, src, &qt, &between);
      if (p.pos == 'N' && p.obj && tgt == kNone) {  // اعتقال X: the genitive is the target
        for (uint32_t i = t + 1; i <= t + 2 && i < c.end; ++i) {
          const int k = slot_at_[i - sn_.tok_begin];
          if (k != kNone && Usable(k) && PrepOf(k).empty() && (src == kNone || v_.slots[k].group != v_.slots[src].group)) {
            tgt = v_.slots[k].group;
            qt = 1.0;
            break;
          }
        }
      }
    }
    const double base = !p.needs.empty() ? 0.9 : p.pos == 'V' ? 0.8 : 0.7;
    const std::string mode = Mode(tr, p);
    const size_t before = out->size();
    if (between) {  // بين X و Y: the pair, both ways when the direction is arbitrary
      const std::vector<uint32_t> pair = EntitiesOf(tgt);
      if (pair.size() >= 2) {
        for (size_t a = 0; a < pair.size(); ++a)
          for (size_t b = 0; b < pair.size(); ++b)
            if (a != b && (p.sym || a < b)) Emit(tr, p, pair[a], pair[b], base * 0.95, mode, out);
        continue;
      }
      tgt = kNone;  // بين الأطراف اليمنية: among one actor's parts, no dyad
    }
    std::vector<uint32_t> srcs = EntitiesOf(src);
    uint32_t prev_target = UINT32_MAX;  // an entity named in the previous sentence
    if (src == kNone) {
      // وأضاف أنه سيجتمع مع X: the speaker of the statement is its subject.
      for (uint32_t i = t; i > sn_.tok_begin && t - i < 3 && srcs.empty(); --i)
        for (const PronounSubject& ps : cx_.subjects)
          if (ps.tok == i - 1) {
            srcs.push_back(ps.entity);
            qs = 0.8;
            break;
          }
      // "سوف نثير هذا الأمر لدى السلطات": a first-person verb in a quote is its speaker's.
      if (srcs.empty() && tr.first_person) {
        const uint32_t sp = QuoteSpeakerAt(t);
        if (sp != UINT32_MAX) {
          srcs.push_back(sp);
          qs = 0.8;
        }
      }
      // استقبل الملك X ... . وبحث معه ...: a coordinated verb opening a sentence with no
      // subject of its own continues the previous sentence's (last event's) source.
      if (srcs.empty() && tr.coord && p.pos == 'V' && t <= sn_.tok_begin + 1 && ElidedSubjectFollows(t)) {
        const uint32_t prev = PreviousActor(out, true);
        if (prev != UINT32_MAX) {
          srcs.push_back(prev);
          qs = 0.7;
          // وبحث معه: the pronoun is the previous sentence's target.
          if (PronounTarget(tr, p, c, UINT32_MAX, UINT32_MAX, &qt) == kNone && PrepPronounAfter(tr, p)) {
            const uint32_t pt = PreviousActor(out, false);
            if (pt != UINT32_MAX && pt != prev) prev_target = pt, qt = 0.7;
          }
        }
      }
      if (!srcs.empty() && tgt == kNone) tgt = Target(tr, p, c, kNone, &qt, &between);
    }
    if (srcs.empty()) continue;
    std::vector<uint32_t> tgts = EntitiesOf(tgt);
    if (tgts.empty() && prev_target != UINT32_MAX) tgts.push_back(prev_target);
    const double comp = srcs.size() > 1 || tgts.size() > 1 ? 0.95 : 1.0;
    if (!tgts.empty()) {
      for (uint32_t a : srcs)
        for (uint32_t b : tgts) Emit(tr, p, a, b, base * qs * qt * comp, mode, out);
    } else if (srcs.size() >= 2 && p.sym) {
      for (uint32_t a : srcs)
        for (uint32_t b : srcs)
          if (a != b) Emit(tr, p, a, b, base * qs * 0.95, mode, out);
    } else if (p.one) {
      for (uint32_t a : srcs) Emit(tr, p, a, -1, base * qs * 0.7 * comp, mode, out);
    }
    if (out->size() > before && src != kNone) last_src_ = src;
  }
}

}  // namespace

void CodeSentence(const CodingContext& cx, uint32_t s, std::vector<Event>* out) {
  SentenceCoder(cx, s).Run(out);
}

}  // namespace marsad::events
