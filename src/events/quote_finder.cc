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
  QuoteFinder(const Article& a, const ArticleView& v, const Lexicon& lx, std::vector<Quote>* out)
      : a_(a), v_(v), lx_(lx), out_(out) {}

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
  std::string SlotText(int k) const {
    const Slot& sl = v_.slots[k];
    return std::string(CodePointSpan(a_.text, v_.toks[sl.first].start, v_.toks[sl.last].end));
  }
  Speaker FromSlot(int k) const {
    Speaker sp;
    sp.slot = k;
    sp.name = SlotText(k);
    return sp;
  }
  // The speaker of a reporting verb at token sv whose statement starts at token `limit`.
  Speaker SpeakerOf(uint32_t sv, uint32_t limit, const ArticleView::Sentence& sn, SpeechKind kind) const {
    for (uint32_t t = sv + 1; t < limit && t <= sv + 8; ++t) {  // VSO: قال الوزير إن
      const int k = SlotStartingAt(t, sn);
      if (k != kNone && v_.slots[k].prep.empty()) return FromSlot(k);
    }
    if (kind == SpeechKind::kPart) {  // ..., قائلا إن: the subject of the sentence
      for (uint32_t i = sn.slot_begin; i < sn.slot_end; ++i)
        if (v_.slots[i].first < sv && v_.slots[i].prep.empty() && !v_.slots[i].attr) return FromSlot(static_cast<int>(i));
    }
    for (uint32_t t = sv; t > sn.tok_begin && sv - t < 4; --t) {  // SVO: الوزير قال إن
      const int k = SlotEndingAt(t - 1, sn);
      if (k != kNone && v_.slots[k].prep.empty()) return FromSlot(k);
    }
    if (kind == SpeechKind::kCont || kind == SpeechKind::kPart) return last_;
    // An unnamed speaker: the words between the verb and the statement (المتحدث باسم ...).
    Speaker sp;
    if (limit > sv + 1 && limit - sv <= 8 && v_.toks[sv + 1].word)
      sp.name = std::string(CodePointSpan(a_.text, v_.toks[sv + 1].start, v_.toks[limit - 1].end));
    return sp;
  }
  void Add(const Speaker& sp, uint32_t start, uint32_t end, bool direct) {
    // Trim spaces and punctuation at both ends of the quoted span.
    std::string_view txt = CodePointSpan(a_.text, start, end);
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
  Speaker last_;
};

void QuoteFinder::Sentence(uint32_t s) {
  const ArticleView::Sentence& sn = v_.sentences[s];
  std::vector<bool> used(sn.tok_end - sn.tok_begin, false);  // reporting verbs already quoted
  bool quoted = false;
  // 1. Direct quotes.
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    if (!Opens(v_.toks[t].punct)) continue;
    const char32_t close = CloserOf(v_.toks[t].punct);
    uint32_t c = t + 1;
    while (c < sn.tok_end && v_.toks[c].punct != close) ++c;
    if (c >= sn.tok_end) break;
    if (Words(t + 1, c) < 3) {  // "إطار خاص": a term in quotes, not a statement
      t = c;
      continue;
    }
    Speaker sp;
    bool attributed = false;
    for (uint32_t i = t; i > sn.tok_begin && t - i < 12; --i) {
      const SpeechKind k = lx_.Speech(v_.toks[i - 1].key);
      if (k == SpeechKind::kSay || k == SpeechKind::kCont || k == SpeechKind::kPart) {
        sp = SpeakerOf(i - 1, t, sn, k);
        used[i - 1 - sn.tok_begin] = true;
        attributed = true;
        break;
      }
    }
    if (!attributed && t > sn.tok_begin && v_.toks[t - 1].punct == U':') {  // ترامب: "..."
      const int k = t >= sn.tok_begin + 2 ? SlotEndingAt(t - 2, sn) : kNone;
      if (k != kNone) sp = FromSlot(k), attributed = true;
    }
    if (attributed) {
      Add(sp, v_.toks[t].end, v_.toks[c].start, true);
      quoted = true;
    }
    t = c;
  }
  // 2. Reported speech: a reporting verb, its speaker, then أن/إن/بأن and the statement.
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    if (used[t - sn.tok_begin]) continue;
    const SpeechKind k = lx_.Speech(v_.toks[t].key);
    if (k != SpeechKind::kSay && k != SpeechKind::kCont && k != SpeechKind::kPart) continue;
    uint32_t comp = 0;
    for (uint32_t i = t + 1; i < sn.tok_end && i <= t + 10; ++i) {
      const std::string_view w = v_.toks[i].key;
      if ((lx_.Markers(w) & kComp) || w == "انه" || w == "انها" || w == "بانه" || w == "بانها" || w == "انهم" ||
          w == "بانهم") {
        comp = i;
        break;
      }
      if (!v_.toks[i].word && v_.toks[i].punct != U'،' && v_.toks[i].punct != ',') break;
      if (lx_.Speech(w) != SpeechKind::kNone) break;
    }
    if (comp == 0 || Words(comp + 1, sn.tok_end) < 3) continue;
    const Speaker sp = SpeakerOf(t, comp, sn, k);
    Add(sp, v_.toks[comp].end, sn.end, false);  // after أن/إنه: the statement itself
    quoted = true;
    break;  // one reported statement per sentence; the rest is its content
  }
  if (quoted) return;
  // 3. Attribution: بحسب X، ... / ... نقلا عن X.
  for (uint32_t t = sn.tok_begin; t < sn.tok_end; ++t) {
    if (lx_.Speech(v_.toks[t].key) != SpeechKind::kAttr) continue;
    Speaker sp;
    uint32_t src_end = t;
    for (uint32_t i = t + 1; i < sn.tok_end && i <= t + 4; ++i) {
      const int k = SlotStartingAt(i, sn);
      if (k != kNone) {
        sp = FromSlot(k);
        src_end = v_.slots[k].last;
        break;
      }
    }
    if (t - sn.tok_begin <= 1) {  // at the start: the statement follows the first comma
      uint32_t comma = t + 1;
      while (comma < sn.tok_end && v_.toks[comma].punct != U'،' && v_.toks[comma].punct != ',') ++comma;
      if (comma >= sn.tok_end || comma - t > 8) break;
      if (sp.slot == kNone) sp.name = std::string(CodePointSpan(a_.text, v_.toks[t + 1].start, v_.toks[comma - 1].end));
      uint32_t from = comma + 1;
      if (from < sn.tok_end && v_.toks[from].key == "فان") ++from;
      if (Words(from, sn.tok_end) >= 3) Add(sp, v_.toks[from].start, sn.end, false);
    } else if (sp.slot != kNone && Words(sn.tok_begin, t) >= 3) {
      (void)src_end;
      Add(sp, sn.start, v_.toks[t].start, false);
    }
    break;
  }
}

}  // namespace

void FindQuotes(const Article& article, const ArticleView& view, const Lexicon& lexicon, std::vector<Quote>* out) {
  QuoteFinder(article, view, lexicon, out).Run();
}

}  // namespace marsad::events
