#include "clean/page_segmenter.h"

#include <unordered_set>

#include "core/utf8.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

constexpr size_t kMaxHeadlineWords = 25;
constexpr size_t kMaxHeadlineBytes = 400;
constexpr size_t kMinWordsForRepeatCheck = 8;

enum class Zone { kMain, kRelated, kList };

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "• ", "- ", "* ", "· ", "▪ ", "● " at the start of a line.
bool IsBullet(std::string_view line) {
  for (std::string_view b : {"\u2022", "\u00B7", "\u25AA", "\u25CF", "\u25E6", "- ", "* ", "\u2013 "}) {
    if (StartsWith(line, b)) return true;
  }
  return false;
}

std::string StripBullet(std::string_view line) {
  for (std::string_view b : {"\u2022", "\u00B7", "\u25AA", "\u25CF", "\u25E6", "- ", "* ", "\u2013 "}) {
    if (StartsWith(line, b)) {
      line.remove_prefix(b.size());
      break;
    }
  }
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return std::string(line);
}

}  // namespace

// Breadcrumbs ("الرئيسية » أخبار » سياسة"): >= 3 short segments between separators.
bool IsNavigationLine(std::string_view line) {
  if (CountWords(line) > 15) return false;
  // « » are also Arabic quotation marks: a line that opens one is not a breadcrumb.
  bool quotes = line.find("\u00AB") != std::string_view::npos;
  size_t segments = 1, longest = 0, start = 0;
  std::string_view seps[] = {"\u00BB", "\u203A", ">", "|"};
  size_t pos = 0;
  while (pos < line.size()) {
    size_t len = 0;
    for (std::string_view s : seps) {
      // Separators stand between spaces ("a > b"), unlike "Carlito›s" or "x>y".
      bool spaced = pos > 0 && line[pos - 1] == ' ' && pos + s.size() < line.size() && line[pos + s.size()] == ' ';
      if (line.substr(pos, s.size()) == s && spaced && !(quotes && s == "\u00BB")) len = s.size();
    }
    if (len == 0) {
      ++pos;
      continue;
    }
    longest = std::max(longest, CountWords(line.substr(start, pos - start)));
    ++segments;
    pos += len;
    start = pos;
  }
  longest = std::max(longest, CountWords(line.substr(start)));
  return segments >= 3 && longest <= 4;
}

bool IsBoilerplateLine(const MarkerTable& markers, std::string_view line) {
  return markers.Match(line) || markers.IsShareBar(line) || IsSocialEmbedLine(line) || IsNavigationLine(line);
}

namespace {

void Flush(std::vector<std::string>* list, std::vector<RemovedBlock>* removed, const char* kind) {
  if (list->empty()) return;
  std::string text;
  for (const std::string& s : *list) text += (text.empty() ? "" : "\n") + s;
  removed->push_back({kind, std::move(text)});
  list->clear();
}

}  // namespace

bool IsHeadlineShaped(std::string_view line) {
  size_t words = CountWords(line);
  if (words == 0 || words > kMaxHeadlineWords || line.size() > kMaxHeadlineBytes) return false;
  while (!line.empty() && (line.back() == ' ' || line.back() == '"')) line.remove_suffix(1);
  if (line.empty()) return false;
  char last = line.back();
  bool ellipsis = line.size() >= 2 && line[line.size() - 2] == '.';
  return (last != '.' || ellipsis) && last != ':';
}

bool IsSocialEmbedLine(std::string_view line) {
  // "— العربية (@AlArabiya) February 25, 2025"
  bool dash = StartsWith(line, "\u2014") || StartsWith(line, "\u2015") || StartsWith(line, "\u2013") ||
              StartsWith(line, "- ");
  size_t at = line.find("(@");
  if (dash && at != std::string_view::npos && line.find(')', at) != std::string_view::npos) return true;
  // Lines made of hashtags, handles and links.
  size_t words = 0, social = 0, pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && line[pos] == ' ') ++pos;
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    if (end > pos) {
      std::string_view w = line.substr(pos, end - pos);
      ++words;
      if (w[0] == '#' || w[0] == '@' || StartsWith(w, "http") || StartsWith(w, "www.")) ++social;
    }
    pos = end;
  }
  return words > 0 && social * 2 >= words + (words == 1 ? 0 : 1) && (social >= 2 || words == 1);
}

SegmentedPage PageSegmenter::Segment(const std::vector<std::string>& lines) const {
  SegmentedPage out;
  const PageLexicon lexicon = HeadlineSplitter::BuildLexicon(lines);
  Zone zone = Zone::kMain, before_list = Zone::kMain;
  bool end_seen = false;       // a source or tag line closed the main article
  bool pending_title = false;  // the next headline-shaped line may title a related article
  std::vector<std::string> list;
  std::unordered_set<std::string> seen_paragraphs;

  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (zone == Zone::kList) {
      if ((IsBullet(line) || IsHeadlineShaped(line)) && !markers_->Match(line)) {
        list.push_back(IsBullet(line) ? StripBullet(line) : line);
        continue;
      }
      Flush(&list, &out.removed, "related-headlines");
      zone = before_list;
    }
    if (auto hit = markers_->Match(line)) {
      const std::string& kind = hit->kind;
      if (hit->mode == MarkerMode::kTail) {
        if (kind == "tags" && zone == Zone::kMain) out.tag_values.push_back(hit->value);
        out.removed.push_back({kind, line.substr(hit->cut)});
        line.resize(hit->cut);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty()) continue;
      } else if (hit->mode == MarkerMode::kSection && kind == "read-also") {
        if (CountWords(hit->value) >= 4) {  // "اقرأ أيضا: <headline>" inline link
          out.removed.push_back({kind, line});
          continue;
        }
        bool next_is_title = i + 1 < lines.size() && IsHeadlineShaped(lines[i + 1]);
        if (end_seen || zone == Zone::kRelated || !next_is_title) {
          out.related.push_back({});
          zone = Zone::kRelated;
          pending_title = true;
          out.removed.push_back({kind, line});
          continue;
        }
        // Inside the main article: the header and the headline links under it.
        list.push_back(line);
        while (i + 1 < lines.size() && IsHeadlineShaped(lines[i + 1]) && !markers_->Match(lines[i + 1])) {
          list.push_back(lines[++i]);
        }
        Flush(&list, &out.removed, "read-also");
        continue;
      } else if (hit->mode == MarkerMode::kSection) {
        before_list = zone;
        zone = Zone::kList;
        list.push_back(line);
        continue;
      } else {
        if (kind == "tags" && zone == Zone::kMain) out.tag_values.push_back(hit->value);
        if (kind == "source-line" && zone == Zone::kMain) out.source_values.push_back(hit->value);
        if ((kind == "tags" || kind == "source-line") && zone == Zone::kMain) end_seen = true;
        out.removed.push_back({kind, line});
        continue;
      }
    }
    if (markers_->IsShareBar(line)) {
      out.removed.push_back({"share-bar", line});
      continue;
    }
    if (IsSocialEmbedLine(line)) {
      out.removed.push_back({"social-embed", line});
      continue;
    }
    if (IsNavigationLine(line)) {
      out.removed.push_back({"navigation", line});
      continue;
    }
    std::vector<std::string> pieces;
    if (splitter_.IsGluedRun(line, lexicon, &pieces)) {
      Flush(&pieces, &out.removed, "related-headlines");
      continue;
    }
    if (zone == Zone::kRelated) {
      RelatedArticle& r = out.related.back();
      bool has_more = i + 1 < lines.size();
      if (pending_title && r.text.empty() && !r.title && has_more && IsHeadlineShaped(line)) {
        r.title = line;
      } else {
        r.text += (r.text.empty() ? "" : "\n\n") + line;
      }
      pending_title = false;
      continue;
    }
    if (CountWords(line) >= kMinWordsForRepeatCheck && !seen_paragraphs.insert(text::MatchKey(line)).second) {
      out.removed.push_back({"other", line});
      continue;
    }
    out.main.push_back(std::move(line));
  }
  if (zone == Zone::kList) Flush(&list, &out.removed, "related-headlines");
  // A related section that only got a title is a headline link, not an article.
  for (size_t k = 0; k < out.related.size();) {
    RelatedArticle& r = out.related[k];
    if (r.text.empty()) {
      if (r.title) out.removed.push_back({"read-also", *r.title});
      out.related.erase(out.related.begin() + static_cast<long>(k));
    } else {
      ++k;
    }
  }
  return out;
}

}  // namespace marsad::clean
