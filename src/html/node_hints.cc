#include "html/node_hints.h"

#include "core/embedded_data.h"

namespace marsad::html {
namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Lowercases and splits camelCase humps with '-', so "relatedPosts" becomes
// "related-posts" and whole-word hints ("ad", "nav") can be checked on '-' boundaries.
std::string Normalise(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  char prev = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      if (prev >= 'a' && prev <= 'z') out.push_back('-');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (IsLowerAlnum(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');  // space, '_', '.', ':' ... all become word separators
    }
    prev = c;
  }
  return out;
}

bool ContainsWord(std::string_view hay, std::string_view word) {
  for (size_t pos = hay.find(word); pos != std::string_view::npos; pos = hay.find(word, pos + 1)) {
    bool left = pos == 0 || hay[pos - 1] == '-';
    size_t end = pos + word.size();
    bool right = end == hay.size() || hay[end] == '-';
    if (left && right) return true;
  }
  return false;
}

}  // namespace

NodeHints::NodeHints(std::string_view tsv) {
  size_t start = 0;
  while (start < tsv.size()) {
    size_t nl = tsv.find('\n', start);
    std::string_view line = tsv.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) continue;
    std::string_view sign = line.substr(0, t1);
    std::string_view match = line.substr(t1 + 1, t2 - t1 - 1);
    std::string text = Normalise(line.substr(t2 + 1));
    while (!text.empty() && text.back() == '-') text.pop_back();
    if (text.empty() || (sign != "+" && sign != "-") || (match != "sub" && match != "word")) continue;
    hints_.push_back({std::move(text), sign == "+", match == "word"});
  }
}

const NodeHints& NodeHints::Default() {
  static const NodeHints hints(DataFile("html/class_hints.tsv"));
  return hints;
}

HintVerdict NodeHints::Classify(std::string_view class_and_id) const {
  HintVerdict v;
  if (class_and_id.empty()) return v;
  std::string norm = Normalise(class_and_id);
  for (const Hint& h : hints_) {
    if ((h.positive ? v.positive : v.negative)) continue;
    bool hit = h.whole_word ? ContainsWord(norm, h.text) : norm.find(h.text) != std::string::npos;
    if (hit) (h.positive ? v.positive : v.negative) = true;
  }
  return v;
}

}  // namespace marsad::html
