#include "clean/byline_reader.h"

#include <algorithm>

#include "clean/marker_table.h"

namespace marsad::clean {

namespace {

constexpr size_t kMaxSegments = 5;
constexpr size_t kMaxSegmentWords = 4;
constexpr size_t kMaxBylineWords = 14;
// A colon this far into the paragraph (in bytes; ~20 Arabic words) can still end a byline.
constexpr size_t kMaxColonOffset = 200;

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits at ASCII hyphen, en dash (E2 80 93) and em dash (E2 80 94).
std::vector<std::string_view> SplitDashes(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (s[i] == '-') {
      len = 1;
    } else if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
      len = 3;
    }
    if (len) {
      out.push_back(Trim(s.substr(start, i - start)));
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  out.push_back(Trim(s.substr(start)));
  return out;
}

// "بنغازي (ليبيا)" -> "بنغازي"; "(تصوير: فلان)" alone -> "".
std::string_view WithoutParenthesis(std::string_view s) {
  size_t open = s.find('(');
  return open == std::string_view::npos ? s : Trim(s.substr(0, open));
}

bool HasSentencePunctuation(std::string_view s) {
  if (s.find_first_of(".!?,") != std::string_view::npos) return true;
  for (std::string_view mark : {"\xD8\x8C" /* ، */, "\xD8\x9B" /* ؛ */, "\xD8\x9F" /* ؟ */}) {
    if (s.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// Names separated by the Arabic comma "،" (or ","), each 1-4 words.
std::vector<std::string_view> SplitWriters(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t ar = s.find("\xD8\x8C", start), lat = s.find(',', start);
    size_t cut = std::min(ar, lat);
    out.push_back(Trim(s.substr(start, cut == std::string_view::npos ? std::string_view::npos : cut - start)));
    if (cut == std::string_view::npos) break;
    start = cut + (cut == ar ? 2 : 1);
  }
  return out;
}

bool IsWriterList(std::string_view s) {
  auto names = SplitWriters(s);
  if (names.size() < 2 || names.size() > 4) return false;
  for (std::string_view n : names) {
    size_t w = CountWords(n);
    if (w == 0 || w > 3 || HasSentencePunctuation(n)) return false;
  }
  return true;
}

enum class Role { kOther, kOutlet, kWire };

struct Segment {
  std::string_view text;
  Role role = Role::kOther;
  std::vector<std::string> wires;
};

}  // namespace

std::optional<Byline> ReadByline(std::string_view paragraph, bool more_text_follows,
                                 const OutletTable& outlets, const WireFinder& wire_finder) {
  // The candidate prefix: up to a colon, or the whole paragraph when it is a short line.
  size_t colon = paragraph.find(':');
  std::string_view prefix;
  size_t consumed = 0;
  if (colon != std::string_view::npos && colon <= kMaxColonOffset) {
    prefix = paragraph.substr(0, colon);
    consumed = colon + 1;
    while (consumed < paragraph.size() && (paragraph[consumed] == ' ' || paragraph[consumed] == '\t')) ++consumed;
    if (consumed >= paragraph.size() && !more_text_follows) return std::nullopt;
  } else if (more_text_follows && CountWords(paragraph) <= kMaxBylineWords) {
    prefix = paragraph;
    consumed = paragraph.size();
  } else {
    return std::nullopt;
  }
  if (CountWords(prefix) > kMaxBylineWords) return std::nullopt;
  // A photo credit "(تصوير ...)" may close the byline: drop it before splitting.
  std::string_view core = Trim(prefix);
  if (!core.empty() && core.back() == ')') {
    size_t open = core.rfind('(');
    if (open != std::string_view::npos) core = Trim(core.substr(0, open));
  } else if (size_t open = core.rfind('('); open != std::string_view::npos &&
                                            core.find(')', open) == std::string_view::npos) {
    core = Trim(core.substr(0, open));  // "(تصوير" cut by the colon: "(تصوير: فلان)"
  }
  std::vector<std::string_view> parts = SplitDashes(core);
  if (parts.size() < 2 || parts.size() > kMaxSegments) return std::nullopt;

  std::vector<Segment> segs;
  bool credited = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.empty()) continue;
    std::string_view bare = WithoutParenthesis(p);
    size_t words = CountWords(bare);
    // "بدر العتيبي، عبدالله البرقاوي- سبق" lists writers with commas (before the credit,
    // so never last); a comma elsewhere is a sentence.
    bool writer_list = i + 1 < parts.size() && IsWriterList(bare);
    if (words == 0 || (words > kMaxSegmentWords && !writer_list)) return std::nullopt;
    if (HasSentencePunctuation(bare) && !writer_list) return std::nullopt;
    Segment s;
    s.text = p;
    if (auto w = wire_finder.Find(bare); !w.empty() && words <= 3) {
      s.role = Role::kWire, s.wires = std::move(w);
    } else if (outlets.ByName(bare)) {
      s.role = Role::kOutlet;
    }
    credited |= s.role != Role::kOther;
    segs.push_back(std::move(s));
  }
  if (segs.size() < 2) return std::nullopt;
  if (!credited) {
    // Without a credit only the common "writer – place" / "place – writer" line alone at
    // the top counts: two short segments, no digits (a heading "1917 - الحرب" has them).
    // Which side is the writer cannot be told without a gazetteer, so neither is kept.
    bool whole_line = consumed == paragraph.size() && colon == std::string_view::npos;
    if (!whole_line || segs.size() != 2) return std::nullopt;
    for (const Segment& seg : segs) {
      if (CountWords(WithoutParenthesis(seg.text)) > 3 ||
          seg.text.find_first_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
      }
    }
    Byline b;
    b.bytes = consumed;
    b.text = std::string(Trim(paragraph));
    return b;
  }

  // The credit: the first agency if any, else the last outlet ("الرياض - واس" credits واس;
  // "فلان - سبق - الرياض" credits سبق even though الرياض also names a newspaper).
  size_t credit = segs.size();
  for (size_t i = 0; i < segs.size() && credit == segs.size(); ++i) {
    if (segs[i].role == Role::kWire) credit = i;
  }
  bool wire_credit = credit < segs.size();
  if (!wire_credit) {
    for (size_t i = 0; i < segs.size(); ++i) {
      if (segs[i].role == Role::kOutlet) {
        credit = i;
        break;
      }
    }
  }
  Byline b;
  b.bytes = consumed;
  b.text = std::string(Trim(paragraph.substr(0, consumed)));
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view bare = WithoutParenthesis(segs[i].text);
    if (segs[i].role == Role::kWire) {
      for (auto& w : segs[i].wires) b.wires.push_back(std::move(w));
    } else if (i == credit) {
      continue;
    } else if (i < credit && !wire_credit && segs[i].role == Role::kOther) {
      for (std::string_view name : SplitWriters(bare)) b.writers.emplace_back(name);
    } else if (b.place.empty() && (i > credit || wire_credit)) {
      b.place = std::string(bare);
    }
  }
  return b;
}

}  // namespace marsad::clean
