#include "clean/cleaner.h"

#include <algorithm>

#include "clean/byline_reader.h"
#include "clean/char_refs.h"
#include "clean/date_parser.h"
#include "clean/marker_table.h"
#include "clean/outlet_table.h"
#include "clean/page_metadata.h"
#include "clean/page_segmenter.h"
#include "clean/wire_finder.h"
#include "core/ids.h"
#include "core/utf8.h"
#include "html/html_extractor.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

// How far into the page a dateline ("تاريخ النشر: ...") is looked for, and how long it
// may be: a longer line is a sentence that merely mentions a date.
constexpr size_t kHeaderLines = 5;
constexpr size_t kMaxDatelineWords = 12;

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(start, nl - start);
    // Trim ASCII space, tabs, CR and no-break spaces (U+00A0 is 0xC2 0xA0).
    while (!l.empty()) {
      if (l.front() == ' ' || l.front() == '\t' || l.front() == '\r') {
        l.remove_prefix(1);
      } else if (l.size() >= 2 && l.substr(0, 2) == "\xC2\xA0") {
        l.remove_prefix(2);
      } else {
        break;
      }
    }
    while (!l.empty()) {
      if (l.back() == ' ' || l.back() == '\t' || l.back() == '\r') {
        l.remove_suffix(1);
      } else if (l.size() >= 2 && l.substr(l.size() - 2) == "\xC2\xA0") {
        l.remove_suffix(2);
      } else {
        break;
      }
    }
    if (!l.empty()) lines.emplace_back(l);
    start = nl + 1;
  }
  return lines;
}

// "Qasem (زائر)": some scrapers stored a reader comment's name ("visitor") as the author.
bool IsReaderCommentName(std::string_view author) {
  std::string key = text::MatchKey(author);
  std::string_view visitor = "(\u0632\u0627\u064A\u0631)";  // "(زاير)" at MatchKey level
  return key.size() >= visitor.size() && key.compare(key.size() - visitor.size(), visitor.size(), visitor) == 0;
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

}  // namespace

struct Cleaner::Impl {
  MarkerTable markers;
  PageSegmenter segmenter{&markers};
  DateParser dates;
  OutletTable outlets;
  WireFinder wires;
  html::HtmlExtractor extractor;

  std::optional<std::string> OutletName(std::string_view name) const {
    if (name.empty()) return std::nullopt;
    if (auto o = outlets.ByName(name)) return o->name_en;
    if (auto o = outlets.ByUrl(name)) return o->name_en;
    return std::string(name);
  }
};

Cleaner::Cleaner() : impl_(std::make_unique<Impl>()) {}
Cleaner::~Cleaner() = default;

Article Cleaner::Clean(const RawDocument& doc) const {
  const Impl& im = *impl_;
  Article a;
  a.input = doc.input;
  a.invalid_utf8 = doc.invalid_utf8;
  // Scrapers leave character references in plain fields ("&#8220;", "&nbsp;").
  DocHints h = doc.hints;
  for (std::string* f : {&h.title, &h.author, &h.source, &h.url, &h.date}) *f = CleanField(*f);

  html::ExtractedPage page;
  std::string_view body = doc.body;
  if (doc.format == DocFormat::kHtml) {
    auto r = im.extractor.Extract(doc.body, h.url);
    if (r.ok()) page = std::move(r).value();
    body = page.body;  // an unusable page leaves the text empty (the pipeline reports it)
  }

  std::vector<std::string> lines = SplitLines(text::NormalizeDisplay(body));

  // Reference date for "اليوم"/"أمس": the crawl date when the input gives one.
  std::optional<DateValue> crawl;
  if (!h.crawl_date.empty()) {
    if (auto r = im.dates.Parse(h.crawl_date); r.ok()) crawl = r.value();
  }
  const DateValue* ref = crawl ? &*crawl : nullptr;

  // Title: input hint, html title, else a leading headline-shaped line followed by body.
  std::string title = !h.title.empty() ? h.title : page.title;
  if (!title.empty() && !lines.empty() && text::MatchKey(lines[0]) == text::MatchKey(title)) {
    lines.erase(lines.begin());
  }

  // Datelines near the top of the page.
  std::vector<RemovedBlock> header_removed;
  std::optional<DateValue> text_date;
  for (size_t i = 0; i < lines.size() && i < kHeaderLines; ++i) {
    if (CountWords(lines[i]) > kMaxDatelineWords || IsSocialEmbedLine(lines[i])) continue;
    auto found = im.dates.FindAll(lines[i], ref, 1);
    if (found.empty()) continue;
    // The line must be the date plus at most a short label ("تاريخ النشر:", a weekday).
    // All dates on the line count ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م").
    // A relative word ("اليوم") is a date only when it is nearly alone on the line:
    // "عين اليوم – جدة" names an outlet.
    auto all = im.dates.FindAll(lines[i], ref, 3);
    size_t other = CountWords(lines[i]);
    for (const DateMatch& m : all) {
      size_t b0 = utf8::ByteOffsetOfCodePoint(lines[i], m.start);
      size_t b1 = utf8::ByteOffsetOfCodePoint(lines[i], m.end);
      other -= std::min(other, CountWords(std::string_view(lines[i]).substr(b0, b1 - b0)));
    }
    size_t max_other = found[0].value.written_as == "relative" ? 1 : 4;
    if (other > max_other) continue;
    text_date = found[0].value;
    header_removed.push_back({"other", lines[i]});
    lines.erase(lines.begin() + static_cast<long>(i));
    break;
  }
  if (title.empty()) {
    // The first line that is not boilerplate, if it is headline-shaped and body follows.
    size_t i = 0;
    while (i < lines.size() && i < kHeaderLines && IsBoilerplateLine(im.markers, lines[i])) ++i;
    if (i + 1 < lines.size() && IsHeadlineShaped(lines[i]) && !IsHeadlineShaped(lines[i + 1])) {
      title = lines[i];
      lines.erase(lines.begin() + static_cast<long>(i));
    }
  }
  if (!title.empty()) a.title = text::NormalizeDisplay(title);

  SegmentedPage seg = im.segmenter.Segment(lines);
  std::optional<Byline> byline;
  if (!seg.main.empty()) {
    byline = ReadByline(seg.main[0], seg.main.size() > 1, im.outlets, im.wires);
    if (byline) {
      header_removed.push_back({"source-line", byline->text});
      if (byline->bytes >= seg.main[0].size()) {
        seg.main.erase(seg.main.begin());
      } else {
        seg.main[0].erase(0, byline->bytes);
      }
    }
  }
  a.text = Join(seg.main);
  a.related = std::move(seg.related);
  a.removed = std::move(header_removed);
  for (RemovedBlock& b : seg.removed) a.removed.push_back(std::move(b));

  // URL, author.
  if (!h.url.empty()) {
    a.url = h.url;
  } else if (!page.canonical_url.empty()) {
    a.url = page.canonical_url;
  }
  if (!h.author.empty() && !IsReaderCommentName(h.author)) {
    a.author = h.author;
  } else if (!page.author.empty()) {
    a.author = page.author;
  } else if (byline && !byline->writers.empty()) {
    std::string names;
    for (const std::string& w : byline->writers) names += (names.empty() ? "" : "، ") + w;
    a.author = names;
  }

  // Outlet: input hint, html site name, URL domain, source line.
  if (auto s = im.OutletName(h.source)) {
    a.source = s;
  } else if (auto s2 = im.OutletName(page.site_name)) {
    a.source = s2;
  } else if (a.url && !OutletTable::HostOf(*a.url).empty()) {
    auto o = im.outlets.ByUrl(*a.url);
    a.source = o ? o->name_en : OutletTable::HostOf(*a.url);
  } else if (!seg.source_values.empty()) {
    a.source = im.OutletName(seg.source_values.front());
  }

  // Publication date: input, html metadata, dateline, URL, crawl date.
  std::optional<DateValue> when;
  if (!h.date.empty()) {
    if (auto r = im.dates.Parse(h.date, ref); r.ok()) when = r.value(), a.published_signal = "input";
  }
  if (!when && !page.published.empty()) {
    if (auto r = im.dates.Parse(page.published, ref); r.ok()) {
      when = r.value();
      a.published_signal = page.published_signal.empty() ? "html-meta" : "html:" + page.published_signal;
    }
  }
  if (!when && text_date) when = text_date, a.published_signal = "text-header";
  if (!when && a.url) {
    if (auto d = DateFromUrl(*a.url)) when = d, a.published_signal = "url";
  }
  if (!when && crawl) {
    // The page existed by then; the time of the crawl says nothing about publication.
    when = DateValue::Ymd(crawl->year, crawl->month, crawl->day);
    a.published_signal = "crawl-date";
  }
  if (when) a.published = when->ToIso();

  a.wires = byline ? byline->wires : std::vector<std::string>{};
  for (std::string& w : im.wires.Find(a.text)) {
    if (std::find(a.wires.begin(), a.wires.end(), w) == a.wires.end()) a.wires.push_back(std::move(w));
  }
  // Agencies are often credited only in the byline ("الرياض - واس", "أ ف ب").
  for (std::string_view byline : {std::string_view(h.author), std::string_view(page.author)}) {
    for (std::string& w : im.wires.Find(byline)) {
      if (std::find(a.wires.begin(), a.wires.end(), w) == a.wires.end()) a.wires.push_back(std::move(w));
    }
  }
  for (const std::string& t : seg.tag_values) {
    for (std::string& k : SplitKeywords(t)) a.keywords.push_back(std::move(k));
  }
  if (a.keywords.empty() && !page.keywords.empty()) a.keywords = SplitKeywords(page.keywords);

  a.language = DetectLanguage(a.text.empty() ? std::string_view(body) : std::string_view(a.text));
  if (a.language == "und" && !page.language.empty()) a.language = page.language;
  a.content_hash = ShortHash(text::MatchKey(a.text));
  return a;
}

}  // namespace marsad::clean
