#include "html/content_scorer.h"

#include <algorithm>

namespace marsad::html {
namespace {

bool IsBoilerplateTag(GumboTag t) {
  return t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_FORM;
}

double LinkDensity(const DomNode& d) {
  return d.chars == 0 ? 0.0 : static_cast<double>(d.link_chars) / d.chars;
}

}  // namespace

double ContentScorer::InitialScore(const DomNode& d) const {
  double s = 0;
  switch (d.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: s = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
    default: break;
  }
  if (d.hint.positive) s += 25;
  if (d.hint.negative) s -= 25;
  return s;
}

std::vector<bool> ContentScorer::UnlikelyMask() const {
  const std::vector<DomNode>& nodes = index_.nodes();
  std::vector<bool> mask(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const DomNode& d = nodes[i];
    bool inherited = d.parent >= 0 && mask[d.parent];
    bool self = !d.is_text && (IsBoilerplateTag(d.tag) ||
                               (d.hint.negative && !d.hint.positive && !d.article_body &&
                                d.tag != GUMBO_TAG_BODY && d.tag != GUMBO_TAG_HTML &&
                                d.tag != GUMBO_TAG_ARTICLE && d.tag != GUMBO_TAG_MAIN));
    mask[i] = inherited || self;
  }
  return mask;
}

std::vector<int32_t> ContentScorer::Select() const {
  const std::vector<DomNode>& nodes = index_.nodes();
  const int32_t body = index_.body();
  if (nodes.empty()) return {};

  // An explicit articleBody with real text is the author's own answer.
  int32_t marked = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].article_body && nodes[i].chars >= 200 && (marked < 0 || nodes[i].chars > nodes[marked].chars)) {
      marked = static_cast<int32_t>(i);
    }
  }
  if (marked >= 0) return {marked};

  const std::vector<bool> unlikely = UnlikelyMask();
  std::vector<double> score(nodes.size(), 0.0);
  std::vector<bool> scored(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const DomNode& d = nodes[i];
    if (d.is_text || d.removed || unlikely[i] || !d.is_block || d.own_chars < 25) continue;
    if (d.tag == GUMBO_TAG_BODY || d.tag == GUMBO_TAG_HTML) continue;
    const double content = 1.0 + d.own_punct + std::min(d.own_chars / 100.0, 3.0);
    int32_t a = d.parent;
    for (int level = 0; level < 5 && a >= 0 && a != body && nodes[a].tag != GUMBO_TAG_HTML; ++level) {
      if (!scored[a]) {
        score[a] = InitialScore(nodes[a]);
        scored[a] = true;
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[a] += content / divider;
      a = nodes[a].parent;
    }
  }
  int32_t top = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!scored[i]) continue;
    score[i] *= 1.0 - LinkDensity(nodes[i]);
    if (top < 0 || score[i] > score[top]) top = static_cast<int32_t>(i);
  }
  if (top < 0) return {body};

  // Climb while an ancestor scores at least a third of the best and beats its child:
  // the text is spread over several sibling containers.
  {
    double last = score[top];
    const double threshold = score[top] / 3.0;
    for (int32_t a = nodes[top].parent; a >= 0 && a != body; a = nodes[a].parent) {
      if (!scored[a]) continue;
      if (score[a] < threshold) break;
      if (score[a] > last) {
        top = a;
        break;
      }
      last = score[a];
    }
  }
  // A lone child adds nothing: take the parent, which may hold more.
  while (nodes[top].parent >= 0 && nodes[top].parent != body) {
    const DomNode& parent = nodes[nodes[top].parent];
    if (parent.chars != nodes[top].chars) break;
    top = nodes[top].parent;
  }

  const int32_t parent = nodes[top].parent;
  if (parent < 0) return {top};
  std::vector<int32_t> roots;
  const double sibling_threshold = std::max(10.0, score[top] * 0.2);
  for (uint32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    const int32_t ci = static_cast<int32_t>(c);
    const DomNode& s = nodes[c];
    if (ci == top) {
      roots.push_back(ci);
      continue;
    }
    if (s.is_text || s.removed || unlikely[c] || s.chars == 0) continue;
    bool keep = scored[c] && score[c] >= sibling_threshold;
    if (!keep && s.tag == GUMBO_TAG_P) {
      const double ld = LinkDensity(s);
      keep = (s.chars > 80 && ld < 0.25) || (s.chars > 0 && ld == 0 && s.punct > 0);
    }
    if (keep) roots.push_back(ci);
  }
  return roots;
}

}  // namespace marsad::html
