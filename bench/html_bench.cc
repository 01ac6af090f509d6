// HTML main-content extraction speed: the shared benchmark pages (one iteration = every
// page once; pages/s and MB/s counters) and a small hand-written Arabic page.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "benchmark_pages.h"
#include "core/utf8.h"
#include "html/html_extractor.h"

namespace {

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    auto loaded = marsad::html_eval::LoadBenchmark(MARSAD_SHARED_DIR "/data/html-extraction");
    if (loaded.ok()) {
      for (const auto& p : loaded.value()) out.push_back(marsad::utf8::Repair(p.html).text);
    }
    return out;
  }();
  return pages;
}

void BM_ExtractBenchmarkPages(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("benchmark pages not found under ../shared/data/html-extraction");
    return;
  }
  marsad::html::HtmlExtractor extractor;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& html : pages) {
      auto r = extractor.Extract(html);
      benchmark::DoNotOptimize(r);
      bytes += html.size();
    }
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * pages.size()),
                                                 benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExtractBenchmarkPages)->Unit(benchmark::kMillisecond);

void BM_ExtractSmallArabicPage(benchmark::State& state) {
  std::string html = "<html lang='ar'><head><title>خبر | موقع</title></head><body><nav><a>الرئيسية</a></nav><article>";
  for (int i = 0; i < 12; ++i) {
    html += "<p>قال المتحدث باسم الوزارة إن الاجتماع تناول سبل تعزيز التعاون الاقتصادي بين البلدين، "
            "وبحث المشاريع المشتركة في مجالات الطاقة والنقل.</p>";
  }
  html += "</article><footer>حقوق النشر</footer></body></html>";
  marsad::html::HtmlExtractor extractor;
  for (auto _ : state) {
    auto r = extractor.Extract(html);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ExtractSmallArabicPage)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
