// Internal to src/clean: outlet display names from data/clean/outlets.tsv, looked up by
// SaudiNewsNet-style id ("alriyadh"), web domain (subdomains and "www." fall back to the
// registered domain) or Arabic name as written in a source line. Thread-safe after
// construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace marsad::clean {

struct Outlet {
  std::string name_ar, name_en;
};

class OutletTable {
 public:
  OutletTable();
  // By id or Arabic/English name (MatchKey-compared).
  std::optional<Outlet> ByName(std::string_view name) const;
  // By host name or URL ("https://www.alriyadh.com/1066713").
  std::optional<Outlet> ByUrl(std::string_view url) const;
  // The lower-case host of a URL without "www." ("" if it has none).
  static std::string HostOf(std::string_view url);

 private:
  std::unordered_map<std::string, Outlet> by_key_;
};

}  // namespace marsad::clean
