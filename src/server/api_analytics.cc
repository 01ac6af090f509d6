// Entities, events, quotes, dyads, the actor network and stats.
#include "server/api.h"
#include "server/api_util.h"
#include "server/json_out.h"
#include "server/read_model.h"

namespace marsad::server {

namespace {

// The store's analytic queries take a limit but no offset: ask for the pages before this
// one plus one more row (to know whether another page follows), then cut.
template <typename T, typename Fn>
ApiResponse Slice(const std::vector<T>& all, size_t limit, size_t offset, Fn write_one) {
  return PageResponse(limit, offset, all.size() > offset + limit, std::nullopt, [&](JsonWriter& w) {
    w.BeginArray();
    for (size_t i = offset; i < all.size() && i < offset + limit; ++i) write_one(w, all[i]);
    w.EndArray();
  });
}

}  // namespace

ApiResponse Api::ListEntities(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"type", "country", "limit", "offset"});
  store::EntityFilter f;
  f.type = p.OneOf("type", {"PERSON", "ORG", "GPE", "LOC", "MEDIA", "OTHER"});
  f.country = p.Str("country", 8);
  size_t limit = p.Size("limit", 50, 1, options_.max_limit);
  size_t offset = p.Size("offset", 0, 0, options_.max_offset);
  if (p.failed()) return BadParams(p);
  f.limit = offset + limit + 1;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto all = lease.value().store().ListEntities(f);
  if (!all.ok()) return StoreError(all.status());
  return Slice(all.value(), limit, offset, WriteEntitySummary);
}

ApiResponse Api::GetEntity(const ApiRequest& r, const std::string& id) const {
  Params p(r.params);
  p.Allow({});
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto e = lease.value().store().GetEntity(id);
  if (!e.ok()) return StoreError(e.status());
  if (!e.value()) {
    return ErrorResponse(404, "no entity " + Shown(id), "give an entity id or its English or Arabic name; "
                                                        "list them with GET /api/entities");
  }
  ApiResponse out;
  JsonWriter w(&out.body);
  WriteEntityDetail(w, *e.value());
  return out;
}

ApiResponse Api::ListEvents(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"actor", "target", "root", "code", "mode", "since", "until", "merged", "limit", "offset"});
  store::EventFilter f;
  f.actor = p.Str("actor", 100);
  f.target = p.Str("target", 100);
  f.root = p.Str("root", 4);
  f.code = p.Str("code", 8);
  f.mode = p.OneOf("mode", {"asserted", "negated", "future", "hypothetical"});
  f.since = p.Date("since");
  f.until = p.Date("until");
  f.merged = p.Bool("merged", true);
  size_t limit = p.Size("limit", 100, 1, options_.max_limit);
  size_t offset = p.Size("offset", 0, 0, options_.max_offset);
  if (p.failed()) return BadParams(p);
  f.limit = offset + limit + 1;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto all = lease.value().store().ListEvents(f);
  if (!all.ok()) return StoreError(all.status());
  return Slice(all.value(), limit, offset, WriteEventRecord);
}

ApiResponse Api::ListQuotes(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"speaker", "since", "until", "limit", "offset"});
  store::QuoteFilter f;
  f.speaker = p.Str("speaker", 200);
  f.since = p.Date("since");
  f.until = p.Date("until");
  size_t limit = p.Size("limit", 100, 1, options_.max_limit);
  size_t offset = p.Size("offset", 0, 0, options_.max_offset);
  if (p.failed()) return BadParams(p);
  f.limit = offset + limit + 1;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto all = lease.value().store().ListQuotes(f);
  if (!all.ok()) return StoreError(all.status());
  return Slice(all.value(), limit, offset, WriteQuoteRecord);
}

ApiResponse Api::Dyad(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"a", "b", "by", "directed", "since", "until"});
  auto a = p.Str("a", 100), b = p.Str("b", 100);
  auto by = p.OneOf("by", {"day", "week", "month"});
  bool directed = p.Bool("directed", false);
  store::DyadQuery q;
  q.since = p.Date("since");
  q.until = p.Date("until");
  if (!p.failed() && (!a || !b)) return ErrorResponse(400, "parameters 'a' and 'b' are required", "for example a=RUS&b=USA");
  if (p.failed()) return BadParams(p);
  q.a = *a;
  q.b = *b;
  q.by = by.value_or("day");
  q.directed = directed;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto points = lease.value().store().Dyad(q);
  if (!points.ok()) return StoreError(points.status());
  ApiResponse out;
  JsonWriter w(&out.body);
  w.BeginObject();
  w.Key("a"), w.String(q.a);
  w.Key("b"), w.String(q.b);
  w.Key("by"), w.String(q.by);
  w.Key("directed"), w.Bool(q.directed);
  w.Key("items");
  w.BeginArray();
  for (const auto& pt : points.value()) WriteDyadPoint(w, pt);
  w.EndArray();
  w.EndObject();
  return out;
}

ApiResponse Api::Network(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({"since", "until", "root", "limit"});
  NetworkFilter f;
  f.since = p.Date("since");
  f.until = p.Date("until");
  f.root = p.Str("root", 4);
  f.limit = p.Size("limit", 100, 1, options_.max_limit);
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto edges = lease.value().listings().Network(f);
  if (!edges.ok()) return StoreError(edges.status());
  ApiResponse out;
  JsonWriter w(&out.body);
  w.BeginObject();
  w.Key("items");
  w.BeginArray();
  for (const auto& e : edges.value()) WriteNetworkEdge(w, e);
  w.EndArray();
  w.EndObject();
  return out;
}

ApiResponse Api::Stats(const ApiRequest& r) const {
  Params p(r.params);
  p.Allow({});
  if (p.failed()) return BadParams(p);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto stats = lease.value().store().Stats();
  if (!stats.ok()) return StoreError(stats.status());
  ApiResponse out;
  JsonWriter w(&out.body);
  WriteStats(w, stats.value());
  return out;
}

}  // namespace marsad::server
