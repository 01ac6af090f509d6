// Human-readable renderings of an Article for the terminal (`marsad show`, `list`).
#pragma once

#include <string>

#include "core/article.h"

namespace marsad::cli {

// Header (title, id, source, date, url, wires, keywords) and the main text.
// With explain: then every removed block and related article, labelled with its kind.
std::string RenderArticle(const Article& a, bool explain);

// s cut to at most n code points, "…" appended when cut; never splits a code point.
std::string Cut(const std::string& s, size_t n);

// One line: id, date, outlet, title (or the start of the text), cut to max_chars.
std::string RenderListLine(const Article& a, size_t max_chars);

}  // namespace marsad::cli
