// Writes the web tests' fixture database: a few Arabic articles written for these tests
// (not from any corpus), in two stories, with entities, mentions, quotes, events, removed
// blocks, related articles and a duplicate, through the real Store (so the file has the
// current schema). Offsets are computed here from the texts, in code points.
//   marsad_web_fixture OUT.db
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "store/sqlite_store.h"

namespace {

using namespace marsad;

// Code-point span of the first occurrence of `what` in `text` (at or after code point `from`).
std::pair<uint32_t, uint32_t> Span(const std::string& text, const std::string& what, uint32_t from = 0) {
  size_t byte_from = utf8::ByteOffsetOfCodePoint(text, from);
  size_t at = text.find(what, byte_from);
  if (at == std::string::npos) {
    std::fprintf(stderr, "fixture: '%s' not in text\n", what.c_str());
    std::exit(2);
  }
  auto start = static_cast<uint32_t>(utf8::CountCodePoints(text.substr(0, at)));
  return {start, start + static_cast<uint32_t>(utf8::CountCodePoints(what))};
}

struct EntityDef {
  const char *id, *en, *ar, *type, *country, *cameo;
};
const EntityDef kRussia{"ent-rus", "Russia", "روسيا", "GPE", "RUS", "RUS"};
const EntityDef kUsa{"ent-usa", "United States", "الولايات المتحدة", "GPE", "USA", "USA"};
const EntityDef kSaudi{"ent-sau", "Saudi Arabia", "السعودية", "GPE", "SAU", "SAU"};
const EntityDef kPutin{"ent-putin", "Vladimir Putin", "فلاديمير بوتين", "PERSON", "RUS", "RUSGOV"};
const EntityDef kTrump{"ent-trump", "Donald Trump", "دونالد ترامب", "PERSON", "USA", "USAGOV"};
const EntityDef kOpec{"ent-opec", "OPEC", "أوبك", "ORG", "", "IGOOPC"};

// Adds an entity with one mention per surface form, each found after the previous one.
void AddEntity(Article& a, const EntityDef& d, const std::vector<std::string>& forms) {
  Entity e;
  e.id = d.id, e.name_en = d.en, e.name_ar = d.ar, e.type = d.type, e.cameo = d.cameo;
  if (*d.country) e.country = d.country;
  uint32_t from = 0;
  for (const auto& f : forms) {
    auto [s, t] = Span(a.text, f, from);
    e.mentions.push_back({s, t, f});
    from = t;
  }
  a.entities.push_back(std::move(e));
}

void AddEvent(Article& a, const char* src, const char* src_name, const char* tgt, const char* tgt_name,
              const char* code, double goldstein, int quad, const char* plover, const std::string& evidence,
              std::optional<std::string> date, const char* mode = "asserted") {
  Event e;
  e.source = {std::nullopt, src_name, src, std::string(src).substr(0, 3)};
  e.target = {std::nullopt, tgt_name, tgt, std::string(tgt).substr(0, 3)};
  e.cameo_code = code, e.root = std::string(code).substr(0, 2), e.plover = plover;
  e.goldstein = goldstein, e.quad_class = quad, e.mode = mode, e.date = std::move(date);
  auto [s, t] = Span(a.text, evidence);
  e.evidence_text = evidence, e.evidence_start = s, e.evidence_end = t;
  e.confidence = 0.8;
  a.events.push_back(std::move(e));
}

void AddQuote(Article& a, const char* speaker, const char* speaker_name, const std::string& said, bool direct) {
  Quote q;
  if (speaker) q.speaker = speaker;
  q.speaker_name = speaker_name, q.text = said, q.direct = direct;
  auto [s, t] = Span(a.text, said);
  q.start = s, q.end = t;
  a.quotes.push_back(std::move(q));
}

Article Make(const std::string& id, const std::string& title, const std::string& source, const std::string& date,
             const std::string& text, const char* story) {
  Article a;
  a.id = id, a.input = "fixture:" + id, a.title = title, a.source = source, a.published = date;
  a.published_signal = "input", a.text = text, a.content_hash = "hash-" + id;
  a.url = "https://news.example/" + id;
  if (story) a.story_id = story;
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: marsad_web_fixture OUT.db\n");
    return 2;
  }
  std::filesystem::remove(argv[1]);
  auto opened = store::OpenSqliteStore(argv[1]);
  if (!opened.ok()) {
    std::fprintf(stderr, "fixture: %s\n", opened.status().message().c_str());
    return 3;
  }
  std::vector<Article> arts;

  // Story 1: talks between Moscow and Washington (four reports over three days).
  Article a1 = Make("fx0000000000000000000001", "بوتين وترامب يبحثان في مكالمة هاتفية ملف أوكرانيا", "وكالة الأنباء الخليجية",
                    "2025-02-12",
                    "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع الرئيس الأمريكي دونالد ترامب مساء الأربعاء، "
                    "بحثا خلاله سبل إنهاء الحرب في أوكرانيا.\n\n"
                    "وقال بوتين إن «الحوار مع واشنطن هو الطريق الوحيد للتسوية»، فيما أكد ترامب أن فريقي البلدين "
                    "سيجتمعان قريباً في السعودية.\n\nوبلغت مدة المكالمة 90 دقيقة وفق الكرملين.",
                    "story-talks");
  AddEntity(a1, kPutin, {"فلاديمير بوتين", "بوتين"});
  AddEntity(a1, kTrump, {"دونالد ترامب"});
  AddEntity(a1, kSaudi, {"السعودية"});
  AddQuote(a1, "ent-putin", "فلاديمير بوتين", "الحوار مع واشنطن هو الطريق الوحيد للتسوية", true);
  AddEvent(a1, "RUSGOV", "Vladimir Putin", "USAGOV", "Donald Trump", "042", 1.9, 1, "CONSULT",
           "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع الرئيس الأمريكي دونالد ترامب مساء الأربعاء",
           "2025-02-12");
  AddEvent(a1, "USAGOV", "Donald Trump", "RUSGOV", "Vladimir Putin", "036", 4.0, 1, "CONSULT",
           "أكد ترامب أن فريقي البلدين سيجتمعان قريباً في السعودية", "2025-02-12", "future");
  a1.removed = {{"share-bar", "شارك على فيسبوك تويتر واتساب"}, {"read-also", "اقرأ أيضاً: أسعار النفط ترتفع"}};
  a1.related = {{std::string("ملف أوكرانيا في سطور"), "بدأت الحرب في فبراير 2022 وما زالت المفاوضات متعثرة."}};
  a1.keywords = {"روسيا", "الولايات المتحدة"};
  arts.push_back(a1);

  // An exact duplicate of a1 from another outlet.
  Article a1dup = a1;
  a1dup.id = "fx0000000000000000000002", a1dup.input = "fixture:dup", a1dup.source = "موقع المرآة";
  a1dup.url = "https://mirror.example/a1", a1dup.duplicate_of = a1.id, a1dup.removed.clear(), a1dup.related.clear();
  arts.push_back(a1dup);

  // An emoji (outside the BMP: two UTF-16 units in JavaScript) before the entity names, so
  // that code-point offsets differ from UTF-16 offsets in the browser.
  Article a2 = Make("fx0000000000000000000003", "🇸🇦 الرياض تستضيف محادثات روسية أمريكية", "Arab News عربي", "2025-02-18",
                    "🇸🇦📰 استضافت السعودية اليوم الثلاثاء محادثات بين وفدين من روسيا والولايات المتحدة في الرياض.\n\n"
                    "وهدد الوفد الروسي بالانسحاب إذا لم تُرفع العقوبات، بينما انتقدت واشنطن الموقف الروسي.",
                    "story-talks");
  AddEntity(a2, kSaudi, {"السعودية"});
  AddEntity(a2, kRussia, {"روسيا"});
  AddEntity(a2, kUsa, {"الولايات المتحدة"});
  AddEvent(a2, "SAU", "Saudi Arabia", "RUS", "Russia", "043", 2.8, 1, "CONSULT",
           "استضافت السعودية اليوم الثلاثاء محادثات بين وفدين من روسيا والولايات المتحدة", "2025-02-18");
  AddEvent(a2, "RUS", "Russia", "USA", "United States", "138", -7.0, 3, "THREATEN",
           "وهدد الوفد الروسي بالانسحاب إذا لم تُرفع العقوبات", "2025-02-18");
  AddEvent(a2, "USA", "United States", "RUS", "Russia", "111", -2.0, 3, "DISAPPROVE",
           "انتقدت واشنطن الموقف الروسي", "2025-02-18");
  arts.push_back(a2);

  Article a3 = Make("fx0000000000000000000004", "Lavrov: المحادثات في الرياض كانت مفيدة", "صحيفة الشرق", "2025-02-19",
                    "قال وزير الخارجية الروسي سيرغي لافروف إن محادثات الرياض مع الوفد الأمريكي \"كانت مفيدة\"، "
                    "مضيفاً أن روسيا مستعدة لجولة ثانية خلال 2 أسابيع.",
                    "story-talks");
  AddEntity(a3, kRussia, {"روسيا"});
  AddQuote(a3, nullptr, "سيرغي لافروف", "كانت مفيدة", true);
  AddEvent(a3, "RUSGOV", "Sergei Lavrov", "USAGOV", "United States", "051", 3.4, 1, "COOPERATE",
           "روسيا مستعدة لجولة ثانية", "2025-03-05", "future");
  arts.push_back(a3);

  // Story 2: oil (OPEC+).
  Article a4 = Make("fx0000000000000000000005", "أوبك+ تمدد خفض الإنتاج حتى نهاية العام", "وكالة الأنباء الخليجية",
                    "2025-03-02",
                    "اتفقت دول تحالف أوبك+ بقيادة السعودية وروسيا يوم الأحد على تمديد خفض الإنتاج الطوعي "
                    "البالغ 2.2 مليون برميل يومياً حتى نهاية العام.",
                    "story-oil");
  AddEntity(a4, kOpec, {"أوبك"});
  AddEntity(a4, kSaudi, {"السعودية"});
  AddEntity(a4, kRussia, {"روسيا"});
  AddEvent(a4, "SAU", "Saudi Arabia", "RUS", "Russia", "057", 8.0, 2, "AGREE",
           "اتفقت دول تحالف أوبك+ بقيادة السعودية وروسيا يوم الأحد على تمديد خفض الإنتاج الطوعي", "2025-03-02");
  arts.push_back(a4);

  Article a5 = Make("fx0000000000000000000006", "أسعار النفط ترتفع بعد قرار أوبك+", "Reuters بالعربية", "2025-03-03",
                    "ارتفعت أسعار خام برنت 3% إلى 74.5 دولار للبرميل صباح الإثنين بعد قرار أوبك+ تمديد الخفض.",
                    "story-oil");
  AddEntity(a5, kOpec, {"أوبك"});
  arts.push_back(a5);

  // Not in any story, no annotations.
  Article a6 = Make("fx0000000000000000000007", "طقس معتدل في معظم مناطق المملكة", "صحيفة الشرق", "2025-03-04",
                    "توقع المركز الوطني للأرصاد أجواء معتدلة في معظم المناطق مع رياح نشطة على الشمال.", nullptr);
  arts.push_back(a6);

  store::WriteBatch batch;
  batch.articles = arts;
  store::StoryRecord s1{"story-talks", "محادثات روسية أمريكية في الرياض", "وكالة الأنباء الخليجية",
                        std::string("2025-02-12"), std::string("2025-02-19"), 4, {}, {}};
  store::StoryRecord s2{"story-oil", "أوبك+ تمدد خفض الإنتاج", "وكالة الأنباء الخليجية", std::string("2025-03-02"),
                        std::string("2025-03-03"), 2, {}, {}};
  batch.stories = {s1, s2};
  store::PutResult put;
  if (auto s = opened.value()->Write(batch, &put); !s.ok()) {
    std::fprintf(stderr, "fixture: %s\n", s.message().c_str());
    return 3;
  }
  std::printf("fixture: %zu articles, 2 stories -> %s\n", put.inserted, argv[1]);
  return 0;
}
