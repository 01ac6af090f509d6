#include "html/content_scorer.h"

#include <algorithm>

namespace marsad::html {
namespace {

bool IsBoilerplateTag(GumboTag t) {
  return t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_FORM;
}

// Headings and captions neither make nor break a container.
bool IsNeutralText(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

constexpr uint32_t kMinProseChars = 40;  // a block this long is prose, not a label
constexpr double kShortTextWeight = 0.5;  // short labels count half as boilerplate
constexpr double kBadWeight = 1.0;

}  // namespace

std::vector<bool> ContentScorer::UnlikelyMask() const {
  const std::vector<DomNode>& nodes = index_.nodes();
  std::vector<bool> mask(nodes.size(), false);
  const uint32_t body_chars = nodes[index_.body()].chars;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const DomNode& d = nodes[i];
    bool inherited = d.parent >= 0 && mask[d.parent];
    // A hint on a wrapper that holds most of the page's text is a template accident
    // ("ad_body" around everything), not a boilerplate box.
    bool most_of_page = d.chars * 10 > body_chars * 6;
    bool self = !d.is_text && !most_of_page &&
                (IsBoilerplateTag(d.tag) ||
                 (d.hint.negative && !d.hint.positive && !d.article_body && d.tag != GUMBO_TAG_BODY &&
                  d.tag != GUMBO_TAG_HTML && d.tag != GUMBO_TAG_ARTICLE && d.tag != GUMBO_TAG_MAIN));
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

  // Each block's own text is good (prose) or bad (boilerplate, links, short labels);
  // the best container maximises good - bad over its subtree. Unlike readability's
  // parent/grandparent score spreading, this does not depend on how many wrapper
  // divs a template puts around each paragraph.
  const std::vector<bool> unlikely = UnlikelyMask();
  std::vector<double> good(nodes.size(), 0.0);
  std::vector<double> bad(nodes.size(), 0.0);
  for (size_t i = nodes.size(); i-- > 0;) {
    const DomNode& d = nodes[i];
    if (!d.is_text && !d.removed && d.own_chars > 0) {
      const double own = d.own_chars;
      if (unlikely[i]) {
        bad[i] += own;
      } else if (!IsNeutralText(d.tag)) {
        const double links = d.own_link_chars;
        if (links * 2 > own) {
          bad[i] += own;
        } else if (d.own_chars >= kMinProseChars || (d.own_chars >= kMinProseChars / 2 && d.own_punct > 0)) {
          good[i] += own - links;
          bad[i] += links;
        } else {
          bad[i] += own * kShortTextWeight;
        }
      }
    }
    if (d.parent >= 0) {
      good[d.parent] += good[i];
      bad[d.parent] += bad[i];
    }
  }
  int32_t top = -1;
  double best = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const DomNode& d = nodes[i];
    if (d.is_text || d.removed || unlikely[i] || good[i] <= 0) continue;
    double score = good[i] - kBadWeight * bad[i];
    if (top < 0 || score > best) {
      top = static_cast<int32_t>(i);
      best = score;
    }
  }
  if (top < 0) return {body};
  return {top};
}

}  // namespace marsad::html
