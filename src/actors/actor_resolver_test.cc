#include "actors/actor_resolver.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

namespace marsad::actors {
namespace {

const ActorResolver& R() {
  static const std::unique_ptr<ActorResolver> r = [] {
    auto x = ActorResolver::LoadDefault();
    EXPECT_TRUE(x.ok()) << x.status().ToString();
    return std::move(x).value();
  }();
  return *r;
}

std::map<std::string, Entity> ById(const std::vector<Entity>& v) {
  std::map<std::string, Entity> m;
  for (const Entity& e : v) m[e.id] = e;
  return m;
}

std::map<std::string, Entity> Actors(const std::string& text, const char* date = nullptr,
                                  const std::vector<NameSpan>& ner = {}) {
  return ById(R().Resolve(text, date ? std::optional<std::string>(date) : std::nullopt, ner));
}

// Code-point offset of `needle` in `hay` (UTF-8).
uint32_t Cp(const std::string& hay, const std::string& needle) {
  const size_t b = hay.find(needle);
  uint32_t n = 0;
  for (size_t i = 0; i < b; ++i) n += (static_cast<unsigned char>(hay[i]) & 0xC0) != 0x80;
  return n;
}

TEST(ActorResolver, CountriesGovernmentsAndMetonyms) {
  const std::string t = "قال الكرملين إن روسيا مستعدة، وردت واشنطن بأن الولايات المتحدة ترحب.";
  auto m = Actors(t, "2025-03-01");
  ASSERT_TRUE(m.count("RUSGOV"));
  EXPECT_EQ(m["RUSGOV"].type, "ORG");
  EXPECT_EQ(m["RUSGOV"].cameo.value_or(""), "RUSGOV");
  EXPECT_EQ(m["RUS"].mentions.at(0).text, "روسيا");
  EXPECT_EQ(m["USAGOV"].mentions.at(0).text, "واشنطن");
  EXPECT_EQ(m["USA"].mentions.at(0).start, Cp(t, "الولايات"));
}

TEST(ActorResolver, CliticsAreOutsideMentions) {
  const std::string t = "وأشاد الكرملين بموقف واشنطن، ورحب بالقرار والكرملين يرى ذلك. زيارة للولايات المتحدة.";
  auto m = Actors(t, "2025-03-01");
  ASSERT_EQ(m["RUSGOV"].mentions.size(), 2u);
  EXPECT_EQ(m["RUSGOV"].mentions[1].text, "الكرملين");
  EXPECT_EQ(m["RUSGOV"].mentions[1].start, Cp(t, "والكرملين") + 1);
  EXPECT_TRUE(m.count("USA"));
}

TEST(ActorResolver, RolePhraseDependsOnTheDate) {
  const std::string t = "وقال الرئيس الأمريكي إن المحادثات مفيدة.";
  EXPECT_TRUE(Actors(t, "2025-05-01").count("donald-trump"));
  EXPECT_TRUE(Actors(t, "2022-05-01").count("joe-biden"));
  EXPECT_TRUE(Actors(t, "2016-05-01").count("barack-obama"));
  EXPECT_TRUE(Actors(t, "2016-05-01T10:00:00Z").count("barack-obama"));
  EXPECT_TRUE(Actors(t).count("donald-trump"));  // no date: newest holder
  auto m = Actors(t, "2022-05-01");
  EXPECT_EQ(m["joe-biden"].mentions.at(0).text, "الرئيس الأمريكي");
  EXPECT_EQ(m["joe-biden"].cameo.value_or(""), "USAGOV");
  EXPECT_FALSE(m.count("USA"));  // the adjective belongs to the role phrase
}

TEST(ActorResolver, PersonCameoFollowsTheDate) {
  EXPECT_EQ(Actors("قال جو بايدن", "2022-05-01")["joe-biden"].cameo.value_or(""), "USAGOV");
  EXPECT_EQ(Actors("قال جو بايدن", "2025-05-01")["joe-biden"].cameo.value_or(""), "USAELI");
}

TEST(ActorResolver, TitleAdjectiveNameIsThePerson) {
  const std::string t = "انتقد نائب الرئيس الأمريكي جيه. دي فانس الدنمارك. وقال فانس إن غرينلاند مهمة.";
  auto m = Actors(t, "2025-03-29");
  ASSERT_TRUE(m.count("jd-vance"));
  EXPECT_EQ(m["jd-vance"].mentions.size(), 2u);
  EXPECT_EQ(m["jd-vance"].mentions[0].text, "جيه. دي فانس");
  EXPECT_TRUE(m.count("DNK"));
  EXPECT_TRUE(m.count("GRL"));
}

TEST(ActorResolver, ForeignMinisterAndCounterpart) {
  const std::string t = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي ماركو روبيو. وقال وزير الخارجية الروسي إن اللقاء بناء.";
  auto m = Actors(t, "2025-02-18");
  ASSERT_TRUE(m.count("sergey-lavrov"));
  EXPECT_EQ(m["sergey-lavrov"].mentions.size(), 2u);
  EXPECT_EQ(m["sergey-lavrov"].cameo.value_or(""), "RUSGOV");
  ASSERT_TRUE(m.count("marco-rubio"));
  EXPECT_FALSE(m.count("RUSGOV"));
}

TEST(ActorResolver, CounterpartWithoutAName) {
  auto m = Actors("بحث وزير الخارجية عادل الجبير مع نظيره المصري التعاون.", "2015-07-31");
  ASSERT_TRUE(m.count("sameh-shoukry"));
  EXPECT_EQ(m["sameh-shoukry"].mentions.at(0).text, "نظيره المصري");
}

TEST(ActorResolver, UnknownHolderFallsBackToTheGovernment) {
  auto m = Actors("أعلن وزير الدفاع الكوبي أن الجيش الكوبي جاهز.", "2025-01-01");
  EXPECT_TRUE(m.count("CUBGOV"));
  EXPECT_TRUE(m.count("CUBMIL"));
}

TEST(ActorResolver, SidesAndPairs) {
  auto m = Actors("بحثت روسيا والصين التعاون، واتفق البلدين على خطة. ورحب الجانب الروسي بذلك.", "2025-01-01");
  ASSERT_TRUE(m.count("RUS"));
  ASSERT_TRUE(m.count("CHN"));
  EXPECT_EQ(m["RUS"].mentions.size(), 2u);  // روسيا, البلدين
  EXPECT_EQ(m["CHN"].mentions.size(), 2u);
  EXPECT_EQ(m["RUSGOV"].mentions.at(0).text, "الجانب الروسي");
}

TEST(ActorResolver, SpokesmanAndAmbassador) {
  auto m = Actors("قال المتحدث باسم الخارجية الإيرانية، وسفير روسيا لدى مصر", "2025-01-01");
  EXPECT_TRUE(m.count("IRNGOV"));
  EXPECT_TRUE(m.count("RUSGOV"));
  EXPECT_TRUE(m.count("EGY"));
}

TEST(ActorResolver, SpellingVariantsAndSkeletons) {
  auto m = Actors("قال ترمب إن ترامب يريد غرينلاند، وذكرت بلومبيرغ أن زيلنسكي وافق.", "2025-03-01");
  EXPECT_EQ(m["donald-trump"].mentions.size(), 2u);
  EXPECT_TRUE(m.count("GRL"));
  EXPECT_TRUE(m.count("bloomberg"));
  EXPECT_TRUE(m.count("volodymyr-zelensky"));
  EXPECT_EQ(m["bloomberg"].type, "MEDIA");
  EXPECT_EQ(m["bloomberg"].cameo.value_or(""), "USAMED");
}

TEST(ActorResolver, AmbiguousWordsNeedContext) {
  EXPECT_TRUE(Actors("وأكد أن الوضع المالي للشركة جيد.").empty());
  EXPECT_TRUE(Actors("صدر تقرير رئيسي عن السوق.").empty());
  EXPECT_TRUE(Actors("بعد صلاة المغرب في المسجد").empty());
  EXPECT_TRUE(Actors("تقدم الدورات باللغة الإنجليزية").empty());
  // Named in full first, the short form is the person.
  auto m = Actors("قال الرئيس الإيراني إبراهيم رئيسي اليوم، وأضاف رئيسي أن", "2022-01-01");
  EXPECT_EQ(m["ebrahim-raisi"].mentions.size(), 2u);
  EXPECT_TRUE(Actors("وقال الرئيس عون إن", "2023-01-01").size() <= 1u);
  EXPECT_TRUE(Actors("وقال الرئيس عون إن", "2025-06-01").count("joseph-aoun"));
}

TEST(ActorResolver, CapitalsAsPlaces) {
  auto m = Actors("عقد الاجتماع في موسكو، وقالت موسكو إنها ترفض.", "2025-01-01");
  ASSERT_TRUE(m.count("loc:RUS:Moscow"));
  EXPECT_EQ(m["loc:RUS:Moscow"].type, "LOC");
  ASSERT_TRUE(m.count("RUSGOV"));
  EXPECT_EQ(m["RUSGOV"].mentions.size(), 1u);
}


TEST(ActorResolver, PlacesAreLocationsWithTheirCountry) {
  const std::string t = "قصفت الطائرات مدينة حلب، وسقطت قذائف على غزة وفي الموصل. ووصل الوفد إلى القطب الشمالي.";
  auto m = Actors(t, "2016-03-01");
  ASSERT_TRUE(m.count("loc:SYR:Aleppo"));
  EXPECT_EQ(m["loc:SYR:Aleppo"].type, "LOC");
  EXPECT_EQ(m["loc:SYR:Aleppo"].country.value_or(""), "SYR");
  EXPECT_FALSE(m["loc:SYR:Aleppo"].cameo.has_value());  // a place, never a government
  EXPECT_EQ(m["loc:PSE:Gaza Strip"].mentions.at(0).text, "غزة");
  EXPECT_EQ(m["loc:IRQ:Mosul"].mentions.at(0).start, Cp(t, "الموصل"));
  ASSERT_TRUE(m.count("loc:Arctic"));
  EXPECT_FALSE(m["loc:Arctic"].country.has_value());
  // A place never counts as a country for البلدين.
  EXPECT_FALSE(m.count("SYR"));
}

TEST(ActorResolver, AmbiguousPlaceNamesNeedAPlaceNounOrTheirCountry) {
  // صور "pictures", المشهد "the scene": not Tyre, not Mashhad.
  auto none = Actors("نشرت الصحيفة صور الحادث، وفي صور أخرى ظهر المشهد القائم في إيران.", "2016-03-01");
  EXPECT_FALSE(none.count("loc:LBN:Tyre"));
  EXPECT_FALSE(none.count("loc:IRN:Mashhad"));
  auto head = Actors("سقطت قذيفة على مدينة صور.", "2016-03-01");
  EXPECT_TRUE(head.count("loc:LBN:Tyre"));
  auto country = Actors("أعلن الجيش اللبناني أن انفجارا وقع في صور.", "2016-03-01");
  EXPECT_TRUE(country.count("loc:LBN:Tyre"));
  auto article = Actors("تحدث عن الحلب والحلبي.", "2016-03-01");  // ال is not part of حلب
  EXPECT_FALSE(article.count("loc:SYR:Aleppo"));
}

TEST(ActorResolver, CountryMisspeltByOneDotIsTheCountryNamedBefore) {
  const std::string t = "انتقدت فرنسا إسبانيا في بيان. ورفضت اسبانبا الانتقاد، وقال الوزير الألماني إن المائي مهم.";
  auto m = Actors(t, "2015-08-10");
  ASSERT_TRUE(m.count("ESP"));
  ASSERT_EQ(m["ESP"].mentions.size(), 2u);
  EXPECT_EQ(m["ESP"].mentions[1].text, "اسبانبا");
  // Adjectives are never the model of a typo (المائي is not الألماني).
  for (const Mention& men : m["DEU"].mentions) EXPECT_NE(men.text, "المائي");
  // Without the correct spelling in the text, nothing is guessed.
  EXPECT_FALSE(Actors("ورفضت اسبانبا الانتقاد.", "2015-08-10").count("ESP"));
}

TEST(ActorResolver, PlaceNameInsideAPersonsNameIsTheName) {
  const std::string t = "قال جوشوا يافا الكاتب في الصحيفة إن الوضع معقد في فلسطين.";
  const uint32_t s = Cp(t, "جوشوا");
  const std::vector<NameSpan> ner = {{s, s + 10, "PER", 0.9}};
  auto m = ById(R().Resolve(t, "2025-08-01", ner));
  EXPECT_FALSE(m.count("loc:ISR:Jaffa"));
}
TEST(ActorResolver, OrganisationsAndTheirOfficers) {
  auto m = Actors("دعا الأمين العام للأمم المتحدة إلى وقف القتال، ورحب حلف الناتو ومجلس التعاون الخليجي.", "2016-03-01");
  EXPECT_TRUE(m.count("ban-ki-moon"));
  EXPECT_TRUE(m.count("UNO"));
  EXPECT_EQ(m["NATO"].cameo.value_or(""), "IGONAT");
  EXPECT_TRUE(m.count("GCC"));
}

TEST(ActorResolver, CountryAdjectiveInsideAPersonsNameIsASurname) {
  const std::string t = "وقال اللواء منصور التركي المتحدث باسم الشرطة إن الحادث قيد التحقيق. وزار الرئيس التركي أنقرة.";
  const uint32_t s = Cp(t, "منصور");
  const std::vector<NameSpan> ner = {{s, s + 12, "PER", 0.9}};
  auto m = ById(R().Resolve(t, "2015-08-01", ner));
  // The only Turkish mention left is the president's title, not the general's surname.
  for (const auto& [id, e] : m)
    for (const Mention& men : e.mentions) EXPECT_NE(men.start, Cp(t, "التركي")) << id;
}

TEST(ActorResolver, NerNamesGetStableIdsAndSurnames) {
  const std::string t = "وقال بالاز جارابيك الدبلوماسي السابق إن الوضع صعب. وأضاف جارابيك: الفضيحة كبيرة.";
  const uint32_t s = Cp(t, "بالاز");
  const std::vector<NameSpan> ner = {{s, s + 13, "PER", 0.9}};
  auto v = R().Resolve(t, std::nullopt, ner);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].id.rfind("ner:", 0), 0u);
  EXPECT_EQ(v[0].type, "PERSON");
  EXPECT_EQ(v[0].name_ar, "بالاز جارابيك");
  ASSERT_EQ(v[0].mentions.size(), 2u);
  EXPECT_EQ(v[0].mentions[1].text, "جارابيك");
  EXPECT_EQ(R().Resolve(t, std::nullopt, ner)[0].id, v[0].id);  // stable
}

TEST(ActorResolver, NerNameAfterARolePhraseTakesTheRole) {
  const std::string t = "التقى جون كيري نظيره الكوبي برونو رودريغيز في واشنطن.";
  const uint32_t s = Cp(t, "برونو");
  auto m = Actors(t, "2015-07-21", {{s, s + 14, "PERSON", 0.8}});
  std::string ner_id;
  for (auto& [id, e] : m) {
    if (id.rfind("ner:", 0) == 0) ner_id = id;
  }
  ASSERT_FALSE(ner_id.empty());
  EXPECT_FALSE(m.count("CUBGOV"));
  EXPECT_EQ(m[ner_id].name_ar, "برونو رودريغيز");
}

TEST(ActorResolver, NerSpansInsideKbMentionsAreDropped) {
  const std::string t = "قال فلاديمير بوتين";
  const uint32_t s = Cp(t, "فلاديمير");
  auto v = R().Resolve(t, std::nullopt, {{s, s + 14, "PER", 0.9}});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].id, "vladimir-putin");
}

TEST(ActorResolver, OffsetsAreCodePointsOfTheInput) {
  const std::string t = "🙂 قال الكرملين";  // a 4-byte emoji counts one code point
  auto m = Actors(t);
  ASSERT_TRUE(m.count("RUSGOV"));
  EXPECT_EQ(m["RUSGOV"].mentions[0].start, 6u);
  EXPECT_EQ(m["RUSGOV"].mentions[0].end, 14u);
}

TEST(ActorResolver, EmptyAndOddInput) {
  EXPECT_TRUE(R().Resolve("", std::nullopt).empty());
  EXPECT_TRUE(R().Resolve("   \n\n ...", std::nullopt).empty());
  EXPECT_GE(R().name_count(), 2000u);
  // NER spans beyond the text or reversed are ignored, never a crash.
  EXPECT_TRUE(R().Resolve("نص", std::nullopt, {{5, 2, "PER", 1}, {1, 99, "ORG", 1}}).size() <= 1u);
}

TEST(ActorResolver, ConcurrentCallsAgree) {
  const std::string t = "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة، ورد وزير الخارجية الأمريكي ماركو روبيو من واشنطن.";
  const std::vector<Entity> expected = R().Resolve(t, std::string("2025-03-01"));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        const auto got = R().Resolve(t, std::string("2025-03-01"));
        if (got.size() != expected.size()) ++mismatches;
        for (size_t j = 0; j < got.size() && j < expected.size(); ++j) {
          if (got[j].id != expected[j].id || got[j].mentions.size() != expected[j].mentions.size()) ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_GE(expected.size(), 4u);
}


// A party's one-word short name (المؤتمر، الإصلاح) counts only in an article that names the
// party in full, and not where the word is a common noun with its adjective (المؤتمر الصحفي).
TEST(ActorResolver, PartyShortNameNeedsFullNameAndNoAdjective) {
  const std::string full = "أعلن حزب المؤتمر الشعبي العام مشاركته، وقال قيادي في المؤتمر إن الحوار مستمر.";
  auto m = Actors(full, "2015-07-24");
  ASSERT_TRUE(m.count("GPC"));
  EXPECT_EQ(m["GPC"].mentions.size(), 2u);
  EXPECT_EQ(m["GPC"].mentions.back().start, Cp(full, "المؤتمر إن"));

  const std::string press = "أعلن حزب المؤتمر الشعبي العام مشاركته في المؤتمر الصحفي أمس.";
  m = Actors(press, "2015-07-24");
  ASSERT_TRUE(m.count("GPC"));
  EXPECT_EQ(m["GPC"].mentions.size(), 1u) << "المؤتمر الصحفي is a press conference";

  EXPECT_FALSE(Actors("وقال قيادي في المؤتمر إن الحوار مستمر.", "2015-07-24").count("GPC"));
}

// مودي alone is the Indian prime minister only after a title or his full name: النفق المؤدي
// ("the tunnel leading ...") folds to the same letters.
TEST(ActorResolver, ShortForeignNameIsNotACommonWord) {
  EXPECT_FALSE(Actors("وقعت الاشتباكات قرب النفق المؤدي إلى الساحل.", "2015-07-24").count("narendra-modi"));
  EXPECT_TRUE(Actors("التقى رئيس الوزراء الهندي ناريندرا مودي الوفد، وقال مودي إن الزيارة مهمة.", "2015-07-24")
                  .count("narendra-modi"));
}


// "ال + head noun" later in the text is the one organisation named before with that head
// (the organisation stays one entity), not when two share the head or an adjective follows.
TEST(ActorResolver, DefiniteHeadNounIsTheOrganisationNamedBefore) {
  const std::string t = "أعلن تنظيم داعش مسؤوليته عن الهجوم، وقال التنظيم في بيان إن عناصره نفذوه. "
                        "وأكد المركز الإعلامي للجيش الخبر.";
  auto m = Actors(t, "2015-07-24");
  ASSERT_TRUE(m.count("ISIS"));
  ASSERT_EQ(m["ISIS"].mentions.size(), 2u);
  EXPECT_EQ(m["ISIS"].mentions[1].text, "التنظيم");
  EXPECT_EQ(m["ISIS"].mentions[1].start, Cp(t, "التنظيم في"));

  const std::string two = "التقى وفد من حزب العدالة والتنمية وفدا من حزب الشعب الجمهوري، وقال الحزب إن اللقاء مفيد.";
  for (const auto& [id, e] : Actors(two, "2015-07-24"))
    for (const Mention& mm : e.mentions) EXPECT_NE(mm.text, "الحزب") << id << ": two parties named, الحزب is either";
}

}  // namespace
}  // namespace marsad::actors
