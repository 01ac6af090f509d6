// Queue (queue/queue.h) on NATS JetStream (libnats, the C client). Each topic is a stream
// "<PREFIX>_<TOPIC>" on subject "<prefix>.<topic>", each consumed through one durable pull
// consumer shared by all workers ("workers" on docs, "assigner" on articles). articles is
// a work-queue stream (a message is gone once acked); docs keeps documents for
// `docs_retention` after their ack (the assigner re-reads a document whose outcome a
// crashed broker lost); dead is a plain stream that keeps what it gets. Publishing sets Nats-Msg-Id, so the stream drops a message whose id
// it has seen within `duplicate_window`. Streams and consumers are created on first use
// (idempotent); they keep their configuration after that (docs/SCALE-OUT.md).
// Thread-compatible: one NatsQueue (one connection) per thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "queue/queue.h"

namespace marsad::queue {

struct NatsOptions {
  std::string url = "nats://127.0.0.1:4222";  // comma-separated for a cluster
  std::string prefix = "marsad";              // subjects marsad.*, streams MARSAD_*
  std::chrono::seconds ack_wait{30};          // docs: redelivered when unacked this long
  std::chrono::seconds assigner_ack_wait{60}; // articles: the assigner touches what it holds more often
  int max_deliver = 8;                        // docs: server-side delivery limit
  std::chrono::minutes duplicate_window{120}; // Nats-Msg-Id de-duplication window
  int replicas = 1;                           // stream replicas (3 on a NATS cluster)
  std::chrono::hours docs_retention{48};      // docs kept after their ack (GetDoc), new streams only
};

// Connects and makes sure streams and consumers exist. Errors say what to start.
Result<std::unique_ptr<Queue>> OpenNatsQueue(const NatsOptions& options);

// True for nats:// and tls:// URLs.
bool IsNatsUrl(const std::string& s);

}  // namespace marsad::queue
