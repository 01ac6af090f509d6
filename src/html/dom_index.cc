#include "html/dom_index.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace marsad::html {
namespace {

bool IsRemovedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Hidden by attribute: the page author says a reader never sees it.
bool IsHiddenStyle(std::string_view style) {
  std::string compact;
  for (char c : style) {
    if (c != ' ') compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

struct TextCounts {
  uint32_t chars = 0;
  uint32_t punct = 0;
};

TextCounts CountText(const char* s) {
  TextCounts c;
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p != 0; ++p) {
    unsigned char b = *p;
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f') continue;
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    if (b == 0xC2 && p[1] == 0xA0) continue;  // no-break space
    ++c.chars;
    if (b == ',' || b == '.' || b == '!' || b == '?' || b == ';') {
      ++c.punct;
    } else if (b == 0xD8 && (p[1] == 0x8C || p[1] == 0x9B || p[1] == 0x9F)) {
      ++c.punct;  // Arabic comma, semicolon, question mark
    }
  }
  return c;
}

}  // namespace

std::string_view DomIndex::Attr(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool DomIndex::IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_P: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

DomIndex::DomIndex(const GumboNode* root, const NodeHints& hints) {
  Build(root, hints);
  ComputeStats();
}

void DomIndex::Build(const GumboNode* root, const NodeHints& hints) {
  struct Pending {
    const GumboNode* node;
    int32_t parent;
    int32_t block_owner;  // nearest block ancestor (or self), receives own_chars
    bool in_link;
  };
  std::vector<Pending> stack;
  stack.push_back({root, -1, -1, false});
  std::string class_id;
  std::unordered_map<std::string, HintVerdict> hint_cache;
  while (!stack.empty()) {
    Pending p = stack.back();
    stack.pop_back();
    const GumboNode* g = p.node;
    const int32_t idx = static_cast<int32_t>(nodes_.size());
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
      DomNode& d = nodes_.emplace_back();
      d.node = g;
      d.parent = p.parent;
      d.is_text = true;
      TextCounts c = CountText(g->v.text.text);
      d.chars = c.chars;
      d.punct = c.punct;
      d.link_chars = p.in_link ? c.chars : 0;
      if (p.block_owner >= 0) {
        nodes_[p.block_owner].own_chars += c.chars;
        nodes_[p.block_owner].own_punct += c.punct;
        if (p.in_link) nodes_[p.block_owner].own_link_chars += c.chars;
      }
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT && g->type != GUMBO_NODE_TEMPLATE) {
      continue;  // comments
    }
    DomNode& d = nodes_.emplace_back();
    d.node = g;
    d.parent = p.parent;
    const GumboVector* children = nullptr;
    if (g->type == GUMBO_NODE_DOCUMENT) {
      children = &g->v.document.children;
    } else {
      d.tag = g->v.element.tag;
      children = &g->v.element.children;
      if (IsRemovedTag(d.tag) || g->type == GUMBO_NODE_TEMPLATE) {
        d.removed = true;
        continue;
      }
      if (d.tag == GUMBO_TAG_BODY && body_ == 0) body_ = idx;
      d.is_block = IsBlockTag(d.tag);
      // One pass over the attributes instead of a lookup per name (this loop is hot).
      std::string_view cls, id, itemprop;
      bool hidden = false;
      const GumboVector& attrs = g->v.element.attributes;
      for (unsigned k = 0; k < attrs.length; ++k) {
        const GumboAttribute* a = static_cast<const GumboAttribute*>(attrs.data[k]);
        const std::string_view name = a->name;  // gumbo lowercases attribute names
        if (name == "class") cls = a->value;
        else if (name == "id") id = a->value;
        else if (name == "itemprop") itemprop = a->value;
        else if (name == "hidden") hidden = true;
        else if (name == "aria-hidden") hidden = hidden || std::string_view(a->value) == "true";
        else if (name == "style") hidden = hidden || IsHiddenStyle(a->value);
      }
      if (hidden) {
        d.removed = true;
        continue;
      }
      if (!cls.empty() || !id.empty()) {
        class_id.assign(cls);
        class_id.push_back(' ');
        class_id.append(id);
        // Templates repeat the same class strings many times on a page.
        auto [it, added] = hint_cache.try_emplace(class_id);
        if (added) it->second = hints.Classify(class_id);
        d.hint = it->second;
      }
      d.article_body = itemprop.find("articleBody") != std::string_view::npos;
    }
    const int32_t owner = d.is_block ? idx : p.block_owner;
    const bool in_link = p.in_link || d.tag == GUMBO_TAG_A;
    for (unsigned k = children->length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(children->data[k - 1]), idx, owner, in_link});
    }
  }
}

void DomIndex::ComputeStats() {
  const size_t n = nodes_.size();
  for (size_t i = 0; i < n; ++i) nodes_[i].end = static_cast<uint32_t>(i + 1);
  for (size_t i = n; i-- > 1;) {
    DomNode& d = nodes_[i];
    if (!d.is_text) {
      if (d.is_block && d.own_chars >= 25) ++d.paragraphs;
      switch (d.tag) {
        case GUMBO_TAG_LI: ++d.lists; break;
        case GUMBO_TAG_IMG: ++d.images; break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6: ++d.headings; break;
        default: break;
      }
      if (d.tag == GUMBO_TAG_A) d.link_chars = d.chars;  // everything under a link
    }
    if (d.parent < 0) continue;
    DomNode& up = nodes_[d.parent];
    up.end = std::max(up.end, d.end);
    up.chars += d.chars;
    up.link_chars += d.link_chars;
    up.punct += d.punct;
    up.paragraphs += d.paragraphs;
    up.lists += d.lists;
    up.images += d.images;
    up.headings += d.headings;
  }
}

}  // namespace marsad::html
