// JSON shapes of the API's records (docs/SERVER.md), written with the project's JsonWriter.
// Events, entities and quotes have the field names of the export format (marsad.article/1).
// Each function writes one JSON value at the writer's current position.
// Thread-safe (pure functions).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "export/json_writer.h"
#include "server/read_model.h"
#include "store/store.h"

namespace marsad::server {

using exporter::JsonWriter;

void WriteArticleRow(JsonWriter& w, const ArticleRow& r);
void WriteBrief(JsonWriter& w, const store::ArticleBrief& b);
// `timeline` (date -> articles) may be empty: then no "timeline" member is written.
void WriteStory(JsonWriter& w, const store::StoryRecord& s,
                const std::vector<std::pair<std::string, uint64_t>>& timeline);
void WriteEntitySummary(JsonWriter& w, const store::EntitySummary& e);
void WriteEntityDetail(JsonWriter& w, const store::EntityDetail& d);
void WriteEvent(JsonWriter& w, const Event& e);
void WriteEventRecord(JsonWriter& w, const store::EventRecord& r);
void WriteQuoteRecord(JsonWriter& w, const store::QuoteRecord& r);
void WriteDyadPoint(JsonWriter& w, const store::DyadPoint& p);
void WriteNetworkEdge(JsonWriter& w, const NetworkEdge& e);
void WriteStats(JsonWriter& w, const store::StoreStats& s);
// [{"<key>": name, "<count_key>": n}, ...]
void WriteCounts(JsonWriter& w, const std::vector<std::pair<std::string, uint64_t>>& counts,
                 const char* key, const char* count_key);

}  // namespace marsad::server
