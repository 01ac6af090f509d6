#include "ingest/trec_reader.h"

#include <initializer_list>

namespace marsad::ingest {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive find of an ASCII needle.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Finds an opening tag "<name" followed by '>' or whitespace (attributes allowed).
// Returns the position of '<' and sets *content_start past the closing '>'.
size_t FindOpenTag(std::string_view s, std::string_view name, size_t from, size_t* content_start) {
  std::string open = "<" + std::string(name);
  for (size_t p = FindNoCase(s, open, from); p != std::string_view::npos; p = FindNoCase(s, open, p + 1)) {
    size_t after = p + open.size();
    if (after >= s.size()) return std::string_view::npos;
    char c = s[after];
    if (c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r') continue;
    size_t gt = s.find('>', after);
    if (gt == std::string_view::npos) return std::string_view::npos;
    *content_start = gt + 1;
    return p;
  }
  return std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct Element {
  bool found = false;
  size_t begin = 0, end = 0;  // the whole element, tags included
  std::string_view content;
};

// The first <name>..</name> in doc; a missing close tag runs to the end of doc.
Element FindElement(std::string_view doc, std::string_view name) {
  Element e;
  size_t content = 0;
  size_t open = FindOpenTag(doc, name, 0, &content);
  if (open == std::string_view::npos) return e;
  std::string close = "</" + std::string(name) + ">";
  size_t close_at = FindNoCase(doc, close, content);
  e.found = true;
  e.begin = open;
  e.end = close_at == std::string_view::npos ? doc.size() : close_at + close.size();
  e.content = doc.substr(content, (close_at == std::string_view::npos ? doc.size() : close_at) - content);
  return e;
}

std::string FirstOf(std::string_view doc, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    Element e = FindElement(doc, n);
    if (e.found && !Trim(e.content).empty()) return std::string(Trim(e.content));
  }
  return {};
}

constexpr std::string_view kMetaTags[] = {"docno", "docid", "url", "src", "source", "title", "headline",
                                          "time", "date", "dateline", "author", "byline"};

}  // namespace

bool TrecReader::LooksLikeTrec(std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  size_t content = 0;
  size_t p = FindOpenTag(head, "doc", 0, &content);
  return p != std::string_view::npos && Trim(head.substr(0, p)).empty();
}

void TrecReader::ReadDoc(const std::string& input, std::string_view doc) {
  DocHints h;
  h.url = FirstOf(doc, {"url"});
  h.source = FirstOf(doc, {"src", "source"});
  h.title = FirstOf(doc, {"title", "headline"});
  h.date = FirstOf(doc, {"time", "date", "dateline"});
  h.author = FirstOf(doc, {"author", "byline"});
  std::string body = FirstOf(doc, {"text", "body"});
  if (body.empty()) {
    // Tolerate files without <TEXT>: whatever is left once the metadata tags are cut out.
    std::string rest(doc);
    for (std::string_view tag : kMetaTags) {
      for (Element e = FindElement(rest, tag); e.found; e = FindElement(rest, tag)) {
        rest.erase(e.begin, e.end - e.begin);
      }
    }
    body = std::string(Trim(rest));
  }
  if (body.empty()) {
    emitter_->Fail(input, "this <DOC> has no text (no <TEXT> element and nothing outside the metadata tags)");
    return;
  }
  emitter_->Emit(input, DocFormat::kRecord, std::move(body), std::move(h));
}

void TrecReader::Read(const std::string& input, std::string_view text, Progress& progress) {
  size_t n = 0;
  size_t pos = 0;
  for (;;) {
    size_t content = 0;
    size_t open = FindOpenTag(text, "doc", pos, &content);
    if (open == std::string_view::npos) break;
    size_t close = FindNoCase(text, "</doc>", content);
    // A missing </DOC> (truncated file, or a sloppy writer): the next <DOC> or the end closes it.
    size_t next_content = 0;
    size_t next_open = FindOpenTag(text, "doc", content, &next_content);
    size_t stop = close;
    if (stop == std::string_view::npos || (next_open != std::string_view::npos && next_open < stop)) {
      stop = next_open == std::string_view::npos ? text.size() : next_open;
      pos = stop;
    } else {
      pos = close + 6;
    }
    ++n;
    ReadDoc(input + "#record-" + std::to_string(n), text.substr(content, stop - content));
    progress.Reach(pos, text.size());
  }
  if (n == 0) emitter_->Fail(input, "no <DOC> element found; not a TREC file (rename it to .txt to read it as text)");
}

}  // namespace marsad::ingest
