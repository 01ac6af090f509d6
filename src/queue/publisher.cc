#include "queue/publisher.h"

#include <chrono>

#include "pipeline/ingest_pipeline.h"
#include "queue/nats_queue.h"
#include "queue/wire_format.h"

namespace marsad::queue {
namespace {

class PublishingSink : public ingest::DocumentSink {
 public:
  PublishingSink(Queue& q, PublishSummary* s) : q_(q), s_(s) {}
  void Accept(RawDocument doc) override {
    ++s_->documents;
    if (!status_.ok()) return;  // the queue failed: read on only to count
    bool duplicate = false;
    status_ = q_.Publish(kDocsTopic, pipeline::DocumentId(doc), EncodeDocument(doc), &duplicate);
    if (status_.ok()) ++(duplicate ? s_->duplicates : s_->published);
  }
  void Fail(const std::string& input, const std::string& reason) override {
    ++s_->failed;
    if (s_->failures.size() < 1000) s_->failures.emplace_back(input, reason);
  }
  const Status& status() const { return status_; }

 private:
  Queue& q_;
  PublishSummary* s_;
  Status status_;
};

}  // namespace

Result<PublishSummary> PublishInputs(Queue& q, const std::vector<std::string>& paths,
                                     const ingest::ReaderOptions& options) {
  auto start = std::chrono::steady_clock::now();
  PublishSummary summary;
  summary.input_bytes = ingest::TotalInputBytes(paths);
  PublishingSink sink(q, &summary);
  ingest::ReadPaths(paths, options, sink);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!sink.status().ok()) return sink.status();
  return summary;
}

Result<PublishSummary> PublishToNats(const std::string& url, const std::vector<std::string>& paths,
                                     const ingest::ReaderOptions& options, const std::string& prefix) {
  NatsOptions o;
  o.url = url;
  o.prefix = prefix;
  auto q = OpenNatsQueue(o);
  if (!q.ok()) return q.status();
  return PublishInputs(*q.value(), paths, options);
}

}  // namespace marsad::queue
