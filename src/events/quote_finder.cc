#include "events/quote_finder.h"

#include <string>

namespace marsad::events {
namespace {

constexpr int kNone = -1;

bool Opens(char32_t c) { return c == U'«' || c == U'“' || c == U'"'; }
char32_t CloserOf(char32_t c) { return c == U'«' ? U'»' : c == U'“' ? U'”' : U'"'; }

struct Speaker {
  int slot = kNone;   // slot index, or kNone
  std::string name;   // as written
  bool Known() const { return slot != kNone || !name.empty(); }
};

class QuoteFinder {
 public:
  QuoteFinder(const Article& a, const ArticleView& v, const Lexicon& lx, std::vector<Quote>* out,
              std::vector<PronounSubject>* subjects)
      : a_(a), v_(v), lx_(lx), out_(out), subjects_(subjects) {}

  void Run() {
    for (uint32_t s = 0; s < v_.sentences.size(); ++s) Sentence(s);
  }

 private:
  int SlotStartingAt(uint32_t t, const ArticleView::Sentence& sn) const {
    for (uint32_t i = sn.slot_begin; i < sn.slot_end; ++i)
      if (v_.slots[i].first == t) return static_cast<int>(i);
    return kNone;
  }
  int SlotEndingAt(uint32_t t, const ArticleView::Sentence& sn) const {
    for (uint32_t i = sn.slot_begin; i < sn.slot_end; ++i)
      if (v_.slots[i].last == t) return static_cast<int>(i);
    return kNone;
  }
  Speaker FromSlot(int k) const {
    const Slot& sl = v_.slots[k];
    Speaker sp;
    sp.slot = k;
    sp.name = std::string(v_.Span(a_.text, v_.toks[sl.first].start, v_.toks[sl.last].end));
    return sp;
  }
  // The named speaker right after a reporting verb (VSO), reached over role nouns,
  // titles and fillers: قال وزير الخارجية الإيطالي X، وأضاف الناطق باسم الكرملين X،
  // قال مسؤول في وزارة الخارجية الأمريكية. Sets *anaphor when the first word is a
  // definite noun that is no name (وقالت الوزارة): the same source as before.
  int NamedAfter(uint32_t sv, uint32_t limit, const ArticleView::Sentence& sn, bool* anaphor) const {
    *anaphor = false;
    bool role = false;
    int pp = kNone;
    uint32_t plain = 0;      // indefinite words right after a role word (مسؤولون طبيون فلسطينيون)
    bool head_only = true;   // nothing but indefinite role words so far
    uint32_t from = sv + 1;
    // قال هوجو سواير وزير الدولة البريطاني: an unknown name (up to three words) before
    // its title; the title names the speaker.
    for (uint32_t t = sv + 1; t < limit && t < sn.tok_end && t <= sv + 3; ++t) {
      const Tok& tk = v_.toks[t];
      if (!tk.word || SlotStartingAt(t, sn) != kNone || lx_.FunctionMarkers(tk.key) != 0 || lx_.Speech(tk.key) != SpeechKind::kNone)
        break;
      if (t + 1 < sn.tok_end && v_.toks[t + 1].word && (lx_.Markers(v_.toks[t + 1].key) & kRole)) {
        from = t + 1;
        break;
      }
    }
    for (uint32_t t = from; t < limit && t < sn.tok_end && t <= sv + 9; ++t) {
      const int k = SlotStartingAt(t, sn);
      if (k != kNone) {
        if (v_.slots[k].prep.empty() || v_.slots[k].prep == "باسم") return k;
        if (role && pp == kNone) pp = k;
        t = v_.slots[k].last;
        continue;
      }
      const Tok& tk = v_.toks[t];
      if (!tk.word) {
        if (tk.punct == U'،' || tk.punct == U',' || tk.punct == U'"' || tk.punct == U'«' || tk.punct == U'»' ||
            tk.punct == U'“' || tk.punct == U'”' || tk.punct == U'(' || tk.punct == U')')
          continue;
        break;
      }
      const uint32_t m = lx_.Markers(tk.key);
      if ((m & kFiller) || lx_.Weekday(tk.key) != 0) continue;
      const bool definite = tk.key.rfind("ال", 0) == 0;
      if (t == from || (t == from + 1 && (lx_.Markers(v_.toks[from].key) & kFiller))) {
        *anaphor = definite && from == sv + 1;  // الوزارة، المسؤول، المصدر: unless a name follows
        role = (m & kRole) || (definite && (lx_.Markers(tk.key.substr(4)) & kRole));
      }
      if ((m & kRole) || definite || (role && (m & kPrep))) {
        head_only &= (m & kRole) != 0 && !definite;
        continue;
      }
      if (role && head_only && m == 0 && plain < 2 && lx_.Speech(tk.key) == SpeechKind::kNone) {
        ++plain;  // مسؤول عسكري أمريكي، مصدر أمني مصري
        continue;
      }
      break;
    }
    if (pp != kNone) *anaphor = false;
    return pp;
  }
  // The subject of the sentence before token `before`: the speaker of its first
  // reporting verb, else its first actor without a preposition, else the last speaker
  // (the speaker of "..., مؤكدا أن" and of "حيث قالت إن").
  Speaker SentenceSubject(uint32_t before, const ArticleView::Sentence& sn) const {
    for (uint32_t t = sn.tok_begin; t < before; ++t) {
      const SpeechKind k = lx_.Speech(v_.toks[t].key);
      if (k != SpeechKind::kSay && k != SpeechKind::kCont) continue;
      bool anaphor = false;
      const int slot = NamedAfter(t, before, sn, &anaphor);
      if (slot != kNone) return FromSlot(slot);
      if (anaphor) return last_;
      break;
    }
    for (uint32_t i = sn.slot_begin; i < sn.slot_end; ++i)
      if (v_.slots[i].first < before && v_.slots[i].prep.empty() && !v_.slots[i].attr) return FromSlot(static_cast<int>(i));
    return last_;
  }
  Speaker SpeakerOf(uint32_t sv, uint32_t limit, const ArticleView::Sentence& sn, SpeechKind kind) const;
  void Add(const Speaker& sp, uint32_t start, uint32_t end, bool direct);
  uint32_t Words(uint32_t b, uint32_t e) const {
    uint32_t n = 0;
    for (uint32_t t = b; t < e; ++t) n += v_.toks[t].word;
    return n;
  }
  void Sentence(uint32_t s);

  const Article& a_;
  const ArticleView& v_;
  const Lexicon& lx_;
  std::vector<Quote>* out_;
  std::vector<PronounSubject>* subjects_;
  Speaker last_;
};

// The speaker of a reporting verb at token sv whose statement starts at token `limit`:
// the actor after the verb (VSO: قال الوزير إن), just before it (SVO: الوزير قال), the
// sentence subject for participles and unnamed subjects (مؤكدا أن، حيث قالت إن، وقال إن),
// the last speaker for وأضاف and for a definite noun (وقالت الوزارة); else the words
// naming an unknown speaker (مصادر مطلعة، أحد المصادر).
Speaker QuoteFinder::SpeakerOf(uint32_t sv, uint32_t limit, const ArticleView::Sentence& sn, SpeechKind kind) const {
  bool anaphor = false;
  if (const int k = NamedAfter(sv, limit, sn, &anaphor); k != kNone) return FromSlot(k);
  const std::string_view verb = v_.toks[sv].key;
  const bool coordinated = verb.rfind("و", 0) == 0 || verb.rfind("ف", 0) == 0;
  const bool after_bound = sv > sn.tok_begin && (lx_.Markers(v_.toks[sv - 1].key) & (kBound | kComp));
  if (!coordinated && !after_bound) {
    for (uint32_t t = sv; t > sn.tok_begin && sv - t < 3; --t) {
      if (!v_.toks[t - 1].word) break;
      const int k = SlotEndingAt(t - 1, sn);
      if (k != kNone && v_.slots[k].prep.empty()) return FromSlot(k);
    }
  }
  if (kind == SpeechKind::kPart) return SentenceSubject(sv, sn);
  // The first word after the verb that could name someone.
  uint32_t nt = sv + 1;
  while (nt < limit && v_.toks[nt].word && ((lx_.Markers(v_.toks[nt].key) & kFiller) || lx_.Weekday(v_.toks[nt].key)))
    ++nt;
  const bool nothing = nt >= limit || !v_.toks[nt].word || (lx_.Markers(v_.toks[nt].key) & (kPrep | kComp)) ||
                       v_.toks[nt].key.rfind("ل", 0) == 0 || v_.toks[nt].key.rfind("ب", 0) == 0;
  if (nothing) return kind == SpeechKind::kCont ? last_ : SentenceSubject(sv, sn);
  Speaker sp;
  uint32_t end = limit;
  if (end > nt + 1 && lx_.MarkerWord(v_.toks[end - 1].key) == "الي") --end;  // أشار المصدر إلى أن
  while (end > nt && !v_.toks[end - 1].word) --end;
  if (end > nt && end - nt <= 6) sp.name = std::string(v_.Span(a_.text, v_.toks[nt].start, v_.toks[end - 1].end));
  if (anaphor && last_.slot != kNone) sp.slot = last_.slot;  // وقالت الوزارة: the same source again
  return sp;
}

void QuoteFinder::Add(const Speaker& sp, uint32_t start, uint32_t end, bool direct) {
  // Trim spaces and punctuation at both ends of the quoted span.
  std::string_view txt = v_.Span(a_.text, start, end);
  auto cps = [](std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return static_cast<uint32_t>(n);
  };
  for (;;) {
    const std::string_view before = txt;
    for (std::string_view p : {" ", "\n", "،", ",", ".", ":", "؛", "\"", "«", "»", "“", "”"}) {
      if (txt.size() >= p.size() && txt.substr(0, p.size()) == p) txt.remove_prefix(p.size()), start += cps(p);
      if (txt.size() >= p.size() && txt.substr(txt.size() - p.size()) == p) txt.remove_suffix(p.size()), end -= cps(p);
    }
    if (txt == before) break;
  }
  if (txt.empty()) return;
  Quote q;
  if (sp.slot != kNone) q.speaker = a_.entities[v_.slots[sp.slot].entity].id;
  q.speaker_name = sp.name;
  q.text = std::string(txt);
  q.direct = direct;
  q.start = start;
  q.end = end;
  out_->push_back(std::move(q));
  if (sp.Known()) last_ = sp;
}

void QuoteFinder::Sentence(uint32_t s) {
  const ArticleView::Sentence& sn = v_.sentences[s];
  // Reporting verbs and the complementiser that starts their statement (0 = none).
  struct Rep { uint32_t sv = 0, comp = 0; SpeechKind kind = SpeechKind::kNone; bool used = false; };
  std::vector<Rep> reps;
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    const SpeechKind k = lx_.Speech(v_.toks[t].key);
    if (k != SpeechKind::kSay && k != SpeechKind::kCont && k != SpeechKind::kPart) continue;
    if (t > sn.tok_begin && lx_.Speech(v_.toks[t - 1].key) == SpeechKind::kSkip) continue;  // يذكر أن
    Rep r{t, 0, k, false};
    for (uint32_t i = t + 1; i < sn.tok_end && i <= t + 20; ++i) {
      const std::string_view w = v_.toks[i].key;
      if ((lx_.Markers(w) & kComp) || IsPronounComp(w)) {
        r.comp = i;
        break;
      }
      const char32_t pc = v_.toks[i].punct;
      // قال الكرملين: نشر قوات ... (a colon and no quote marks): the colon opens it
      // (قال: إن ... keeps إن as the opener).
      if (pc == U':' && i + 1 < sn.tok_end && v_.toks[i + 1].word && i <= t + 8 &&
          !(lx_.Markers(v_.toks[i + 1].key) & kComp) && !IsPronounComp(v_.toks[i + 1].key)) {
        r.comp = i;
        break;
      }
      if (v_.toks[i].word && (lx_.Markers(w) & kBound)) break;  // إلا أن: another clause
      if (!v_.toks[i].word && pc != U'،' && pc != U',' && pc != U':' && pc != U'(' && pc != U')' && pc != U'"' &&
          pc != U'«' && pc != U'»' && pc != U'“' && pc != U'”')
        break;
      const SpeechKind k2 = lx_.Speech(w);
      if (k2 != SpeechKind::kNone && k2 != SpeechKind::kAttr) break;
    }
    reps.push_back(r);
  }
  // 1. Direct quotes after a reporting verb or a colon.
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    // After a colon a quote may open with ” (بقوله: ”...) and stay open to the end of
    // the sentence (the closing mark after the sentence's last word, or lost).
    const bool after_colon = t > sn.tok_begin && v_.toks[t - 1].punct == U':';
    if (!Opens(v_.toks[t].punct) && !(after_colon && v_.toks[t].punct == U'”')) continue;
    const char32_t close = CloserOf(v_.toks[t].punct);
    uint32_t c = t + 1;
    while (c < sn.tok_end && v_.toks[c].punct != close) ++c;
    if (c >= sn.tok_end && !after_colon) break;
    if (Words(t + 1, c) < 3) {  // "إطار خاص": a term in quotes, not a statement
      t = c;
      continue;
    }
    Rep* rep = nullptr;
    for (Rep& r : reps)
      if (r.sv < t && t - r.sv <= 12) rep = &r;
    Speaker sp;
    bool attributed = false;
    if (rep != nullptr) {
      // Words quoted inside a reported statement (أن هناك "أراضي قيمة"): the statement is
      // the quote. Quotes before the complementiser name the speaker (أعلن حساب «...» أن).
      if ((rep->comp != 0 && rep->comp < t && Words(rep->comp + 1, t) > 0) || rep->comp > c) {
        t = c;
        continue;
      }
      sp = SpeakerOf(rep->sv, rep->comp != 0 && rep->comp < t ? rep->comp : t, sn, rep->kind);
      rep->used = attributed = true;
    } else if (t > sn.tok_begin && v_.toks[t - 1].punct == U':') {  // ترامب: "..."
      const int k = t >= sn.tok_begin + 2 ? SlotEndingAt(t - 2, sn) : kNone;
      if (k != kNone) sp = FromSlot(k), attributed = true;
    }
    if (attributed) {
      Add(sp, v_.toks[t].end, c < sn.tok_end ? v_.toks[c].start : sn.end, true);
    }
    t = c;
  }
  // 2. Reported speech: each statement runs to the next reporting verb with a statement
  //    of its own (..., مؤكدا أن ...) or to the end of the sentence.
  //    A plain verb of saying or thinking inside the statement, with no comma or و before
  //    it, is part of it (قال إنه ما زال يعتبر القرار خاطئا أن ...): its
  //    own statement is nested in this one, not a new one.
  auto nested = [&](const Rep& inner) {
    if (inner.kind != SpeechKind::kSay || inner.sv == sn.tok_begin) return false;
    const Tok& before = v_.toks[inner.sv - 1];
    const std::string_view verb = v_.toks[inner.sv].key;
    if (!before.word || verb.rfind("و", 0) == 0 || verb.rfind("ف", 0) == 0) return false;
    // لكنه اعتبر أن، فيما أكد أن: a new clause, so a new statement.
    const std::string_view b = before.key;
    if ((lx_.Markers(b) & (kBound | kComp)) || b.rfind("لكن", 0) == 0 || b.rfind("ولكن", 0) == 0) return false;
    return true;
  };
  for (size_t i = 0; i < reps.size(); ++i) {
    const Rep& r = reps[i];
    if (r.used || r.comp == 0) continue;
    uint32_t end = sn.end;
    for (size_t j = i + 1; j < reps.size(); ++j) {
      if (reps[j].comp == 0 || reps[j].sv <= r.comp) continue;
      if (nested(reps[j])) {
        reps[j].used = true;
        continue;
      }
      end = v_.toks[reps[j].sv].start;
      break;
    }
    uint32_t words = 0;
    for (uint32_t t = r.comp + 1; t < sn.tok_end && v_.toks[t].start < end; ++t) words += v_.toks[t].word;
    if (words < 2) continue;
    const Speaker sp = SpeakerOf(r.sv, r.comp, sn, r.kind);
    Add(sp, v_.toks[r.comp].end, end, false);
    if (subjects_ != nullptr && sp.slot != kNone && IsPronounComp(v_.toks[r.comp].key))
      subjects_->push_back({r.comp, v_.slots[sp.slot].entity});
  }
  // 3. Attribution: بحسب X، ... / ... نقلا عن X / ... وفق الصحيفة.
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    if (lx_.Speech(v_.toks[t].key) != SpeechKind::kAttr) continue;
    Speaker sp;
    uint32_t src = t + 1;  // the source's first word, past "ما نقلت" / "عن"
    while (src < sn.tok_end && src <= t + 3 &&
           (v_.toks[src].key == "ما" || lx_.MarkerWord(v_.toks[src].key) == "عن" ||
            lx_.Speech(v_.toks[src].key) == SpeechKind::kSay || !v_.toks[src].word))
      ++src;
    for (uint32_t i = t + 1; i < sn.tok_end && i <= src + 1; ++i) {
      const int k = SlotStartingAt(i, sn);
      if (k != kNone) {
        sp = FromSlot(k);
        break;
      }
    }
    std::string_view sw = src < sn.tok_end ? v_.toks[src].key : std::string_view();
    if (sw.rfind("لل", 0) == 0) sw.remove_prefix(2);  // للصحيفة
    else if (sw.rfind("ل", 0) == 0) sw.remove_prefix(2);
    const bool source_noun = (lx_.Markers(sw) & kSource) || (lx_.Markers(std::string("ال") + std::string(sw)) & kSource);
    // بحسب/حسب/نقلا عن name a source; وفق/وفقا/طبقا only before a source noun or a name
    // (not وفقا لمبادرة).
    const std::string_view aw = lx_.MarkerWord(v_.toks[t].key);
    const bool strong = aw.find("حسب") != std::string_view::npos || aw == "نقلا";
    if (sp.slot == kNone && !source_noun && !strong) continue;
    if (sp.slot == kNone && src < sn.tok_end && sw.size() > 0) {
      uint32_t e = src;
      while (e + 1 < sn.tok_end && e < src + 3 && v_.toks[e + 1].word && !(lx_.Markers(v_.toks[e + 1].key) & kComp)) ++e;
      sp.name = std::string(v_.Span(a_.text, v_.toks[src].start, v_.toks[e].end));
      if (v_.toks[src].key.rfind("ال", 0) == 0 || sw != v_.toks[src].key) sp.slot = last_.slot;  // الصحيفة: the same one
    }
    uint32_t qs = 0, qe = 0;
    if (t - sn.tok_begin <= 1) {  // at the start: the statement follows فإن or the first comma
      uint32_t from = 0, stop = 0;
      for (uint32_t i = t + 1; i < sn.tok_end && i <= t + 25 && from == 0; ++i) {
        const std::string_view w = v_.toks[i].key;
        if (w == "فان" || w == "فانه" || w == "فانها") from = i + 1, stop = stop == 0 ? i : stop;
        if (stop == 0 && (v_.toks[i].punct == U'،' || v_.toks[i].punct == U',')) stop = i;
      }
      if (from == 0 && stop != 0 && stop - t <= 8) from = stop + 1;
      if (from == 0 || from >= sn.tok_end || Words(from, sn.tok_end) < 2) break;
      qs = v_.toks[from].start, qe = sn.end;
    } else if (Words(sn.tok_begin, t) >= 3 && sn.tok_end - t <= 8) {  // at the end
      qs = sn.start, qe = v_.toks[t].start;
    } else {
      break;
    }
    bool dup = false;
    for (const Quote& q : *out_) dup |= q.start >= qs && q.start <= qs + 2 && q.end <= qe + 2;
    if (!dup) Add(sp, qs, qe, false);
    break;
  }
}

}  // namespace

void FindQuotes(const Article& article, const ArticleView& view, const Lexicon& lexicon, std::vector<Quote>* out,
                std::vector<PronounSubject>* subjects) {
  QuoteFinder(article, view, lexicon, out, subjects).Run();
}

}  // namespace marsad::events
