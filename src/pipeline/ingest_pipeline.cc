#include "pipeline/ingest_pipeline.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/ids.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/progress_bar.h"

namespace marsad::pipeline {
namespace {

// `input_bytes`: input consumed by the reader while this batch filled; the progress bar
// counts it when the batch is committed, so the bar shows stored work, not read-ahead.
struct DocBatch {
  uint64_t seq = 0;
  uint64_t input_bytes = 0;
  std::vector<RawDocument> docs;
};

struct ResultBatch {
  uint64_t seq = 0;
  uint64_t input_bytes = 0;
  std::vector<Result<Article>> results;
  std::vector<std::string> inputs;  // for failure messages
};

// Collects failures from all threads; keeps the first `limit`.
class FailureLog {
 public:
  explicit FailureLog(size_t limit) : limit_(limit) {}
  void Add(std::string input, std::string reason) {
    std::lock_guard lock(mu_);
    ++count_;
    if (kept_.size() < limit_) kept_.push_back({std::move(input), std::move(reason)});
  }
  void MoveInto(IngestSummary* s) {
    std::lock_guard lock(mu_);
    s->failed = count_;
    s->failures = std::move(kept_);
  }

 private:
  std::mutex mu_;
  size_t limit_;
  uint64_t count_ = 0;
  std::vector<Failure> kept_;
};

// Turns reader callbacks into sequenced batches on the work queue.
class BatchingSink : public ingest::DocumentSink {
 public:
  BatchingSink(size_t batch_size, BoundedQueue<DocBatch>* queue, FailureLog* failures,
               const std::atomic<bool>* abort)
      : batch_size_(batch_size), queue_(queue), failures_(failures), abort_(abort) {}

  void Accept(RawDocument doc) override {
    if (abort_->load()) return;
    ++documents_;
    current_.docs.push_back(std::move(doc));
    if (current_.docs.size() >= batch_size_) Flush();
  }
  void Fail(const std::string& input, const std::string& reason) override {
    failures_->Add(input, reason);
  }
  void Consumed(uint64_t bytes) override { current_.input_bytes += bytes; }

  void Flush() {
    if (current_.docs.empty()) return;
    current_.seq = next_seq_++;
    queue_->Push(std::move(current_));
    current_ = DocBatch();
  }
  uint64_t documents() const { return documents_; }

 private:
  size_t batch_size_;
  BoundedQueue<DocBatch>* queue_;
  FailureLog* failures_;
  const std::atomic<bool>* abort_;
  DocBatch current_;
  uint64_t next_seq_ = 0, documents_ = 0;
};

// Hands result batches to the writer strictly in sequence order. Bounded: a worker whose
// batch is `window` or more ahead of the one the writer waits for blocks until the writer
// catches up, so a slow writer holds at most `window` batches of results in memory.
// Cannot deadlock: the batch the writer waits for is never blocked (its seq is next_), and
// batches leave the work queue in sequence order, so it is queued or held by a worker.
class Reorderer {
 public:
  explicit Reorderer(uint64_t window) : window_(window) {}
  void Put(ResultBatch batch) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return batch.seq < next_ + window_; });
    pending_.emplace(batch.seq, std::move(batch));
    cv_.notify_all();
  }
  // Next batch in order; nullopt when producers are done and nothing is left.
  std::optional<ResultBatch> Next() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return pending_.count(next_) || (done_ && pending_.empty()); });
    auto it = pending_.find(next_);
    if (it == pending_.end()) return std::nullopt;
    ResultBatch b = std::move(it->second);
    pending_.erase(it);
    ++next_;
    cv_.notify_all();  // a worker may wait for room
    return b;
  }
  void Done() {
    std::lock_guard lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, ResultBatch> pending_;
  const uint64_t window_;
  uint64_t next_ = 0;
  bool done_ = false;
};

}  // namespace

std::string DocumentId(const RawDocument& doc) {
  // Unit separators keep fields from running into each other ("ab"+"c" != "a"+"bc").
  std::string key;
  key.reserve(doc.body.size() + 256);
  key += static_cast<char>('0' + static_cast<int>(doc.format));
  for (const std::string* f : {&doc.hints.title, &doc.hints.url, &doc.hints.source, &doc.hints.date}) {
    key += '\x1f';
    key += *f;
  }
  key += '\x1e';
  key += doc.body;
  return StableId(key);
}

Result<Article> ProcessDocument(const RawDocument& doc, const clean::Cleaner& cleaner,
                                const std::vector<const ArticleAnnotator*>& annotators) {
  Article a = cleaner.Clean(doc);
  a.id = DocumentId(doc);
  a.input = doc.input;
  a.invalid_utf8 = doc.invalid_utf8;
  // A record with only a title or a URL (a cartoon, a video page) or a page the cleaner
  // emptied is still kept: nothing the input said is lost (removed blocks hold the rest).
  // Only a document with nothing at all fails.
  if (a.text.empty() && !a.title && !a.url && a.removed.empty() && a.related.empty()) {
    return Status::InvalidArgument("no article text, title or URL found (empty page or record)");
  }
  for (const ArticleAnnotator* annotator : annotators) annotator->Annotate(a);
  return a;
}

Result<IngestSummary> Ingest(const std::vector<std::string>& paths, store::Store& store,
                             const clean::Cleaner& cleaner, const IngestOptions& options) {
  auto start = std::chrono::steady_clock::now();
  IngestSummary summary;
  summary.input_bytes = ingest::TotalInputBytes(paths);
  int jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  BoundedQueue<DocBatch> work(static_cast<size_t>(jobs) * 2);
  Reorderer done_batches(static_cast<uint64_t>(jobs) * 4);
  FailureLog failures(options.max_failures_kept);
  std::atomic<bool> abort{false};
  uint64_t bytes_committed = 0;  // writer thread only
  ProgressBar bar("ingest", summary.input_bytes, options.quiet);

  std::vector<std::thread> workers;
  std::atomic<int> workers_left{jobs};
  std::atomic<int64_t> worker_ns{0};
  using Clock = std::chrono::steady_clock;
  auto ns_between = [](Clock::time_point t0, Clock::time_point t1) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
  };
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      while (auto batch = work.Pop()) {
        const auto t0 = Clock::now();
        ResultBatch out;
        out.seq = batch->seq;
        out.input_bytes = batch->input_bytes;
        for (const RawDocument& doc : batch->docs) {
          out.inputs.push_back(doc.input);
          out.results.push_back(ProcessDocument(doc, cleaner, options.annotators));
          if (out.results.back().ok()) store.PrepareToWrite(out.results.back().value());
        }
        worker_ns += ns_between(t0, Clock::now());
        done_batches.Put(std::move(out));
      }
      if (--workers_left == 0) done_batches.Done();
    });
  }

  ArticleLinker linker(options.linker);
  if (Status s = linker.Restore(store); !s.ok()) return s;

  Status store_status;
  std::thread writer([&] {
    std::unordered_map<std::string, std::string> first_by_hash;  // this run's content hashes
    std::unordered_set<std::string> seen_ids;
    while (auto batch = done_batches.Next()) {
      if (!store_status.ok()) continue;  // drain after a store failure
      const auto link_start = Clock::now();
      std::vector<Article> to_store;
      for (size_t i = 0; i < batch->results.size(); ++i) {
        auto& r = batch->results[i];
        if (!r.ok()) {
          failures.Add(batch->inputs[i], r.status().message());
          continue;
        }
        Article& a = r.value();
        if (!seen_ids.insert(a.id).second) {
          ++summary.already_present;
          continue;
        }
        auto present = store.Contains(a.id);
        if (!present.ok()) {
          store_status = present.status();
          break;
        }
        if (present.value()) {
          ++summary.already_present;
          continue;
        }
        // Empty texts say nothing about sameness: never mark them as duplicates.
        if (!a.text.empty()) {
          auto [it, fresh] = first_by_hash.emplace(a.content_hash, a.id);
          if (!fresh) {
            a.duplicate_of = it->second;
          } else if (auto earlier = store.FindByContentHash(a.content_hash); earlier.ok() && earlier.value()) {
            a.duplicate_of = *earlier.value();
            it->second = *earlier.value();
          }
        }
        if (a.duplicate_of) ++summary.duplicates_by_content;
        linker.Link(a, &store);
        if (a.invalid_utf8) ++summary.repaired_utf8;
        to_store.push_back(std::move(a));
      }
      if (!store_status.ok()) {
        abort = true;
        continue;
      }
      store::PutResult put;
      store::WriteBatch write;
      write.articles = std::move(to_store);
      linker.TakeUpdates(&write);
      const auto write_start = Clock::now();
      const Status written = store.Write(write, &put);
      summary.link_seconds += ns_between(link_start, write_start) / 1e9;
      summary.write_seconds += ns_between(write_start, Clock::now()) / 1e9;
      if (Status s = written; !s.ok()) {
        store_status = s;
        abort = true;
        continue;
      }
      summary.ingested += put.inserted;
      summary.already_present += put.already_present;
      bytes_committed += batch->input_bytes;
      bar.Update(bytes_committed, summary.ingested + summary.already_present);
    }
  });

  BatchingSink sink(options.batch_size, &work, &failures, &abort);
  // The reader reports progress into the batches; the writer redraws after each commit.
  ingest::ReadPaths(paths, options.reader, sink);
  sink.Flush();
  work.Close();
  for (auto& t : workers) t.join();
  writer.join();
  bar.Finish();

  summary.documents = sink.documents();
  summary.near_duplicates = linker.near_duplicates();
  failures.MoveInto(&summary);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.worker_seconds = worker_ns.load() / 1e9;
  if (!store_status.ok()) return store_status;
  return summary;
}

}  // namespace marsad::pipeline
