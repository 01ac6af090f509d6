// Search over a small store: variants, ranking, filters, grouping, highlights, migration.
#include "search/searcher.h"
#include "search/search_test_util.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "core/utf8.h"
#include "search/snippets.h"
#include "store/search_tokenizer.h"
#include "store/sqlite_store.h"

namespace marsad::search {
namespace {

namespace fs = std::filesystem;

using testing::MakeArticle;

// The text of [start, end) code points of s.
std::string Cut(const std::string& s, Span span) {
  size_t b = utf8::ByteOffsetOfCodePoint(s, span.first), e = utf8::ByteOffsetOfCodePoint(s, span.second);
  return s.substr(b, e - b);
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("marsad_search_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "s.db").string();
    std::vector<Article> batch = {
        MakeArticle("a1", "ترامب يلتقي بوتين في هلسنكي", "قال الرئيس الأمريكي دونالد ترامب إن اللقاء كان جيدا.",
             "Okaz", "2015-07-21", "s1"),
        MakeArticle("a2", "قمة هلسنكي", "التقى الرئيس الأمريكي دونالد ترمب الرئيس الروسي في العاصمة الفنلندية.",
             "Asharq Al-Awsat", "2015-07-22", "s1"),
        MakeArticle("a3", "الدنمارك ترفض بيع غرينلاند", "رفضت الحكومة الدنماركية عرضا لشراء جزيرة غرينلاند.",
             "Okaz", "2015-08-01"),
        MakeArticle("a4", "أخبار الطقس", "تشهد جرينلاند موجة حر غير مسبوقة هذا الصيف، وفق البيت الأبيض.", "Al-Riyadh",
             "2015-08-05"),
        MakeArticle("a5", "البيت الأبيض يعلق", "أصدر البيت الأبيض بيانا عن الاقتصاد، ولم يذكر ترامب.", "Okaz",
             "2015-08-10"),
    };
    Entity e;
    e.id = "USA", e.name_en = "United States", e.name_ar = "الولايات المتحدة", e.type = "GPE";
    batch[4].entities = {e};
    auto store = store::OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store::PutResult put;
    ASSERT_TRUE(store.value()->PutArticles(batch, &put).ok());
    ASSERT_EQ(put.inserted, 5u);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Results Run(Query q) {
    auto s = Searcher::Open(path_);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return {};
    auto r = s.value()->Search(q);
    EXPECT_TRUE(r.ok()) << q.text << ": " << r.status().message();
    return r.ok() ? std::move(r).value() : Results{};
  }
  Results Run(const std::string& text) {
    Query q;
    q.text = text;
    return Run(q);
  }
  static std::vector<std::string> Ids(const Results& r) {
    std::vector<std::string> ids;
    for (const Hit& h : r.hits) ids.push_back(h.article_id);
    return ids;
  }
  static std::vector<std::string> SortedIds(const Results& r) {
    auto ids = Ids(r);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(SearcherTest, NameVariantsFindEachOther) {
  EXPECT_EQ(SortedIds(Run("ترمب")), (std::vector<std::string>{"a1", "a2", "a5"}));
  EXPECT_EQ(SortedIds(Run("ترامب")), (std::vector<std::string>{"a1", "a2", "a5"}));
  EXPECT_EQ(SortedIds(Run("غرينلاند")), (std::vector<std::string>{"a3", "a4"}));
  EXPECT_EQ(SortedIds(Run("جرينلاند")), (std::vector<std::string>{"a3", "a4"}));
  // =word: this form only.
  EXPECT_EQ(SortedIds(Run("=ترمب")), (std::vector<std::string>{"a2"}));
}

TEST_F(SearcherTest, CliticsAndStems) {
  // الدنماركية / الدنمارك share a stem; الأمريكي matches أمريكي.
  EXPECT_EQ(SortedIds(Run("أمريكي")), (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(SortedIds(Run("الرئيس")), (std::vector<std::string>{"a1", "a2"}));
}

TEST_F(SearcherTest, RankingWeighsTitlesAndExactForms) {
  // ترامب is in a1's title and text, in a5's text only: a1 first.
  Query q;
  q.text = "ترامب";
  q.per_group = 1;
  Results r = Run(q);
  ASSERT_GE(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].article_id, "a1");
  EXPECT_GE(r.hits[0].score, r.hits.back().score);
  // Phrase and boolean queries.
  EXPECT_EQ(SortedIds(Run("\"البيت الأبيض\"")), (std::vector<std::string>{"a4", "a5"}));
  EXPECT_EQ(SortedIds(Run("\"الأبيض البيت\"")), (std::vector<std::string>{}));
  EXPECT_EQ(SortedIds(Run("\"البيت الأبيض\" -ترامب")), (std::vector<std::string>{"a4"}));
  EXPECT_EQ(SortedIds(Run("هلسنكي OR الدنمارك")), (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(SortedIds(Run("(هلسنكي OR الدنمارك) ترفض")), (std::vector<std::string>{"a3"}));
}

TEST_F(SearcherTest, Filters) {
  Query q;
  q.text = "ترامب";
  q.source = "okaz";
  EXPECT_EQ(SortedIds(Run(q)), (std::vector<std::string>{"a1", "a5"}));
  q.source.reset();
  q.since = "2015-07-22";
  q.until = "2015-07";
  EXPECT_EQ(SortedIds(Run(q)), (std::vector<std::string>{"a2"}));
  q.since.reset(), q.until.reset();
  q.entity = "USA";
  EXPECT_EQ(SortedIds(Run(q)), (std::vector<std::string>{"a5"}));
  q.entity = "الولايات المتحدة";
  EXPECT_EQ(SortedIds(Run(q)), (std::vector<std::string>{"a5"}));
  q.entity.reset();
  q.story = "s1";
  EXPECT_EQ(SortedIds(Run(q)), (std::vector<std::string>{"a1", "a2"}));
  // Bad filters are refused with a message.
  auto s = Searcher::Open(path_);
  ASSERT_TRUE(s.ok());
  q.since = "July";
  auto bad = s.value()->Search(q);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--since"), std::string::npos);
  q.since = "2015-08-01", q.until = "2015-07-01";
  EXPECT_FALSE(s.value()->Search(q).ok());
}

TEST_F(SearcherTest, GroupsByStoryAndPages) {
  Results r = Run("ترامب");
  // a1 and a2 share story s1: one group with both; a5 is alone.
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.total, 3u);
  EXPECT_EQ(r.total_groups, 2u);
  const Group& story = r.groups[0].story_id == "s1" ? r.groups[0] : r.groups[1];
  const Group& alone = r.groups[0].story_id == "s1" ? r.groups[1] : r.groups[0];
  EXPECT_EQ(story.matches, 2u);
  EXPECT_EQ(story.hits.size(), 2u);
  EXPECT_EQ(alone.story_id, "");
  ASSERT_EQ(alone.hits.size(), 1u);
  EXPECT_EQ(r.hits[alone.hits[0]].article_id, "a5");
  for (size_t g = 0; g < r.groups.size(); ++g) {
    for (size_t h : r.groups[g].hits) EXPECT_EQ(r.hits[h].group, g);
  }
  // Paging is by group; per_group caps the hits shown.
  Query q;
  q.text = "ترامب";
  q.limit = 1;
  q.offset = 1;
  q.per_group = 1;
  Results page = Run(q);
  EXPECT_EQ(page.groups.size(), 1u);
  EXPECT_EQ(page.total_groups, 2u);
  EXPECT_EQ(page.hits.size(), 1u);
}

TEST_F(SearcherTest, HighlightsMarkTheMatchedWords) {
  Results r = Run("ترمب \"البيت الأبيض\"");
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.article_id, "a5");
  std::vector<std::string> marked;
  for (Span s : h.highlights) marked.push_back(Cut(h.snippet, s));
  // A matched phrase is one span; ترامب was found through the query's variant ترمب.
  EXPECT_EQ(marked, (std::vector<std::string>{"البيت الأبيض", "ترامب"}));
  ASSERT_EQ(h.title_highlights.size(), 1u);
  EXPECT_EQ(Cut(h.title, h.title_highlights[0]), "البيت الأبيض");
  EXPECT_EQ(h.snippet.find('\x02'), std::string::npos);
}

TEST_F(SearcherTest, NewArticlesAreSearchableAtOnceAndOldDatabasesGetTheIndex) {
  {
    auto store = store::OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok());
    store::PutResult put;
    ASSERT_TRUE(store.value()->PutArticles({MakeArticle("a6", "زيلينسكي", "كييف", "Okaz", "2015-09-01")}, &put).ok());
  }
  EXPECT_EQ(Ids(Run("زيلنسكي")), (std::vector<std::string>{"a6"}));
  // Turn the file back into a schema 3 database (no index), as an older marsad left it.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TRIGGER articles_fts_delete; "
                         "DROP TRIGGER articles_fts_update; PRAGMA writable_schema=ON; "
                         "DELETE FROM sqlite_master WHERE name LIKE 'article_fts%'; PRAGMA writable_schema=OFF; "
                         "PRAGMA user_version=3;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto old = Searcher::Open(path_);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("no search index"), std::string::npos);
  ASSERT_TRUE(store::OpenSqliteStore(path_).ok());  // migrates: builds the index
  EXPECT_EQ(SortedIds(Run("ترمب")), (std::vector<std::string>{"a1", "a2", "a5"}));
  EXPECT_EQ(Ids(Run("زيلنسكي")), (std::vector<std::string>{"a6"}));
}

// Schema 4 indexed each article by a trigger; schema 5 indexes a batch in one statement
// (store/schema.cc). A schema-4 file loses the trigger when opened for writing, and every
// article, old or new, is in the index exactly once (FTS5's integrity-check compares the
// index with the articles table).
TEST_F(SearcherTest, SchemaFourFilesIndexEachNewArticleOnce) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                         "INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END; "
                         "PRAGMA user_version=4;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {
    auto store = store::OpenSqliteStore(path_);  // migrates to schema 5
    ASSERT_TRUE(store.ok()) << store.status().message();
    store::PutResult put;
    ASSERT_TRUE(store.value()->PutArticles({MakeArticle("a6", "زيلينسكي", "كييف", "Okaz", "2015-09-01"),
                                            MakeArticle("a7", "ترمب في كييف", "زار ترامب كييف", "Okaz", "2015-09-02")},
                                           &put).ok());
    EXPECT_EQ(put.inserted, 2u);
    // Already stored: nothing is indexed twice.
    ASSERT_TRUE(store.value()->PutArticles({MakeArticle("a7", "ترمب في كييف", "زار ترامب كييف", "Okaz", "2015-09-02")},
                                           &put).ok());
    EXPECT_EQ(put.already_present, 1u);
  }
  EXPECT_EQ(SortedIds(Run("ترمب")), (std::vector<std::string>{"a1", "a2", "a5", "a7"}));
  EXPECT_EQ(Ids(Run("زيلنسكي")), (std::vector<std::string>{"a6"}));
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(store::RegisterSearchTokenizer(db).ok());
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')", nullptr, nullptr, &err),
            SQLITE_OK)
      << (err ? err : "");
  sqlite3_free(err);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_insert'", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 0) << "the per-row trigger is gone";
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// DocumentMarker (the PostgreSQL store's snippets) marks a page of articles exactly as the
// SQLite backend does: the same FTS5 functions over the same tokenizer. An article the
// expression does not match gets its first words and no highlights.
TEST_F(SearcherTest, DocumentMarkerMarksAsTheSqliteBackend) {
  auto marker = DocumentMarker::Open();
  ASSERT_TRUE(marker.ok()) << marker.status().message();
  auto store = store::OpenSqliteStore(path_);
  ASSERT_TRUE(store.ok());
  for (const char* text : {"ترمب", "\"البيت الأبيض\"", "(هلسنكي OR الدنمارك) -ترفض", "غرين*"}) {
    Query q;
    q.text = text;
    const Results r = Run(q);
    ASSERT_FALSE(r.hits.empty()) << text;
    std::vector<DocumentMarker::Doc> docs;
    for (const Hit& h : r.hits) {
      auto a = store.value()->GetArticle(h.article_id);
      ASSERT_TRUE(a.ok() && a.value());
      docs.push_back({a.value()->title.value_or(""), a.value()->text});
    }
    docs.push_back({"عنوان آخر", "نص لا يذكر شيئا مما سبق"});
    auto marked = marker.value()->Mark(ParseQuery(text).value().fts, docs);
    ASSERT_TRUE(marked.ok()) << marked.status().message();
    ASSERT_EQ(marked.value().size(), docs.size());
    for (size_t i = 0; i < r.hits.size(); ++i) {
      const DocumentMarker::Marked& m = marked.value()[i];
      EXPECT_EQ(m.snippet, r.hits[i].snippet) << text;
      EXPECT_EQ(m.highlights, r.hits[i].highlights) << text;
      EXPECT_EQ(m.title, r.hits[i].title) << text;
      EXPECT_EQ(m.title_highlights, r.hits[i].title_highlights) << text;
    }
    EXPECT_EQ(marked.value().back().snippet, "نص لا يذكر شيئا مما سبق");
    EXPECT_TRUE(marked.value().back().highlights.empty());
  }
  // A long unmatched text: its first 24 words and an ellipsis.
  std::string words;
  for (int i = 0; i < 30; ++i) words += "كلمة" + std::to_string(i) + " ";
  auto marked = marker.value()->Mark(ParseQuery("ترمب").value().fts, {{"", words}});
  ASSERT_TRUE(marked.ok());
  EXPECT_EQ(marked.value()[0].snippet, words.substr(0, words.find(" كلمة24")) + "…");
}

TEST_F(SearcherTest, BadQueriesAndFilesAreErrors) {
  auto s = Searcher::Open(path_);
  ASSERT_TRUE(s.ok());
  Query q;
  q.text = "\"unclosed";
  auto r = s.value()->Search(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(Searcher::Open((dir_ / "missing.db").string()).ok());
}

}  // namespace
}  // namespace marsad::search
