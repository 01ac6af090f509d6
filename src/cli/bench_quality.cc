#include "cli/bench_quality.h"

#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "benchmark_pages.h"
#include "core/utf8.h"
#include "html/html_extractor.h"
#include "ner/conll_corpus.h"
#include "ner/ner_evaluation.h"
#include "ner/ner_tagger.h"
#include "token_f1.h"

namespace marsad::cli {

namespace fs = std::filesystem;

namespace {

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * (v.size() - 1) + 0.5)];
}

struct MeanScore {
  double p = 0, r = 0, f1 = 0;
  int n = 0;
  void Add(const html_eval::TokenScore& s) { p += s.precision, r += s.recall, f1 += s.f1, ++n; }
  std::string Text() const {
    return n ? Format("F1 %.3f (P %.3f, R %.3f)", f1 / n, p / n, r / n) : std::string("no pages");
  }
};

}  // namespace

std::optional<std::string> FindRepoFile(std::string_view relative) {
  std::vector<fs::path> roots = {fs::current_path()};
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) roots.push_back(exe.parent_path().parent_path());
  for (const fs::path& root : roots) {
    fs::path p = root / relative;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

std::string ShellQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string PeerPython() {
  std::error_code ec;
  return fs::exists("/usr/bin/python3", ec) ? "/usr/bin/python3" : "python3";
}

PeerRun RunPeer(const std::string& command) {
  PeerRun run;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    run.line = "could not start: " + command;
    return run;
  }
  std::array<char, 4096> buf;
  std::string line, last;
  while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) {
    line += buf.data();
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      if (!line.empty()) last = line;
      line.clear();
    }
  }
  if (!line.empty()) last = line;
  const int status = ::pclose(pipe);
  run.ok = status == 0;
  run.line = last.empty() ? "(no output)" : last;
  return run;
}

double FigureAfterEquals(std::string_view line) {
  const size_t at = line.rfind("= ");
  if (at == std::string_view::npos) return 0;
  std::string digits;
  for (char c : line.substr(at + 2)) {
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
    else if (c == ',') continue;  // thousands separator
    else break;
  }
  return std::strtod(digits.c_str(), nullptr);  // 0 for "" or "."
}

void BenchHtmlExtraction(const std::string& shared_dir, BenchReport& report) {
  const std::string data = shared_dir + "/data/html-extraction";
  report.StartSection("HTML main-text extraction (token P/R/F1 against the benchmark's ground truth, mean over pages)",
                      "build/tools/html_eval --quiet; /usr/bin/python3 tools/html_eval/readability_baseline.py "
                      "--out R.json && build/tools/html_eval --texts R.json --quiet");
  auto loaded = html_eval::LoadBenchmark(data);
  if (!loaded.ok()) {
    report.Note("skipped: " + loaded.status().message() + " (pass --shared DIR with data/html-extraction)");
    std::printf("html extraction: skipped: %s\n", loaded.status().message().c_str());
    return;
  }
  const std::vector<html_eval::BenchPage>& pages = loaded.value();
  html::HtmlExtractor extractor;
  MeanScore all, test;
  std::vector<double> ms;
  for (const html_eval::BenchPage& page : pages) {
    const std::string html = utf8::Repair(page.html).text;  // as ingest repairs it
    std::string text;
    double best = 0;
    for (int k = 0; k < 3; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      auto r = extractor.Extract(html, page.url);
      const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      best = k == 0 ? t : std::min(best, t);
      text = r.ok() ? r.value().body : std::string();
    }
    ms.push_back(best);
    const auto s = html_eval::ScoreTokens(text, page.truth);
    all.Add(s);
    if (!html_eval::IsDevPage(page.url)) test.Add(s);
  }
  std::printf("html extraction (%zu pages): all %s, held-out test %s, median %.2f ms/page, p95 %.2f ms\n",
              pages.size(), all.Text().c_str(), test.Text().c_str(), Percentile(ms, 0.5), Percentile(ms, 0.95));

  // The peer, on the same pages, scored by the same tokeniser.
  std::string peer_all = "not run", peer_test, peer_speed;
  if (auto script = FindRepoFile("tools/html_eval/readability_baseline.py")) {
    const std::string out = (fs::temp_directory_path() / ("marsad_bench_readability_" +
                                                          std::to_string(::getpid()) + ".json")).string();
    const PeerRun run = RunPeer(PeerPython() + " " + ShellQuote(*script) + " --data " + ShellQuote(data) + " --out " +
                                ShellQuote(out));
    simdjson::padded_string json;
    simdjson::dom::parser parser;
    simdjson::dom::object obj;
    if (run.ok && simdjson::padded_string::load(out).get(json) == simdjson::SUCCESS &&
        parser.parse(json).get(obj) == simdjson::SUCCESS) {
      std::map<std::string, std::string, std::less<>> texts;
      for (auto [k, v] : obj) {
        std::string_view t;
        if (v.get(t) == simdjson::SUCCESS) texts[std::string(k)] = std::string(t);
      }
      MeanScore pall, ptest;
      for (const html_eval::BenchPage& page : pages) {
        auto it = texts.find(page.hash);
        const auto s = html_eval::ScoreTokens(it == texts.end() ? std::string_view() : it->second, page.truth);
        pall.Add(s);
        if (!html_eval::IsDevPage(page.url)) ptest.Add(s);
      }
      peer_all = "python3-readability " + pall.Text();
      peer_test = "python3-readability " + ptest.Text();
      peer_speed = "python3-readability " + run.line.substr(run.line.find("median") == std::string::npos
                                                                 ? 0 : run.line.find("median"));
      if (const size_t arrow = peer_speed.find("  ->"); arrow != std::string::npos) peer_speed.resize(arrow);
      std::printf("  peer: %s; test %s; %s\n", peer_all.c_str(), ptest.Text().c_str(), run.line.c_str());
    } else {
      peer_all = "not run: " + run.line + " (./marsad.sh setup installs python3-readability)";
      std::printf("  peer python3-readability: %s\n", peer_all.c_str());
    }
    std::error_code ec;
    fs::remove(out, ec);
  } else {
    peer_all = "not run: tools/html_eval/readability_baseline.py not found (run from the repository root)";
  }
  report.Add({Format("all %zu pages", pages.size()), all.Text(), "", peer_all});
  report.Add({"held-out test pages (not used to tune the extractor)", test.Text(), "", peer_test});
  report.Add({"time per page (fastest of 3)", Format("median %.2f ms, p95 %.2f ms", Percentile(ms, 0.5),
                                                     Percentile(ms, 0.95)), "", peer_speed});
}

void BenchNer(const std::string& shared_dir, const Result<std::unique_ptr<ner::NerTagger>>& tagger,
              BenchReport& report) {
  const std::string file = shared_dir + "/data/ner/anercorp/test.corrected.txt";
  report.StartSection("Named-entity recognition on ANERcorp test (exact spans, CoNLL scoring)",
                      "build/tools/ner_eval " + file);
  auto corpus = ner::ReadConll(file);
  if (!tagger.ok() || !corpus.ok()) {
    const std::string why = !tagger.ok() ? tagger.status().message() : corpus.status().message();
    report.Note("skipped: " + why);
    std::printf("ner: skipped: %s\n", why.c_str());
    return;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const ner::SpanScorer score = ner::EvaluateTagger(*tagger.value(), corpus.value());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double tokens_per_s = corpus.value().tokens / s;
  std::printf("ner (ANERcorp test, %zu tokens): micro F1 %.3f, %.0f tokens/s\n%s", corpus.value().tokens,
              score.MicroF1(), tokens_per_s, score.Report().c_str());
  std::string classes;
  for (int c = 0; c < ner::kNumClasses; ++c) {
    classes += (c ? ", " : "") + std::string(ner::kClassNames[c]) + Format(" %.3f", score.ClassF1(c));
  }
  report.Add({"micro F1", Format("%.3f", score.MicroF1()), "≥ 0.85 (issue 5)", ""});
  report.Add({"F1 per class", classes, "", ""});
  report.Add({"speed (1 thread, incl. re-tokenising)", Grouped(tokens_per_s) + " tokens/s",
              "≥ 100,000 tokens/s (issue 5)", ""});
  report.Note("No peer runs here: the issue's reference, CAMeLBERT (a BERT model), reports F1 0.824 on ANERcorp "
              "and tens of words/s on a CPU; it cannot be installed on this machine.");
}

}  // namespace marsad::cli
