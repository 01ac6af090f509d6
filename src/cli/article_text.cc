#include "cli/article_text.h"

#include "core/utf8.h"

namespace marsad::cli {
namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

std::string Cut(const std::string& s, size_t n) {
  if (utf8::CountCodePoints(s) <= n) return s;
  return s.substr(0, utf8::ByteOffsetOfCodePoint(s, n)) + "…";
}

std::string RenderArticle(const Article& a, bool explain) {
  std::string out;
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string(name) + ": " + value + "\n";
  };
  field("title", a.title.value_or(""));
  field("id", a.id);
  field("input", a.input);
  field("source", a.source.value_or(""));
  field("published", a.published ? *a.published + " (from " + a.published_signal + ")" : "");
  field("url", a.url.value_or(""));
  field("author", a.author.value_or(""));
  field("language", a.language);
  field("wires", Join(a.wires, ", "));
  field("keywords", Join(a.keywords, "، "));
  field("duplicate_of", a.duplicate_of.value_or(""));
  if (a.invalid_utf8) field("warning", std::to_string(a.invalid_utf8) + " invalid UTF-8 sequences repaired");
  out += "\n" + a.text + "\n";
  if (!explain) return out;
  out += "\n==== removed by the cleaner: " + std::to_string(a.removed.size()) + " blocks ====\n";
  for (const auto& r : a.removed) out += "\n[" + r.kind + "]\n" + r.text + "\n";
  out += "\n==== related articles kept apart: " + std::to_string(a.related.size()) + " ====\n";
  for (const auto& r : a.related) {
    out += "\n[related] " + r.title.value_or("(no title)") + "\n" + r.text + "\n";
  }
  return out;
}

std::string RenderListLine(const Article& a, size_t max_chars) {
  std::string date = a.published.value_or("(no date)").substr(0, 10);
  std::string head = a.title && !a.title->empty() ? *a.title : a.text;
  std::string line = a.id + "  " + date + "  " + Cut(OneLine(a.source.value_or("-")), 20) + "  " +
                     (a.duplicate_of ? "[dup] " : "") + OneLine(head);
  return Cut(line, max_chars);
}

}  // namespace marsad::cli
