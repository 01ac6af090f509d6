// Reads schema.org metadata from JSON-LD blocks (internal to src/html/).
// Accepts a top-level object, an array of objects, and "@graph" lists; picks the
// article-like object (Article, NewsArticle, BlogPosting, ... or any object carrying
// articleBody/headline/datePublished). Raw control characters inside the JSON, a common
// fault in hand-written templates, are read as spaces. Invalid JSON is ignored.
// Thread-safety: ReadJsonLd is a pure function.
#pragma once

#include <string>
#include <vector>

namespace marsad::html {

struct JsonLdArticle {
  std::string headline;
  std::string article_body;
  std::string date_published;
  std::string author;          // names joined by ", "
  std::string publisher;
  std::string url;
  std::string keywords;        // a string, or a list joined by ", "
};

// First non-empty value of each field over the blocks, preferring article-like objects.
JsonLdArticle ReadJsonLd(const std::vector<std::string>& blocks);

}  // namespace marsad::html
