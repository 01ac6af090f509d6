// PostgreSQL URLs as the CLI and the messages see them; in every build, libpq or not.
#include "pgstore/pg_store.h"

namespace marsad::pgstore {

bool IsPostgresUrl(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

std::string RedactUrl(const std::string& url) {
  // scheme://user:password@host -> scheme://user:***@host
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace marsad::pgstore
