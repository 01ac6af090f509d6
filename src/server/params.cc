#include "server/params.h"

#include <charconv>

#include "core/utf8.h"

namespace marsad::server {

namespace {

std::string Join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

}  // namespace

const std::string* Params::Find(std::string_view name) const {
  for (const auto& [k, v] : raw_) {
    if (k == name) return &v;
  }
  return nullptr;
}

void Params::Fail(std::string error, std::string hint) {
  if (!failed()) error_ = std::move(error), hint_ = std::move(hint);
}

void Params::Allow(std::initializer_list<std::string_view> allowed) {
  for (size_t i = 0; i < raw_.size(); ++i) {
    const std::string& k = raw_[i].first;
    bool known = false;
    for (auto a : allowed) known |= (k == a);
    // Parameter names are echoed back: only when short and valid UTF-8.
    std::string shown = k.size() <= 40 && utf8::IsValid(k) ? k : "(unprintable)";
    if (!known) {
      Fail("unknown parameter '" + shown + "'",
           allowed.size() ? "this endpoint accepts: " + Join(allowed) : "this endpoint takes no parameters");
      return;
    }
    for (size_t j = 0; j < i; ++j) {
      if (raw_[j].first == k) {
        Fail("parameter '" + shown + "' given more than once", "give each parameter once");
        return;
      }
    }
  }
}

std::optional<std::string> Params::Str(std::string_view name, size_t max_bytes) {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  if (v->empty()) {
    Fail("parameter '" + std::string(name) + "' is empty", "leave it out or give a value");
    return std::nullopt;
  }
  if (v->size() > max_bytes) {
    Fail("parameter '" + std::string(name) + "' is too long (" + std::to_string(v->size()) + " bytes)",
         "at most " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!utf8::IsValid(*v)) {
    Fail("parameter '" + std::string(name) + "' is not valid UTF-8", "percent-encode UTF-8 text");
    return std::nullopt;
  }
  return *v;
}

std::optional<std::string> Params::Date(std::string_view name) {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  if (!ValidIsoDate(*v)) {
    Fail("parameter '" + std::string(name) + "' is not a date", "use an ISO date such as 2025-02-16");
    return std::nullopt;
  }
  return *v;
}

size_t Params::Size(std::string_view name, size_t def, size_t min, size_t max) {
  const std::string* v = Find(name);
  if (!v) return def;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || v->empty() || n < min || n > max) {
    Fail("parameter '" + std::string(name) + "' must be a whole number from " + std::to_string(min) +
             " to " + std::to_string(max),
         "for example " + std::string(name) + "=" + std::to_string(def));
    return def;
  }
  return n;
}

bool Params::Bool(std::string_view name, bool def) {
  const std::string* v = Find(name);
  if (!v) return def;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  Fail("parameter '" + std::string(name) + "' must be true or false", "use true, false, 1 or 0");
  return def;
}

std::optional<std::string> Params::OneOf(std::string_view name, std::initializer_list<std::string_view> choices) {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  for (auto c : choices) {
    if (*v == c) return *v;
  }
  Fail("parameter '" + std::string(name) + "' has an unknown value", "use one of: " + Join(choices));
  return std::nullopt;
}

}  // namespace marsad::server
