// Extraction and metadata on small hand-written news pages (Arabic and English).
#include "html/html_extractor.h"
#include "html/metadata_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace marsad::html {
namespace {

ExtractedPage MustExtract(std::string_view html, std::string_view url = {}) {
  auto r = HtmlExtractor().Extract(html, url);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : ExtractedPage{};
}

// A typical Arabic news page: menu, share bar, article, related list, sidebar, comments.
const char kArabicPage[] = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الحكومة تقر موازنة العام المقبل | صحيفة الخليج اليوم</title>
<meta property="og:site_name" content="صحيفة الخليج اليوم">
<meta property="article:published_time" content="2024-03-12T09:30:00+03:00">
<meta name="keywords" content="موازنة، اقتصاد، حكومة">
<link rel="canonical" href="https://example.com/ar/economy/budget-2025">
</head><body>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li>
<li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div class="page-wrap">
<article class="news-article">
<h1>الحكومة تقر موازنة العام المقبل</h1>
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="article-body">
<p>أقر مجلس الوزراء في جلسته الأسبوعية يوم الثلاثاء مشروع الموازنة العامة للعام المقبل، بإجمالي نفقات يبلغ نحو اثني عشر مليار دينار، في زيادة طفيفة عن موازنة العام الجاري.</p>
<p>وقال وزير المالية في مؤتمر صحفي عقب الجلسة إن الموازنة الجديدة تركز على دعم القطاعات الإنتاجية، وتوسيع شبكة الحماية الاجتماعية، وخفض العجز تدريجيا خلال السنوات الثلاث المقبلة.</p>
<h2>تحديات العجز</h2>
<p>وأضاف الوزير أن الحكومة تتوقع أن يتراجع العجز إلى ما دون أربعة في المئة من الناتج المحلي الإجمالي، مشيرا إلى أن أسعار الطاقة العالمية تبقى العامل الأكثر تأثيرا في تقديرات الإيرادات.</p>
<figure><img src="x.jpg"><figcaption>وزير المالية خلال المؤتمر الصحفي</figcaption></figure>
<p>ومن المقرر أن يحال مشروع الموازنة إلى مجلس النواب لمناقشته وإقراره قبل نهاية الشهر المقبل، وفق ما ينص عليه الدستور.</p>
</div>
<div class="related-news"><h3>أخبار ذات صلة</h3><ul>
<li><a href="/a">البنك المركزي يثبت أسعار الفائدة</a></li>
<li><a href="/b">ارتفاع التضخم في شهر فبراير</a></li>
<li><a href="/c">صندوق النقد يرفع توقعات النمو</a></li></ul></div>
</article>
<aside class="sidebar"><h3>الأكثر قراءة</h3><p>نص طويل في الشريط الجانبي عن مباراة كرة القدم الأخيرة بين الفريقين المتنافسين على اللقب هذا الموسم.</p></aside>
</div>
<section id="comments" class="comments-area"><p>تعليق من قارئ: هذه الموازنة لا تلبي طموحات المواطنين ولا تعالج مشكلة البطالة المتفاقمة في البلاد.</p></section>
<footer class="site-footer"><p>جميع الحقوق محفوظة لصحيفة الخليج اليوم ٢٠٢٤</p></footer>
</body></html>)";

TEST(HtmlExtractor, ArabicNewsPageBodyWithoutBoilerplate) {
  ExtractedPage p = MustExtract(kArabicPage, "https://example.com/ar/economy/budget-2025?ref=home");
  EXPECT_NE(p.body.find("أقر مجلس الوزراء"), std::string::npos);
  EXPECT_NE(p.body.find("وفق ما ينص عليه الدستور."), std::string::npos);
  EXPECT_NE(p.body.find("تحديات العجز"), std::string::npos) << "headings inside the article stay";
  for (const char* junk : {"الرئيسية", "فيسبوك", "البنك المركزي يثبت", "الشريط الجانبي", "تعليق من قارئ",
                           "جميع الحقوق", "وزير المالية خلال المؤتمر"}) {
    EXPECT_EQ(p.body.find(junk), std::string::npos) << junk << "\n" << p.body;
  }
  EXPECT_EQ(p.body.find("الحكومة تقر موازنة العام المقبل"), std::string::npos) << "the h1 is the title, not body";
  // Paragraphs are separated by exactly one blank line; no leading/trailing space.
  EXPECT_NE(p.body.find("المقبلة.\n\nتحديات العجز\n\nوأضاف"), std::string::npos) << p.body;
  EXPECT_EQ(p.body.find("\n\n\n"), std::string::npos);
  EXPECT_NE(p.body.front(), ' ');
  EXPECT_NE(p.body.back(), '\n');
}

TEST(HtmlExtractor, ArabicNewsPageMetadata) {
  ExtractedPage p = MustExtract(kArabicPage);
  EXPECT_EQ(p.title, "الحكومة تقر موازنة العام المقبل");
  EXPECT_EQ(p.published, "2024-03-12T09:30:00+03:00");
  EXPECT_EQ(p.published_signal, "meta:article:published_time");
  EXPECT_EQ(p.site_name, "صحيفة الخليج اليوم");
  EXPECT_EQ(p.canonical_url, "https://example.com/ar/economy/budget-2025");
  EXPECT_EQ(p.language, "ar");
  EXPECT_EQ(p.keywords, "موازنة، اقتصاد، حكومة");
}

const char kJsonLdPage[] = R"(<html><head>
<title>Storm closes ports along the coast - Coastal Herald</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","name":"Coastal Herald Group"},
 {"@type":["NewsArticle"],"headline":"Storm closes ports along the coast",
  "datePublished":"2023-10-05T14:00:00Z",
  "author":[{"@type":"Person","name":"Maria Lopez"},{"@type":"Person","name":"Sami Haddad"}],
  "publisher":{"@type":"Organization","name":"Coastal Herald"},
  "articleBody":"Three ports closed on Thursday as the storm moved north.
Fishermen were told to stay ashore until Saturday, officials said. The coast guard
reported waves of up to six metres near the harbour entrance and asked boat owners to
check their moorings before nightfall."}]}
</script></head><body>
<div id="app"><p>Loading…</p></div>
</body></html>)";

TEST(HtmlExtractor, JsonLdGraphGivesBodyAndMetadata) {
  ExtractedPage p = MustExtract(kJsonLdPage);
  // The DOM has no text (a script-rendered page), so articleBody is used; the raw
  // newline inside the JSON string (invalid JSON, common in templates) is tolerated.
  EXPECT_NE(p.body.find("Three ports closed on Thursday"), std::string::npos) << p.body;
  EXPECT_NE(p.body.find("Fishermen were told"), std::string::npos);
  EXPECT_EQ(p.published, "2023-10-05T14:00:00Z");
  EXPECT_EQ(p.published_signal, "json-ld");
  EXPECT_EQ(p.author, "Maria Lopez, Sami Haddad");
  EXPECT_EQ(p.site_name, "Coastal Herald");
  EXPECT_EQ(p.title, "Storm closes ports along the coast");
}

TEST(HtmlExtractor, JsonLdArrayAndPlainAuthor) {
  const char html[] = R"(<html><head><script type="application/ld+json">
[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Notes","author":"Lina K.",
"datePublished":"2022-01-02"}]</script>
<script type="application/ld+json">{ not json at all </script></head>
<body><article><p>A first paragraph that is long enough to be prose, with commas, and a period.</p></article></body></html>)";
  ExtractedPage p = MustExtract(html);
  EXPECT_EQ(p.author, "Lina K.");
  EXPECT_EQ(p.published, "2022-01-02");
  EXPECT_NE(p.body.find("A first paragraph"), std::string::npos);
}

TEST(HtmlExtractor, MetaDateVariantsInPriorityOrder) {
  struct Case {
    std::string head;
    std::string body;
    std::string want, signal;
  } cases[] = {
      {R"(<meta property="og:published_time" content="2021-05-01">)", "", "2021-05-01", "meta:og:published_time"},
      {R"(<meta itemprop="datePublished" content="2021-05-02">)", "", "2021-05-02", "meta:itemprop:datePublished"},
      {R"(<meta name="pubdate" content="20210503">)", "", "20210503", "meta:date"},
      {R"(<meta name="DC.date" content="2021-05-04">)", "", "2021-05-04", "meta:date"},
      {"", R"(<time datetime="2021-05-05T10:00">5 May</time>)", "2021-05-05T10:00", "time"},
      {"", R"(<span class="date">Posted on November 20, 2019 by staff</span>)", "November 20, 2019", "text"},
      {"", R"(<span class="date">نشر في 20 نوفمبر 2019</span>)", "20 نوفمبر 2019", "text"},
      {"", R"(<span class="date">2020/07/14</span>)", "2020/07/14", "text"},
      {R"(<meta name="date" content="2021-05-06"><meta property="article:published_time" content="2021-05-07">)", "",
       "2021-05-07", "meta:article:published_time"},
  };
  for (const Case& c : cases) {
    std::string html = "<html><head>" + c.head + "</head><body>" + c.body +
                       "<p>Some article text that is long enough, with a comma.</p></body></html>";
    ExtractedPage p = MustExtract(html);
    EXPECT_EQ(p.published, c.want) << html;
    EXPECT_EQ(p.published_signal, c.signal) << html;
  }
}

TEST(HtmlExtractor, TitleSources) {
  EXPECT_EQ(MustExtract("<html><head><meta property='og:title' content='OG headline'><title>T | Site</title>"
                        "</head><body><h1>H1 headline</h1></body></html>")
                .title,
            "OG headline");
  EXPECT_EQ(MustExtract("<html><head><meta name='twitter:title' content='Tw headline'></head><body></body></html>").title,
            "Tw headline");
  EXPECT_EQ(MustExtract("<html><head><title>Doc title - Site</title></head><body><h1>H1 headline</h1></body></html>")
                .title,
            "H1 headline");
  EXPECT_EQ(MustExtract("<html><head><title>Markets fall after the rate decision | Daily News</title></head>"
                        "<body></body></html>")
                .title,
            "Markets fall after the rate decision");
}

TEST(HtmlTitleSuffix, SeparatorsAndSiteNames) {
  EXPECT_EQ(RemoveTitleSuffix("Markets fall sharply on Monday | Daily News", ""), "Markets fall sharply on Monday");
  EXPECT_EQ(RemoveTitleSuffix("Markets fall sharply on Monday - Daily News Online", ""),
            "Markets fall sharply on Monday");
  EXPECT_EQ(RemoveTitleSuffix("Markets fall sharply on Monday — nj.com", ""), "Markets fall sharply on Monday");
  EXPECT_EQ(RemoveTitleSuffix("ارتفاع أسعار النفط في الأسواق العالمية - الجزيرة نت", ""),
            "ارتفاع أسعار النفط في الأسواق العالمية");
  EXPECT_EQ(RemoveTitleSuffix("Al Waqt | Oil prices rise again", "Al Waqt"), "Oil prices rise again");
  EXPECT_EQ(RemoveTitleSuffix("Oil - the long view from OPEC headquarters | Energy Desk | The Times", "The Times"),
            "Oil - the long view from OPEC headquarters");
  // A dash inside a short title is not a site suffix.
  EXPECT_EQ(RemoveTitleSuffix("Covid-19 - what we know", ""), "Covid-19 - what we know");
  EXPECT_EQ(RemoveTitleSuffix("  Plain   title ", ""), "Plain title");
}

TEST(HtmlExtractor, SiteNameFallsBackToDomainAndLanguageToScript) {
  ExtractedPage p = MustExtract("<html><body><p>هذا نص عربي طويل بما يكفي ليكون فقرة من خبر، وفيه فاصلة ونقطة.</p></body></html>",
                                "https://www.example.org/news/1");
  EXPECT_EQ(p.site_name, "example.org");
  EXPECT_EQ(p.language, "ar");
  ExtractedPage e = MustExtract("<html><body><p>The council voted on the plan and the mayor said it is a good day for the city.</p></body></html>");
  EXPECT_EQ(e.language, "en");
  ExtractedPage l = MustExtract("<html lang='en-GB'><body><p>x</p></body></html>");
  EXPECT_EQ(l.language, "en");
}

TEST(HtmlExtractor, AuthorSources) {
  EXPECT_EQ(MustExtract("<html><head><meta name='author' content='Huda Salem'></head><body></body></html>").author,
            "Huda Salem");
  EXPECT_EQ(MustExtract("<html><body><a rel='author' href='/u/1'>Omar Nasser</a></body></html>").author, "Omar Nasser");
  EXPECT_EQ(MustExtract("<html><body><div class='byline'>By Jane Roe</div></body></html>").author, "By Jane Roe");
  EXPECT_EQ(MustExtract("<html><head><meta property='article:author' content='https://facebook.com/x'></head>"
                        "<body><span itemprop='author'>Nour</span></body></html>")
                .author,
            "Nour");
}

TEST(HtmlExtractor, BreaksListsAndTables) {
  const char html[] = R"(<html><body><div class="story-content">
<p>First line of the story, long enough to count as prose.<br>Second line after a break.</p>
<ul><li>Point one, with a comma.</li><li>Point two, with a comma.</li></ul>
<table><tr><td>Team A</td><td>3</td></tr><tr><td>Team B</td><td>1</td></tr></table>
<p>Closing paragraph of the story, also long enough to be prose.</p></div></body></html>)";
  ExtractedPage p = MustExtract(html);
  EXPECT_NE(p.body.find("prose.\nSecond line"), std::string::npos) << p.body;
  EXPECT_NE(p.body.find("Point one, with a comma.\n\nPoint two"), std::string::npos) << p.body;
  EXPECT_NE(p.body.find("Team A 3\n\nTeam B 1"), std::string::npos) << p.body;
}

TEST(HtmlExtractor, ItempropArticleBodyWins) {
  std::string filler;
  for (int i = 0; i < 10; ++i) filler += "<p>Sidebar teaser paragraph number with words, commas, and more words here.</p>";
  std::string html = "<html><body><div class='x'>" + filler +
                     "</div><div itemprop='articleBody'><p>The real story starts here and it keeps going for a "
                     "while, with details about the event, the people, and the place. It is long enough to be "
                     "counted as the article body by the extractor, which wants at least two hundred characters of text before it trusts the mark.</p></div></body></html>";
  ExtractedPage p = MustExtract(html);
  EXPECT_EQ(p.body.find("Sidebar teaser"), std::string::npos) << p.body;
  EXPECT_NE(p.body.find("The real story starts here"), std::string::npos);
}

TEST(HtmlExtractor, HiddenAndScriptContentNeverAppears) {
  const char html[] = R"(<html><body><div class="article-content">
<p>Visible paragraph of the article, long enough, with a comma.</p>
<p style="display: none">Hidden paragraph that readers never see, long enough, with a comma.</p>
<script>var s = "<p>script text</p>";</script><style>p{color:red}</style>
<!-- <p>commented out paragraph</p> -->
<noscript><p>Please enable JavaScript</p></noscript></div></body></html>)";
  ExtractedPage p = MustExtract(html);
  EXPECT_NE(p.body.find("Visible paragraph"), std::string::npos);
  for (const char* junk : {"Hidden paragraph", "script text", "color:red", "commented out", "enable JavaScript"}) {
    EXPECT_EQ(p.body.find(junk), std::string::npos) << junk;
  }
}

}  // namespace
}  // namespace marsad::html
