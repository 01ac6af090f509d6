// The reading queries on PostgreSQL against SQLite (docs/SCALE-OUT.md): the same articles
// written to both stores give the same entities, entity details, events (merged and not,
// every filter), quotes, dyads and the same HTTP API responses (server/api.h over each
// store's read model), record for record and field for field (doubles to the bit). Also:
// a database of the previous PostgreSQL schema is refused by readers with advice and
// migrated by a writer. Real PostgreSQL on 127.0.0.1 (local_services.h); skipped only when
// the server programs or libpq are missing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "pg_differential_fixture.h"
#include "pgstore/pg_store.h"
#include "read_corpus.h"
#include "server/api.h"
#include "server/read_model.h"
#include "store/sqlite_store.h"

namespace marsad {
namespace {


std::string D(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
std::string O(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "null"; }

std::string Dump(const store::EntitySummary& e) {
  return e.id + "|" + e.name_en + "|" + e.name_ar + "|" + e.type + "|" + O(e.country) + "|" + O(e.cameo) + "|" +
         std::to_string(e.articles) + "|" + std::to_string(e.mentions) + "|" + O(e.first_seen) + "|" + O(e.last_seen);
}
std::string Dump(const std::vector<std::pair<std::string, uint64_t>>& v) {
  std::string s;
  for (const auto& [k, n] : v) s += k + "=" + std::to_string(n) + ";";
  return s;
}
std::string Dump(const store::EntityDetail& d) {
  return Dump(d.summary) + "\n" + Dump(d.by_day) + "\n" + Dump(d.co_occurring) + "\n" + Dump(d.spellings);
}
std::string Dump(const store::EventRecord& r) {
  const Event& e = r.event;
  std::string s = O(e.source.entity) + e.source.name_en + e.source.cameo + e.source.country + "|" + O(e.target.entity) +
                  e.target.name_en + e.target.cameo + e.target.country + "|" + e.cameo_code + e.root + e.plover +
                  std::to_string(e.quad_class) + "|" + D(e.goldstein) + "|" + e.mode + "|" + O(e.date) + "|" +
                  e.location_name + O(e.location_country) + "|" + e.evidence_text +
                  std::to_string(e.evidence_start) + "-" + std::to_string(e.evidence_end) + "|" + D(e.confidence) +
                  "|" + r.article_id + "|" + O(r.story_id) + O(r.published) + O(r.source) + "|" + r.date + "|" +
                  std::to_string(r.num_articles) + "/" + std::to_string(r.num_sources) + "|";
  for (const auto& id : r.article_ids) s += id + ",";
  return s;
}
std::string Dump(const store::QuoteRecord& r) {
  return O(r.quote.speaker) + r.quote.speaker_name + "|" + r.quote.text + (r.quote.direct ? "|d|" : "|r|") +
         std::to_string(r.quote.start) + "-" + std::to_string(r.quote.end) + "|" + r.article_id + O(r.published) +
         O(r.source);
}
std::string Dump(const store::DyadPoint& p) {
  return p.period + "|" + std::to_string(p.events) + "|" + D(p.mean_goldstein) + "|" + std::to_string(p.quad_class[0]) +
         std::to_string(p.quad_class[1]) + std::to_string(p.quad_class[2]) + std::to_string(p.quad_class[3]);
}
// Errors by code: the SQLite store names its file in the message.
std::string Error(const Status& s) { return "error " + std::to_string(static_cast<int>(s.code())); }
template <typename T>
std::string Dump(const Result<std::vector<T>>& r) {
  if (!r.ok()) return Error(r.status());
  std::string s;
  for (const T& x : r.value()) s += Dump(x) + "\n";
  return s;
}
std::string Dump(const Result<std::optional<store::EntityDetail>>& r) {
  if (!r.ok()) return Error(r.status());
  return r.value() ? Dump(*r.value()) : "none";
}

class ReadDifferential : public scale_test::PgDifferentialTest {
 protected:
  void SetUp() override {
    PgDifferentialTest::SetUp();
    if (IsSkipped()) return;
    static int n = 0;
    const std::string name = "readdiff" + std::to_string(++n);
    path_ = std::filesystem::temp_directory_path() / ("marsad-" + name + "-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
    url_ = services_->NewDatabase(name);
    ASSERT_FALSE(url_.empty());
  }
  void TearDown() override {
    lite_.reset(), pg_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  // Writes the corpus to both stores, in batches of 7 (several transactions).
  void WriteBoth(int pg_schema = 0) {
    auto lite = store::OpenSqliteStore(path_.string());
    pgstore::PgOptions options{url_};
    options.schema_version = pg_schema;
    auto pg = pgstore::OpenPgStore(options);
    ASSERT_TRUE(lite.ok()) << lite.status().message();
    ASSERT_TRUE(pg.ok()) << pg.status().message();
    scale_test::PutInBatches(*lite.value(), *pg.value(), scale_test::ReadCorpus());
    if (HasFatalFailure()) return;
    store::WriteBatch stories;  // rows computed from their articles (store.h)
    for (int k = 0; k < 7; ++k) stories.stories.push_back({"S" + std::to_string(k), "قصة " + std::to_string(k), "", {}, {}, 0, {}, {}});
    store::PutResult r;
    ASSERT_TRUE(lite.value()->Write(stories, &r).ok());
    ASSERT_TRUE(pg.value()->Write(stories, &r).ok());
    lite_ = std::move(lite).value();
    pg_ = std::move(pg).value();
  }
  // The same call on both stores: equal dumps, returned.
  template <typename Fn>
  std::string Both(const std::string& what, Fn fn) {
    std::string a = Dump(fn(*lite_)), b = Dump(fn(*pg_));
    EXPECT_EQ(a, b) << what;
    return a;
  }

  std::filesystem::path path_;
  std::string url_;
  std::unique_ptr<store::Store> lite_, pg_;
};

TEST_F(ReadDifferential, Entities) {
  WriteBoth();
  if (HasFatalFailure()) return;
  for (const auto& [type, country, limit] : std::vector<std::tuple<std::optional<std::string>,
                                                                   std::optional<std::string>, size_t>>{
           {std::nullopt, std::nullopt, 50}, {"PERSON", std::nullopt, 50}, {std::nullopt, "SAU", 50},
           {"GPE", "IRN", 50}, {std::nullopt, std::nullopt, 2}}) {
    store::EntityFilter f{type, country, limit};
    Both("entities " + O(type) + O(country), [&](store::Store& s) { return s.ListEntities(f); });
  }
  // Names in another ASCII case, Arabic names, equal counts between ids, unknown names.
  for (const char* key : {"SAU", "saudi ARABIA", "السعودية", "mohammed", "محمد", "P1", "nobody", "SAUDI ARABIA "}) {
    Both(std::string("entity ") + key, [&](store::Store& s) { return s.GetEntity(key); });
  }
  EXPECT_NE(Both("entity", [](store::Store& s) { return s.GetEntity("saudi arabia"); }).find("SAU|Saudi arabia|"),
            std::string::npos);  // the byte-order greatest of "Saudi Arabia" / "Saudi arabia"
}

TEST_F(ReadDifferential, EventsEveryFilter) {
  WriteBoth();
  if (HasFatalFailure()) return;
  std::vector<store::EventFilter> filters(14);
  filters[1].actor = "USA", filters[2].actor = "SAU", filters[3].actor = "saudi government";
  filters[4].target = "RUS", filters[5].actor = "SAUGOV", filters[5].target = "IRN";
  filters[6].root = "04", filters[7].code = "036", filters[8].mode = "negated";
  filters[9].since = "2025-01-10", filters[9].until = "2025-01-20", filters[10].since = "2025-02";
  filters[11].limit = 7, filters[12].limit = 1, filters[13].actor = "Iran";
  for (size_t i = 0; i < filters.size(); ++i) {
    for (bool merged : {true, false}) {
      store::EventFilter f = filters[i];
      f.merged = merged;
      std::string got = Both("events filter " + std::to_string(i) + (merged ? " merged" : " unmerged"),
                             [&](store::Store& s) { return s.ListEvents(f); });
      if (i == 0) {
        EXPECT_GT(std::count(got.begin(), got.end(), '\n'), 50) << got;
      }
    }
  }
}

TEST_F(ReadDifferential, QuotesAndDyads) {
  WriteBoth();
  if (HasFatalFailure()) return;
  for (const char* speaker : {"", "SAU", "السعودية", "saudi arabia", "P1", "محمد", "mohammed"}) {
    store::QuoteFilter f;
    if (*speaker) f.speaker = speaker;
    Both(std::string("quotes ") + speaker, [&](store::Store& s) { return s.ListQuotes(f); });
  }
  store::QuoteFilter dated;
  dated.since = "2025-01-03", dated.until = "2025-01-09", dated.limit = 5;
  Both("quotes dated", [&](store::Store& s) { return s.ListQuotes(dated); });
  for (const char* by : {"day", "week", "month", "year"}) {
    for (bool directed : {false, true}) {
      store::DyadQuery q{"SAU", "USA", by, directed, std::nullopt, std::nullopt};
      Both(std::string("dyad ") + by, [&](store::Store& s) { return s.Dyad(q); });
      q = {"RUS", "united states", by, directed, "2025-01-04", "2025-01-20"};
      Both(std::string("dyad RUS ") + by, [&](store::Store& s) { return s.Dyad(q); });
    }
  }
  store::DyadQuery weeks{"SAUGOV", "IRN", "week", false, std::nullopt, std::nullopt};
  // "2025-02" has no week (strftime cannot read it), the undated article's "2025-02-31" is
  // a Monday in March, and 2025-01-05 comes before the year's first Monday.
  EXPECT_EQ(Both("dyad weeks", [&](store::Store& s) { return s.Dyad(weeks); }).substr(0, 3), "|8|");
  weeks = {"SAU", "USA", "week", false, std::nullopt, std::nullopt};
  std::string w = Both("dyad SAU weeks", [&](store::Store& s) { return s.Dyad(weeks); });
  EXPECT_NE(w.find("2025-W00|"), std::string::npos) << w;
  EXPECT_NE(w.find("2025-W09|"), std::string::npos) << w;
  EXPECT_NE(w.find("2025-W01|"), std::string::npos) << w;
  EXPECT_EQ(w.find("-4707"), std::string::npos) << w;  // "2012" is no Julian day number here
}

// Every main endpoint of `marsad serve` answers the same bytes from both stores (stats
// apart from each store's own schema number; search apart from scores and order).
TEST_F(ReadDifferential, ApiResponses) {
  WriteBoth();
  if (HasFatalFailure()) return;
  auto lite_pool = server::ReadPool::Open(path_.string());
  auto pg_pool = server::ReadPool::Open(url_);
  ASSERT_TRUE(lite_pool.ok()) << lite_pool.status().message();
  ASSERT_TRUE(pg_pool.ok()) << pg_pool.status().message();
  server::Api lite(lite_pool.value().get(), nullptr, {.read_only = true});
  server::Api pg(pg_pool.value().get(), nullptr, {.read_only = true});
  auto get = [](const server::Api& api, const std::string& path, std::vector<std::pair<std::string, std::string>> p) {
    server::ApiRequest r;
    r.path = path, r.params = std::move(p);
    server::ApiResponse out = api.Handle(r);
    return std::to_string(out.status) + " " + out.body;
  };
  using P = std::vector<std::pair<std::string, std::string>>;
  const std::vector<std::pair<std::string, P>> requests = {
      {"/api/articles", {}}, {"/api/articles", {{"limit", "7"}, {"offset", "5"}}},
      {"/api/articles", {{"source", "Okaz"}, {"duplicates", "exclude"}}},
      {"/api/articles", {{"since", "2025-01-03"}, {"until", "2025-01-09"}}},
      {"/api/articles", {{"entity", "saudi ARABIA"}, {"limit", "100"}}}, {"/api/articles", {{"story", "S3"}}},
      {"/api/articles/r1037", {}}, {"/api/stories", {}}, {"/api/stories/S2", {}}, {"/api/entities", {}},
      {"/api/entities/SAU", {}}, {"/api/entities", {{"type", "PERSON"}}}, {"/api/events", {{"limit", "500"}}},
      {"/api/events", {{"actor", "SAU"}, {"root", "04"}}}, {"/api/events", {{"merged", "false"}, {"limit", "500"}}},
      {"/api/quotes", {{"speaker", "SAU"}}}, {"/api/dyad", {{"a", "SAU"}, {"b", "USA"}, {"by", "week"}}},
      {"/api/network", {}}, {"/api/network", {{"root", "03"}}}, {"/api/network", {{"since", "2025-01-10"}}},
      {"/api/nothing", {}}};
  for (const auto& [path, params] : requests) {
    std::string a = get(lite, path, params), b = get(pg, path, params);
    EXPECT_EQ(a, b) << path;
    EXPECT_EQ(a.substr(0, 4), path == "/api/nothing" ? "404 " : "200 ") << path << " " << a.substr(0, 300);
  }
  auto stats = [&](const server::Api& api) {
    nlohmann::json j = nlohmann::json::parse(get(api, "/api/stats", {}).substr(4));
    j.erase("schema_version");
    return j.dump();
  };
  EXPECT_EQ(stats(lite), stats(pg));
  auto found = [&](const server::Api& api) {
    nlohmann::json j = nlohmann::json::parse(get(api, "/api/search", {{"q", "السعودية"}, {"limit", "100"},
                                                                    {"per_group", "100"}}).substr(4));
    std::set<std::string> ids;
    for (const auto& g : j["items"]) {
      for (const auto& h : g["hits"]) ids.insert(h["id"].get<std::string>() + " " + h["snippet"].get<std::string>());
    }
    return std::to_string(j["total_articles"].get<int>()) + " " + std::to_string(ids.size());
  };
  EXPECT_EQ(found(lite), found(pg));
  EXPECT_EQ(found(pg), "60 60");
}

// Readers refuse a database of the previous PostgreSQL schema, saying what to do; a writer
// migrates it, and then it reads as SQLite does.
TEST_F(ReadDifferential, PreviousSchemaMigrates) {
  WriteBoth(/*pg_schema=*/2);
  if (HasFatalFailure()) return;
  pg_.reset();
  pgstore::PgOptions reader{url_};
  reader.read_only = true;
  auto refused = pgstore::OpenPgStore(reader);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("open it once for writing"), std::string::npos);
  ASSERT_TRUE(pgstore::OpenPgStore({url_}).ok());
  auto opened = pgstore::OpenPgStore(reader);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  pg_ = std::move(opened).value();
  Both("events", [](store::Store& s) { return s.ListEvents({}); });
  Both("entities", [](store::Store& s) { return s.ListEntities({}); });
}

}  // namespace
}  // namespace marsad
