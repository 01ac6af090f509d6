// Internal to ingest/: JSON and JSON Lines article records -> RawDocuments.
//
// .json: one object (one document named after the input), an array of objects
// (documents "input#record-N", N from 1), or an object holding such an array under
// any key ({"articles": [...]}; the first array whose first element is an object).
// A .json file holding several objects one after another is read as JSON Lines.
// .jsonl/.ndjson: one object per line, "input#record-L" with L the line number;
// a bad line fails just that record ("line L: ..."), the others are read.
//
// Fields are picked with ReaderOptions::fields (first name in the list with a
// non-empty value wins; keys compare ASCII-case-insensitively). Strings are taken as
// they are, numbers and booleans as written, null as missing, arrays of strings are
// joined (paragraphs with a blank line), an object by its "name" ({"source": {"name":
// "BBC"}} as NewsAPI writes it). A record without a text field (missing, null, a
// number) fails, named; an empty or blank text string is kept (the cleaner judges it:
// SaudiNewsNet has cartoons with only a title).
// Invalid UTF-8 is repaired (the records are flagged), not failed.
// Parsing uses simdjson On-Demand: records stream out as the array is walked.
// Thread-compatible (one parser per reader object).
#pragma once

#include <string>

#include <simdjson.h>

#include "ingest/document_emitter.h"
#include "ingest/owned_bytes.h"
#include "ingest/progress.h"

namespace marsad::ingest {

class JsonRecordReader {
 public:
  explicit JsonRecordReader(DocumentEmitter* emitter);

  void ReadJson(const std::string& input, Bytes bytes, Progress& progress);
  void ReadJsonLines(const std::string& input, Bytes bytes, Progress& progress);

  enum Field { kTitle, kText, kUrl, kSource, kDate, kAuthor, kCrawlDate, kFieldCount };
  struct Record;

 private:
  struct Name {
    std::string name;
    Field field;
    size_t rank;  // position in its FieldNames list: lower wins
  };

  simdjson::error_code Extract(simdjson::ondemand::object object, Record* record);
  void ReadArray(const std::string& input, simdjson::ondemand::array array,
                 simdjson::ondemand::document& doc, Bytes bytes, bool repaired, Progress& progress);
  void EmitRecord(const std::string& input, Record& record, bool repaired);
  std::string MissingTextReason() const;

  DocumentEmitter* emitter_;
  simdjson::ondemand::parser parser_;
  std::vector<Name> names_;
};

}  // namespace marsad::ingest
