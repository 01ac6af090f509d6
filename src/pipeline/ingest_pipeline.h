// The embedded ingest pipeline: read inputs -> clean (N worker threads) -> assign ids,
// mark exact duplicates -> store, in batches of one transaction each.
//
//   reader (caller's thread) --batches--> workers (jobs) --reorder by sequence--> writer
//
// The writer handles batches in input order, so results (ids, duplicate_of pointing at
// the earliest article) do not depend on --jobs or on thread timing. Queues are bounded:
// memory stays flat on any input size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "core/article.h"
#include "core/status.h"
#include "ingest/reader.h"
#include "pipeline/article_annotator.h"
#include "pipeline/article_linker.h"
#include "store/store.h"

namespace marsad::pipeline {

struct IngestOptions {
  int jobs = 0;             // cleaning threads; 0 = one per core
  size_t batch_size = 256;  // articles per store transaction
  bool quiet = false;       // no progress bar
  ingest::ReaderOptions reader;
  size_t max_failures_kept = 1000;  // failures listed in the summary (all are counted)
  // Run in order on every article after cleaning (not owned; must outlive Ingest()).
  std::vector<const ArticleAnnotator*> annotators;
  LinkerOptions linker;  // near duplicates and stories (ordered, in the writer)
};

struct Failure {
  std::string input, reason;
};

struct IngestSummary {
  uint64_t documents = 0;              // documents read from the inputs
  uint64_t ingested = 0;               // new articles stored (incl. duplicates by content)
  uint64_t already_present = 0;        // same input seen before: nothing stored
  uint64_t duplicates_by_content = 0;  // new articles whose main text equals an earlier one
  uint64_t near_duplicates = 0;        // new articles nearly equal to an earlier one (window)
  uint64_t failed = 0;                 // inputs or documents skipped, see failures
  uint64_t repaired_utf8 = 0;          // articles whose input had invalid UTF-8 (repaired, flagged)
  uint64_t input_bytes = 0;
  double seconds = 0;
  // Where the time went (for benchmarks): CPU-busy seconds summed over the worker threads
  // (clean + annotators), and the single writer thread's busy seconds split into linking
  // (duplicates, near duplicates, stories) and the store write (rows + search index).
  double worker_seconds = 0, link_seconds = 0, write_seconds = 0;
  std::vector<Failure> failures;       // the first max_failures_kept of them
};

// The id of a raw document: same input bytes (and input-given metadata) -> same id,
// wherever the file lives. A pure function of the document.
std::string DocumentId(const RawDocument& doc);

// Cleans one document into a stored-ready Article (id and input set), then runs the
// annotators on it in order. Thread-safe. Fails only for a document with no text, title or
// URL at all; an article whose text the cleaner emptied is kept (with its removed blocks),
// never dropped silently.
Result<Article> ProcessDocument(const RawDocument& doc, const clean::Cleaner& cleaner,
                                const std::vector<const ArticleAnnotator*>& annotators = {});

// Runs the whole ingest. Fails only if the store fails (then what was committed stays
// committed and a re-run resumes); bad inputs are counted in the summary instead.
Result<IngestSummary> Ingest(const std::vector<std::string>& paths, store::Store& store,
                             const clean::Cleaner& cleaner, const IngestOptions& options);

}  // namespace marsad::pipeline
