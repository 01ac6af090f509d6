#include "html/text_renderer.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/embedded_data.h"

namespace marsad::html {
namespace {

// Accumulates text, deciding spaces and breaks lazily so that boundaries never double
// up and never appear at the start or end.
class TextSink {
 public:
  explicit TextSink(std::string* out) : out_(out) {}
  void Space() { pending_space_ = true; }
  void Line() { pending_break_ = std::max(pending_break_, 1); }
  void Paragraph() { pending_break_ = 2; }
  void Text(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
        pending_space_ = true;  // no-break space
        ++i;
        continue;
      }
      if (!out_->empty()) {
        if (pending_break_ == 2) {
          out_->append("\n\n");
        } else if (pending_break_ == 1) {
          out_->push_back('\n');
        } else if (pending_space_) {
          out_->push_back(' ');
        }
      }
      pending_break_ = 0;
      pending_space_ = false;
      out_->push_back(static_cast<char>(c));
    }
  }

 private:
  std::string* out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

double LinkDensity(const DomNode& d) {
  return d.chars == 0 ? 0.0 : static_cast<double>(d.link_chars) / d.chars;
}

const std::unordered_set<std::string>& BoilerplateLines() {
  static const std::unordered_set<std::string> lines = [] {
    std::unordered_set<std::string> s;
    for (std::string& l : DataLines("html/boilerplate_lines.txt")) s.insert(std::move(l));
    return s;
  }();
  return lines;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Drops paragraphs that are only a furniture phrase ("Share", "Advertisement").
std::string DropBoilerplateLines(const std::string& text) {
  const auto& known = BoilerplateLines();
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string_view para(text.data() + start, end - start);
    if (!para.empty() && !(para.size() < 40 && known.count(AsciiLower(para)) > 0)) {
      if (!out.empty()) out.append("\n\n");
      out.append(para);
    }
    start = end + 2;
  }
  return out;
}

}  // namespace

bool TextRenderer::Skip(const DomNode& d, uint32_t root_chars) const {
  if (d.removed) return true;
  // A wrapper holding most of the chosen text is part of the article whatever its hints.
  if (d.chars * 10 > root_chars * 6) return false;
  switch (d.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
      return true;
    case GUMBO_TAG_HEADER: return !options_.keep_headers;
    case GUMBO_TAG_FIGCAPTION: return !options_.keep_captions;
    default: break;
  }
  if (d.hint.negative && !d.hint.positive && !d.article_body) return true;
  // Weak hints (caption, gallery, byline, meta...) on a small box inside the article:
  // photo captions, credits and datelines rather than article text.
  if (d.hint.weak && !d.hint.positive && !d.article_body && d.chars * 5 < root_chars) return true;
  switch (d.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DL: case GUMBO_TAG_FIGURE:
      // Containers with little prose and mostly links are lists of other pages.
      if (d.punct < 10 && LinkDensity(d) > (d.hint.positive ? 0.5 : 0.25)) return true;
      break;
    default: break;
  }
  return false;
}

std::string TextRenderer::Render(const std::vector<int32_t>& roots) const {
  const std::vector<DomNode>& nodes = index_.nodes();
  std::string out;
  TextSink sink(&out);
  struct Open {
    uint32_t end;
    bool block;
  };
  std::vector<Open> open;
  for (int32_t root : roots) {
    if (root < 0 || static_cast<size_t>(root) >= nodes.size()) continue;
    sink.Paragraph();
    const uint32_t stop = nodes[root].end;
    for (uint32_t i = static_cast<uint32_t>(root); i < stop;) {
      while (!open.empty() && i >= open.back().end) {
        if (open.back().block) sink.Paragraph();
        open.pop_back();
      }
      const DomNode& d = nodes[i];
      if (d.is_text) {
        sink.Text(d.node->v.text.text);
        ++i;
        continue;
      }
      if (i != static_cast<uint32_t>(root) && Skip(d, nodes[root].chars)) {
        if (d.is_block) sink.Paragraph();
        i = d.end;
        continue;
      }
      if (d.tag == GUMBO_TAG_BR) sink.Line();
      if (d.tag == GUMBO_TAG_TD || d.tag == GUMBO_TAG_TH) sink.Space();
      if (d.is_block) sink.Paragraph();
      open.push_back({d.end, d.is_block});
      ++i;
    }
    open.clear();
  }
  return DropBoilerplateLines(out);
}

}  // namespace marsad::html
