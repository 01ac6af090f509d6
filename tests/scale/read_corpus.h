// Articles for the reading differential (read_differential_test.cc): entities, events
// and quotes shaped to reach every filter and every tie the SQLite queries resolve
// implicitly: several events of one article on one day (first report, group order),
// reports of one event across a story's articles and outlets, event dates the week
// period cannot read or rolls over ("2025-02-31", "2025-02", a year alone), days before a year's first
// Monday, undated articles, entity names differing in ASCII case, equal counts, and
// Goldstein values whose floating-point sums depend on their order.
#pragma once

#include <string>
#include <vector>

#include "core/article.h"

namespace marsad::scale_test {

inline Entity MakeEntity(std::string id, std::string en, std::string ar, std::string type,
                         std::optional<std::string> country, std::vector<Mention> mentions) {
  Entity e;
  e.id = std::move(id), e.name_en = std::move(en), e.name_ar = std::move(ar), e.type = std::move(type);
  e.country = country, e.cameo = country;
  e.mentions = std::move(mentions);
  return e;
}

inline Event MakeEvent(EventActor source, EventActor target, std::string code, int quad, double goldstein,
                       std::optional<std::string> date, std::string evidence, std::string mode = "asserted") {
  Event e;
  e.source = std::move(source), e.target = std::move(target);
  e.cameo_code = code, e.root = code.substr(0, 2), e.plover = "CONSULT", e.quad_class = quad;
  e.goldstein = goldstein, e.date = std::move(date), e.mode = std::move(mode);
  e.location_name = "الرياض", e.location_country = "SAU";
  e.evidence_text = std::move(evidence), e.evidence_start = 1, e.evidence_end = 9, e.confidence = 0.1 + 0.2;
  return e;
}

inline std::vector<Article> ReadCorpus() {
  const EventActor usa{std::string("USA"), "United States", "USA", "USA"};
  const EventActor rusgov{std::nullopt, "Russian government", "RUSGOV", "RUS"};
  const EventActor sau{std::string("SAU"), "Saudi Arabia", "SAU", "SAU"};
  const EventActor saugov{std::nullopt, "saudi GOVERNMENT", "SAUGOV", "SAU"};
  const EventActor irn{std::string("IRN"), "Iran", "IRN", "IRN"};
  const char* sources[] = {"Okaz", "Al Riyadh", "Asharq Al-Awsat"};
  std::vector<Article> out;
  for (int i = 0; i < 60; ++i) {
    Article a;
    a.id = "r" + std::to_string(1000 + (i * 37) % 997);  // ids not in ingest order
    a.input = "in/" + a.id;
    a.content_hash = "h" + a.id;
    a.title = "عنوان " + std::to_string(i);
    a.text = "نص المقال عن السعودية والولايات المتحدة رقم " + std::to_string(i);
    if (i % 9 != 4) a.published = "2025-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    if (i % 9 == 7) a.published = *a.published + "T10:00:00";
    if (i % 4 != 3) a.source = sources[i % 3];
    if (i % 5 < 3) a.story_id = "S" + std::to_string(i % 7);
    const std::string d = a.published ? a.published->substr(0, 10) : std::string("2025-02-31");
    a.entities = {MakeEntity("SAU", i % 2 ? "Saudi Arabia" : "Saudi arabia", "السعودية", "GPE", "SAU",
                             {{0, 3, "السعودية"}, {5, 9, i % 3 ? "المملكة" : "السعودية"}}),
                  MakeEntity("USA", "United States", "الولايات المتحدة", "GPE", "USA", {{10, 12, "أمريكا"}})};
    if (i % 3 == 0) a.entities.push_back(MakeEntity("P" + std::to_string(i % 2), "Mohammed", "محمد", "PERSON",
                                                    std::nullopt, {{20, 23, "محمد"}}));
    if (i % 6 == 1) a.entities.push_back(MakeEntity("IRN", "Iran", "إيران", "GPE", "IRN", {{30, 33, "طهران"}}));
    // Two reports of one event and a third event on the same day in one article.
    a.events = {MakeEvent(usa, rusgov, "036", 1, 0.1 * (i % 7), d, "تقرير أول " + std::to_string(i)),
                MakeEvent(usa, rusgov, "036", 1, 4.0, d, "تقرير ثان " + std::to_string(i)),
                MakeEvent(i % 2 ? sau : saugov, usa, "042", 1, 1.9 + 0.1 * (i % 3), i % 4 ? d : "2025-01-05", "زيارة")};
    if (i % 5 == 2) a.events.push_back(MakeEvent(usa, sau, "112", 3, -2.0, std::nullopt, "انتقاد", "negated"));
    if (i % 8 == 3) a.events.push_back(MakeEvent(saugov, irn, "190", 4, -10.0, "2025-02", "قتال", "future"));
    if (i % 11 == 5) a.events.push_back(MakeEvent(sau, usa, "051", 2, 3.5, "2012", "سنة فقط"));
    if (i % 10 == 6) a.events.push_back(MakeEvent(irn, sau, "057", 2, 7.0 / 3, "2024-12-30", "اتفاق"));
    Quote q;
    q.speaker = i % 4 ? std::optional<std::string>("SAU") : std::nullopt;
    q.speaker_name = i % 2 ? "المتحدث باسم السعودية" : "مصدر", q.text = "كلام " + std::to_string(i);
    q.direct = i % 2, q.start = 2, q.end = 7;
    Quote q2 = q;
    q2.speaker = "P1", q2.speaker_name = "محمد", q2.text = "كلام آخر";
    a.quotes = {q, q2};
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace marsad::scale_test
