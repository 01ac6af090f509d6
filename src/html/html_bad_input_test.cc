// Bad and hostile input: the extractor returns a clear error or a page, never crashes,
// never recurses on nesting depth, and stays fast.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "html/html_extractor.h"
#include "html/html_prefilter.h"
#include "html/node_hints.h"

namespace marsad::html {
namespace {

TEST(HtmlBadInput, EmptyAndWhitespace) {
  for (std::string_view in : {std::string_view(), std::string_view("   \n\t  ")}) {
    auto r = HtmlExtractor().Extract(in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r.value().body, "");
    EXPECT_EQ(r.value().title, "");
  }
}

TEST(HtmlBadInput, BinaryJunkIsRefused) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  auto r = HtmlExtractor().Extract(junk);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("binary"), std::string::npos) << r.status().message();
}

TEST(HtmlBadInput, OversizedPageIsRefusedWithTheLimitInTheMessage) {
  ExtractorOptions opt;
  opt.max_input_bytes = 1000;
  std::string big = "<html><body><p>" + std::string(2000, 'a') + "</p></body></html>";
  auto r = HtmlExtractor(opt).Extract(big);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("1000"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("max_input_bytes"), std::string::npos);
  opt.max_input_bytes = big.size();
  EXPECT_TRUE(HtmlExtractor(opt).Extract(big).ok()) << "a page exactly at the limit is accepted";
}

TEST(HtmlBadInput, TruncatedHtml) {
  const std::string page =
      "<html><head><title>Cut short</title></head><body><div class='article-content'><p>The paragraph "
      "that was cut in the middle of a sentence, with a comma, and then <a href=\"/x";
  for (size_t cut : {size_t{10}, size_t{40}, page.size() / 2, page.size()}) {
    auto r = HtmlExtractor().Extract(page.substr(0, cut));
    EXPECT_TRUE(r.ok()) << cut;
  }
  auto r = HtmlExtractor().Extract(page);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().body.find("The paragraph that was cut"), std::string::npos) << r.value().body;
  for (const char* tail : {"<script>var a = 1;", "<!-- unterminated comment", "<style>p{", "<svg><path d='"}) {
    EXPECT_TRUE(HtmlExtractor().Extract(std::string("<p>text before</p>") + tail).ok()) << tail;
  }
}

TEST(HtmlBadInput, InvalidUtf8DoesNotCrash) {
  std::string s = "<html><body><p>Valid start, then bad bytes: \xC3\x28 \xFF\xFE \xE2\x82 and an end.</p></body></html>";
  auto r = HtmlExtractor().Extract(s);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().body.find("Valid start"), std::string::npos);
}

TEST(HtmlBadInput, HundredThousandNestedDivsIsFastAndKeepsText) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep text at the bottom of the nesting, with a comma, and a full stop.</p>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  auto start = std::chrono::steady_clock::now();
  auto r = HtmlExtractor().Extract(deep);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.value().body.find("Deep text at the bottom"), std::string::npos);
  EXPECT_LT(secs, 5.0) << "gumbo is quadratic in depth; the prefilter must cap it";
}

TEST(HtmlBadInput, DeepInlineAndUnclosedTags) {
  for (const char* tag : {"<b>", "<span>", "<a href=x>", "<table><tr><td>", "<ul><li>", "<custom-element-with-long-name>"}) {
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += tag;
    deep += "text";
    auto r = HtmlExtractor().Extract(deep);
    EXPECT_TRUE(r.ok()) << tag;
  }
}

TEST(HtmlPrefilter, CutsScriptsStylesCommentsKeepsJsonLd) {
  PrefilteredHtml p = PrefilterHtml(
      "<p class='a > b' data-x=\"1\" onclick=go()>x</p><!-- c --><script>if (a < b) {}</script>"
      "<SCRIPT type=\"application/ld+json\">{\"a\":1}</SCRIPT><style>p{}</style><svg><g/></svg><textarea><b></textarea>y");
  EXPECT_EQ(p.html, "<p class='a > b'>x</p><textarea><b></textarea>y");
  ASSERT_EQ(p.json_ld.size(), 1u);
  EXPECT_EQ(p.json_ld[0], "{\"a\":1}");
}

TEST(HtmlPrefilter, DepthCapDropsOnlyDeepStartTags) {
  std::string in;
  for (int i = 0; i < 10; ++i) in += "<div>";
  in += "t";
  for (int i = 0; i < 10; ++i) in += "</div>";
  PrefilteredHtml p = PrefilterHtml(in, 4);
  EXPECT_EQ(p.dropped_deep_tags, 6u);
  EXPECT_NE(p.html.find("<div><div><div><div>t</div>"), std::string::npos) << p.html;
  // Void and self-closing tags and implicitly closed <p>/<li> do not deepen the count.
  PrefilteredHtml q = PrefilterHtml("<div><br><img src=x><p>a<p>b<li>c<li>d<span/></div>", 1);
  EXPECT_EQ(q.dropped_deep_tags, 0u);
}

TEST(HtmlNodeHints, SignsWordsAndShadowing) {
  NodeHints h("# header\n+\tsub\tcontent\n-\tsub\tnocontent\n-\tword\tad\n~\tsub\twidget\nbad line\n");
  EXPECT_TRUE(h.Classify("entry-content").positive);
  EXPECT_FALSE(h.Classify("entry-content").negative);
  HintVerdict nc = h.Classify("robots-nocontent");
  EXPECT_TRUE(nc.negative);
  EXPECT_FALSE(nc.positive) << "content inside nocontent is shadowed";
  EXPECT_TRUE(h.Classify("top-ad banner").negative);
  EXPECT_TRUE(h.Classify("sidebarAd").negative) << "camelCase humps are words";
  EXPECT_FALSE(h.Classify("header-shadow loading").negative) << "'ad' inside words does not count";
  EXPECT_TRUE(h.Classify("elementor-widget").weak);
  EXPECT_FALSE(h.Classify("").positive);
}

}  // namespace
}  // namespace marsad::html
