// Who acts and who is acted on: the subject and target rules of the sentence coder
// (docs/EVENTS.md "Source and target").
#include "events/sentence_coder_impl.h"

namespace marsad::events::coding {

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
      if (i == t + 2 && ObjHead(t + 1)) break;  // قصف مواقع داعش: Daesh is hit, not hitting
      const int k = slot_at_[i - sn_.tok_begin];
      if (k != kNone && VisitedCountry(p, t, k)) break;  // زيارة قطر: Qatar is visited
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
    // مواقع داعش ... بقصف: the owner of what was hit is no subject.
    const bool owner = v_.slots[g].first > sn_.tok_begin && ObjHead(v_.slots[g].first - 1);
    if (UsableSubject(k) && SubjectPrep(k) && !v_.slots[k].agent && !owner) {
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
      if (human_plural && after == kNone && lx_.FunctionMarkers(w) == 0 && lx_.Weekday(w) == 0 && w.rfind("ال", 0) != 0 &&
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
  if (p.pos == 'N' && t + 1 < c.end) {  // بزيارة قطر: the country after a visit noun is visited
    const int k = slot_at_[t + 1 - sn_.tok_begin];
    if (k != kNone && v_.slots[k].first == t + 1 && PrepOf(k).empty() && VisitedCountry(p, t, k)) {
      const int g = candidate(static_cast<uint32_t>(v_.slots[k].group));
      if (g != kNone) {
        *q = 0.9;
        return g;
      }
    }
  }
  if (p.pos == 'N' && t + 2 < c.end && ObjHead(t + 1)) {  // غارات مواقع الحوثيين، قصف معاقل داعش
    const int k = slot_at_[t + 2 - sn_.tok_begin];
    if (k != kNone && v_.slots[k].first == t + 2 && PrepOf(k).empty()) {
      const int g = candidate(static_cast<uint32_t>(v_.slots[k].group));
      if (g != kNone) {
        *q = 0.9;
        return g;
      }
    }
  }
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

uint32_t SentenceCoder::AttackedPlace(const Trigger& tr, const Pattern& p, const Clause& c,
                                      const std::vector<uint32_t>& srcs) const {
  const std::string_view code = p.code;
  if (code.rfind("18", 0) != 0 && code.rfind("19", 0) != 0 && code.rfind("20", 0) != 0) return UINT32_MAX;
  int best = kNone;
  uint32_t best_d = UINT32_MAX;
  for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
    const Slot& sl = v_.slots[i];
    if (sl.first < c.begin || sl.first >= c.end || !sl.actor || sl.attr) continue;
    const Entity& en = cx_.article.entities[sl.entity];
    if (en.type != "GPE" && en.type != "LOC") continue;
    if (!(sl.prep == "في" || (sl.prep == "ب" && en.type == "LOC"))) continue;
    if (!en.country || en.country->empty()) continue;
    const uint32_t d = sl.first > tr.tok ? sl.first - tr.tok : tr.tok - sl.first;
    if (d < best_d) best = static_cast<int>(i), best_d = d;
  }
  if (best == kNone) return UINT32_MAX;
  const Entity& place = cx_.article.entities[v_.slots[best].entity];
  for (uint32_t s : srcs) {
    const Entity& src = cx_.article.entities[s];
    if (src.type == "GPE" || src.type == "LOC") return UINT32_MAX;  // قصفت سوريا ... في حلب: a state's own ground
    if (src.country && *src.country == *place.country) return UINT32_MAX;
  }
  return v_.slots[best].entity;
}

bool SentenceCoder::BetweenSides(const Trigger& tr, const Pattern& p, const Clause& c, int* a, int* b) const {
  if (std::find(p.targets.begin(), p.targets.end(), "بين") == p.targets.end()) return false;
  const uint32_t from = std::max(tr.tok, tr.consumed) + 1;
  uint32_t at = UINT32_MAX;  // the word بين, at most 5 words after the trigger (مفاوضات في القاهرة بين)
  for (uint32_t i = from; i < c.end && i <= from + 4; ++i) {
    const int k = slot_at_[i - sn_.tok_begin];
    if (k != kNone && v_.slots[k].prep != "في" && !v_.slots[k].place) break;  // في القاهرة بين: where, not who
    if (v_.toks[i].key == "بين") {
      at = i;
      break;
    }
  }
  if (at == UINT32_MAX) return false;
  *a = *b = kNone;
  bool second_side = false, marked = false;  // marked: من جهة split the sides
  uint32_t opened = 0;                         // token that opened side B
  for (uint32_t i = at + 1; i < c.end && i <= at + 16; ++i) {
    const Tok& tk = v_.toks[i];
    if (!tk.word) {
      if (tk.punct == U'،' || tk.punct == U',' || tk.punct == U'.') break;
      continue;
    }
    if (tk.key == "بين") break;  // another بين: another pair
    // Side B names its actor within a few words of its opening (ودبلوماسيين من الولايات
    // المتحدة), not somewhere later in the sentence.
    if (second_side && i > opened + 5) break;
    const int k = slot_at_[i - sn_.tok_begin];
    if (k == kNone) {
      // جهة/ناحية: "من جهة" closes side A; a word opening with و that names no actor
      // (ودبلوماسيين، ووفد) opens side B. Before side A has an actor, such a word means the
      // first side named none (بين الرئيس بخاري والرئيس أوباما): no sides.
      const bool conj = tk.key.size() > 4 && tk.key.rfind("و", 0) == 0 && (lx_.Markers(tk.key) & (kComp | kBound)) == 0;
      if (*a == kNone) {
        if (conj) return false;
        continue;
      }
      if (tk.key == "جهه" || tk.key == "ناحيه" || tk.key == "جانب") {
        marked = second_side = true;
        opened = i + 1;
      } else if (conj && !second_side) {
        second_side = true;
        opened = i;
      }
      continue;
    }
    if (v_.slots[k].first != i || !Usable(k)) continue;
    const int g = static_cast<int>(v_.slots[k].group);
    if (*a == kNone) {
      *a = g;
      continue;
    }
    if (g == *a) {
      if (second_side && !marked) break;  // joined to A by the و just read: one compound
      continue;
    }
    if (second_side || marked) {
      *b = g;
      break;
    }
  }
  if (*a == kNone || *b == kNone) return false;
  // بين روسيا والولايات المتحدة وحلفائها: A is already a pair; only من جهة splits it.
  if (Members(*a).size() > 1 && !marked) return false;
  if (v_.slots[*a].place || v_.slots[*b].place) return false;
  return true;
}

}  // namespace marsad::events::coding
