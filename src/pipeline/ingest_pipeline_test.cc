#include "pipeline/ingest_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <fstream>
#include <set>

#include "store/sqlite_store.h"

namespace marsad::pipeline {
namespace {

namespace fs = std::filesystem;

const char kPage[] =
    "أعلنت وزارة الخارجية اليوم عن زيارة رسمية للوزير إلى العاصمة لبحث التعاون الاقتصادي بين "
    "البلدين، وقال المتحدث باسم الوزارة إن المحادثات ستتناول ملفات الطاقة والتجارة.\n\n"
    "وأضاف أن الجانبين يعملان على اتفاق جديد قبل نهاية العام الجاري.\n";

class IngestPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("marsad_pipeline_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / "in" / name, std::ios::binary) << bytes;
  }
  std::unique_ptr<store::Store> Open(const std::string& name = "db.sqlite") {
    auto s = store::OpenSqliteStore((dir_ / name).string());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }
  IngestSummary Run(store::Store& st, int jobs, std::vector<const ArticleAnnotator*> annotators = {}) {
    IngestOptions o;
    o.annotators = std::move(annotators);
    o.jobs = jobs;
    o.quiet = true;
    o.batch_size = 2;
    auto r = Ingest({(dir_ / "in").string()}, st, cleaner_, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.value();
  }

  fs::path dir_;
  clean::Cleaner cleaner_;
};

TEST_F(IngestPipelineTest, IngestsCountsDuplicatesAndFailures) {
  Write("a.txt", kPage);
  Write("b.txt", std::string(kPage) + "\n");  // same main text, different bytes
  Write("c.jsonl", std::string("{\"title\":\"خبر\",\"content\":\"") +
                       "أكد الرئيس أن الحكومة ماضية في خطتها للإصلاح الاقتصادي هذا العام." +
                       "\"}\n{\"broken\": \n");
  Write("empty.txt", "");
  auto st = Open();
  IngestSummary s = Run(*st, 2);
  EXPECT_EQ(s.ingested, 3u);
  EXPECT_EQ(s.duplicates_by_content, 1u);
  EXPECT_GE(s.failed, 2u);  // empty file + broken JSON line
  std::set<std::string> inputs;
  for (const auto& f : s.failures) inputs.insert(f.input);
  EXPECT_TRUE(std::any_of(inputs.begin(), inputs.end(),
                          [](const std::string& i) { return i.find("empty.txt") != std::string::npos; }));
}

TEST_F(IngestPipelineTest, ReingestIsIdempotent) {
  Write("a.txt", kPage);
  Write("b.txt", "نص آخر تماما عن مباراة كرة القدم التي جرت أمس في الملعب الكبير وانتهت بالتعادل.");
  auto st = Open();
  EXPECT_EQ(Run(*st, 1).ingested, 2u);
  IngestSummary again = Run(*st, 3);
  EXPECT_EQ(again.ingested, 0u);
  EXPECT_EQ(again.already_present, 2u);
  auto stats = st->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value().articles, 2u);
}

TEST_F(IngestPipelineTest, ResultsDoNotDependOnJobs) {
  for (int i = 0; i < 20; ++i) {
    Write("p" + std::to_string(i) + ".txt", std::string(kPage) + (i % 3 ? "" : " ") +
                                                 std::string(i % 2 ? "خبر فردي" : "خبر زوجي") +
                                                 std::to_string(i % 4));
  }
  auto collect = [&](const std::string& db, int jobs) {
    auto st = Open(db);
    Run(*st, jobs);
    std::vector<std::pair<std::string, std::string>> rows;
    EXPECT_TRUE(st->ForEachArticle([&](const Article& a) {
                    rows.emplace_back(a.id, a.duplicate_of.value_or("-"));
                    return true;
                  }).ok());
    return rows;
  };
  EXPECT_EQ(collect("one.db", 1), collect("four.db", 4));
}

// Marks every article it sees with an entity naming its first word, and counts calls.
class FirstWordAnnotator : public ArticleAnnotator {
 public:
  void Annotate(Article& a) const override {
    ++calls_;
    Entity e;
    e.id = "first:" + a.text.substr(0, a.text.find(' '));
    e.type = "OTHER";
    a.entities.push_back(e);
  }
  const char* name() const override { return "first-word"; }
  mutable std::atomic<int> calls_{0};
};

TEST_F(IngestPipelineTest, AnnotatorsRunOnEveryArticleAndTheirWorkIsStored) {
  for (int i = 0; i < 9; ++i) Write("p" + std::to_string(i) + ".txt", "خبر رقم " + std::to_string(i) + "\n" + kPage);
  FirstWordAnnotator first;
  auto st = Open();
  IngestSummary s = Run(*st, 3, {&first});
  EXPECT_EQ(s.ingested, 9u);
  EXPECT_EQ(first.calls_.load(), 9);
  size_t with_entity = 0;
  ASSERT_TRUE(st->ForEachArticle([&](const Article& a) {
                  with_entity += a.entities.size() == 1 && a.entities[0].id == "first:" + a.text.substr(0, a.text.find(' '));
                  return true;
                }).ok());
  EXPECT_EQ(with_entity, 9u);
}

// A long page and a copy with one word changed: near duplicates, found in one run and
// across two runs (the second run rebuilds the window from the store).
TEST_F(IngestPipelineTest, NearDuplicatesAcrossRunsEqualOneRun) {
  std::string body;
  for (int i = 0; i < 12; ++i) {
    body += "قال المسؤول في الجلسة رقم " + std::to_string(i) + " إن المشروع الجديد سيبدأ قريبا في المدينة. ";
  }
  std::string edited = body;
  edited.replace(edited.find("الجديد"), std::string("الجديد").size(), "الكبير");
  Write("1-original.txt", body + "\n");
  Write("3-other.txt", std::string(kPage));
  auto one = Open("one.db");
  Write("2-edited.txt", edited + "\n");
  IngestSummary s = Run(*one, 2);
  EXPECT_EQ(s.near_duplicates, 1u);

  fs::remove(dir_ / "in" / "2-edited.txt");
  auto two = Open("two.db");
  Run(*two, 2);
  Write("2-edited.txt", edited + "\n");
  IngestSummary second = Run(*two, 1);
  EXPECT_EQ(second.near_duplicates, 1u);
  std::map<std::string, std::string> dup_one, dup_two;
  auto collect = [](store::Store& st, std::map<std::string, std::string>* into) {
    ASSERT_TRUE(st.ForEachArticle([&](const Article& a) {
                    (*into)[a.id] = a.duplicate_of.value_or("");
                    return true;
                  }).ok());
  };
  collect(*one, &dup_one);
  collect(*two, &dup_two);
  EXPECT_EQ(dup_one, dup_two);
  EXPECT_EQ(dup_one.size(), 3u);
}

TEST(DocumentId, DependsOnBytesAndHintsNotOnPath) {
  RawDocument a, b;
  a.body = b.body = "نص";
  a.input = "x/1.txt";
  b.input = "y/2.txt";
  EXPECT_EQ(DocumentId(a), DocumentId(b));
  b.hints.title = "عنوان";
  EXPECT_NE(DocumentId(a), DocumentId(b));
}

}  // namespace
}  // namespace marsad::pipeline
