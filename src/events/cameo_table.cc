#include "events/cameo_table.h"

#include <cstdlib>
#include <vector>

#include "core/embedded_data.h"

namespace marsad::events {

Result<std::unique_ptr<CameoTable>> CameoTable::Load() {
  auto t = std::make_unique<CameoTable>();
  int row = 0;
  for (const std::string& line : DataLines("events/cameo.tsv")) {
    ++row;
    std::vector<std::string> f;
    size_t b = 0;
    for (;;) {
      const size_t e = line.find('\t', b);
      f.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    if (f.size() < 5 || f[0].size() < 2 || f[0].size() > 4 || f[2].size() != 2) {
      return Status::Corrupt("data/events/cameo.tsv: data row " + std::to_string(row) +
                             " is malformed; regenerate it with tools/events_eval/make_cameo_table.py");
    }
    CameoInfo c;
    c.code = f[0];
    c.name = f[1];
    c.root = f[2];
    c.goldstein = std::atof(f[3].c_str());
    c.quad_class = std::atoi(f[4].c_str());
    if (f.size() > 5) c.plover = f[5];
    t->codes_.emplace(c.code, std::move(c));
  }
  if (t->codes_.empty()) return Status::NotFound("data/events/cameo.tsv is missing or empty");
  return t;
}

const CameoInfo* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace marsad::events
