#include "events/lexicon.h"

#include <gtest/gtest.h>

#include <set>

#include "events/cameo_table.h"
#include "text/normalizer.h"

namespace marsad::events {
namespace {

class LexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = Lexicon::Load();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    lx_ = std::move(r).value().release();
  }
  static void TearDownTestSuite() { delete lx_; }
  // CAMEO codes the word triggers ("" when none), with "+f" for the future prefix.
  static std::set<std::string> Codes(const std::string& word) {
    std::vector<TriggerHit> hits;
    lx_->Lookup(text::MatchKey(word), &hits);
    std::set<std::string> out;
    for (const TriggerHit& h : hits) out.insert(lx_->patterns()[h.pattern].code + (h.future ? "+f" : ""));
    return out;
  }
  static const Lexicon* lx_;
};
const Lexicon* LexiconTest::lx_ = nullptr;

TEST_F(LexiconTest, VerbConjugations) {
  for (const char* w : {"بحث", "يبحث", "تبحث", "بحثا", "يبحثان", "تبحثان", "بحثت", "وبحث", "فبحثوا", "نبحث"})
    EXPECT_TRUE(Codes(w).count("040")) << w;
  for (const char* w : {"التقى", "يلتقي", "التقت", "التقوا", "التقيا", "يلتقيان", "تلتقي", "والتقى"})
    EXPECT_TRUE(Codes(w).count("040")) << w;
  for (const char* w : {"زار", "زارت", "يزور", "تزور", "زاروا"}) EXPECT_TRUE(Codes(w).count("042")) << w;
  for (const char* w : {"هدد", "يهدد", "هددت", "تهدده"}) EXPECT_TRUE(Codes(w).count("130")) << w;
  EXPECT_TRUE(Codes("سيلتقي").count("040+f"));
  EXPECT_TRUE(Codes("وستفرض").count("163+f"));
  EXPECT_TRUE(Codes("دعت").count("020"));
  EXPECT_TRUE(Codes("يدعون").count("020"));
}

TEST_F(LexiconTest, NounForms) {
  for (const char* w : {"زيارة", "الزيارة", "زيارته", "بزيارة", "زيارات", "للزيارة"}) EXPECT_TRUE(Codes(w).count("042")) << w;
  for (const char* w : {"محادثات", "المحادثات", "اجتماعا", "لقاء", "واللقاء"}) EXPECT_TRUE(Codes(w).count("040")) << w;
  EXPECT_TRUE(Codes("توقيع").count("057"));
}

TEST_F(LexiconTest, NoFalseForms) {
  EXPECT_TRUE(Codes("البحث").empty());   // the article never precedes a verb
  EXPECT_TRUE(Codes("سبحث").empty());    // س only before present forms
  EXPECT_TRUE(Codes("قال").empty());     // reporting verbs are not events
  EXPECT_TRUE(Codes("الولايات").empty());
}

TEST_F(LexiconTest, NeedsStripCliticsAndTanween) {
  const Pattern* call = nullptr;
  for (const Pattern& p : lx_->patterns())
    if (p.code == "041" && p.pos == 'V' && call == nullptr) call = &p;
  ASSERT_NE(call, nullptr);
  EXPECT_TRUE(lx_->Needs(*call, text::MatchKey("اتصالا")));
  EXPECT_TRUE(lx_->Needs(*call, text::MatchKey("باتصال")));
  EXPECT_FALSE(lx_->Needs(*call, text::MatchKey("اتصالات_")));
}

TEST_F(LexiconTest, MarkersAndSpeech) {
  EXPECT_TRUE(lx_->Markers(text::MatchKey("ولم")) & kNeg);
  EXPECT_TRUE(lx_->Markers(text::MatchKey("بأن")) & kComp);
  EXPECT_TRUE(lx_->Markers(text::MatchKey("ومع")) & kPrep);
  EXPECT_EQ(lx_->MarkerWord(text::MatchKey("ومع")), "مع");
  EXPECT_EQ(lx_->Speech(text::MatchKey("وقال")), SpeechKind::kSay);
  EXPECT_EQ(lx_->Speech(text::MatchKey("وأضاف")), SpeechKind::kCont);
  EXPECT_EQ(lx_->Speech(text::MatchKey("يؤكد")), SpeechKind::kSay);
  EXPECT_EQ(lx_->Speech(text::MatchKey("بحسب")), SpeechKind::kAttr);
  EXPECT_EQ(lx_->Weekday(text::MatchKey("الثلاثاء")), 2);
  EXPECT_EQ(lx_->Month(text::MatchKey("أكتوبر")), 10);
}

TEST_F(LexiconTest, EveryRootIsCoveredAndEveryCodeExists) {
  auto table = CameoTable::Load();
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  std::set<std::string> roots;
  for (const Pattern& p : lx_->patterns()) {
    const CameoInfo* c = table.value()->Find(p.code);
    ASSERT_NE(c, nullptr) << "verbs.tsv:" << p.line << " " << p.code;
    roots.insert(c->root);
  }
  for (int r = 1; r <= 20; ++r) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", r);
    EXPECT_TRUE(roots.count(buf)) << "no pattern for root " << buf;
  }
}

TEST(CameoTableTest, Values) {
  auto t = CameoTable::Load();
  ASSERT_TRUE(t.ok());
  EXPECT_GT(t.value()->size(), 300u);
  const CameoInfo* c = t.value()->Find("036");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "03");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_DOUBLE_EQ(c->goldstein, 4);
  EXPECT_EQ(c->plover, "AGREE");
  EXPECT_EQ(t.value()->Find("195")->quad_class, 4);
  EXPECT_EQ(t.value()->Find("0871")->quad_class, 2);
  EXPECT_EQ(t.value()->Find("111")->quad_class, 3);
  EXPECT_EQ(t.value()->Find("999"), nullptr);
}

}  // namespace
}  // namespace marsad::events
