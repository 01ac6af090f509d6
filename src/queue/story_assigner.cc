#include "queue/story_assigner.h"

#include <map>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "queue/wire_format.h"

namespace marsad::queue {

Status MemorySequencedStore::WriteAdvancing(const store::WriteBatch& batch, uint64_t expected, uint64_t next,
                                            store::PutResult* result) {
  if (expected != next_) return Status::InvalidArgument("cursor moved");
  if (Status s = store_.Write(batch, result); !s.ok()) return s;
  next_ = next;
  return Status::Ok();
}

namespace {

struct Held {
  Received message;  // no handle for a document read back by GetDoc (nothing to ack)
  ArticleOutcome outcome;
  std::vector<Received> copies;  // other messages with the same document (acked with it)
};

// The embedded writer's per-article steps, in order (pipeline/ingest_pipeline.cc): skip ids
// stored before, mark exact duplicates (the earliest article with the same content hash),
// then the linker. `batch_hashes` holds this batch's first article per hash; earlier
// batches are found in the store, which has committed them.
struct Counts {
  uint64_t already_present = 0, duplicates_by_content = 0;
  std::vector<std::pair<std::string, std::string>> failures;
};

Status Link(std::vector<Held*>& run, store::Store& st, pipeline::ArticleLinker& linker, store::WriteBatch* out,
            Counts* counts) {
  std::unordered_map<std::string, std::string> batch_hashes;
  std::unordered_set<std::string> batch_ids;
  for (Held* h : run) {
    ArticleOutcome& o = h->outcome;
    if (!o.ok) {
      counts->failures.emplace_back(o.input, o.reason);
      continue;
    }
    Article a = o.article;  // the held copy stays clean for a retry
    if (!batch_ids.insert(a.id).second) {
      ++counts->already_present;
      continue;
    }
    auto present = st.Contains(a.id);
    if (!present.ok()) return present.status();
    if (present.value()) {
      ++counts->already_present;
      continue;
    }
    if (!a.text.empty()) {
      auto [it, fresh] = batch_hashes.emplace(a.content_hash, a.id);
      if (!fresh) {
        a.duplicate_of = it->second;
      } else {
        auto earlier = st.FindByContentHash(a.content_hash);
        if (!earlier.ok()) return earlier.status();
        if (earlier.value()) {
          a.duplicate_of = *earlier.value();
          it->second = *earlier.value();
        }
      }
    }
    if (a.duplicate_of) ++counts->duplicates_by_content;
    linker.Link(a, &st);
    out->articles.push_back(std::move(a));
  }
  linker.TakeUpdates(out);
  return Status::Ok();
}

}  // namespace

Status RunStoryAssigner(Queue& q, SequencedStore& ss, const AssignerOptions& options, const std::atomic<bool>& stop,
                        AssignerStats* stats,
                        const std::function<void(const std::string&, const std::string&)>& on_failure) {
  std::map<uint64_t, Held> buffer;  // by document sequence
  auto release_all = [&] {
    // Hand everything held back to the queue now (not after the ack deadline).
    for (auto& [seq, h] : buffer) {
      if (h.message.handle) q.Nak(h.message, std::chrono::milliseconds(0));
      for (const Received& c : h.copies) q.Nak(c, std::chrono::milliseconds(0));
    }
    buffer.clear();
  };
  auto last_work = std::chrono::steady_clock::now();
  auto last_touch = last_work;
  auto gap_since = last_work;
  uint64_t gap_at = 0;  // the sequence the current gap is at (0: none seen)
  while (!stop.load()) {
    if (!ss.Leading()) {
      release_all();
      return Status::Unsupported("leadership lost");
    }
    // A session: state rebuilt from the store (the linker window, the cursor).
    pipeline::ArticleLinker linker(options.linker);
    Status session = linker.Restore(ss.store());
    auto cursor = session.ok() ? ss.Cursor() : Result<uint64_t>(session);
    if (!cursor.ok()) {
      ++stats->store_retries;
      std::this_thread::sleep_for(options.retry_delay);
      continue;
    }
    uint64_t next = cursor.value();
    for (auto it = buffer.begin(); it != buffer.end() && it->first < next;) {
      if (it->second.message.handle) q.Ack(it->second.message);  // committed by an earlier session or another leader
      for (const Received& c : it->second.copies) q.Ack(c);
      it = buffer.erase(it);
    }
    while (!stop.load()) {
      // A full buffer fetches nothing until the gap fills (memory stays bounded).
      auto fetched = buffer.size() < options.max_buffered
                         ? q.Fetch(kArticlesTopic, options.batch_size, options.fetch_wait)
                         : Result<std::vector<Received>>(std::vector<Received>());
      if (buffer.size() >= options.max_buffered) std::this_thread::sleep_for(options.fetch_wait);
      if (!fetched.ok()) std::this_thread::sleep_for(options.retry_delay);  // the broker restarts
      auto now = std::chrono::steady_clock::now();
      if (fetched.ok()) {
        for (Received& m : fetched.value()) {
          auto o = DecodeOutcome(m.data);
          if (!o.ok()) {
            // Not ours to understand (another version): keep it out of the way, visibly.
            q.Publish(kDeadTopic, "bad-" + m.msg_id, m.data);
            q.Term(m);
            continue;
          }
          if (o.value().doc_seq < next) {
            q.Ack(m);  // stored before (a redelivery or a duplicate outcome)
            continue;
          }
          // A redelivery of a held message replaces the old handle (the newest is valid);
          // another message for the same document is held as a copy, acked with it.
          auto held = buffer.find(o.value().doc_seq);
          if (held == buffer.end()) {
            buffer.emplace(o.value().doc_seq, Held{std::move(m), std::move(o).value(), {}});
          } else if (!held->second.message.handle || held->second.message.seq == m.seq) {
            held->second.message = std::move(m);
          } else {
            bool known = false;
            for (Received& c : held->second.copies) {
              if (c.seq == m.seq) c = m, known = true;
            }
            if (!known) held->second.copies.push_back(std::move(m));
          }
        }
      }
      // Keep held (out-of-order) messages from timing out while the gap fills.
      if (now - last_touch > options.touch_every) {
        for (auto& [seq, h] : buffer) {
          if (h.message.handle) q.InProgress(h.message);
          for (const Received& c : h.copies) q.InProgress(c);
        }
        last_touch = now;
      }
      std::vector<Held*> run;
      for (auto it = buffer.find(next); it != buffer.end() && it->first == next + run.size() &&
                                        run.size() < options.batch_size;
           ++it) {
        run.push_back(&it->second);
      }
      if (run.empty()) {
        if (buffer.empty() && options.idle_exit.count() > 0 && now - last_work >= options.idle_exit) {
          return Status::Ok();
        }
        if (!buffer.empty() && buffer.begin()->first > next) {  // a gap at `next`
          if (gap_at != next) gap_at = next, gap_since = now;
          if (options.reprocess && now - gap_since >= options.gap_wait) {
            auto doc = q.GetDoc(next);
            if (!doc.ok()) {
              std::this_thread::sleep_for(options.retry_delay);  // the broker restarts
              continue;
            }
            ArticleOutcome o;
            if (doc.value()) {
              o = options.reprocess(*doc.value());
            } else {
              o.input = "docs#" + std::to_string(next);
              o.reason = "lost: its outcome never came and the docs topic no longer keeps it; publish the input again";
            }
            o.doc_seq = next;
            ++stats->recovered;
            buffer.emplace(next, Held{Received{}, std::move(o), {}});
            continue;
          }
        }
        if (!ss.Leading()) break;
        continue;
      }
      last_work = now;
      if (!ss.Leading()) break;
      store::WriteBatch batch;
      store::PutResult put;
      Counts counts;
      Status s = Link(run, ss.store(), linker, &batch, &counts);
      if (s.ok()) s = ss.WriteAdvancing(batch, next, next + run.size(), &put);
      if (!s.ok()) {
        // Nothing of this batch is stored; the linker saw it, so rebuild everything.
        ++stats->store_retries;
        std::this_thread::sleep_for(options.retry_delay);
        break;
      }
      for (Held* h : run) {  // after the commit: exactly once
        if (h->message.handle) q.Ack(h->message);
        for (const Received& c : h->copies) q.Ack(c);
      }
      stats->stored += put.inserted;
      stats->already_present += put.already_present + counts.already_present;
      stats->duplicates_by_content += counts.duplicates_by_content;
      stats->failed += counts.failures.size();
      if (on_failure) {
        for (const auto& [input, reason] : counts.failures) on_failure(input, reason);
      }
      ++stats->batches;
      uint64_t done = next + run.size();
      for (auto it = buffer.begin(); it != buffer.end() && it->first < done;) it = buffer.erase(it);
      next = done;
    }
  }
  release_all();
  return Status::Ok();
}

}  // namespace marsad::queue
