// Index terms and the FTS5 tokenizer (src/store/search_terms.h, search_tokenizer.h).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/search_terms.h"
#include "store/search_tokenizer.h"
#include "store/search_tsvector.h"

namespace marsad::store {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// TermAnalyzer::IndexTerms as strings.
std::vector<std::string> Index(TermAnalyzer& a, const std::string& word, bool arabic) {
  std::vector<std::string_view> views;
  a.IndexTerms(word, arabic, &views);
  return std::vector<std::string>(views.begin(), views.end());
}

TEST(SearchTerms, KeyFirstThenStemAndSkeleton) {
  TermAnalyzer a;
  std::vector<std::string> t = Index(a, "والكرملين", true);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0], "والكرملين");
  EXPECT_TRUE(Has(t, "~كرمل")) << "light stem drops و+ال and ين";
  // Match key: hamza forms, ta marbuta and alif maqsura fold.
  EXPECT_EQ(Index(a, "أمريكا", true)[0], "امريكا");
  EXPECT_EQ(Index(a, "الدولة", true)[0], "الدوله");
  EXPECT_EQ(Index(a, "مصطفى", true)[0], "مصطفي");
}

TEST(SearchTerms, NameVariantsShareASkeletonTerm) {
  TermAnalyzer a;
  // ترامب is indexed with ^ترمب; the query ترمب asks for ^ترمب (and ترمب itself).
  EXPECT_TRUE(Has(Index(a, "ترامب", true), "^ترمب"));
  EXPECT_TRUE(Has(a.QueryAlternatives("ترمب", true), "^ترمب"));
  EXPECT_TRUE(Has(a.QueryAlternatives("ترامب", true), "ترمب"));
  // After a proclitic: وترامب falls together with the bare name.
  EXPECT_TRUE(Has(Index(a, "وترامب", true), "^ترمب"));
  // غرينلاند / جرينلاند.
  std::vector<std::string> g = Index(a, "غرينلاند", true), j = a.QueryAlternatives("جرينلاند", true);
  bool shared = false;
  for (const std::string& t : g) shared = shared || (t[0] == kSkeletonMark && Has(j, t));
  EXPECT_TRUE(shared);
}

TEST(SearchTerms, NamesAreComparedWithoutTheirArticle) {
  TermAnalyzer a;
  // الكرملين and كرملين share the skeleton of كرملين; the article's skeleton is not indexed.
  std::vector<std::string> with = Index(a, "الكرملين", true), without = Index(a, "كرملين", true);
  EXPECT_FALSE(Has(with, "^الكرملن"));
  bool shared = false;
  for (const std::string& t : with) shared = shared || (t[0] == kSkeletonMark && Has(without, t));
  EXPECT_TRUE(shared);
}

TEST(SearchTerms, CacheGivesWhatAFreshAnalysisGives) {
  // Enough distinct words to make the cache grow several times.
  TermAnalyzer cached;
  std::vector<std::string> words;
  const std::string letters[] = {"ب", "ت", "ر", "م", "ا", "ي", "ن", "ل", "و", "س"};
  for (int i = 0; i < 20000; ++i) {
    std::string w = "ال";
    for (int k = i; k > 0; k /= 10) w += letters[k % 10];
    words.push_back(w + "ين");
  }
  for (const std::string& w : words) Index(cached, w, true);
  for (size_t i = 0; i < words.size(); i += 97) {
    TermAnalyzer fresh;
    EXPECT_EQ(Index(cached, words[i], true), Index(fresh, words[i], true)) << words[i];
  }
  EXPECT_TRUE(Index(cached, std::string(300, 'a'), false).empty()) << "over-long tokens are not indexed";
}

TEST(SearchTerms, QueryWordsAreNotSplitForTheirSkeleton) {
  TermAnalyzer a;
  // بوتين is not ب + وتين: the skeleton of وطن (homeland) must not be asked for.
  for (const std::string& t : a.QueryAlternatives("بوتين", true)) EXPECT_NE(t, "^وتن");
  EXPECT_TRUE(Has(a.QueryAlternatives("الكرملين", true), "^كرملن"));
}

TEST(SearchTerms, ShortSkeletonsAndLatinWordsStayPlain) {
  TermAnalyzer a;
  for (const std::string& t : Index(a, "بيت", true)) EXPECT_NE(t[0], kSkeletonMark) << t;
  EXPECT_EQ(Index(a, "Trump", false), std::vector<std::string>{"trump"});
  EXPECT_EQ(Index(a, "٢٠١٥", false), std::vector<std::string>{"2015"});
}

TEST(SearchTerms, HashtagsGiveTheirWords) {
  std::string s = "وسم #الرياض_الآن هنا";
  std::vector<WordPiece> pieces;
  for (const text::Token& t : text::Tokenize(s)) {
    if (IsIndexedKind(t.kind)) SplitToken(t, s, &pieces);
  }
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[1].text, "الرياض");
  EXPECT_EQ(s.substr(pieces[1].begin, pieces[1].end - pieces[1].begin), "الرياض");
  EXPECT_EQ(pieces[2].text, "الآن");
  EXPECT_TRUE(pieces[2].arabic);
}

// The tokenizer through SQLite: what highlight() marks are whole original words, found
// through their variants.
class TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(RegisterSearchTokenizer(db_).ok());
    Exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='marsad')");
  }
  void TearDown() override { sqlite3_close(db_); }
  void Exec(const std::string& sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  }
  std::vector<std::string> Highlight(const std::string& match) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? ORDER BY rowid", -1,
                                 &st, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
  }
  sqlite3* db_ = nullptr;
};

TEST_F(TokenizerTest, PhrasesMatchThroughCliticsAndVariants) {
  Exec("INSERT INTO t VALUES ('قال الرئيس دونالد ترامب، إن واشنطن'), ('زار وزير الخارجية موسكو'), "
       "('التقى دونالد ترمب بالرئيس')");
  // A phrase in query mode (highlight() marks a matched phrase as one span): every word asks for its alternatives.
  EXPECT_EQ(Highlight("\"دونالد ترمب\""),
            (std::vector<std::string>{"قال الرئيس [دونالد ترامب]، إن واشنطن", "التقى [دونالد ترمب] بالرئيس"}));
  // Verbatim terms (as the query compiler writes them); ئ is ي in the match key.
  EXPECT_EQ(Highlight("\"=ترامب\""), (std::vector<std::string>{"قال الرئيس دونالد [ترامب]، إن واشنطن"}));
  EXPECT_EQ(Highlight("\"~رييس\""), (std::vector<std::string>{"قال [الرئيس] دونالد ترامب، إن واشنطن",
                                                                 "التقى دونالد ترمب [بالرئيس]"}));
  EXPECT_TRUE(Highlight("\"=ترم\"").empty());
}

// Terms analysed ahead on another thread (as the ingest workers do) index exactly what the
// tokenizer would: same matches, same highlights, and FTS5's integrity-check (which
// re-tokenises every row) agrees with the index.
TEST_F(TokenizerTest, PrecomputedTermsIndexTheSameAsAnalysingAtInsert) {
  const std::string a = "قال الرئيس دونالد ترامب، إن واشنطن #الرياض_الآن", b = "التقى دونالد ترمب بالرئيس";
  std::thread worker([&] {
    PrecomputeIndexTerms(a);
    PrecomputeIndexTerms("نص لن يدرج أبدا");  // never inserted: harmless
  });
  worker.join();
  Exec("CREATE TABLE docs (id INTEGER PRIMARY KEY, x TEXT);"
       "CREATE VIRTUAL TABLE e USING fts5(x, content='docs', content_rowid='id', tokenize='marsad')");
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO docs VALUES (?1, ?2)", -1, &st, nullptr), SQLITE_OK);
  for (const auto& [id, text] : std::vector<std::pair<int, std::string>>{{1, a}, {2, b}}) {
    sqlite3_bind_int(st, 1, id);
    sqlite3_bind_text(st, 2, text.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  Exec("INSERT INTO e(rowid, x) SELECT id, x FROM docs; INSERT INTO t(rowid, x) SELECT id, x FROM docs");
  Exec("INSERT INTO e(e) VALUES ('integrity-check')");
  for (const char* q : {"\"دونالد ترمب\"", "\"=ترامب\"", "\"~رييس\"", "الآن"}) {
    auto highlight = [&](const char* table) {
      std::vector<std::string> out;
      sqlite3_stmt* h = nullptr;
      const std::string sql = std::string("SELECT highlight(") + table + ", 0, '[', ']') FROM " + table + " WHERE " +
                              table + " MATCH ?1 ORDER BY rowid";
      EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &h, nullptr), SQLITE_OK);
      sqlite3_bind_text(h, 1, q, -1, SQLITE_TRANSIENT);
      while (sqlite3_step(h) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(h, 0)));
      sqlite3_finalize(h);
      return out;
    };
    EXPECT_EQ(highlight("e"), highlight("t")) << q;
    EXPECT_FALSE(highlight("e").empty()) << q;
  }
}

// "lexeme:position" pairs of a tsvector text whose lexemes hold no quote or space.
std::set<std::string> TsPairs(const std::string& tsvector, char weight) {
  std::set<std::string> out;
  std::istringstream in(tsvector);
  for (std::string entry; in >> entry;) {
    const size_t colon = entry.rfind("':");
    std::string lexeme = entry.substr(1, colon - 1);
    std::istringstream positions(entry.substr(colon + 2));
    for (std::string p; std::getline(positions, p, ',');) {
      EXPECT_EQ(p.back(), weight) << entry;
      out.insert(lexeme + ":" + p.substr(0, p.size() - 1));
    }
  }
  return out;
}

// The PostgreSQL store's tsvector holds exactly the terms, at exactly the positions, that
// the FTS5 tokenizer indexes (fts5vocab lists them), so both stores match the same queries.
TEST_F(TokenizerTest, TsVectorHoldsWhatFts5Indexes) {
  const std::string text =
      "قال الرئيس دونالد ترامب، إن واشنطن وموسكو #الرياض_الآن والكرملين Covid-19 الاتفاقيات 2015 ترامب.";
  Exec("INSERT INTO t(rowid, x) VALUES (1, '" + text + "')");
  Exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)");
  std::set<std::string> fts5;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT term, offset FROM v", -1, &st, nullptr), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    fts5.insert(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + ":" +
                std::to_string(sqlite3_column_int(st, 1) + 1));  // tsvector positions start at 1
  }
  sqlite3_finalize(st);
  TermAnalyzer analyzer;
  const std::string v = SearchTsVector(analyzer, "", text);
  EXPECT_EQ(TsPairs(v, 'B'), fts5) << v;
  EXPECT_GT(fts5.size(), 20u);
  EXPECT_EQ(SearchTsVector(analyzer, "", text), v);  // deterministic, cache or not
}

TEST(SearchTsVector, TitleFirstWithWeightAThenAGapThenTheText) {
  TermAnalyzer a;
  EXPECT_EQ(SearchTsVector(a, "Kremlin says", "Moscow"), "'kremlin':1A 'moscow':4B 'says':2A");
  EXPECT_EQ(SearchTsVector(a, "", "Moscow Moscow"), "'moscow':1B,2B");
  EXPECT_EQ(SearchTsVector(a, "", "، .؟"), "");
  EXPECT_EQ(TsQuoted("it's a\\b"), "'it''s a\\\\b'");
  // Positions stop at PostgreSQL's 16383 (kept once) and 256 per lexeme.
  std::string many;
  for (int i = 0; i < 17000; ++i) many += (i % 2 ? "beta " : "alpha ");
  const std::string v = SearchTsVector(a, "", many + "omega");
  EXPECT_NE(v.find("'omega':16383B"), std::string::npos);
  EXPECT_EQ(std::count(v.begin(), v.end(), ','), 2 * 255);
}

TEST_F(TokenizerTest, DiacriticsAndTatweelDoNotSplitWords) {
  Exec("INSERT INTO t VALUES ('الحُكومَة الســعودية')");
  EXPECT_EQ(Highlight("\"حكومة السعودية\""), (std::vector<std::string>{"[الحُكومَة الســعودية]"}));
}

}  // namespace
}  // namespace marsad::store
