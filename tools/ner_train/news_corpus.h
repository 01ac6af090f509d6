// Reads the "content" texts of SaudiNewsNet-style zips (each a JSON array of articles) from
// a folder, in file-name order: the unlabelled corpus of ner_clusters and ner_train.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace marsad::ner_tools {

// Calls fn(content) for each article (at most max_articles; 0 = all). Returns the number of
// articles read, or -1 if the folder has no readable zip.
long ForEachArticle(const std::string& dir, size_t max_articles, const std::function<void(std::string_view)>& fn);

}  // namespace marsad::ner_tools
