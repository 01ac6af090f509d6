// Test helper shared by the search tests (src/search, tests/scale): a stored article with
// the fields search reads, its content hash set to its id.
#pragma once

#include <optional>
#include <string>

#include "core/article.h"

namespace marsad::search::testing {

inline Article MakeArticle(const std::string& id, const std::string& title, const std::string& text,
                           const std::string& source, const std::string& date,
                           std::optional<std::string> story = std::nullopt) {
  Article a;
  a.id = id, a.input = "in/" + id, a.title = title, a.text = text, a.source = source, a.published = date;
  a.content_hash = id, a.story_id = std::move(story);
  return a;
}

}  // namespace marsad::search::testing
