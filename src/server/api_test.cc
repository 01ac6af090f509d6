// Api::Handle without sockets: routes, errors, ETags, live ingest, and random inputs
// (every response must be valid JSON, errors with "error" and "hint"; nothing crashes).
#include "server/api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "server/live_ingest.h"
#include "server/read_model.h"
#include "store/sqlite_store.h"

namespace marsad::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("marsad_api_test_" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
    auto ingester = LiveIngester::Open(path_, {}, {});
    ASSERT_TRUE(ingester.ok()) << ingester.status().message();
    ingester_ = std::move(ingester).value();
    auto store = store::OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok());
    store::WriteBatch batch;
    for (int i = 0; i < 5; ++i) {
      Article a;
      a.id = "art" + std::to_string(i);
      a.input = a.id;
      a.title = "عنوان رقم " + std::to_string(i);
      a.source = i % 2 ? "عكاظ" : "سبق";
      a.published = "2025-02-1" + std::to_string(i);
      a.text = "نص المقالة عن الرياض رقم " + std::to_string(i);
      a.content_hash = a.id;
      if (i < 3) a.story_id = "s1";
      batch.articles.push_back(a);
    }
    batch.stories.push_back({"s1", "قصة الرياض", "سبق", std::string("2025-02-10"), std::string("2025-02-12"), 3, {}, {}});
    store::PutResult put;
    ASSERT_TRUE(store.value()->Write(batch, &put).ok());
    auto pool = ReadPool::Open(path_);
    ASSERT_TRUE(pool.ok()) << pool.status().message();
    pool_ = std::move(pool).value();
    api_ = std::make_unique<Api>(pool_.get(), ingester_.get(), ApiOptions{});
  }
  void TearDown() override {
    api_.reset();
    pool_.reset();
    ingester_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  ApiResponse Get(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) {
    ApiRequest r;
    r.path = path;
    r.params = std::move(params);
    return api_->Handle(r);
  }

  std::string path_;
  std::unique_ptr<LiveIngester> ingester_;
  std::unique_ptr<ReadPool> pool_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, ListsAndPages) {
  auto r = Get("/api/articles", {{"limit", "2"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = json::parse(r.body);
  EXPECT_EQ(j["total"], 5);
  EXPECT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["id"], "art4");  // newest first
  EXPECT_EQ(j["next_offset"], 2);
  auto last = json::parse(Get("/api/articles", {{"limit", "2"}, {"offset", "4"}}).body);
  EXPECT_EQ(last["items"].size(), 1u);
  EXPECT_TRUE(last["next_offset"].is_null());
  EXPECT_EQ(json::parse(Get("/api/articles", {{"source", "عكاظ"}}).body)["total"], 2);
  EXPECT_EQ(json::parse(Get("/api/articles", {{"story", "s1"}}).body)["total"], 3);
  auto story = json::parse(Get("/api/stories/s1").body);
  EXPECT_EQ(story["articles"].size(), 3u);
  EXPECT_EQ(story["story"]["timeline"].size(), 3u);
}

TEST_F(ApiTest, ErrorsAreJsonWithHints) {
  for (const auto& [path, status] : std::vector<std::pair<std::string, int>>{
           {"/api/nothing", 404}, {"/api/articles/missing", 404}, {"/api/stories/missing", 404}, {"/x", 404}}) {
    auto r = Get(path);
    EXPECT_EQ(r.status, status) << path;
    auto j = json::parse(r.body);
    EXPECT_FALSE(j["error"].get<std::string>().empty());
    EXPECT_FALSE(j["hint"].get<std::string>().empty());
  }
  EXPECT_EQ(Get("/api/articles", {{"bogus", "1"}}).status, 400);
  ApiRequest put;
  put.method = "PUT";
  put.path = "/api/articles";
  auto r = api_->Handle(put);
  EXPECT_EQ(r.status, 405);
  EXPECT_NE(r.allow.find("POST"), std::string::npos);
}

TEST_F(ApiTest, EtagGives304) {
  auto first = Get("/api/stats");
  ASSERT_FALSE(first.etag.empty());
  ApiRequest again;
  again.path = "/api/stats";
  again.if_none_match = first.etag;
  auto r = api_->Handle(again);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(ApiTest, PostIsQueryableAtOnce) {
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/articles";
  post.content_type = "application/json";
  post.body = R"({"title": "خبر مباشر", "text": "وصل الوفد إلى الدوحة مساء اليوم لبحث التعاون الاقتصادي.", "source": "مباشر"})";
  auto r = api_->Handle(post);
  ASSERT_EQ(r.status, 201) << r.body;
  std::string id = json::parse(r.body)["id"];
  EXPECT_EQ(Get("/api/articles/" + id).status, 200);
  EXPECT_EQ(json::parse(Get("/api/articles", {{"source", "مباشر"}}).body)["total"], 1);
  EXPECT_EQ(api_->Handle(post).status, 200);  // the same document again: nothing new

  Api read_only(pool_.get(), nullptr, ApiOptions{.read_only = true});
  EXPECT_EQ(read_only.Handle(post).status, 403);
}

// Random paths, parameters, methods and bodies: every answer is JSON or the page.
TEST_F(ApiTest, RandomInputsNeverCrash) {
  std::mt19937 rng(7);
  const std::vector<std::string> paths = {"/api/articles", "/api/articles/art1", "/api/search", "/api/stories",
                                          "/api/stories/s1", "/api/entities", "/api/entities/x", "/api/events",
                                          "/api/quotes", "/api/dyad", "/api/network", "/api/stats", "/api/", "/"};
  const std::vector<std::string> names = {"limit", "offset", "q", "since", "until", "a", "b", "by", "mode",
                                          "type", "source", "merged", "directed", "\xff", ""};
  const std::vector<std::string> methods = {"GET", "HEAD", "POST", "PUT", "DELETE", "\x01"};
  const std::vector<std::string> types = {"application/json", "text/html", "text/plain", "", "x/\xfe"};
  auto junk = [&](size_t max) {
    std::string s(rng() % (max + 1), '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 ? "0123456789-aب\"{}[]:, ت"[rng() % 22] : rng() % 256);
    return s;
  };
  for (int i = 0; i < 1500; ++i) {
    ApiRequest r;
    r.method = methods[rng() % methods.size()];
    if (r.method == "POST" && rng() % 3) r.method = "GET";  // keep writes a minority
    r.path = rng() % 5 ? paths[rng() % paths.size()] : paths[rng() % paths.size()] + junk(20);
    for (int k = rng() % 4; k > 0; --k) r.params.emplace_back(names[rng() % names.size()], junk(30));
    r.content_type = types[rng() % types.size()];
    r.body = rng() % 2 ? junk(300) : "{\"text\": \"" + junk(100) + "\"}";
    r.if_none_match = rng() % 4 ? "" : junk(20);
    auto res = api_->Handle(r);
    ASSERT_GE(res.status, 200);
    ASSERT_LT(res.status, 600);
    if (res.status == 304 || r.method == "HEAD" || res.content_type.rfind("application/json", 0) != 0) continue;
    auto j = json::parse(res.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.path << " -> " << res.body.substr(0, 200);
    if (res.status >= 400) {
      ASSERT_TRUE(j.contains("error") && j.contains("hint")) << res.body;
    }
  }
}

}  // namespace
}  // namespace marsad::server
