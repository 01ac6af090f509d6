#include "search/query_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace marsad::search {
namespace {

std::string Fts(const std::string& q) {
  auto r = ParseQuery(q);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status().message();
  return r.ok() ? r.value().fts : "";
}

std::string Error(const std::string& q) {
  auto r = ParseQuery(q);
  EXPECT_FALSE(r.ok()) << q << " should be refused, got " << (r.ok() ? r.value().fts : "");
  return r.ok() ? "" : r.status().message();
}

TEST(QueryParser, WordsExpandToTheirAlternatives) {
  // ترمب: the key, its stem and its skeleton (which finds ترامب).
  std::string f = Fts("ترمب");
  EXPECT_NE(f.find("\"=ترمب\""), std::string::npos) << f;
  EXPECT_NE(f.find("\"^ترمب\""), std::string::npos) << f;
  EXPECT_EQ(Fts("=ترمب"), "(\"=ترمب\")");
  EXPECT_EQ(Fts("ترم*"), "(\"=ترم\"*)");
  EXPECT_EQ(Fts("Trump"), "((\"=trump\"))");
}

std::string Ts(const std::string& q) {
  auto r = ParseQuery(q);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status().message();
  return r.ok() ? r.value().tsquery : "";
}

// The PostgreSQL tsquery asks for the same terms in the same structure as the FTS5 one.
TEST(QueryParser, TsQueryMirrorsTheFtsExpression) {
  EXPECT_EQ(Ts("Putin Trump OR Biden"), "(('putin') & (('trump') | ('biden')))");
  EXPECT_EQ(Ts("Putin -Biden"), "((('putin')) & !('biden'))");
  EXPECT_EQ(Ts("=ترمب"), "('ترمب')");
  EXPECT_EQ(Ts("ترم*"), "('ترم':*)");
  EXPECT_EQ(Ts("\"covid 19\""), "(('covid') <-> ('19'))");
  EXPECT_EQ(Ts("covid-19"), Ts("\"covid 19\""));
  // A word asks for each of its alternatives, as in the FTS5 expression.
  std::string t = Ts("ترمب"), f = Fts("ترمب");
  EXPECT_NE(t.find("'ترمب'"), std::string::npos) << t;
  EXPECT_NE(t.find("'^ترمب'"), std::string::npos) << t;
  EXPECT_EQ(std::count(t.begin(), t.end(), '|'), std::count(f.begin(), f.end(), 'O')) << t << " vs " << f;
  // Phrase words expand too: (alternatives) <-> (alternatives).
  t = Ts("\"البيت الأبيض\"");
  EXPECT_NE(t.find(") <-> ("), std::string::npos) << t;
  EXPECT_NE(t.find("'الابيض'"), std::string::npos) << t;
}

TEST(QueryParser, OperatorsAndPrecedence) {
  // Implicit AND; OR binds tighter: a b OR c = a AND (b OR c).
  std::string f = Fts("Putin Trump OR Biden");
  EXPECT_EQ(f, "((\"=putin\") AND ((\"=trump\") OR (\"=biden\")))");
  EXPECT_EQ(Fts("Putin AND Trump"), Fts("Putin Trump"));
  EXPECT_EQ(Fts("Putin | Trump"), Fts("Putin OR Trump"));
  EXPECT_EQ(Fts("Putin -Biden"), "(((\"=putin\")) NOT (\"=biden\"))");
  EXPECT_EQ(Fts("Putin NOT Biden"), Fts("Putin -Biden"));
  EXPECT_EQ(Fts("(Putin OR Trump) -(Biden OR Obama)"),
            "(((((\"=putin\") OR (\"=trump\")))) NOT (((\"=biden\") OR (\"=obama\"))))");
  // Lower-case or/not are words; a hyphen inside a word joins a phrase.
  EXPECT_NE(Fts("this or that").find("\"=or\""), std::string::npos);
  EXPECT_EQ(Fts("covid-19"), "(\"covid 19\")");
}

TEST(QueryParser, Phrases) {
  EXPECT_EQ(Fts("\"البيت الأبيض\""), "(\"البيت الأبيض\")");
  EXPECT_EQ(Fts("«البيت الأبيض»"), Fts("\"البيت الأبيض\""));
  EXPECT_EQ(Fts("“البيت الأبيض”"), Fts("\"البيت الأبيض\""));
  // Punctuation inside a phrase is not indexed, so it is dropped.
  EXPECT_EQ(Fts("\"البيت، الأبيض\""), "(\"البيت الأبيض\")");
  auto r = ParseQuery("ترامب \"البيت الأبيض\" -بايدن");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().words, (std::vector<std::string>{"ترامب", "البيت الأبيض"}));
}

TEST(QueryParser, BadSyntaxIsExplained) {
  EXPECT_NE(Error("").find("empty query"), std::string::npos);
  EXPECT_NE(Error("   ").find("empty query"), std::string::npos);
  EXPECT_NE(Error("\"البيت الأبيض").find("unclosed quote"), std::string::npos);
  EXPECT_NE(Error("(ترامب OR بايدن").find("missing ')'"), std::string::npos);
  EXPECT_NE(Error("ترامب)").find("unmatched ')'"), std::string::npos);
  EXPECT_NE(Error("()").find("empty"), std::string::npos);
  EXPECT_NE(Error("ترامب OR").find("OR"), std::string::npos);
  EXPECT_NE(Error("OR ترامب").find("OR"), std::string::npos);
  EXPECT_NE(Error("ترامب OR OR بايدن").find("OR"), std::string::npos);
  EXPECT_NE(Error("ترامب NOT").find("NOT needs a term"), std::string::npos);
  EXPECT_NE(Error("-بايدن").find("only excluded terms"), std::string::npos);
  EXPECT_NE(Error("NOT بايدن NOT ترامب").find("only excluded terms"), std::string::npos);
  EXPECT_NE(Error("ترامب OR -بايدن").find("cannot be an OR alternative"), std::string::npos);
  EXPECT_NE(Error("؟؟ ،").find("nothing searchable"), std::string::npos);
  EXPECT_NE(Error("AND ترامب").find("AND"), std::string::npos);
  EXPECT_NE(Error(std::string(3000, 'a')).find("too long"), std::string::npos);
  EXPECT_NE(Error("\xff\xfe").find("UTF-8"), std::string::npos);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_NE(Error(many).find("too many terms"), std::string::npos);
}

TEST(QueryParser, QuotesInsideTermsCannotBreakTheExpression) {
  // A bare word never carries FTS5 syntax through: * ^ : are punctuation to the tokenizer.
  for (const char* q : {"a:b", "title:ترامب", "NEAR(a b)", "^x", "{a}", "ترامب\"\"", "a* b**"}) {
    auto r = ParseQuery(q);
    if (r.ok()) {
      EXPECT_EQ(r.value().fts.find("NEAR"), std::string::npos) << q;
    }
  }
}

}  // namespace
}  // namespace marsad::search
