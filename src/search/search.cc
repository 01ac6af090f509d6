#include "search/search.h"

#include <chrono>
#include <unordered_map>

namespace marsad::search {
namespace {

bool IsIsoDatePrefix(const std::string& d) {
  static constexpr const char* kShape = "dddd-dd-dd";
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    if (kShape[i] == 'd' ? (d[i] < '0' || d[i] > '9') : d[i] != '-') return false;
  }
  return true;
}

Status CheckQuery(const Query& q) {
  for (const auto& [name, v] : {std::pair{"--since", &q.since}, std::pair{"--until", &q.until}}) {
    if (*v && !IsIsoDatePrefix(**v)) {
      return Status::InvalidArgument(std::string(name) + " wants a date YYYY-MM-DD (or YYYY-MM, YYYY), got '" + **v +
                                     "'");
    }
  }
  if (q.since && q.until && *q.until < q.since->substr(0, q.until->size())) {
    return Status::InvalidArgument("--until " + *q.until + " is before --since " + *q.since);
  }
  if (q.limit == 0 || q.limit > 1000) return Status::InvalidArgument("limit must be 1..1000");
  if (q.per_group == 0 || q.per_group > 100) return Status::InvalidArgument("per-group hits must be 1..100");
  return Status::Ok();
}

}  // namespace

Result<Results> Search(Backend& backend, const Query& q) {
  const auto t0 = std::chrono::steady_clock::now();
  if (Status s = CheckQuery(q); !s.ok()) return s;
  auto parsed = ParseQuery(q.text);
  if (!parsed.ok()) return parsed.status();
  Results out;
  out.engine = backend.engine();
  out.compiled_query = out.engine == "tsquery" ? parsed.value().tsquery : parsed.value().fts;

  // 1. Every match, best first: grouping needs them all (a story's best hit places it).
  auto found = backend.FindMatches(parsed.value(), q);
  if (!found.ok()) return found.status();
  const std::vector<Match>& matches = found.value();
  std::vector<std::vector<size_t>> members;  // per group: indices into matches
  std::unordered_map<std::string, size_t> group_of_story;
  for (size_t m = 0; m < matches.size(); ++m) {
    size_t g = members.size();
    if (!matches[m].story_id.empty()) {
      auto [it, fresh] = group_of_story.emplace(matches[m].story_id, g);
      g = it->second;
      if (fresh) members.emplace_back();
    } else {
      members.emplace_back();
    }
    members[g].push_back(m);
  }
  out.total = matches.size();
  out.total_groups = members.size();

  // 2. Details, snippet and highlights for the hits on this page, in one call.
  std::vector<int64_t> keys;
  for (size_t g = q.offset; g < members.size() && g < q.offset + q.limit; ++g) {
    for (size_t k = 0; k < members[g].size() && k < q.per_group; ++k) keys.push_back(matches[members[g][k]].key);
  }
  auto described = backend.Describe(parsed.value(), keys);
  if (!described.ok()) return described.status();
  if (described.value().size() != keys.size()) return Status::Internal("search backend described the wrong hits");
  size_t next = 0;
  for (size_t g = q.offset; g < members.size() && g < q.offset + q.limit; ++g) {
    Group group;
    group.matches = members[g].size();
    group.score = matches[members[g][0]].score;
    for (size_t k = 0; k < members[g].size() && k < q.per_group; ++k) {
      std::optional<HitText>& text = described.value()[next++];
      if (!text) continue;  // deleted since step 1 (a concurrent writer): skip it
      Hit h;
      static_cast<HitText&>(h) = std::move(*text);
      h.score = matches[members[g][k]].score;
      h.group = out.groups.size();
      if (group.hits.empty()) group.story_id = h.story_id;
      group.hits.push_back(out.hits.size());
      out.hits.push_back(std::move(h));
    }
    out.groups.push_back(std::move(group));
  }
  out.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace marsad::search
