#include "html/metadata_reader.h"

#include <array>
#include <map>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/embedded_data.h"
#include "core/utf8.h"
#include "html/dom_index.h"

namespace marsad::html {
namespace {

// Whitespace-collapsed, trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Text content of an element, iteratively, stopping after limit bytes.
std::string TextOf(const GumboNode* node, size_t limit) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out.append(n->v.text.text);
      out.push_back(' ');
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = n->v.element.children;
      for (unsigned k = ch.length; k > 0; --k) stack.push_back(static_cast<const GumboNode*>(ch.data[k - 1]));
    }
  }
  return Collapse(out);
}

struct Found {
  std::map<std::string, std::string> meta;  // lowercased name/property/itemprop -> content
  std::string html_lang, title, h1, canonical, rel_author, time_datetime, time_text, itemprop_date;
  std::string byline, visible_text;
};

void Walk(const GumboNode* root, Found* f) {
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};  // node, inside <body>
  while (!stack.empty()) {
    auto [n, in_body] = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      if (in_body && f->visible_text.size() < 20000) {
        f->visible_text.append(n->v.text.text);
        f->visible_text.push_back(' ');
      }
      continue;
    }
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      children = &n->v.element.children;
      const GumboTag tag = n->v.element.tag;
      auto attr = [node = n](const char* name) { return DomIndex::Attr(node, name); };  // init-capture: clang < 16 cannot capture a structured binding
      switch (tag) {
        case GUMBO_TAG_HTML:
          if (f->html_lang.empty()) f->html_lang = Collapse(attr("lang"));
          break;
        case GUMBO_TAG_META: {
          std::string_view content = attr("content");
          for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
            std::string_view k = attr(key);
            if (!k.empty() && !content.empty()) f->meta.emplace(AsciiLower(Collapse(k)), Collapse(content));
          }
          break;
        }
        case GUMBO_TAG_TITLE:
          if (f->title.empty()) f->title = TextOf(n, 2000);
          break;
        case GUMBO_TAG_H1:
          if (f->h1.empty()) f->h1 = TextOf(n, 2000);
          break;
        case GUMBO_TAG_LINK: case GUMBO_TAG_A: {
          std::string rel = AsciiLower(attr("rel"));
          if (tag == GUMBO_TAG_LINK && rel == "canonical" && f->canonical.empty()) f->canonical = Collapse(attr("href"));
          if (tag == GUMBO_TAG_A && rel.find("author") != std::string::npos && f->rel_author.empty()) {
            f->rel_author = TextOf(n, 200);
          }
          break;
        }
        case GUMBO_TAG_TIME:
          if (f->time_datetime.empty() && !attr("datetime").empty()) f->time_datetime = Collapse(attr("datetime"));
          if (f->time_text.empty()) f->time_text = TextOf(n, 200);
          break;
        default:
          break;
      }
      if (tag != GUMBO_TAG_META && f->itemprop_date.empty() && attr("itemprop") == "datePublished") {
        std::string_view v = attr("datetime");
        if (v.empty()) v = attr("content");
        f->itemprop_date = v.empty() ? TextOf(n, 200) : Collapse(v);
      }
      if (in_body && f->byline.empty() && tag != GUMBO_TAG_BODY) {
        std::string cls = AsciiLower(attr("class"));
        if (cls.find("byline") != std::string::npos || cls.find("author-name") != std::string::npos ||
            attr("itemprop") == "author") {
          std::string t = TextOf(n, 300);
          if (!t.empty() && t.size() <= 120) f->byline = t;
        }
      }
      in_body = in_body || tag == GUMBO_TAG_BODY;
    } else {
      continue;
    }
    for (unsigned k = children->length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(children->data[k - 1]), in_body});
    }
  }
  f->visible_text = Collapse(f->visible_text);
}

std::string MetaValue(const Found& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = f.meta.find(k);
    if (it != f.meta.end() && !it->second.empty()) return it->second;
  }
  return {};
}

std::string DomainOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return AsciiLower(rest);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

std::string RemoveTitleSuffix(std::string_view title, std::string_view site_name) {
  static constexpr std::array<std::string_view, 8> kSeparators = {" | ", " - ", " — ", " – ", " :: ",
                                                                  " « ", " » ", " · "};
  std::string t = Collapse(title);
  const std::string site = AsciiLower(site_name);
  for (std::string_view sep : kSeparators) {
    size_t last = t.rfind(sep);
    if (last != std::string::npos && last > 0) {
      std::string tail = t.substr(last + sep.size());
      std::string ltail = AsciiLower(tail);
      bool names_site = !site.empty() && (ltail.find(site) != std::string::npos || site.find(ltail) != std::string::npos);
      if (names_site || (CountWords(tail) <= 4 && CountWords(tail) < CountWords(t.substr(0, last)))) {
        return RemoveTitleSuffix(t.substr(0, last), site_name);
      }
    }
    size_t first = t.find(sep);
    if (first != std::string::npos && !site.empty() && AsciiLower(t.substr(0, first)) == site) {
      return t.substr(first + sep.size());
    }
  }
  return t;
}

std::string FindVisibleDate(std::string_view text) {
  static const std::vector<std::string> months = [] {
    std::vector<std::string> m;
    for (const std::string& line : DataLines("html/month_names.tsv")) {
      size_t tab = line.find('\t');
      if (tab != std::string::npos) m.push_back(line.substr(tab + 1));
    }
    return m;
  }();
  for (size_t p = 0; p + 4 <= text.size(); ++p) {
    bool year = (text.substr(p, 2) == "19" || text.substr(p, 2) == "20") && IsDigit(text[p + 2]) &&
                IsDigit(text[p + 3]) && (p == 0 || !IsDigit(text[p - 1])) &&
                (p + 4 == text.size() || !IsDigit(text[p + 4]));
    if (!year) continue;
    if (p + 10 <= text.size() && (text[p + 4] == '-' || text[p + 4] == '/') && IsDigit(text[p + 5]) &&
        IsDigit(text[p + 6]) && text[p + 7] == text[p + 4] && IsDigit(text[p + 8]) && IsDigit(text[p + 9])) {
      return std::string(text.substr(p, 10));
    }
    if (p >= 4 && (text[p - 1] == '/' || text[p - 1] == '-' || text[p - 1] == '.')) {
      size_t s = p - 1;
      size_t digits = 0;
      while (s > 0 && (IsDigit(text[s - 1]) || text[s - 1] == text[p - 1]) && digits < 6) {
        --s;
        ++digits;
      }
      if (digits >= 3) return std::string(text.substr(s, p + 4 - s));
    }
    // A month name within the 40 bytes before the year.
    size_t from = p >= 40 ? p - 40 : 0;
    std::string window = AsciiLower(text.substr(from, p - from));
    size_t best = std::string::npos;
    for (const std::string& m : months) {
      size_t at = window.rfind(m);
      if (at == std::string::npos) continue;
      bool left_ok = at == 0 || window[at - 1] == ' ' || IsDigit(window[at - 1]);
      size_t after = at + m.size();
      bool right_ok = after == window.size() || window[after] == ' ' || window[after] == '.' || window[after] == ',';
      if (left_ok && right_ok && (best == std::string::npos || at < best)) best = at;
    }
    if (best != std::string::npos) {
      size_t start = from + best;
      // Include a day number just before the month name ("20 November 2019").
      size_t s = start;
      while (s > 0 && text[s - 1] == ' ') --s;
      size_t d = s;
      while (d > 0 && IsDigit(text[d - 1]) && s - d < 2) --d;
      if (d < s) start = d;
      return std::string(text.substr(start, p + 4 - start));
    }
  }
  return {};
}

std::string GuessLanguage(std::string_view text) {
  size_t arabic = 0;
  size_t latin = 0;
  for (size_t pos = 0; pos < text.size() && arabic + latin < 5000;) {
    char32_t cp = utf8::DecodeNext(text, &pos);
    if (cp >= 0x0600 && cp <= 0x06FF) ++arabic;
    else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) ++latin;
  }
  if (arabic == 0 && latin == 0) return {};
  if (arabic >= latin) return "ar";
  // Latin script: say "en" only when English function words are common.
  std::string lower(1, ' ');
  lower.append(AsciiLower(text.substr(0, 20000)));
  lower.push_back(' ');
  size_t hits = 0;
  for (std::string_view w : {" the ", " and ", " of ", " to ", " is ", " in "}) {
    for (size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1)) ++hits;
  }
  return hits * 40 >= CountWords(lower) ? "en" : "";
}

void ReadMetadata(const GumboNode* root, const JsonLdArticle& ld, std::string_view url,
                  std::string_view body_text, ExtractedPage* page) {
  Found f;
  if (root != nullptr) Walk(root, &f);

  page->canonical_url = f.canonical;
  if (page->canonical_url.empty()) page->canonical_url = MetaValue(f, {"og:url"});
  if (page->canonical_url.empty()) page->canonical_url = ld.url;

  page->site_name = MetaValue(f, {"og:site_name", "application-name"});
  if (page->site_name.empty()) page->site_name = ld.publisher;
  if (page->site_name.empty()) page->site_name = DomainOf(url);
  if (page->site_name.empty()) page->site_name = DomainOf(page->canonical_url);

  std::string title = MetaValue(f, {"og:title", "twitter:title"});
  if (title.empty()) title = ld.headline;
  if (title.empty()) title = f.h1;
  if (title.empty()) title = f.title;
  page->title = RemoveTitleSuffix(title, page->site_name);

  struct DateSource {
    std::string value;
    const char* signal;
  };
  const DateSource dates[] = {
      {MetaValue(f, {"article:published_time"}), "meta:article:published_time"},
      {MetaValue(f, {"og:published_time", "og:article:published_time"}), "meta:og:published_time"},
      {MetaValue(f, {"datepublished"}), "meta:itemprop:datePublished"},
      {MetaValue(f, {"date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
                     "dcterms.date", "sailthru.date", "parsely-pub-date"}),
       "meta:date"},
      {ld.date_published, "json-ld"},
      {f.itemprop_date, "itemprop"},
      {f.time_datetime, "time"},
      {FindVisibleDate(f.visible_text), "text"},
  };
  for (const DateSource& d : dates) {
    if (!d.value.empty()) {
      page->published = d.value;
      page->published_signal = d.signal;
      break;
    }
  }

  page->author = MetaValue(f, {"author", "article:author", "byl", "parsely-author", "dc.creator"});
  if (page->author.rfind("http", 0) == 0) page->author.clear();  // article:author is often a profile URL
  if (page->author.empty()) page->author = ld.author;
  if (page->author.empty()) page->author = f.rel_author;
  if (page->author.empty()) page->author = f.byline;

  std::string lang = f.html_lang.empty() ? MetaValue(f, {"content-language", "language", "og:locale"}) : f.html_lang;
  lang = AsciiLower(lang.substr(0, lang.find_first_of("-_,; ")));
  page->language = lang.empty() ? GuessLanguage(body_text) : lang;

  page->keywords = MetaValue(f, {"keywords", "news_keywords"});
  if (page->keywords.empty()) page->keywords = ld.keywords;
}

}  // namespace marsad::html
