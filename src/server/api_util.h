// Helpers shared by the API's route handlers (api_*.cc). Internal to src/server/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/utf8.h"
#include "export/json_writer.h"
#include "server/api.h"
#include "server/params.h"

namespace marsad::server {

// A user-given string made safe to echo in a JSON message: valid UTF-8, at most ~200 bytes.
inline std::string Shown(std::string_view s) {
  return utf8::Repair(s.substr(0, 200)).text;
}

inline ApiResponse BadParams(const Params& p) { return ErrorResponse(400, p.error(), p.hint()); }

// A store failure: 503 when the database is busy (retry), else 500.
inline ApiResponse StoreError(const Status& s) {
  bool busy = s.message().find("locked") != std::string::npos || s.message().find("busy") != std::string::npos;
  return ErrorResponse(busy ? 503 : 500, "the database failed: " + Shown(s.message()),
                       busy ? "the database is busy; retry in a moment" : "see the server's log");
}

inline ApiResponse Json(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

// A page of a listing: {"items": [...], "limit", "offset", "next_offset", "total"}.
// write_items writes the array; `more` says whether items follow this page; total is
// written as null when unknown.
template <typename Fn>
ApiResponse PageResponse(size_t limit, size_t offset, bool more, std::optional<uint64_t> total, Fn write_items) {
  ApiResponse r;
  exporter::JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("items");
  write_items(w);
  w.Key("limit"), w.Int(static_cast<long long>(limit));
  w.Key("offset"), w.Int(static_cast<long long>(offset));
  w.Key("next_offset");
  if (more) {
    w.Int(static_cast<long long>(offset + limit));
  } else {
    w.Null();
  }
  w.Key("total");
  if (total) {
    w.Int(static_cast<long long>(*total));
  } else {
    w.Null();
  }
  w.EndObject();
  return r;
}

}  // namespace marsad::server
