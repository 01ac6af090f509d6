// Main-content extraction from HTML pages (readability/trafilatura-style scoring on a
// real HTML5 parse tree from gumbo), plus page metadata. Arabic and English pages.
// Thread-safe: const methods, no shared mutable state.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace marsad::html {

struct ExtractedPage {
  std::string title;          // og:title, h1, <title> (site suffix removed)
  std::string body;           // main content: paragraphs separated by "\n\n"
  std::string published;      // as found (raw string); the cleaner parses it
  std::string published_signal;  // "meta:article:published_time", "json-ld", "time", "text"...
  std::string author;
  std::string canonical_url;
  std::string site_name;
  std::string language;       // from <html lang>, or guessed from the script of the body
  std::string keywords;       // <meta name="keywords"> as written
};

struct ExtractorOptions {
  size_t max_input_bytes = 64u << 20;  // bigger pages are refused with an error
};

class HtmlExtractor {
 public:
  explicit HtmlExtractor(ExtractorOptions options = {}) : options_(options) {}
  // REQUIRES: html is valid UTF-8. url (may be empty) helps resolve canonical/site name.
  Result<ExtractedPage> Extract(std::string_view html, std::string_view url = {}) const;

 private:
  ExtractorOptions options_;
};

}  // namespace marsad::html
