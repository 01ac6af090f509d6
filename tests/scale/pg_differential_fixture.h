// What the SQLite-vs-PostgreSQL differential tests share: one local PostgreSQL (and NATS)
// per test binary, started by scripts/services/services.sh on 127.0.0.1, and writing the same
// articles to both stores. Suites skip where libpq or the server programs are missing.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/article.h"
#include "local_services.h"
#include "store/store.h"

namespace marsad::scale_test {

class PgDifferentialTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
#ifndef MARSAD_HAVE_PG
    skip_ = "built without libpq (libpq-dev): no PostgreSQL store";
    return;
#endif
    services_ = LocalServices::Start(&skip_).release();
  }
  static void TearDownTestSuite() {
    delete services_;
    services_ = nullptr;
  }
  // Skips the test without services; a derived SetUp returns when IsSkipped().
  void SetUp() override {
    if (!services_) GTEST_SKIP() << skip_;
  }

  inline static LocalServices* services_ = nullptr;
  inline static std::string skip_;
};

// Writes `articles` to both stores in batches of 7 (several transactions each). Fatal
// failure (callers check HasFatalFailure) when a store refuses a batch.
inline void PutInBatches(store::Store& a, store::Store& b, const std::vector<Article>& articles) {
  for (size_t from = 0; from < articles.size(); from += 7) {
    std::vector<Article> batch(articles.begin() + static_cast<long>(from),
                               articles.begin() + static_cast<long>(std::min(articles.size(), from + 7)));
    store::PutResult r;
    Status sa = a.PutArticles(batch, &r);
    ASSERT_TRUE(sa.ok()) << sa.message();
    Status sb = b.PutArticles(batch, &r);
    ASSERT_TRUE(sb.ok()) << sb.message();
  }
}

}  // namespace marsad::scale_test
