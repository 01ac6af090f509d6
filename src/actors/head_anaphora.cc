#include "actors/head_anaphora.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/utf8.h"
#include "text/clitics.h"
#include "text/normalizer.h"

namespace marsad::actors {
namespace {

// The head noun (match key, without ال or clitics) of a mention's first word, or "".
std::string HeadOf(const ActorKb& kb, std::string_view mention_text) {
  const std::string key = text::MatchKey(mention_text);
  const std::string_view first = std::string_view(key).substr(0, key.find(' '));
  for (const text::CliticSplit& c : text::CliticCandidates(first)) {
    std::string_view stem = c.stem;
    if (stem.rfind("ال", 0) == 0) continue;  // المركز alone is itself an anaphor, not a name
    if (kb.IsOrgHead(stem)) return std::string(stem);
  }
  return "";
}

struct Named {
  size_t entity;
  uint32_t first_end;  // end of its first mention that opens with the head
};

}  // namespace

bool AdjectiveLike(std::string_view key) {
  if (key.rfind("ال", 0) != 0) return false;
  for (std::string_view t : {"اليوم", "الان", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"})
    if (key == t) return false;
  return true;
}

void AddHeadNounMentions(const ActorKb& kb, std::string_view text, const ScannedText& scan,
                         std::vector<Entity>* entities) {
  // head -> organisations named with it, in order of their first such mention.
  std::vector<std::pair<std::string, Named>> named;
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  for (size_t i = 0; i < entities->size(); ++i) {
    const Entity& e = (*entities)[i];
    for (const Mention& m : e.mentions) covered.emplace_back(m.start, m.end);
    if (e.type == "PERSON" || e.type == "GPE" || e.type == "LOC") continue;
    for (const Mention& m : e.mentions) {
      if (m.text.find(' ') == std::string::npos) continue;  // a name of one word has no head noun
      std::string head = HeadOf(kb, m.text);
      if (head.empty()) continue;
      named.push_back({std::move(head), {i, m.end}});
      break;
    }
  }
  if (named.empty()) return;
  auto is_covered = [&](uint32_t s, uint32_t e) {
    return std::any_of(covered.begin(), covered.end(), [&](const auto& c) { return c.first < e && s < c.second; });
  };
  std::vector<std::pair<size_t, Mention>> added;
  for (size_t t = 0; t < scan.tokens.size(); ++t) {
    const TextToken& tok = scan.tokens[t];
    if (!tok.word || tok.key.size() < 8) continue;
    // Cheap test first (this runs for every word): the word ends with a head named here.
    const bool maybe = std::any_of(named.begin(), named.end(), [&](const auto& n) {
      const std::string& h = n.first;
      return tok.key.size() >= h.size() + 4 && tok.key.compare(tok.key.size() - h.size(), h.size(), h) == 0;
    });
    if (!maybe || is_covered(tok.start, tok.end)) continue;
    for (const text::CliticSplit& c : text::CliticCandidates(tok.key)) {
      if (c.stem.rfind("ال", 0) != 0) continue;
      const std::string_view head = std::string_view(c.stem).substr(4);
      if (!kb.IsOrgHead(head)) continue;
      // The one organisation with this head named before the word.
      size_t found = SIZE_MAX;
      bool ambiguous = false;
      for (const auto& [h, n] : named) {
        if (h != head || n.first_end > tok.start) continue;
        if (found != SIZE_MAX && found != n.entity) ambiguous = true;
        found = n.entity;
      }
      if (found == SIZE_MAX || ambiguous) break;
      if (t + 1 < scan.tokens.size() && scan.tokens[t + 1].word && AdjectiveLike(scan.tokens[t + 1].key)) break;
      // للمركز: ل before ال drops the alif, so the mention is the whole word (as the
      // matcher's are); otherwise it starts after the proclitics.
      uint32_t start = tok.start;
      if (tok.key.rfind("لل", 0) != 0 && tok.key.rfind("ولل", 0) != 0 && tok.key.rfind("فلل", 0) != 0) {
        const auto prefix = static_cast<uint32_t>(c.prefix.size() / 2);  // Arabic letters are 2 bytes
        start = scan.normal.to_original[tok.key_start + prefix];
      }
      Mention m;
      m.start = start;
      m.end = tok.end;
      const size_t b = utf8::ByteOffsetOfCodePoint(text, start);
      const size_t e = utf8::ByteOffsetOfCodePoint(text, tok.end);
      m.text = std::string(text.substr(b, e - b));
      added.emplace_back(found, std::move(m));
      break;
    }
  }
  for (auto& [i, m] : added) {
    std::vector<Mention>& ms = (*entities)[i].mentions;
    ms.push_back(std::move(m));
    std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  }
}

}  // namespace marsad::actors
