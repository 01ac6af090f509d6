#include "queue/doc_worker.h"

#include <thread>

#include "pipeline/ingest_pipeline.h"
#include "queue/wire_format.h"

namespace marsad::queue {
namespace {

std::string OutcomeId(uint64_t doc_seq) { return "o-" + std::to_string(doc_seq); }

}  // namespace

ArticleOutcome ProcessDocumentMessage(const Received& m, const clean::Cleaner& cleaner,
                                      const std::vector<const pipeline::ArticleAnnotator*>& annotators,
                                      DocWorkerStats* stats) {
  ArticleOutcome o;
  o.doc_seq = m.seq;
  auto doc = DecodeDocument(m.data);
  if (!doc.ok()) {
    o.input = "docs#" + std::to_string(m.seq);
    o.reason = doc.status().message();
    ++stats->failed;
    return o;
  }
  auto article = pipeline::ProcessDocument(doc.value(), cleaner, annotators);
  if (!article.ok()) {
    o.input = doc.value().input;
    o.reason = article.status().message();
    ++stats->failed;
    return o;
  }
  o.ok = true;
  o.article = std::move(article).value();
  ++stats->processed;
  return o;
}

Status RunDocWorker(Queue& q, const clean::Cleaner& cleaner,
                    const std::vector<const pipeline::ArticleAnnotator*>& annotators,
                    const DocWorkerOptions& options, const std::atomic<bool>& stop, DocWorkerStats* stats) {
  auto last_work = std::chrono::steady_clock::now();
  int broken_fetches = 0;
  while (!stop.load()) {
    auto batch = q.Fetch(kDocsTopic, options.fetch_batch, options.fetch_wait);
    if (!batch.ok()) {
      // The broker restarts or the network blips: wait and retry (the client reconnects);
      // give up only after a minute of failures.
      if (++broken_fetches > static_cast<int>(60000 / std::max<int64_t>(1, options.retry_delay.count()))) {
        return batch.status();
      }
      std::this_thread::sleep_for(options.retry_delay);
      continue;
    }
    broken_fetches = 0;
    auto now = std::chrono::steady_clock::now();
    if (batch.value().empty()) {
      if (options.idle_exit.count() > 0 && now - last_work >= options.idle_exit) return Status::Ok();
      continue;
    }
    last_work = now;
    for (const Received& m : batch.value()) {
      ArticleOutcome o;
      if (m.deliveries > static_cast<uint64_t>(options.max_attempts)) {
        // Kept failing (most likely: killed the workers that took it). Keep the document
        // for a human, and tell the assigner to go on without it.
        bool dup = false;
        if (Status s = q.Publish(kDeadTopic, "dead-" + std::to_string(m.seq), m.data, &dup); !s.ok()) {
          q.Nak(m, options.retry_delay);
          ++stats->retried;
          continue;
        }
        o.doc_seq = m.seq;
        auto doc = DecodeDocument(m.data);
        o.input = doc.ok() ? doc.value().input : "docs#" + std::to_string(m.seq);
        o.reason = "dead-lettered after " + std::to_string(m.deliveries - 1) + " failed attempts (kept in topic dead)";
        ++stats->dead_lettered;
      } else {
        o = ProcessDocumentMessage(m, cleaner, annotators, stats);
      }
      if (Status s = q.Publish(kArticlesTopic, OutcomeId(m.seq), EncodeOutcome(o)); !s.ok()) {
        q.Nak(m, options.retry_delay);  // the document comes back; nothing was lost
        ++stats->retried;
        continue;
      }
      // Only now is the work safe in the broker. A lost ack means a second delivery,
      // whose outcome the msg_id de-duplicates (or the assigner's cursor ignores).
      q.Ack(m);
    }
  }
  return Status::Ok();
}

}  // namespace marsad::queue
