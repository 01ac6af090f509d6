// Test helpers for src/events: articles with hand-made entities (the real ones come from
// the actors stage). Mentions are found by searching the surface form in the text, so a
// clitic before it (والصين، لروسيا) stays outside the mention, as the actor resolver does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/utf8.h"

namespace marsad::events::testing {

inline uint32_t CpIndex(std::string_view text, size_t byte) {
  return static_cast<uint32_t>(utf8::CountCodePoints(text.substr(0, byte)));
}

// Adds an entity with a mention at every occurrence of each '|'-separated surface form.
inline void AddEntity(Article& a, const std::string& id, const std::string& surfaces, const std::string& type,
                      std::optional<std::string> cameo, std::optional<std::string> country) {
  Entity e;
  e.id = id;
  e.name_en = id;
  e.type = type;
  e.cameo = std::move(cameo);
  e.country = std::move(country);
  size_t b = 0;
  while (b <= surfaces.size()) {
    size_t bar = surfaces.find('|', b);
    if (bar == std::string::npos) bar = surfaces.size();
    const std::string s = surfaces.substr(b, bar - b);
    b = bar + 1;
    if (s.empty()) continue;
    if (e.name_ar.empty()) e.name_ar = s;
    for (size_t at = a.text.find(s); at != std::string::npos; at = a.text.find(s, at + s.size())) {
      Mention m;
      m.start = CpIndex(a.text, at);
      m.end = m.start + static_cast<uint32_t>(utf8::CountCodePoints(s));
      m.text = s;
      e.mentions.push_back(m);
    }
  }
  a.entities.push_back(std::move(e));
}

inline Article MakeArticle(std::string text, std::optional<std::string> published = "2025-03-30") {
  Article a;
  a.id = "test";
  a.text = std::move(text);
  a.published = std::move(published);
  return a;
}

}  // namespace marsad::events::testing
