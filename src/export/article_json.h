// The public JSON Lines export format, "marsad.article/1"
// (../shared/spec/export-format.md; our copy of the contract: docs/EXPORT-FORMAT.md).
// Every field of the contract is always present; values not computed yet are null or [].
// Thread-safe (pure function).
#pragma once

#include <string>

#include "core/article.h"

namespace marsad::exporter {

inline constexpr char kArticleSchema[] = "marsad.article/1";

// One JSON object, no trailing newline.
std::string ArticleToJson(const Article& article);

}  // namespace marsad::exporter
