// `marsad ingest PATH... --nats URL`: reads the inputs like the embedded ingest and
// publishes each document to the docs topic instead of processing it. The message id is
// the document's id (pipeline::DocumentId), so re-publishing the same inputs adds nothing
// within the broker's de-duplication window (and the store skips known ids after it).
// Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "queue/queue.h"

namespace marsad::queue {

struct PublishSummary {
  uint64_t documents = 0, published = 0, duplicates = 0, failed = 0, input_bytes = 0;
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> failures;  // (input, reason), the first 1000
};

// Fails only when the queue fails (what was published stays published; re-run to resume).
Result<PublishSummary> PublishInputs(Queue& q, const std::vector<std::string>& paths,
                                     const ingest::ReaderOptions& options);

// PublishInputs to the NATS JetStream server(s) at `url` (queue/nats_queue.h), creating
// the streams if needed. For `marsad ingest --nats URL`.
Result<PublishSummary> PublishToNats(const std::string& url, const std::vector<std::string>& paths,
                                     const ingest::ReaderOptions& options, const std::string& prefix = "marsad");

}  // namespace marsad::queue
