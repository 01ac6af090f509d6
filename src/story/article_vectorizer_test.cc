#include "story/article_vectorizer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "text/normalizer.h"

namespace marsad::story {
namespace {

const ArticleVectorizer& Vectorizer() {
  static const ArticleVectorizer v(ArticleVectorizer::Options{}, &IdfTable::Default());
  return v;
}

double Cosine(const SparseVector& a, const SparseVector& b) { return Dot(a, b); }

TEST(IdfTableTest, DefaultTableIsLoaded) {
  const IdfTable& t = IdfTable::Default();
  EXPECT_GT(t.docs(), 30000u);
  EXPECT_GT(t.size(), 10000u);
  // A function word is frequent, a rare word is not, an unknown word is rarest.
  const double common = t.Idf(ArticleVectorizer::TermKey("في"));
  const double rare = t.Idf(ArticleVectorizer::TermKey("زلزال"));
  const double unknown = t.Idf(ArticleVectorizer::TermKey("كلمةلاتوجد"));
  EXPECT_LT(common, 0.2);
  EXPECT_GT(rare, common);
  EXPECT_GE(unknown, rare);
}

TEST(IdfTableTest, ParsesItsFormat) {
  IdfTable t("# comment\n@docs\t99\nfoo\t9\nbar\t49\n");
  EXPECT_EQ(t.docs(), 99u);
  EXPECT_EQ(t.size(), 2u);
  EXPECT_NEAR(t.Idf(ArticleVectorizer::TermKey("foo")), std::log(100.0 / 10.0), 1e-6);
  EXPECT_NEAR(t.Idf(ArticleVectorizer::TermKey("bar")), std::log(100.0 / 50.0), 1e-6);
  EXPECT_NEAR(t.Idf(ArticleVectorizer::TermKey("baz")), std::log(100.0 / 2.0), 1e-6);
}

TEST(ArticleVectorizerTest, UnitLengthSortedAndCapped) {
  const SparseVector v = Vectorizer().Vectorize(
      text::MatchKey("زلزال يضرب جنوب تركيا"),
      text::MatchKey("ضرب زلزال بقوة ست درجات جنوب تركيا صباح اليوم وأدى إلى انهيار مبان "
                     "في ثلاث قرى وإصابة العشرات بحسب هيئة الكوارث التركية."),
      {});
  ASSERT_FALSE(v.empty());
  EXPECT_NEAR(Dot(v, v), 1.0, 1e-5);
  for (size_t i = 1; i < v.size(); ++i) EXPECT_LT(v[i - 1].term, v[i].term);
  EXPECT_LE(v.size(), 60u);
}

TEST(ArticleVectorizerTest, StemsAndSpellingVariantsMeet) {
  // Clitics and the ta marbuta / alef spellings reach the same terms.
  const SparseVector a = Vectorizer().Vectorize("", text::MatchKey("الحكومة أعلنت المشروعات"), {});
  const SparseVector b = Vectorizer().Vectorize("", text::MatchKey("حكومة اعلنت والمشروعات"), {});
  EXPECT_GT(Cosine(a, b), 0.99);
}

TEST(ArticleVectorizerTest, FunctionWordsCarryNothing) {
  const SparseVector v = Vectorizer().Vectorize("", text::MatchKey("في من على إلى أن عن مع"), {});
  EXPECT_TRUE(v.empty());
}

TEST(ArticleVectorizerTest, TitleAndEntitiesWeighUp) {
  const std::string body = text::MatchKey("زلزال فيضان إعصار");
  const SparseVector plain = Vectorizer().Vectorize("", body, {});
  const SparseVector titled = Vectorizer().Vectorize(text::MatchKey("زلزال"), body, {});
  const SparseVector with_entity = Vectorizer().Vectorize("", body, {"Q43"});
  std::vector<std::string> stems;
  ArticleVectorizer::Terms(text::MatchKey("زلزال"), -1, &stems);
  ASSERT_EQ(stems.size(), 1u);
  const uint64_t quake = ArticleVectorizer::TermKey(stems[0]);
  auto weight = [](const SparseVector& v, uint64_t term) {
    for (const TermWeight& t : v) {
      if (t.term == term) return static_cast<double>(t.weight);
    }
    return 0.0;
  };
  EXPECT_GT(weight(titled, quake), weight(plain, quake));
  EXPECT_GT(weight(with_entity, ArticleVectorizer::TermKey("E:Q43")), 0.0);
  EXPECT_EQ(with_entity.size(), plain.size() + 1);
}

}  // namespace
}  // namespace marsad::story
