// Readers for every input marsad accepts. Entry point: ReadPaths().
//
// Formats (by extension, then by sniffing content):
//   .txt (and unknown text)   -> one RawDocument, DocFormat::kText
//   .html .htm .html.gz       -> one RawDocument, DocFormat::kHtml
//   .json (object or array)   -> one RawDocument per article record, DocFormat::kRecord
//   .jsonl .ndjson            -> one per line
//   .zip                      -> every member, recursively by the rules above
//   TREC <DOC> files (.trec, .sgml, or sniffed) -> one per <DOC> with <URL> <SRC> <TITLE> <TIME> <TEXT>
//   anything with gzip magic  -> gunzipped, then the rules above by the name minus ".gz"
// Bad input (empty, binary, truncated zip/JSON/gzip, over the size cap) is reported to
// DocumentSink::Fail with a message naming the input and is skipped; reading goes on.
// Invalid UTF-8 is repaired with U+FFFD and counted in RawDocument::invalid_utf8.
// A UTF-8 BOM is dropped; UTF-16 with a BOM is converted; HTML declaring a legacy
// charset (windows-1256, ...) that is not valid UTF-8 is converted with ICU.
//
// RawDocument::input (stable, deterministic):
//   "path"                      a text/HTML file, or a .json holding one object
//   "path!member"               a zip member ("a.zip!b.zip!c.txt" when nested)
//   "path#record-N"             the Nth record (from 1) of a JSON array / TREC file;
//                               for JSON Lines N is the line number
// Folders are walked lazily, each folder's entries sorted bytewise, hidden entries
// skipped; roots are read in the order given. Symlinks are followed, each folder read
// once, loops reported. Nothing is accumulated: documents go to the sink as read.
//
// Thread-compatible: call from one thread; the sink is called on that thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace marsad::ingest {

// JSON field names tried in order for each article field (first non-empty wins).
struct FieldNames {
  std::vector<std::string> title = {"title", "headline", "name"};
  std::vector<std::string> text = {"content", "text", "body", "article", "articleBody", "description"};
  std::vector<std::string> url = {"url", "link", "uri"};
  std::vector<std::string> source = {"source", "site", "outlet", "publisher", "domain"};
  std::vector<std::string> date = {"date", "published", "date_published", "datePublished", "pubDate", "time"};
  std::vector<std::string> author = {"author", "byline"};
  std::vector<std::string> crawl_date = {"date_extracted", "crawled", "crawl_date", "fetched"};
};

struct ReaderOptions {
  FieldNames fields;
  uint64_t max_file_bytes = 1ull << 30;       // files bigger than this are refused
  uint64_t max_document_bytes = 32ull << 20;  // one article's text; bigger ones are refused
};

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  virtual void Accept(RawDocument doc) = 0;
  // input names the file (and member/record); reason says what is wrong and what to do.
  virtual void Fail(const std::string& input, const std::string& reason) = 0;
  // Called as input bytes are consumed (monotonic deltas; sums to TotalInputBytes()).
  virtual void Consumed(uint64_t bytes) {}
};

// Total size of the files ReadPaths would read (for progress bars / ETA).
uint64_t TotalInputBytes(const std::vector<std::string>& paths);

// Reads files and folders (recursively, in sorted path order, hidden files skipped).
void ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options,
               DocumentSink& sink);

// Reads one in-memory input; `name` decides the format like a file name would.
void ReadBuffer(const std::string& name, std::string_view bytes, const ReaderOptions& options,
                DocumentSink& sink);

}  // namespace marsad::ingest
