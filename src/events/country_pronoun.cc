#include "events/country_pronoun.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/clitics.h"

namespace marsad::events {
namespace {

// بلاده with its pronoun (match key), with or without proclitics (وبلاده، لبلادها).
// The substring test keeps the clitic analysis off almost every word.
bool IsCountryPronoun(std::string_view w) {
  if (w.find("بلاد") == std::string_view::npos) return false;
  for (const text::CliticSplit& c : text::CliticCandidates(w))
    if (c.stem == "بلاده" || c.stem == "بلادها" || c.stem == "بلادهم" || c.stem == "بلادهما") return true;
  return false;
}

}  // namespace

bool AddCountryPronounMentions(Article& article, const ArticleView& view, const std::vector<Quote>& quotes) {
  std::vector<bool> covered(view.toks.size(), false);
  for (const Slot& sl : view.slots)
    for (uint32_t t = sl.first; t <= sl.last && t < covered.size(); ++t) covered[t] = true;
  std::unordered_map<std::string_view, uint32_t> by_id;  // entity id -> index
  std::unordered_map<std::string_view, uint32_t> gpe_of;  // country -> its GPE entity
  for (uint32_t i = 0; i < article.entities.size(); ++i) {
    const Entity& e = article.entities[i];
    by_id.emplace(e.id, i);
    if (e.type == "GPE" && e.country && !e.country->empty()) gpe_of.emplace(*e.country, i);
  }
  bool added = false;
  for (uint32_t t = 0; t < view.toks.size(); ++t) {
    const Tok& tk = view.toks[t];
    if (!tk.word || covered[t] || !IsCountryPronoun(tk.key)) continue;
    const Quote* in = nullptr;
    for (const Quote& q : quotes)
      if (q.start <= tk.start && tk.end <= q.end && q.speaker) in = &q;
    if (in == nullptr) continue;
    const auto sp = by_id.find(*in->speaker);
    if (sp == by_id.end()) continue;
    const std::optional<std::string>& country = article.entities[sp->second].country;
    if (!country || country->empty()) continue;
    const auto gpe = gpe_of.find(*country);
    if (gpe == gpe_of.end()) continue;
    std::vector<Mention>& ms = article.entities[gpe->second].mentions;
    Mention m{tk.start, tk.end, std::string(CodePointSpan(article.text, tk.start, tk.end))};
    ms.insert(std::upper_bound(ms.begin(), ms.end(), m, [](const Mention& a, const Mention& b) { return a.start < b.start; }),
              std::move(m));
    added = true;
  }
  return added;
}

}  // namespace marsad::events
