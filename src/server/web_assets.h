// The web page's files (web/dist, built by `node web/build.mjs`) and the OpenAPI
// description (src/server/openapi.json), compiled into the binary. Setting the environment
// variable MARSAD_WEB_DIR to a folder serves <dir>/<name> from disk instead (for working
// on the page without rebuilding marsad). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marsad::server {

// Contents of the asset `name` ("index.html", "app.js", "openapi.json"); nullopt if none.
std::optional<std::string> WebAsset(std::string_view name);

// The Content-Type for a file name, by its extension.
std::string ContentTypeFor(std::string_view name);

}  // namespace marsad::server
