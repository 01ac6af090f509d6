#include "ingest/json_values.h"

#include <algorithm>

namespace marsad::ingest::json {

using simdjson::error_code;

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

const char* TypeName(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "an unknown value";
}

std::string Describe(error_code e) {
  std::string m = simdjson::error_message(e);
  while (!m.empty() && (m.back() == '.' || m.back() == ' ')) m.pop_back();
  if (e == simdjson::UNCLOSED_STRING || e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
      e == simdjson::TAPE_ERROR || e == simdjson::EMPTY) {
    m += "; the file looks truncated or is not valid JSON";
  }
  return m;
}

size_t CountReplacements(std::string_view s) {
  size_t n = 0;
  for (size_t p = s.find("\xEF\xBF\xBD"); p != std::string_view::npos; p = s.find("\xEF\xBF\xBD", p + 3)) ++n;
  return n;
}

bool AtEnd(od::document& doc) {
  const char* at = nullptr;
  return doc.current_location().get(at) != simdjson::SUCCESS;
}

OwnedBytes Copy(std::string_view s) {
  OwnedBytes b(s.size());
  std::copy(s.begin(), s.end(), b.data());
  return b;
}

simdjson::padded_string_view PaddedView(Bytes b) {
  return simdjson::padded_string_view(b.data.data(), b.data.size(), b.data.size() + kReadPadding);
}

error_code ValueText(od::value value, bool paragraphs, std::string* out, bool* is_string) {
  out->clear();
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  *is_string = type == od::json_type::string || type == od::json_type::array;
  switch (type) {
    case od::json_type::string: {
      std::string_view s;
      if (auto e = value.get_string().get(s)) return e;
      out->assign(s);
      return simdjson::SUCCESS;
    }
    case od::json_type::number:
    case od::json_type::boolean: {
      out->assign(Trim(value.raw_json_token()));
      return simdjson::SUCCESS;
    }
    case od::json_type::null:
      return simdjson::SUCCESS;
    case od::json_type::array: {
      od::array array;
      if (auto e = value.get_array().get(array)) return e;
      for (auto element : array) {
        od::value v;
        if (auto e = element.get(v)) return e;
        od::json_type t;
        if (auto e = v.type().get(t)) return e;
        if (t != od::json_type::string) continue;
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        if (IsBlank(s)) continue;
        if (!out->empty()) out->append(paragraphs ? "\n\n" : ", ");
        out->append(s);
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object object;
      if (auto e = value.get_object().get(object)) return e;
      for (auto field : object) {
        od::field f;
        if (auto e = std::move(field).get(f)) return e;
        std::string_view key;
        if (auto e = f.unescaped_key().get(key)) return e;
        if (key != "name") continue;
        od::json_type t;
        if (auto e = f.value().type().get(t)) return e;
        if (t != od::json_type::string) continue;
        std::string_view s;
        if (auto e = f.value().get_string().get(s)) return e;
        out->assign(s);
      }
      return simdjson::SUCCESS;
    }
  }
  return simdjson::SUCCESS;
}


}  // namespace marsad::ingest::json
