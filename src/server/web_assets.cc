#include "server/web_assets.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "server/web_assets_table.h"  // generated: kWebAssets[], kWebAssetCount

namespace marsad::server {

namespace {
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

std::optional<std::string> WebAsset(std::string_view name) {
  // Names come from URLs: refuse anything that could leave the folder.
  if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/' ||
      name.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  if (const char* dir = std::getenv("MARSAD_WEB_DIR"); dir != nullptr && *dir != '\0' && name != "openapi.json") {
    std::ifstream in(std::string(dir) + "/" + std::string(name), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  for (size_t i = 0; i < kWebAssetCount; ++i) {
    if (kWebAssets[i].name == name) return std::string(kWebAssets[i].contents);
  }
  return std::nullopt;
}

std::string ContentTypeFor(std::string_view name) {
  if (EndsWith(name, ".html")) return "text/html; charset=utf-8";
  if (EndsWith(name, ".js") || EndsWith(name, ".mjs")) return "text/javascript; charset=utf-8";
  if (EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(name, ".json")) return "application/json; charset=utf-8";
  if (EndsWith(name, ".svg")) return "image/svg+xml";
  if (EndsWith(name, ".png")) return "image/png";
  if (EndsWith(name, ".woff2")) return "font/woff2";
  if (EndsWith(name, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace marsad::server
