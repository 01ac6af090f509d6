#include "clean/page_metadata.h"

#include <gtest/gtest.h>

#include "clean/outlet_table.h"
#include "clean/wire_finder.h"

namespace marsad::clean {
namespace {

TEST(PageMetadataTest, Language) {
  EXPECT_EQ(DetectLanguage("قال الوزير إن الاجتماع مثمر"), "ar");
  EXPECT_EQ(DetectLanguage("The minister said the meeting was useful, قال"), "en");
  EXPECT_EQ(DetectLanguage("Министр сказал"), "ru");
  EXPECT_EQ(DetectLanguage("12345 ...!"), "und");
  EXPECT_EQ(DetectLanguage(""), "und");
}

TEST(PageMetadataTest, Keywords) {
  EXPECT_EQ(SplitKeywords("الأردن، الموازنة العامة، البرلمان"),
            (std::vector<std::string>{"الأردن", "الموازنة العامة", "البرلمان"}));
  EXPECT_EQ(SplitKeywords("economy, oil prices ,OPEC,, oil prices"),
            (std::vector<std::string>{"economy", "oil prices", "OPEC"}));
  EXPECT_EQ(SplitKeywords("النفط الغاز و الطاقة"), (std::vector<std::string>{"النفط", "الغاز", "الطاقة"}));
  EXPECT_TRUE(SplitKeywords("").empty());
  EXPECT_TRUE(SplitKeywords(" ، , | ").empty());
}

TEST(PageMetadataTest, UrlDates) {
  EXPECT_EQ(DateFromUrl("http://www.aleqt.com/2015/07/20/article_974922.html")->ToIso(), "2015-07-20");
  EXPECT_EQ(DateFromUrl("http://www.al-jazirah.com/2015/20150721/fe1.htm")->ToIso(), "2015-07-21");
  EXPECT_EQ(DateFromUrl("https://example.com/news/2024-02-29/story")->ToIso(), "2024-02-29");
  EXPECT_FALSE(DateFromUrl("https://example.com/news/2023-02-29/story"));
  EXPECT_FALSE(DateFromUrl("http://www.alriyadh.com/1066713"));
  EXPECT_FALSE(DateFromUrl("https://example.com/a/123456789/b"));
  EXPECT_FALSE(DateFromUrl("not a url"));
  EXPECT_FALSE(DateFromUrl(""));
}

TEST(PageMetadataTest, Outlets) {
  OutletTable t;
  EXPECT_EQ(t.ByName("alriyadh")->name_en, "Al Riyadh");
  EXPECT_EQ(t.ByName("البوابة نيوز")->name_en, "Al-Bawaba News");
  EXPECT_EQ(t.ByUrl("https://www.youm7.com/story/2025/1/1/x")->name_ar, "اليوم السابع");
  EXPECT_EQ(t.ByUrl("https://sport.alarabiya.net/x")->name_en, "Al Arabiya");
  EXPECT_FALSE(t.ByUrl("https://unknown-site.example/x"));
  EXPECT_FALSE(t.ByName("unknown outlet"));
  EXPECT_EQ(OutletTable::HostOf("HTTPS://WWW.Example.COM:8080/a"), "example.com");
  EXPECT_EQ(OutletTable::HostOf("no host here"), "");
}

TEST(PageMetadataTest, Wires) {
  WireFinder w;
  EXPECT_EQ(w.Find("أفادت وكالة \"بلومبرغ\" بأن المحادثات مستمرة، بحسب ما نقلت رويترز."),
            (std::vector<std::string>{"Bloomberg", "Reuters"}));
  EXPECT_EQ(w.Find("الرياض (واس) - أعلنت الوزارة ... وقالت لوكالة الأناضول"),
            (std::vector<std::string>{"SPA", "Anadolu"}));
  EXPECT_EQ(w.Find("نقلا عن وكالة ريا نوفوستي و(سبوتنيك) وأ.ف.ب ود ب أ"),
            (std::vector<std::string>{"RIA Novosti", "Sputnik", "AFP", "dpa"}));
  EXPECT_EQ(w.Find("Officials told AP and Reuters; the map was apt."),
            (std::vector<std::string>{"AP", "Reuters"}));
  EXPECT_EQ(w.Find("ذكرت وكالة شينخوا ووكالة تاس"), (std::vector<std::string>{"Xinhua", "TASS"}));
  EXPECT_TRUE(w.Find("زار الوفد مدينة قنا في صعيد مصر").empty());   // قنا only as "(قنا)"
  EXPECT_EQ(w.Find("الدوحة (قنا) - "), (std::vector<std::string>{"QNA"}));
  EXPECT_TRUE(w.Find("").empty());
  EXPECT_TRUE(w.Find("ap apt happy").empty());
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

TEST(SplitKeywordsTest, UnseparatedTagLineKeepsNisbaPhrasesAndNames) {
  EXPECT_EQ(SplitKeywords("الدفاع المدني حريق عبدالعزيز بن عبدالله آل الشيخ السوق المالية مطار"),
            (std::vector<std::string>{"الدفاع المدني", "حريق", "عبدالعزيز بن عبدالله آل الشيخ", "السوق المالية",
                                      "مطار"}));
  // Separators, when present, decide alone.
  EXPECT_EQ(SplitKeywords("وزير التعليم، الدفاع المدني"),
            (std::vector<std::string>{"وزير التعليم", "الدفاع المدني"}));
}

}  // namespace
}  // namespace marsad::clean
