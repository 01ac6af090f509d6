#include "events/sentence_coder.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "events/sentence_coder_impl.h"

namespace marsad::events {
namespace coding {

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
  if (p.pos == 'N') {
    for (uint32_t i = t + 1; i < sn_.tok_end && i <= t + 4; ++i)
      if (lx_.Markers(v_.toks[i].key) & kFutNoun) fut = true;
    // لم يقم أي رئيس أميركي بزيارة كينيا: the negated قام carries the masdar's act.
    for (uint32_t i = t; i > sn_.tok_begin + 1 && t - i < 8; --i) {
      const std::string_view w = lx_.MarkerWord(v_.toks[i - 1].key);
      if (lx_.Markers(v_.toks[i - 1].key) & (kBound | kComp)) break;
      if ((w == "يقم" || w == "تقم" || w == "يقوموا" || w == "يقوم" || w == "تقوم") &&
          (lx_.Markers(v_.toks[i - 2].key) & kNeg)) {
        neg = true;
        break;
      }
    }
  }
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

void SentenceCoder::Locate(Event* e, const Trigger& tr, uint32_t se) const {
  int best = kNone;
  uint32_t best_d = UINT32_MAX;
  for (uint32_t i = sn_.slot_begin; i < sn_.slot_end; ++i) {
    const Slot& sl = v_.slots[i];
    const Entity& en = cx_.article.entities[sl.entity];
    if (en.type != "GPE" && en.type != "LOC") continue;
    if (sl.entity == se) continue;  // the target may be the place it happened (an attacked town)
    const bool place = sl.prep == "في" || (sl.prep == "ب" && en.type == "LOC");
    if (!place) continue;
    const uint32_t d = sl.first > tr.tok ? sl.first - tr.tok : tr.tok - sl.first;
    if (d < best_d) best = static_cast<int>(i), best_d = d;
  }
  if (best == kNone) return;
  const Slot& sl = v_.slots[best];
  const Entity& en = cx_.article.entities[sl.entity];
  const Mention& m = en.mentions[sl.mention];
  e->location_name = m.text.empty() ? std::string(v_.Span(cx_.article.text, m.start, m.end)) : m.text;
  if (en.country && !en.country->empty()) e->location_country = en.country;
}

namespace {
EventActor ActorOf(const Article& a, uint32_t entity) {
  const Entity& en = a.entities[entity];
  EventActor act;
  act.entity = en.id;
  act.name_en = en.name_en;
  act.cameo = en.cameo.value_or("");
  act.country = en.country.value_or("");
  return act;
}
}  // namespace

void SentenceCoder::Emit(const Trigger& tr, const Pattern& p, uint32_t se, int64_t te, double conf,
                         const std::string& mode, std::vector<Event>* out) {
  std::string code = p.code;
  if (mode == "future" && code.rfind("04", 0) == 0) code = "036";  // "will meet" = intent to meet
  if (mode == "future" && code.rfind("07", 0) == 0)  // "will help" = intent to provide aid
    code = code == "071" ? "0331" : code == "072" ? "0332" : code == "073" ? "0333" : code == "074" ? "0334" : "033";
  const CameoInfo* info = cx_.cameo.Find(code);
  if (info == nullptr) return;
  if (static_cast<int64_t>(se) == te) return;
  if (te >= 0 && CountryAndItsOwn(se, static_cast<uint32_t>(te))) return;  // ظريف -> إيران: inside one state
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
    date_[fut] = cx_.dates.Resolve(v_, s_, v_.Span(cx_.article.text, sn_.start, sn_.end), cx_.article.published, fut);
    date_done_[fut] = true;
  }
  e.date = date_[fut];
  Locate(&e, tr, se);
  e.evidence_text = std::string(v_.Span(cx_.article.text, sn_.start, sn_.end));
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
          if (consumed[i - sn_.tok_begin]) continue;  // another trigger's needed word
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
    if (StanceBefore(t)) continue;  // عدم ممانعته نشر قوات: a view of another's act
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
    int side_a = kNone, side_b = kNone;  // بين قيادات في X ودبلوماسيين من Y: X with Y, both ways
    if (p.sym && !p.rev && p.code.rfind("045", 0) != 0 && BetweenSides(tr, p, c, &side_a, &side_b)) {
      for (uint32_t x : EntitiesOf(side_a))
        for (uint32_t y : EntitiesOf(side_b)) {  // Emit drops a state facing its own body
          Emit(tr, p, x, y, base * 0.9, mode, out);
          Emit(tr, p, y, x, base * 0.9, mode, out);
        }
      continue;
    }
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
    if (tgts.empty() && tgt == kNone) {
      const uint32_t hit = AttackedPlace(tr, p, c, srcs);
      if (hit != UINT32_MAX) tgts.push_back(hit), qt = 0.6;
    }
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

}  // namespace coding

void CodeSentence(const CodingContext& cx, uint32_t s, std::vector<Event>* out) {
  coding::SentenceCoder(cx, s).Run(out);
}

}  // namespace marsad::events
