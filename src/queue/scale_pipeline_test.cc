// The scale-out logic over the in-process queue: documents published, processed by
// several worker threads, put back in order by the assigner, give the same store as the
// embedded pipeline; poison documents are dead-lettered; re-delivered outcomes are
// stored once.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "pipeline/ingest_pipeline.h"
#include "queue/doc_worker.h"
#include "queue/in_process_queue.h"
#include "queue/publisher.h"
#include "queue/story_assigner.h"
#include "queue/wire_format.h"
#include "store/sqlite_store.h"

namespace marsad::queue {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class ScalePipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("marsad-queue-test-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<store::Store> Open(const std::string& name) {
    auto s = store::OpenSqliteStore((dir_ / name).string());
    EXPECT_TRUE(s.ok()) << s.status().message();
    return std::move(s).value();
  }

  // Everything the comparison looks at, one line per article in ingest order.
  static std::vector<std::string> Dump(store::Store& st) {
    std::vector<std::string> out;
    st.ForEachArticle([&](const Article& a) {
      out.push_back(a.id + "|" + a.input + "|" + a.duplicate_of.value_or("-") + "|" + a.story_id.value_or("-") + "|" +
                    a.title.value_or("-") + "|" + a.text);
      return true;
    });
    return out;
  }

  // Runs `workers` doc-worker threads and one assigner until the queue is drained.
  void Drain(InProcessQueue& q, store::Store& st, int workers, AssignerStats* astats) {
    std::atomic<bool> stop{false};
    DocWorkerStats wstats;
    DocWorkerOptions wo;
    wo.fetch_wait = 20ms;
    wo.idle_exit = 300ms;
    wo.fetch_batch = 3;
    std::vector<std::thread> threads;
    for (int i = 0; i < workers; ++i) {
      threads.emplace_back([&] { EXPECT_TRUE(RunDocWorker(q, cleaner_, {}, wo, stop, &wstats).ok()); });
    }
    MemorySequencedStore ss(st);
    AssignerOptions ao;
    ao.fetch_wait = 20ms;
    ao.idle_exit = 600ms;
    ao.batch_size = 7;
    EXPECT_TRUE(RunStoryAssigner(q, ss, ao, stop, astats).ok());
    for (auto& t : threads) t.join();
  }

  fs::path dir_;
  clean::Cleaner cleaner_;
};

TEST_F(ScalePipelineTest, WorkersAndAssignerEqualTheEmbeddedPipeline) {
  std::string samples = std::string(MARSAD_SOURCE_DIR) + "/samples";
  auto embedded = Open("embedded.db");
  pipeline::IngestOptions io;
  io.quiet = true;
  io.jobs = 2;
  auto summary = pipeline::Ingest({samples}, *embedded, cleaner_, io);
  ASSERT_TRUE(summary.ok());
  ASSERT_GT(summary.value().ingested, 5u);

  InProcessQueue q;
  auto published = PublishInputs(q, {samples}, {});
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published.value().documents, summary.value().documents);
  // Publishing again adds nothing (message ids are document ids).
  auto again = PublishInputs(q, {samples}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().published, 0u);
  EXPECT_EQ(again.value().duplicates, published.value().published);

  auto scaled = Open("scaled.db");
  AssignerStats stats;
  Drain(q, *scaled, 3, &stats);
  EXPECT_EQ(q.Pending(kDocsTopic), 0u);
  EXPECT_EQ(q.Pending(kArticlesTopic), 0u);
  EXPECT_EQ(stats.stored.load(), summary.value().ingested);
  EXPECT_EQ(stats.duplicates_by_content.load(), summary.value().duplicates_by_content);
  auto want = Dump(*embedded), got = Dump(*scaled);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "article #" << i;
}

TEST_F(ScalePipelineTest, PoisonDocumentIsDeadLetteredAndTheRestGoesOn) {
  InProcessOptions qo;
  qo.ack_wait = 5ms;
  qo.max_deliver = 9;
  InProcessQueue q(qo);
  RawDocument good, poison;
  good.input = "good.txt", good.body = "خبر أول عن الاقتصاد في الرياض اليوم.";
  poison.input = "poison.txt", poison.body = "خبر يوقع العامل في كل مرة.";
  RawDocument later = good;
  later.input = "later.txt", later.body = "خبر ثالث عن الطقس.";
  ASSERT_TRUE(q.Publish(kDocsTopic, "p", EncodeDocument(poison)).ok());
  ASSERT_TRUE(q.Publish(kDocsTopic, "g", EncodeDocument(good)).ok());
  ASSERT_TRUE(q.Publish(kDocsTopic, "l", EncodeDocument(later)).ok());
  // Five workers take the poison document (the first) and die before acking it.
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto got = q.Fetch(kDocsTopic, 1, 50ms);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got.value().size(), 1u);
    ASSERT_EQ(got.value()[0].msg_id, "p");
    std::this_thread::sleep_for(10ms);  // past the ack deadline
  }
  auto st = Open("dead.db");
  AssignerStats stats;
  Drain(q, *st, 2, &stats);
  EXPECT_EQ(stats.stored.load(), 2u);
  EXPECT_EQ(stats.failed.load(), 1u);
  ASSERT_EQ(q.Contents(kDeadTopic).size(), 1u);
  auto dead = DecodeDocument(q.Contents(kDeadTopic)[0]);
  ASSERT_TRUE(dead.ok());
  EXPECT_EQ(dead.value().input, "poison.txt");
}

TEST_F(ScalePipelineTest, RedeliveredAndDuplicateOutcomesAreStoredOnce) {
  InProcessQueue q;
  auto st = Open("once.db");
  MemorySequencedStore ss(*st);
  clean::Cleaner cleaner;
  // Outcomes for documents 1..4, published out of order, some twice under other ids
  // (a worker that lost its ack after the de-duplication window).
  std::vector<ArticleOutcome> outs;
  for (uint64_t seq = 1; seq <= 4; ++seq) {
    RawDocument d;
    d.input = "d" + std::to_string(seq), d.body = "نص الخبر رقم " + std::to_string(seq * 17) + " عن الموضوع.";
    auto a = pipeline::ProcessDocument(d, cleaner);
    ASSERT_TRUE(a.ok());
    ArticleOutcome o;
    o.doc_seq = seq, o.ok = true, o.article = a.value();
    outs.push_back(o);
  }
  for (int i : {2, 0, 3, 0, 1, 2}) {
    ASSERT_TRUE(q.Publish(kArticlesTopic, "x" + std::to_string(q.Pending(kArticlesTopic)), EncodeOutcome(outs[i])).ok());
  }
  std::atomic<bool> stop{false};
  AssignerStats stats;
  AssignerOptions ao;
  ao.fetch_wait = 10ms;
  ao.idle_exit = 200ms;
  ASSERT_TRUE(RunStoryAssigner(q, ss, ao, stop, &stats).ok());
  EXPECT_EQ(stats.stored.load(), 4u);
  EXPECT_EQ(q.Pending(kArticlesTopic), 0u);
  EXPECT_EQ(ss.Cursor().value(), 5u);
  std::vector<std::string> inputs;
  st->ForEachArticle([&](const Article& a) { inputs.push_back(a.input); return true; });
  EXPECT_EQ(inputs, (std::vector<std::string>{"d1", "d2", "d3", "d4"}));  // document order, not arrival order
}

// A broker killed between acknowledging an outcome and writing it to disk loses it after
// the worker acked the document: the assigner reads the document back and processes it.
TEST_F(ScalePipelineTest, OutcomeLostByTheBrokerIsRecoveredFromTheDocsTopic) {
  InProcessQueue q;
  std::vector<RawDocument> docs(4);
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].input = "d" + std::to_string(i + 1);
    docs[i].body = "نص الخبر رقم " + std::to_string((i + 1) * 31) + " عن موضوع مختلف.";
    ASSERT_TRUE(q.Publish(kDocsTopic, docs[i].input, EncodeDocument(docs[i])).ok());
  }
  auto fetched = q.Fetch(kDocsTopic, 10, 10ms);
  ASSERT_TRUE(fetched.ok());
  ASSERT_EQ(fetched.value().size(), 4u);
  DocWorkerStats ws;
  for (const Received& m : fetched.value()) {
    ArticleOutcome o = ProcessDocumentMessage(m, cleaner_, {}, &ws);
    if (m.seq != 2) {
      ASSERT_TRUE(q.Publish(kArticlesTopic, "o-" + std::to_string(m.seq), EncodeOutcome(o)).ok());
    }
    ASSERT_TRUE(q.Ack(m).ok());  // the outcome of #2 was "stored" by the broker, then lost
  }
  auto st = Open("recovered.db");
  MemorySequencedStore ss(*st);
  std::atomic<bool> stop{false};
  AssignerStats stats;
  AssignerOptions ao;
  ao.fetch_wait = 10ms;
  ao.idle_exit = 300ms;
  ao.gap_wait = 50ms;
  ao.reprocess = [&](const Received& m) { return ProcessDocumentMessage(m, cleaner_, {}, &ws); };
  ASSERT_TRUE(RunStoryAssigner(q, ss, ao, stop, &stats).ok());
  EXPECT_EQ(stats.recovered.load(), 1u);
  EXPECT_EQ(stats.stored.load(), 4u);
  std::vector<std::string> inputs;
  st->ForEachArticle([&](const Article& a) { inputs.push_back(a.input); return true; });
  EXPECT_EQ(inputs, (std::vector<std::string>{"d1", "d2", "d3", "d4"}));
}

// When the docs topic no longer has the document either, the gap becomes a failure named
// after the document's sequence, and the rest is stored: the assigner never waits forever.
TEST_F(ScalePipelineTest, DocumentGoneFromEverywhereIsAFailureNotAHang) {
  InProcessQueue q;  // nothing published to docs: GetDoc finds nothing
  clean::Cleaner cleaner;
  for (uint64_t seq : {1, 3}) {
    RawDocument d;
    d.input = "d" + std::to_string(seq), d.body = "نص الخبر رقم " + std::to_string(seq * 13) + " عن الموضوع.";
    auto a = pipeline::ProcessDocument(d, cleaner);
    ASSERT_TRUE(a.ok());
    ArticleOutcome o;
    o.doc_seq = seq, o.ok = true, o.article = a.value();
    ASSERT_TRUE(q.Publish(kArticlesTopic, "o-" + std::to_string(seq), EncodeOutcome(o)).ok());
  }
  auto st = Open("lost.db");
  MemorySequencedStore ss(*st);
  std::atomic<bool> stop{false};
  AssignerStats stats;
  AssignerOptions ao;
  ao.fetch_wait = 10ms;
  ao.idle_exit = 300ms;
  ao.gap_wait = 50ms;
  ao.reprocess = [&](const Received&) { return ArticleOutcome{}; };
  std::vector<std::string> failures;
  ASSERT_TRUE(RunStoryAssigner(q, ss, ao, stop, &stats,
                               [&](const std::string& input, const std::string&) { failures.push_back(input); })
                  .ok());
  EXPECT_EQ(stats.stored.load(), 2u);
  EXPECT_EQ(failures, (std::vector<std::string>{"docs#2"}));
  EXPECT_EQ(ss.Cursor().value(), 4u);
}

}  // namespace
}  // namespace marsad::queue
