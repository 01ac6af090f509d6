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
    if (text.empty() || (sign != "+" && sign != "-" && sign != "~") || (match != "sub" && match != "word")) continue;
    by_first_byte_[static_cast<unsigned char>(text[0])].push_back(static_cast<uint16_t>(hints_.size()));
    hints_.push_back({std::move(text), sign[0], match == "word"});
  }
}

const NodeHints& NodeHints::Default() {
  static const NodeHints hints(DataFile("html/class_hints.tsv"));
  return hints;
}

HintVerdict NodeHints::Classify(std::string_view class_and_id) const {
  HintVerdict v;
  if (class_and_id.empty()) return v;
  const std::string norm = Normalise(class_and_id);
  struct Match {
    size_t begin, end;
    char sign;
  };
  std::vector<Match> matches;
  // One pass over the string, trying only the hints that start with the byte at hand.
  for (size_t pos = 0; pos < norm.size(); ++pos) {
    for (uint16_t hi : by_first_byte_[static_cast<unsigned char>(norm[pos])]) {
      const Hint& h = hints_[hi];
      const size_t end = pos + h.text.size();
      if (end > norm.size() || norm.compare(pos, h.text.size(), h.text) != 0) continue;
      if (h.whole_word && !((pos == 0 || norm[pos - 1] == '-') && (end == norm.size() || norm[end] == '-'))) continue;
      matches.push_back({pos, end, h.sign});
    }
  }
  for (const Match& m : matches) {
    bool shadowed = false;
    for (const Match& o : matches) {
      if (o.sign != m.sign && o.begin <= m.begin && o.end >= m.end && o.end - o.begin > m.end - m.begin) {
        shadowed = true;
        break;
      }
    }
    if (shadowed) continue;
    (m.sign == '+' ? v.positive : m.sign == '-' ? v.negative : v.weak) = true;
  }
  return v;
}

}  // namespace marsad::html
