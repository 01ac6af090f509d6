// html_eval: scores main-text extraction on the HTML extraction benchmark.
//
//   html_eval [--data DIR] [--texts FILE.json] [--dump FILE.json] [--repeat N] [--quiet]
//
// Without --texts it runs marsad's HtmlExtractor on every page (timing each page N
// times, keeping the fastest run) and scores it; with --texts it scores the texts in
// FILE.json ({hash: text}, e.g. from readability_baseline.py) with the same tokeniser.
// Prints one line per page, then mean precision/recall/F1 over all pages and over the
// dev and held-out test halves (see token_f1.h), and median/p95 ms per page.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "benchmark_pages.h"
#include "core/utf8.h"
#include "html/html_extractor.h"
#include "token_f1.h"

namespace {

using marsad::html_eval::BenchPage;

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

struct Summary {
  double p = 0, r = 0, f1 = 0;
  int n = 0;
  void Add(const marsad::html_eval::TokenScore& s) {
    p += s.precision;
    r += s.recall;
    f1 += s.f1;
    ++n;
  }
  void Print(const char* name) const {
    if (n == 0) return;
    std::printf("%-5s pages=%3d  precision=%.4f  recall=%.4f  F1=%.4f\n", name, n, p / n, r / n, f1 / n);
  }
};

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * (v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = MARSAD_SHARED_DIR "/data/html-extraction";
  std::string texts_path, dump_path;
  int repeat = 3;
  bool quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--data") data = next();
    else if (a == "--texts") texts_path = next();
    else if (a == "--dump") dump_path = next();
    else if (a == "--repeat") repeat = std::max(1, std::atoi(next().c_str()));
    else if (a == "--quiet") quiet = true;
    else {
      std::fprintf(stderr, "usage: html_eval [--data DIR] [--texts FILE.json] [--dump FILE.json] [--repeat N] [--quiet]\n");
      return 2;
    }
  }
  auto loaded = marsad::html_eval::LoadBenchmark(data);
  if (!loaded.ok()) {
    std::fprintf(stderr, "html_eval: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  std::vector<BenchPage> pages = std::move(loaded).value();

  std::map<std::string, std::string> external;
  if (!texts_path.empty()) {
    simdjson::padded_string json;
    simdjson::dom::parser parser;
    simdjson::dom::object obj;
    if (simdjson::padded_string::load(texts_path).get(json) != simdjson::SUCCESS ||
        parser.parse(json).get(obj) != simdjson::SUCCESS) {
      std::fprintf(stderr, "html_eval: cannot read %s as a JSON object\n", texts_path.c_str());
      return 1;
    }
    for (auto [k, v] : obj) {
      std::string_view t;
      if (v.get(t) == simdjson::SUCCESS) external[std::string(k)] = std::string(t);
    }
  }

  marsad::html::HtmlExtractor extractor;
  Summary all, dev, test;
  std::vector<double> ms;
  std::string dump = "{\n";
  for (const BenchPage& page : pages) {
    std::string text;
    double best = 0;
    if (!texts_path.empty()) {
      text = external[page.hash];
    } else {
      // The benchmark pages are not all valid UTF-8; ingest would repair them the same way.
      const std::string html = marsad::utf8::Repair(page.html).text;
      for (int k = 0; k < repeat; ++k) {
        auto start = std::chrono::steady_clock::now();
        auto r = extractor.Extract(html, page.url);
        double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        best = k == 0 ? t : std::min(best, t);
        text = r.ok() ? r.value().body : std::string();
      }
      ms.push_back(best);
    }
    auto s = marsad::html_eval::ScoreTokens(text, page.truth);
    all.Add(s);
    (marsad::html_eval::IsDevPage(page.url) ? dev : test).Add(s);
    if (!quiet) {
      std::printf("%.12s %-5s P=%.3f R=%.3f F1=%.3f %7.2fms %s\n", page.hash.c_str(),
                  marsad::html_eval::IsDevPage(page.url) ? "dev" : "test", s.precision, s.recall, s.f1, best,
                  page.url.c_str());
    }
    if (!dump_path.empty()) {
      if (dump.size() > 2) dump += ",\n";
      dump += "\"" + page.hash + "\": \"" + JsonEscape(text) + "\"";
    }
  }
  all.Print("all");
  dev.Print("dev");
  test.Print("test");
  if (!ms.empty()) {
    std::printf("time per page (fastest of %d runs): median %.2f ms  p95 %.2f ms  max %.2f ms\n", repeat,
                Percentile(ms, 0.5), Percentile(ms, 0.95), Percentile(ms, 1.0));
  }
  if (!dump_path.empty()) {
    std::ofstream out(dump_path);
    out << dump << "\n}\n";
  }
  return 0;
}
