// A small streaming JSON writer (objects, arrays, strings with correct escaping,
// numbers, null). Produces compact, valid UTF-8 JSON; the caller supplies valid UTF-8.
// Not thread-safe; one writer per output string.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marsad::exporter {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Separate(); out_->push_back('{'); first_ = true; }
  void EndObject() { out_->push_back('}'); first_ = false; }
  void BeginArray() { Separate(); out_->push_back('['); first_ = true; }
  void EndArray() { out_->push_back(']'); first_ = false; }
  // Writes "key": and makes the next value follow it without a comma.
  void Key(std::string_view key);

  void String(std::string_view s);
  void OptString(const std::optional<std::string>& s);
  void Int(long long v);
  void Double(double v);
  void Bool(bool v);
  void Null();

  // Appends s as a JSON string literal (with quotes) to out.
  static void AppendEscaped(std::string* out, std::string_view s);

 private:
  void Separate();
  std::string* out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace marsad::exporter
