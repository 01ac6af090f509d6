// Test pages written for these tests (invented news in the style of scraped Arabic and
// English pages; no text copied from any site or from ../shared).
#pragma once

namespace marsad::clean::testpages {

// Main article, source and tag lines, then a secondary article with its own glued
// headline run, then a bulleted related list.
inline constexpr const char* kTwoArticles = R"(حمّل تطبيق الموقع لتصلك الأخبار أولا بأول
عمان تستضيف مؤتمرا إقليميا للمياه الشهر المقبل

أعلنت وزارة المياه الأردنية أن عمان ستستضيف مؤتمرا إقليميا لبحث أزمة شح المياه في المنطقة، بمشاركة وفود من عشر دول.

وقال المتحدث باسم الوزارة لوكالة الأنباء الأردنية (بترا) إن المؤتمر سيناقش مشاريع تحلية المياه والربط الإقليمي.

وأضاف أن الوزارة تلقت تأكيدات بالمشاركة من العراق وتركيا ومصر، بحسب ما نقلت رويترز.

شارك | فيسبوك | تويتر | واتساب

المصدر: البوابة نيوز

الكلمات الدلالية: المياه، الأردن، مؤتمر إقليمي

اقرأ أيضا:

العراق يطالب بحصة عادلة من مياه دجلة

طالب وزير الموارد المائية العراقي بحصة عادلة من مياه نهر دجلة، مؤكدا أن بلاده تواجه أسوأ موسم جفاف منذ عقود.

بغداد تحذر من موسم جفاف قاسأنقرة تعد بزيادة الإطلاقات المائيةوزير الموارد المائية: الحوار مع أنقرة مستمر

وأوضح الوزير أن الحكومة شكلت لجنة فنية لمتابعة الملف مع أنقرة خلال الأسابيع المقبلة.

أخبار ذات صلة
• الأردن يطلق حملة لترشيد استهلاك المياه
• مصر تبحث مع السودان ملف السد
• تركيا تفتتح سدا جديدا على نهر دجلة
)";

// Video notice, a tweet embed, a dateline and an English-style tail.
inline constexpr const char* kTweetPage = R"(تاريخ النشر: الأحد 2 مارس 2025 - 09:15 ص
إذا واجهتك مشكلة في مشاهدة الفيديو اضغط هنا
قالت وزارة الصحة المغربية الأحد إن حملة التلقيح الوطنية ضد الحصبة وصلت إلى أكثر من مليون طفل.
وأوضحت الوزارة في بيان أن الحملة ستستمر حتى نهاية الشهر في جميع الجهات.
#المغرب #الحصبة حملة التلقيح تصل إلى مليون طفل pic.twitter.com/AbCdEf1234
— وزارة الصحة (@SanteGouvMa) March 2, 2025
ودعت الوزارة الأسر إلى التوجه إلى أقرب مركز صحي، مؤكدة أن اللقاح مجاني.
وافتتحت الوزارة مراكز متنقلة في القرى الجبلية. رابط الخبر بصحيفة الصباح: حملة الحصبة تتواصل
)";

inline constexpr const char* kEnglishPage = R"(Home > World > Middle East
Oil prices steady as OPEC+ meets in Vienna

Oil prices held steady on Monday as OPEC+ ministers gathered in Vienna, traders said, according to Reuters.

Brent crude was little changed at $82 a barrel, while U.S. crude rose slightly, AFP reported.

Share: Facebook Twitter WhatsApp Email

Tags: oil, OPEC, energy markets

Related Articles
- Gulf stocks rise ahead of OPEC+ decision
- Saudi Aramco raises prices for Asian buyers
)";

}  // namespace marsad::clean::testpages
