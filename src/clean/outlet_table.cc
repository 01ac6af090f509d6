#include "clean/outlet_table.h"

#include "clean/date_tokens.h"
#include "core/embedded_data.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

OutletTable::OutletTable() {
  for (const std::string& line : DataLines("clean/outlets.tsv")) {
    auto f = SplitTabs(line);
    if (f.size() < 3) continue;
    Outlet o{Trimmed(f[1]), Trimmed(f[2])};
    size_t start = 0;
    while (start <= f[0].size()) {
      size_t bar = f[0].find('|', start);
      if (bar == std::string::npos) bar = f[0].size();
      std::string key = text::MatchKey(Trimmed(std::string_view(f[0]).substr(start, bar - start)));
      if (!key.empty()) by_key_.emplace(key, o);
      start = bar + 1;
    }
  }
}

std::optional<Outlet> OutletTable::ByName(std::string_view name) const {
  auto it = by_key_.find(text::MatchKey(Trimmed(name)));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::string OutletTable::HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/?#:");
  std::string host(url.substr(0, end));
  for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos || host.find(' ') != std::string::npos) return "";
  return host;
}

std::optional<Outlet> OutletTable::ByUrl(std::string_view url) const {
  std::string host = HostOf(url);
  // arabic.rt.com is listed itself; news.example.com falls back to example.com.
  while (!host.empty() && host.find('.') != std::string::npos) {
    auto it = by_key_.find(host);
    if (it != by_key_.end()) return it->second;
    host.erase(0, host.find('.') + 1);
  }
  return std::nullopt;
}

}  // namespace marsad::clean
