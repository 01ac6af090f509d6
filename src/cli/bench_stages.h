// The speed parts of `marsad bench`, each on one thread over a real corpus: cleaning, the
// annotators (NER, actors, events), near duplicates and stories, search latency and the
// text core, with the Python peers run beside them in the same call. Each prints its
// figures as it goes and adds rows to the report.
#pragma once

#include <string>
#include <vector>

#include "cli/bench_report.h"
#include "core/article.h"
#include "ner/ner_tagger.h"
#include "pipeline/standard_annotators.h"
#include "store/store.h"

namespace marsad::cli {

struct StageOptions {
  std::string corpus;          // what the peers read (SaudiNewsNet-style zips)
  size_t annotate_articles = 3000;  // articles the one-thread annotator figures use
  bool peers = true;           // run the Python peers beside marsad
};

void BenchCleaning(const std::vector<RawDocument>& docs, BenchReport& report);
// `annotators` and `tagger` as loaded once by the command (an error is reported as a note).
void BenchAnnotators(store::Store& store, const StageOptions& options,
                     const Result<std::unique_ptr<pipeline::StandardAnnotators>>& annotators,
                     const Result<std::unique_ptr<ner::NerTagger>>& tagger, BenchReport& report);
void BenchLinking(store::Store& store, const StageOptions& options, BenchReport& report);
void BenchSearch(const std::string& db, BenchReport& report);
void BenchTextCore(const std::vector<RawDocument>& docs, const StageOptions& options, BenchReport& report);

}  // namespace marsad::cli
