// The SQLite schema as an ordered list of migrations. Migration i (1-based) brings a
// database from user_version i-1 to i; each runs in its own transaction. Never edit a
// released migration: append a new one (docs/STORE.md).
#pragma once

#include <cstdint>
#include <vector>

namespace marsad::store {

// PRAGMA application_id of marsad databases ("MRSD"): tells ours from other SQLite files.
inline constexpr int32_t kApplicationId = 0x4D525344;

const std::vector<const char*>& Migrations();
inline int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

}  // namespace marsad::store
