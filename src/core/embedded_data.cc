#include "core/embedded_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/embedded_data_table.h"  // generated: kEmbeddedFiles[], kEmbeddedFileCount

namespace marsad {

std::string DataFile(std::string_view name) {
  if (const char* dir = std::getenv("MARSAD_DATA_DIR"); dir != nullptr && *dir != '\0') {
    std::ifstream in(std::string(dir) + "/" + std::string(name), std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (kEmbeddedFiles[i].name == name) return std::string(kEmbeddedFiles[i].contents);
  }
  return {};
}

std::vector<std::string> DataLines(std::string_view name) {
  std::vector<std::string> lines;
  std::string all = DataFile(name);
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    std::string line = all.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace marsad
