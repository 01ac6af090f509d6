#include "html/html_extractor.h"

#include <gumbo.h>

#include <memory>
#include <string>

#include "html/content_scorer.h"
#include "html/dom_index.h"
#include "html/html_prefilter.h"
#include "html/json_ld_reader.h"
#include "html/metadata_reader.h"
#include "html/node_hints.h"
#include "html/text_renderer.h"

namespace marsad::html {
namespace {

struct GumboDeleter {
  const GumboOptions* options;
  void operator()(GumboOutput* out) const { gumbo_destroy_output(options, out); }
};

// Binary data (images, archives, PDFs) sent as HTML: many C0 control bytes early on.
bool LooksBinary(std::string_view s) {
  std::string_view head = s.substr(0, 4096);
  size_t controls = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 100 > head.size() * 2;  // more than 2%
}

// JSON-LD articleBody as paragraphs: its own line breaks become paragraph breaks.
std::string ParagraphsOf(std::string_view text) {
  std::string out;
  bool space = false;
  int breaks = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      ++breaks;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (breaks > 0) out.append("\n\n");
      else if (space) out.push_back(' ');
    }
    breaks = 0;
    space = false;
    out.push_back(c);
  }
  return out;
}

size_t CountNonSpace(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b != ' ' && b != '\n' && (b & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

Result<ExtractedPage> HtmlExtractor::Extract(std::string_view html, std::string_view url) const {
  if (html.size() > options_.max_input_bytes) {
    return Status::InvalidArgument("HTML page of " + std::to_string(html.size()) + " bytes is over the limit of " +
                                   std::to_string(options_.max_input_bytes) +
                                   " bytes (ExtractorOptions::max_input_bytes); skip it or raise the limit");
  }
  if (LooksBinary(html)) {
    return Status::InvalidArgument("input is binary data, not HTML (control bytes in the first 4 KiB)");
  }
  ExtractedPage page;
  PrefilteredHtml pre = PrefilterHtml(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not used; recording them costs time and memory
  std::unique_ptr<GumboOutput, GumboDeleter> parsed(
      gumbo_parse_with_options(&options, pre.html.data(), pre.html.size()), GumboDeleter{&options});
  if (parsed == nullptr) return Status::Internal("gumbo returned no parse tree");

  const JsonLdArticle json_ld = ReadJsonLd(pre.json_ld);
  {
    DomIndex index(parsed->document, NodeHints::Default());
    ContentScorer scorer(index);
    TextRenderer renderer(index, RenderOptions{});
    page.body = renderer.Render(scorer.Select());
  }
  // The page's own structured copy of the text wins when the DOM pick is much shorter
  // (wrong container, or text loaded by script).
  if (CountNonSpace(json_ld.article_body) >= 200 && CountNonSpace(page.body) * 2 < CountNonSpace(json_ld.article_body)) {
    page.body = ParagraphsOf(json_ld.article_body);
  }
  ReadMetadata(parsed->document, json_ld, url, page.body, &page);
  return page;
}

}  // namespace marsad::html
