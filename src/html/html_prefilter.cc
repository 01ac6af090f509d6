#include "html/html_prefilter.h"

#include <array>
#include <cstring>

namespace marsad::html {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) { return IsAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':'; }

bool StartsWithCi(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (Lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

// Position of "</name" (case-insensitive, followed by a non-name character), or npos.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (true) {
    size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    size_t after = p + 2 + name.size();
    if (StartsWithCi(s, p + 2, name) && (after >= s.size() || !IsNameChar(s[after]))) return p;
    from = p + 2;
  }
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (s == name) return true;
  }
  return false;
}

// Elements whose content the extractor never uses; cut with their content.
bool IsDroppedWithContent(std::string_view n) {
  return OneOf(n, {"script", "style", "svg", "noscript", "template", "math"});
}
// Raw text / RCDATA elements: '<' inside them does not open a tag.
bool IsRawText(std::string_view n) { return OneOf(n, {"title", "textarea", "xmp", "iframe", "noembed", "noframes"}); }
// Elements that never stay open (void) or that the tree builder closes implicitly when a
// sibling opens; they do not deepen the tree in practice, so they do not count.
bool IsUncounted(std::string_view n) {
  return OneOf(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup",
                   "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html",
                   "head", "body"});
}


bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Attributes the extractor reads. Everything else (src, srcset, data-*, onclick, long
// inline styles...) is often most of a page's bytes and costs gumbo an allocation each.
bool IsKeptAttribute(std::string_view tag, std::string_view attr, std::string_view value) {
  if (OneOf(attr, {"class", "id", "itemprop", "rel", "hidden", "aria-hidden", "lang", "content", "name",
                   "property", "http-equiv", "datetime"})) {
    return true;
  }
  if (attr == "href") return tag == "link";
  if (attr == "style") {  // only the styles that hide an element matter
    return value.find("none") != std::string_view::npos || value.find("hidden") != std::string_view::npos;
  }
  return false;
}

// Appends "<name" + the kept attributes (as written) + ">" for the start tag whose
// attributes are in attrs (the text between the tag name and the closing '>').
void AppendFilteredStartTag(std::string_view tag, std::string_view raw_open, std::string_view attrs,
                            std::string* out) {
  out->append(raw_open);
  size_t k = 0;
  const size_t n = attrs.size();
  std::array<char, 16> lower{};
  while (k < n) {
    while (k < n && (IsSpace(attrs[k]) || attrs[k] == '/')) ++k;
    const size_t name_begin = k;
    while (k < n && !IsSpace(attrs[k]) && attrs[k] != '=' && attrs[k] != '/') ++k;
    const size_t name_end = k;
    if (name_end == name_begin) break;
    size_t value_begin = k, value_end = k;
    size_t m = k;
    while (m < n && IsSpace(attrs[m])) ++m;
    if (m < n && attrs[m] == '=') {
      ++m;
      while (m < n && IsSpace(attrs[m])) ++m;
      if (m < n && (attrs[m] == '"' || attrs[m] == '\'')) {
        const char q = attrs[m];
        size_t close = attrs.find(q, m + 1);
        if (close == std::string_view::npos) close = n - 1;
        value_begin = m + 1;
        value_end = close;
        k = close + 1;
      } else {
        value_begin = m;
        while (m < n && !IsSpace(attrs[m])) ++m;
        value_end = m;
        k = m;
      }
    }
    const size_t len = name_end - name_begin;
    if (len >= lower.size()) continue;
    for (size_t c = 0; c < len; ++c) lower[c] = Lower(attrs[name_begin + c]);
    if (IsKeptAttribute(tag, std::string_view(lower.data(), len), attrs.substr(value_begin, value_end - value_begin))) {
      out->push_back(' ');
      out->append(attrs.substr(name_begin, k - name_begin));
    }
  }
  if (!attrs.empty() && attrs.back() == '/') out->push_back('/');
  out->push_back('>');
}

}  // namespace

PrefilteredHtml PrefilterHtml(std::string_view in, size_t max_depth) {
  PrefilteredHtml out;
  out.html.reserve(in.size());
  const size_t n = in.size();
  size_t i = 0;
  size_t depth = 0;
  std::array<char, 16> name_buf{};
  while (i < n) {
    size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) {
      out.html.append(in.substr(i));
      break;
    }
    out.html.append(in.substr(i, lt - i));
    if (StartsWithCi(in, lt, "<!--")) {
      size_t end = in.find("-->", lt + 4);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    const bool closing = lt + 1 < n && in[lt + 1] == '/';
    const size_t name_start = lt + 1 + (closing ? 1 : 0);
    if (name_start >= n || !IsAlpha(in[name_start])) {
      // "<!doctype", "<?xml", or a literal '<' in text: copy one byte and go on.
      out.html.push_back('<');
      i = lt + 1;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < n && IsNameChar(in[name_end])) ++name_end;
    // Find the '>' that ends the tag, skipping quoted attribute values.
    size_t j = name_end;
    char quote = 0;
    char prev = 0;
    for (; j < n; ++j) {
      char c = in[j];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '>') {
        break;
      } else if ((c == '"' || c == '\'') && prev == '=') {
        quote = c;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') prev = c;
    }
    if (j >= n) {  // truncated tag: let gumbo see the rest as it is
      out.html.append(in.substr(lt));
      break;
    }
    const size_t tag_end = j + 1;
    const size_t name_len = name_end - name_start;
    std::string_view name;
    if (name_len < name_buf.size()) {
      for (size_t k = 0; k < name_len; ++k) name_buf[k] = Lower(in[name_start + k]);
      name = std::string_view(name_buf.data(), name_len);
    }
    const bool self_closing = in[j - 1] == '/';
    if (!closing && IsDroppedWithContent(name)) {
      if (self_closing && name == "svg") {
        i = tag_end;
        continue;
      }
      size_t close = FindEndTag(in, tag_end, name);
      std::string_view content = in.substr(tag_end, (close == std::string_view::npos ? n : close) - tag_end);
      if (name == "script") {
        std::string_view attrs = in.substr(name_end, j - name_end);
        for (size_t k = 0; k + 7 <= attrs.size(); ++k) {
          if (StartsWithCi(attrs, k, "ld+json")) {
            out.json_ld.emplace_back(content);
            break;
          }
        }
      }
      if (close == std::string_view::npos) break;
      size_t gt = in.find('>', close);
      i = gt == std::string_view::npos ? n : gt + 1;
      continue;
    }
    if (!closing && IsRawText(name) && !self_closing) {
      size_t close = FindEndTag(in, tag_end, name);
      size_t gt = close == std::string_view::npos ? std::string_view::npos : in.find('>', close);
      size_t stop = gt == std::string_view::npos ? n : gt + 1;
      out.html.append(in.substr(lt, stop - lt));
      i = stop;
      continue;
    }
    // Names too long for the buffer are custom elements: they count.
    const bool counted = !self_closing && (name.empty() || !IsUncounted(name));
    if (closing) {
      if (counted && depth > 0) --depth;
    } else if (counted) {
      if (depth >= max_depth) {
        ++out.dropped_deep_tags;
        i = tag_end;
        continue;
      }
      ++depth;
    }
    if (closing || name.empty()) {
      out.html.append(in.substr(lt, tag_end - lt));
    } else {
      AppendFilteredStartTag(name, in.substr(lt, name_end - lt), in.substr(name_end, j - name_end), &out.html);
    }
    i = tag_end;
  }
  return out;
}

}  // namespace marsad::html
