// Search latency over an ingested database (docs/SEARCH.md). Build the database first:
//   build/marsad ingest ../shared/data/corpus/saudinewsnet --db /tmp/snn.db
// then: build/bench/search_bench [--benchmark_filter=...]   (MARSAD_SEARCH_DB overrides the path;
// a postgresql://... URL there times the PostgreSQL store's search, docs/SCALE-OUT.md)
// BM_Query/<n> times one query of the mix; BM_Mix runs the whole mix each iteration and
// reports p50/p95/max latency over all queries as counters (milliseconds).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "pgstore/pg_search.h"
#include "pgstore/pg_store.h"
#include "search/searcher.h"

namespace {

using marsad::search::Backend;
using marsad::search::Query;
using marsad::search::Searcher;

std::string DbPath() {
  const char* env = std::getenv("MARSAD_SEARCH_DB");
  return env && *env ? env : "/tmp/snn.db";
}

// A realistic mix: single words (common and rare), names with spelling variants, phrases,
// boolean queries, prefix queries and filtered queries (outlet, dates).
std::vector<Query> Mix() {
  auto q = [](std::string text) {
    Query x;
    x.text = std::move(text);
    return x;
  };
  std::vector<Query> m = {
      q("السعودية"), q("النفط"), q("الحوثيين"), q("التعليم"), q("الهلال"), q("المرور"), q("الأمطار"),
      q("ترمب"), q("أوباما"), q("بوتين"), q("نتنياهو"), q("روحاني"), q("داعش"), q("جرينلاند"),
      q("\"خادم الحرمين الشريفين\""), q("\"ولي العهد\""), q("\"الأمم المتحدة\""), q("\"وزارة الصحة\""),
      q("\"مجلس التعاون\""), q("اليمن -الحوثي"), q("(إيران OR طهران) \"الاتفاق النووي\""), q("اقتصاد*"),
      q("الملك سلمان الرياض"), q("كورونا OR ميرس"),
  };
  Query f1 = q("السعودية");
  f1.source = "Okaz";
  Query f2 = q("النفط");
  f2.since = "2015-08-01", f2.until = "2015-08-05";
  Query f3 = q("\"ولي العهد\"");
  f3.source = "Al Riyadh", f3.since = "2015-07-15";
  m.push_back(f1), m.push_back(f2), m.push_back(f3);
  return m;
}

double ThreadCpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// The searcher of DbPath(): an SQLite file or a PostgreSQL URL.
struct Shared {
  std::unique_ptr<Searcher> sqlite;
  std::unique_ptr<Backend> pg;
  explicit operator bool() const { return sqlite || pg; }
  marsad::Result<marsad::search::Results> Search(const Query& q) {
    return pg ? marsad::search::Search(*pg, q) : sqlite->Search(q);
  }
};

Shared& GetShared(benchmark::State& state) {
  static Shared s;
  if (!s) {
    if (marsad::pgstore::IsPostgresUrl(DbPath())) {
      auto opened = marsad::pgstore::OpenPgSearch(DbPath());
      if (opened.ok()) s.pg = std::move(opened).value();
      if (!opened.ok()) state.SkipWithError(("cannot open " + DbPath() + ": " + opened.status().message()).c_str());
      return s;
    }
    auto opened = Searcher::Open(DbPath());
    if (!opened.ok()) {
      state.SkipWithError(("cannot open " + DbPath() + ": " + opened.status().message()).c_str());
      return s;
    }
    s.sqlite = std::move(opened).value();
  }
  return s;
}

void BM_Query(benchmark::State& state) {
  auto& s = GetShared(state);
  if (!s) return;
  const Query q = Mix()[static_cast<size_t>(state.range(0))];
  size_t total = 0;
  for (auto _ : state) {
    auto r = s.Search(q);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    total = r.value().total;
    benchmark::DoNotOptimize(r);
  }
  state.counters["matches"] = static_cast<double>(total);
  state.SetLabel(q.text + (q.source || q.since ? " [filtered]" : ""));
}
BENCHMARK(BM_Query)->DenseRange(0, 26)->Unit(benchmark::kMillisecond);

void BM_Mix(benchmark::State& state) {
  auto& s = GetShared(state);
  if (!s) return;
  const std::vector<Query> mix = Mix();
  std::vector<double> ms, cpu_ms;
  for (auto _ : state) {
    for (const Query& q : mix) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = ThreadCpuMillis();
      auto r = s.Search(q);
      cpu_ms.push_back(ThreadCpuMillis() - c0);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (!r.ok()) {
        state.SkipWithError(r.status().message().c_str());
        return;
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  auto pct = [](const std::vector<double>& v, double p) {
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
  };
  state.counters["p50_ms"] = pct(ms, 0.50);
  state.counters["p95_ms"] = pct(ms, 0.95);
  state.counters["max_ms"] = ms.back();
  // CPU time of the searching thread: what the latency is on an idle machine (the shared
  // build machine is often oversubscribed, which inflates wall-clock figures).
  state.counters["p50_cpu_ms"] = pct(cpu_ms, 0.50);
  state.counters["p95_cpu_ms"] = pct(cpu_ms, 0.95);
  state.counters["queries"] = static_cast<double>(ms.size());
}
BENCHMARK(BM_Mix)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
