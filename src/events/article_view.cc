#include "events/article_view.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace marsad::events {
namespace {

bool IsActorEntity(const Entity& e) {
  if (e.type == "MEDIA") return false;  // reporters, not actors (docs/EVENTS.md)
  return (e.cameo && !e.cameo->empty()) || (e.country && !e.country->empty());
}

// What the slot's entity may be in an event: an actor at all, and a place (a target only).
void SetRole(Slot* s, const Entity& e) {
  s->actor = IsActorEntity(e);
  s->place = e.type == "LOC";
}

// Prefix letters of the token's key that lie before original code point `at`.
std::string_view KeyPrefixBefore(const ArticleView& v, const text::Token& t, uint32_t at) {
  size_t pos = 0;
  uint32_t k = t.start;
  while (pos < t.text.size() && v.norm.to_original[k] < at) {
    utf8::DecodeNext(t.text, &pos);
    ++k;
  }
  return t.text.substr(0, pos);
}

}  // namespace

std::string_view CodePointSpan(std::string_view text, uint32_t start, uint32_t end) {
  const size_t b = utf8::ByteOffsetOfCodePoint(text, start);
  const size_t e = utf8::ByteOffsetOfCodePoint(text, end);
  return text.substr(b, e > b ? e - b : 0);
}

ArticleView BuildView(const Article& article, const Lexicon& lx) {
  ArticleView v;
  v.byte_at.reserve(article.text.size() + 1);
  for (size_t i = 0; i < article.text.size(); ++i)
    if ((static_cast<unsigned char>(article.text[i]) & 0xC0) != 0x80) v.byte_at.push_back(static_cast<uint32_t>(i));
  v.byte_at.push_back(static_cast<uint32_t>(article.text.size()));
  v.norm = text::Normalize(article.text, text::NormLevel::kMatchKey);
  const std::vector<text::Token> raw = text::Tokenize(v.norm.text);
  const std::vector<text::SentenceSpan> spans = text::SplitSentences(article.text);
  const auto& map = v.norm.to_original;

  // Tokens with original offsets; the attached prefix of a mention needs the raw token,
  // so keep them side by side.
  v.toks.reserve(raw.size());
  size_t si = 0;
  for (const text::Token& t : raw) {
    Tok k;
    k.key = t.text;
    k.start = map[t.start];
    k.end = map[t.end];
    k.word = t.kind != text::TokenKind::kPunct && t.kind != text::TokenKind::kOther;
    if (!k.word) {
      size_t p = 0;
      const char32_t c = t.text.empty() ? 0 : utf8::DecodeNext(t.text, &p);
      if (p == t.text.size()) k.punct = c;
    }
    while (si + 1 < spans.size() && k.start >= spans[si].end) ++si;
    k.sentence = static_cast<uint32_t>(si);
    v.toks.push_back(k);
  }
  v.sentences.resize(std::max<size_t>(spans.size(), 1));
  for (size_t i = 0; i < spans.size(); ++i) v.sentences[i].start = spans[i].start, v.sentences[i].end = spans[i].end;
  {
    uint32_t ti = 0;
    for (uint32_t s = 0; s < v.sentences.size(); ++s) {
      v.sentences[s].tok_begin = ti;
      while (ti < v.toks.size() && v.toks[ti].sentence == s) ++ti;
      v.sentences[s].tok_end = ti;
    }
  }

  // Mentions -> slots.
  struct M { uint32_t start, end, entity, mention; };
  std::vector<M> ms;
  for (uint32_t e = 0; e < article.entities.size(); ++e)
    for (uint32_t m = 0; m < article.entities[e].mentions.size(); ++m) {
      const Mention& mn = article.entities[e].mentions[m];
      if (mn.end > mn.start) ms.push_back({mn.start, mn.end, e, m});
    }
  std::sort(ms.begin(), ms.end(), [](const M& a, const M& b) { return a.start < b.start || (a.start == b.start && a.end > b.end); });
  uint32_t covered = 0, covered_start = UINT32_MAX;
  std::vector<bool> covered_by(v.toks.size(), false);  // tokens inside a name already seen
  for (const M& m : ms) {
    if (m.start == covered_start && m.end == covered && !v.slots.empty()) {
      // Two actors named by one word (الطرفان، البلدين): a compound of both.
      Slot s = v.slots.back();
      s.entity = m.entity;
      s.mention = m.mention;
      SetRole(&s, article.entities[m.entity]);
      v.slots.push_back(s);
      continue;
    }
    if (m.start < covered) continue;  // overlapping mention: the earlier, longer one wins
    auto it = std::upper_bound(v.toks.begin(), v.toks.end(), m.start,
                               [](uint32_t at, const Tok& t) { return at < t.end; });
    if (it == v.toks.end() || it->start >= m.end) continue;
    const uint32_t first = static_cast<uint32_t>(it - v.toks.begin());
    uint32_t last = first;
    while (last + 1 < v.toks.size() && v.toks[last + 1].start < m.end) ++last;
    covered = m.end;
    covered_start = m.start;
    for (uint32_t t = first; t <= last; ++t) covered_by[t] = true;
    Slot s;
    s.entity = m.entity;
    s.mention = m.mention;
    s.first = first;
    s.last = last;
    SetRole(&s, article.entities[m.entity]);
    // ميلانو الإيطالية، سروج التركية: the country right after a place of that country says
    // where the place is; it is no second actor.
    if (!v.slots.empty() && v.slots.back().place && v.slots.back().last + 1 == first &&
        article.entities[v.slots.back().entity].country == article.entities[m.entity].country &&
        article.entities[m.entity].type == "GPE") {
      s.actor = false;
    }
    const std::string_view pfx = m.start > v.toks[first].start ? KeyPrefixBefore(v, raw[first], m.start) : std::string_view();
    uint32_t prep_tok = UINT32_MAX;  // the token holding the preposition
    if (!pfx.empty()) {
      prep_tok = first;
      s.conj = pfx.rfind("و", 0) == 0;
      std::string_view rest = s.conj || pfx.rfind("ف", 0) == 0 ? pfx.substr(2) : pfx;
      if (rest.rfind("ب", 0) == 0) s.prep = "ب";
      else if (rest.rfind("ل", 0) == 0) s.prep = "ل";
      else if (rest.rfind("ك", 0) == 0) s.prep = "ك";
    } else {
      // للقاهرة، وللسعودية: ل before ال drops the alif, so the mention holds the whole word;
      // its ل is still the preposition.
      const std::string_view w = v.toks[first].key;
      const size_t at = w.rfind("و", 0) == 0 || w.rfind("ف", 0) == 0 ? 2 : 0;
      if (w.size() > at + 6 && w.compare(at, 4, "لل") == 0) {
        prep_tok = first;
        s.prep = "ل";
        s.conj = at > 0 && w.rfind("و", 0) == 0;
      }
    }
    if (s.prep.empty() && !s.conj) {
      // The word before the name, skipping quote marks (مع «داعش») and up to two title
      // words that are not themselves names or function words (مع الرئيس الفرنسي ماكرون).
      uint32_t p = first;
      int titles = 0;
      while (p > 0 && v.toks[p - 1].sentence == v.toks[first].sentence) {
        const Tok& t = v.toks[p - 1];
        if (!t.word && (t.punct == U'«' || t.punct == U'"' || t.punct == U'“' || t.punct == U'(')) {
          --p;
          continue;
        }
        // Titles are definite nouns and adjectives (الرئيس الفرنسي); anything else ends the name.
        const uint32_t mk = t.word ? lx.FunctionMarkers(t.key) : 0;
        const bool head = (mk & kHead) != 0;  // تنظيم «داعش»
        if (!t.word || (t.key.rfind("ال", 0) != 0 && !head) || (mk != 0 && !head) ||
            lx.Speech(t.key) != SpeechKind::kNone || titles >= 2 || covered_by[p - 1])
          break;
        std::vector<TriggerHit> hits;
        lx.Lookup(t.key, &hits);
        if (!hits.empty()) break;
        ++titles;
        --p;
      }
      // p: the first word of the name with its titles; look at the word before.
      for (uint32_t q : {p, first}) {
        if (q == 0 || !v.toks[q - 1].word || v.toks[q - 1].sentence != v.toks[first].sentence) continue;
        const std::string_view prev = v.toks[q - 1].key;
        if (prev == "و" || prev == "وحتي") {  // و X، وحتى X (تايلاند وروسيا وحتى ليبيا)
          s.conj = true;
        } else if (lx.Markers(prev) & kPrep) {
          s.prep = lx.MarkerWord(prev);
          prep_tok = q - 1;
          s.conj |= s.prep.size() < prev.size() && prev.rfind("و", 0) == 0;
        } else if ((lx.Markers(prev) & kAgent) && q > 1 && lx.MarkerWord(v.toks[q - 2].key) == "من") {
          s.agent = true;
          s.prep = "من";
        }
        if (!s.prep.empty() || s.conj) break;
      }
    }
    // "X of Y": مع دبلوماسيين من الولايات المتحدة، إن ممثلين لصالح — the name stands for
    // the plain noun before its من/ل, so it takes that noun's place (and preposition).
    if ((s.prep == "من" || s.prep == "ل") && !s.agent && prep_tok != UINT32_MAX && prep_tok > 0) {
      uint32_t noun = prep_tok - 1;
      // على معسكر تابع لحركة حماس: "belonging to" Y, the head noun before it stands for Y.
      const std::string_view of = v.toks[noun].key;
      if (noun > 0 && s.prep == "ل" &&
          (of == "تابع" || of == "تابعه" || of == "التابع" || of == "التابعه" || of == "تابعين" || of == "التابعين")) {
        --noun;
        // معسكر تدريب تابع لـ: a two-word head noun after a preposition (its first word plain)
        if (noun > 1) {
          const Tok& head = v.toks[noun - 1];
          if (head.word && head.sentence == v.toks[first].sentence && lx.FunctionMarkers(head.key) == 0 && !covered_by[noun - 1] &&
              (lx.Markers(v.toks[noun - 2].key) & kPrep))
            --noun;
        }
      }
      const Tok& nt = v.toks[noun];
      if (nt.word && nt.sentence == v.toks[first].sentence && lx.FunctionMarkers(nt.key) == 0 && !covered_by[noun] &&
          lx.Speech(nt.key) == SpeechKind::kNone) {
        std::vector<TriggerHit> hits;
        lx.Lookup(nt.key, &hits);
        const bool at_start = noun == 0 || v.toks[noun - 1].sentence != v.toks[first].sentence;
        const Tok* before = at_start ? nullptr : &v.toks[noun - 1];
        const uint32_t bm = before != nullptr && before->word ? lx.Markers(before->key) : 0;
        const bool opens = at_start || (before != nullptr && !before->word) || (bm & (kPrep | kComp | kBound));
        if (hits.empty() && opens) s.prep = (bm & kPrep) ? lx.MarkerWord(before->key) : std::string_view();
      }
    }
    for (uint32_t b = 1; b <= 3 && b <= first; ++b) {
      const Tok& t = v.toks[first - b];
      if (t.sentence != v.toks[first].sentence) break;
      if (lx.Speech(t.key) == SpeechKind::kAttr) s.attr = true;
    }
    s.group = static_cast<uint32_t>(v.slots.size());
    if (!v.slots.empty()) {
      Slot& p = v.slots.back();
      const bool near = s.first == p.last + 1 ||
                        (s.first == p.last + 2 && (v.toks[p.last + 1].key == "و" || v.toks[p.last + 1].key == "وحتي" ||
                                                   v.toks[p.last + 1].punct == U'،' ||
                                                   v.toks[p.last + 1].punct == ','));
      if (p.entity == s.entity && s.first == p.last + 1 && s.prep.empty() && !s.conj) {
        p.last = s.last;  // "الرئيس الروسي" + "فلاديمير بوتين" as one actor
        continue;
      }
      if (near && s.conj && s.prep.empty() && v.toks[s.first].sentence == v.toks[p.last].sentence) s.group = p.group;
    }
    v.slots.push_back(s);
  }
  {
    uint32_t k = 0;
    for (uint32_t s = 0; s < v.sentences.size(); ++s) {
      v.sentences[s].slot_begin = k;
      while (k < v.slots.size() && v.toks[v.slots[k].first].sentence == s) ++k;
      v.sentences[s].slot_end = k;
    }
  }
  return v;
}

}  // namespace marsad::events
