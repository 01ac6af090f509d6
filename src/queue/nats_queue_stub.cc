// Built when libnats is missing: the NATS queue says how to get it.
#include "queue/nats_queue.h"

namespace marsad::queue {

bool IsNatsUrl(const std::string& s) { return s.rfind("nats://", 0) == 0 || s.rfind("tls://", 0) == 0; }

Result<std::unique_ptr<Queue>> OpenNatsQueue(const NatsOptions&) {
  return Status::Unsupported("this marsad was built without NATS support: install libnats-dev "
                             "(scripts/setup.sh) and rebuild");
}

}  // namespace marsad::queue
