// The per-article half of the scale-out pipeline: takes documents from the docs topic,
// cleans and annotates them (pipeline::ProcessDocument, the embedded pipeline's own
// function), and publishes each outcome to the articles topic for the story assigner.
// A document is acked only after its outcome is stored by the broker, so a worker killed
// at any moment loses nothing: its documents come back after the ack deadline and the
// outcome's msg_id ("o-<doc seq>") drops the second copy of anything already published.
// A document delivered more than `max_attempts` times (it crashed workers) is copied to
// the dead topic and replaced by a failure outcome, so the assigner never waits for it.
// Thread-safe: run one RunDocWorker per thread, each with its own Queue if the Queue is
// not thread-safe (NatsQueue is not shared; InProcessQueue may be).
#pragma once

#include <atomic>
#include <chrono>
#include <vector>

#include "clean/cleaner.h"
#include "pipeline/article_annotator.h"
#include "queue/queue.h"
#include "queue/wire_format.h"

namespace marsad::queue {

struct DocWorkerOptions {
  size_t fetch_batch = 16;                     // documents per fetch
  std::chrono::milliseconds fetch_wait{500};   // how long one fetch waits for work
  std::chrono::milliseconds retry_delay{1000}; // nak delay when publishing the outcome failed
  int max_attempts = 5;  // deliveries processed; the next one dead-letters (REQUIRES < q.max_deliver())
  std::chrono::milliseconds idle_exit{0};      // return after this long without work (0 = never)
};

struct DocWorkerStats {
  std::atomic<uint64_t> processed{0}, failed{0}, dead_lettered{0}, retried{0};
};

// One delivery of a document, cleaned and annotated: the outcome to publish (a failure
// outcome when the document cannot be decoded or processed).
ArticleOutcome ProcessDocumentMessage(const Received& m, const clean::Cleaner& cleaner,
                                      const std::vector<const pipeline::ArticleAnnotator*>& annotators,
                                      DocWorkerStats* stats);

// Runs until `stop` is set (or idle_exit passes without documents). Returns a Status only
// for a broken queue that did not come back; per-document problems are outcomes.
Status RunDocWorker(Queue& q, const clean::Cleaner& cleaner,
                    const std::vector<const pipeline::ArticleAnnotator*>& annotators,
                    const DocWorkerOptions& options, const std::atomic<bool>& stop, DocWorkerStats* stats);

}  // namespace marsad::queue
