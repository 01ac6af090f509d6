#include "actors/actor_kb.h"

#include <gtest/gtest.h>

#include <set>

namespace marsad::actors {
namespace {

const ActorKb& Kb() {
  static const std::unique_ptr<ActorKb> kb = [] {
    auto r = ActorKb::Load();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return std::move(r).value();
  }();
  return *kb;
}

TEST(ActorKb, EveryIsoCountryIsThere) {
  for (const char* iso3 : {"USA", "RUS", "SAU", "PSE", "GRL", "ESH", "TWN", "XKK", "SSD"}) {
    const KbEntity* e = Kb().Find(iso3);
    ASSERT_NE(e, nullptr) << iso3;
    EXPECT_EQ(e->type, "GPE");
    EXPECT_EQ(e->cameo, iso3);
  }
  size_t countries = 0;
  for (const KbEntity& e : Kb().entities()) countries += e.type == "GPE";
  EXPECT_GE(countries, 240u);
}

TEST(ActorKb, OfficeHoldersByDate) {
  auto holder = [](const char* c, const char* office, const char* date) -> std::string {
    const KbOffice* o = Kb().Holder(c, office, date);
    return o == nullptr ? "" : Kb().entities()[o->person].id;
  };
  EXPECT_EQ(holder("USA", "president", "2016-05-01"), "barack-obama");
  EXPECT_EQ(holder("USA", "president", "2018-05-01"), "donald-trump");
  EXPECT_EQ(holder("USA", "president", "2022-05-01"), "joe-biden");
  EXPECT_EQ(holder("USA", "president", "2025-05-01"), "donald-trump");
  EXPECT_EQ(holder("USA", "president", "2021-01-20"), "joe-biden");  // the day of the handover
  EXPECT_EQ(holder("USA", "president", ""), "donald-trump");          // no date: the newest
  EXPECT_EQ(holder("USA", "fm", "2025-06-01"), "marco-rubio");
  EXPECT_EQ(holder("RUS", "fm", "2015-06-01"), "sergey-lavrov");
  EXPECT_EQ(holder("SAU", "crown_prince", "2016-01-01"), "mohammed-bin-nayef");
  EXPECT_EQ(holder("SAU", "crown_prince", "2018-01-01"), "mohammed-bin-salman");
  EXPECT_EQ(holder("GBR", "pm", "2020-01-01"), "boris-johnson");
  EXPECT_EQ(holder("UNO", "sg", "2016-01-01"), "ban-ki-moon");
  EXPECT_EQ(holder("UNO", "sg", "2020-01-01"), "antonio-guterres");
  EXPECT_EQ(holder("LBN", "president", "2015-06-01"), "");  // vacancy 2014-2016
}

TEST(ActorKb, EveryG20AndArabLeagueStateHasALeader) {
  for (const char* c : {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
                        "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR",
                        "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT", "SOM", "SDN", "SYR", "TUN", "ARE",
                        "YEM", "UKR", "IRN", "ISR"}) {
    bool found = false;
    for (const char* office : {"president", "king", "emir", "sultan", "pm", "supreme_leader"}) {
      found = found || Kb().Holder(c, office, "2025-07-01") != nullptr;
    }
    EXPECT_TRUE(found) << c;
  }
}

// "وزير الخارجية الياباني" in a 2015 or a 2023 article names that year's minister.
TEST(ActorKb, EveryG20StateHasAForeignMinisterEveryYear) {
  for (const char* c : {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
                        "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}) {
    for (const char* date : {"2015-12-31", "2016-07-01", "2017-07-01", "2018-07-01", "2019-07-01", "2020-07-01",
                             "2021-07-01", "2022-07-01", "2023-08-01", "2024-08-01", "2025-05-01"}) {  // not in the weeks between two ministers (MEX 2023-06, ZAF 2024-06)
      EXPECT_NE(Kb().Holder(c, "fm", date), nullptr) << c << " " << date;
    }
  }
}

TEST(ActorKb, IdsAreUniqueAndPatternsPointAtEntities) {
  std::set<std::string> ids;
  for (const KbEntity& e : Kb().entities()) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
  for (const KbPattern& p : Kb().patterns()) {
    if (p.kind == PatternKind::kEntity || p.kind == PatternKind::kAdjective) {
      EXPECT_LT(p.entity, Kb().entities().size());
    }
  }
  EXPECT_GE(Kb().matcher().pattern_count(), 2000u);
}

TEST(ActorKb, RolePhraseTables) {
  EXPECT_TRUE(Kb().IsLocative("في"));
  EXPECT_FALSE(Kb().IsLocative("قالت"));
  EXPECT_TRUE(Kb().Vetoed("المغرب", "صلاه"));  // match keys: ة -> ه
  EXPECT_EQ(Kb().RoleNames("MIL").second, "military");
}

}  // namespace
}  // namespace marsad::actors
