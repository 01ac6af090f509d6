// Internal to ingest/: gunzip of a whole in-memory input (also concatenated gzip
// members, as `cat a.gz b.gz` makes). Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/owned_bytes.h"

namespace marsad::ingest {

// Decompresses `gz`. Fails (kCorrupt) on a truncated or damaged stream, and
// (kInvalidArgument) when the output would exceed max_output bytes (gzip bombs).
// The message says what is wrong but does not name the file (the caller does).
Result<OwnedBytes> Gunzip(std::string_view gz, uint64_t max_output);

}  // namespace marsad::ingest
