// Page metadata from <head> and a few body signals (internal to src/html/): title,
// publication date and where it came from, author, canonical URL, site name, language,
// keywords. Reads the gumbo tree iteratively; JSON-LD comes in already parsed.
// Thread-safety: pure function.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "html/html_extractor.h"
#include "html/json_ld_reader.h"

namespace marsad::html {

// Fills every ExtractedPage field except body. body_text (the extracted main text) is
// used for the language guess when the page declares none.
void ReadMetadata(const GumboNode* root, const JsonLdArticle& json_ld, std::string_view url,
                  std::string_view body_text, ExtractedPage* page);

// "Headline | Site" -> "Headline" (also " - ", " — ", " – ", " :: ", " « ", " » ").
// A segment naming the site is dropped; failing that, a short last segment is.
std::string RemoveTitleSuffix(std::string_view title, std::string_view site_name);

// A date-looking string in visible text ("2019-11-20", "20/11/2019", "Nov. 20, 2019",
// "20 نوفمبر 2019"), or empty.
std::string FindVisibleDate(std::string_view text);

// "ar", "en" or "" from the letters of text.
std::string GuessLanguage(std::string_view text);

}  // namespace marsad::html
