// Query-parameter parsing and validation for the API. Each getter checks one parameter;
// the first problem is kept (error + hint) and later getters return their defaults, so a
// handler reads all its parameters and then checks failed() once.
// Thread-compatible (one Params per request).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marsad::server {

class Params {
 public:
  explicit Params(const std::vector<std::pair<std::string, std::string>>& raw) : raw_(raw) {}

  // Fails on a parameter not named in `allowed` (typos must not be ignored silently) or
  // given twice.
  void Allow(std::initializer_list<std::string_view> allowed);

  // A non-empty string of at most max_bytes bytes; nullopt when absent.
  std::optional<std::string> Str(std::string_view name, size_t max_bytes = 200);
  // An ISO date YYYY-MM-DD (a valid calendar date); nullopt when absent.
  std::optional<std::string> Date(std::string_view name);
  // An unsigned integer in [min, max]; `def` when absent.
  size_t Size(std::string_view name, size_t def, size_t min, size_t max);
  // true/false/1/0; `def` when absent.
  bool Bool(std::string_view name, bool def);
  // One of `choices`; nullopt when absent.
  std::optional<std::string> OneOf(std::string_view name, std::initializer_list<std::string_view> choices);

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& hint() const { return hint_; }

 private:
  const std::string* Find(std::string_view name) const;
  void Fail(std::string error, std::string hint);

  const std::vector<std::pair<std::string, std::string>>& raw_;
  std::string error_, hint_;
};

}  // namespace marsad::server
