#include "ingest/json_record_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <utility>

#include "core/utf8.h"
#include "ingest/json_values.h"

namespace marsad::ingest {

namespace od = simdjson::ondemand;
using simdjson::error_code;

static_assert(kReadPadding >= simdjson::SIMDJSON_PADDING, "read buffers must satisfy simdjson");

struct JsonRecordReader::Record {
  std::array<std::string, kFieldCount> values;
  std::array<size_t, kFieldCount> rank;
  std::string array_key;  // first key holding an array of objects (container detection)
  bool blank_text = false;  // a text field is there but empty or only whitespace
  Record() { rank.fill(std::numeric_limits<size_t>::max()); }
};

using json::AtEnd;
using json::Copy;
using json::CountReplacements;
using json::Describe;
using json::EqualsIgnoreAsciiCase;
using json::IsBlank;
using json::PaddedView;
using json::Trim;
using json::TypeName;
using json::ValueText;

JsonRecordReader::JsonRecordReader(DocumentEmitter* emitter) : emitter_(emitter) {
  const FieldNames& f = emitter->options().fields;
  const std::pair<const std::vector<std::string>*, Field> lists[] = {
      {&f.title, kTitle}, {&f.text, kText},     {&f.url, kUrl},           {&f.source, kSource},
      {&f.date, kDate},   {&f.author, kAuthor}, {&f.crawl_date, kCrawlDate}};
  for (const auto& [list, field] : lists) {
    for (size_t i = 0; i < list->size(); ++i) names_.push_back({(*list)[i], field, i});
  }
}

error_code JsonRecordReader::Extract(od::object object, Record* record) {
  std::string value;
  for (auto field_result : object) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return e;
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    bool wanted = false;
    for (const Name& n : names_) {
      if (n.rank < record->rank[n.field] && EqualsIgnoreAsciiCase(key, n.name)) wanted = true;
    }
    if (!wanted) {
      if (!record->array_key.empty()) continue;
      od::json_type type;
      if (auto e = field.value().type().get(type)) return e;
      if (type != od::json_type::array) continue;
      // Only peek at the first element; On-Demand skips the rest when we move on.
      std::string key_copy(key);
      od::array array;
      if (auto e = field.value().get_array().get(array)) return e;
      for (auto element : array) {
        od::value v;
        if (auto e = element.get(v)) return e;
        od::json_type t;
        if (auto e = v.type().get(t)) return e;
        if (t == od::json_type::object) record->array_key = std::move(key_copy);
        break;
      }
      continue;
    }
    std::string key_copy(key);  // the value's text may reuse the parser's string buffer
    bool is_text_field = false;
    for (const Name& n : names_) {
      if (n.field == kText && EqualsIgnoreAsciiCase(key_copy, n.name)) is_text_field = true;
    }
    bool is_string = false;
    if (auto e = ValueText(field.value(), is_text_field, &value, &is_string)) return e;
    if (IsBlank(value)) {
      record->blank_text |= is_text_field && is_string;
      continue;
    }
    for (const Name& n : names_) {
      if (n.rank < record->rank[n.field] && EqualsIgnoreAsciiCase(key_copy, n.name)) {
        record->values[n.field] = value;
        record->rank[n.field] = n.rank;
      }
    }
  }
  return simdjson::SUCCESS;
}

std::string JsonRecordReader::MissingTextReason() const {
  std::string names;
  for (const std::string& n : emitter_->options().fields.text) names += (names.empty() ? "" : ", ") + n;
  return "no article text: the record has no non-empty text field (tried: " + names +
         "); name the field holding the text with --text-field";
}

void JsonRecordReader::EmitRecord(const std::string& input, Record& r, bool repaired) {
  // A present but blank text (a cartoon, a photo page) is still a document: the cleaner
  // decides what is left of it, and the corpus record count stays whole.
  if (r.values[kText].empty() && !r.blank_text) {
    emitter_->Fail(input, MissingTextReason());
    return;
  }
  size_t known_invalid = 0;
  if (repaired) {  // the whole file was repaired before parsing: count this record's share
    for (const std::string& v : r.values) known_invalid += CountReplacements(v);
  }
  DocHints h;
  h.title = std::move(r.values[kTitle]);
  h.url = std::move(r.values[kUrl]);
  h.source = std::move(r.values[kSource]);
  h.date = std::move(r.values[kDate]);
  h.author = std::move(r.values[kAuthor]);
  h.crawl_date = std::move(r.values[kCrawlDate]);
  emitter_->Emit(input, DocFormat::kRecord, std::move(r.values[kText]), std::move(h), known_invalid);
}

void JsonRecordReader::ReadArray(const std::string& input, od::array array, od::document& doc, Bytes bytes,
                                 bool repaired, Progress& progress) {
  size_t n = 0;
  for (auto element : array) {
    od::value value;
    if (auto e = element.get(value)) {
      emitter_->Fail(input, "invalid JSON after record " + std::to_string(n) + ": " + Describe(e) +
                                "; the records before it were read");
      return;
    }
    ++n;
    std::string record_input = input + "#record-" + std::to_string(n);
    od::json_type type;
    if (auto e = value.type().get(type)) {
      emitter_->Fail(input, "invalid JSON at record " + std::to_string(n) + ": " + Describe(e));
      return;
    }
    if (type != od::json_type::object) {
      emitter_->Fail(record_input, std::string("record is ") + TypeName(type) + ", not an article object");
      continue;
    }
    Record record;
    od::object object;
    error_code e = value.get_object().get(object);
    if (!e) e = Extract(object, &record);
    if (e) {
      emitter_->Fail(input, "invalid JSON in record " + std::to_string(n) + ": " + Describe(e) +
                                "; the records before it were read");
      return;
    }
    EmitRecord(record_input, record, repaired);
    const char* at = nullptr;
    if (!doc.current_location().get(at)) progress.Reach(at - bytes.data.data(), bytes.data.size());
  }
  if (n == 0) emitter_->Fail(input, "the JSON array holds no records");
}

void JsonRecordReader::ReadJson(const std::string& input, Bytes bytes, Progress& progress) {
  OwnedBytes owned;
  if (!bytes.padded) {
    owned = Copy(bytes.data);
    bytes = owned.view();
  }
  od::document doc;
  error_code e = parser_.iterate(PaddedView(bytes)).get(doc);
  bool repaired = false;
  if (e == simdjson::UTF8_ERROR) {
    // Keep the articles: repair the file (records are flagged) instead of refusing it.
    owned = Copy(utf8::Repair(bytes.data).text);
    bytes = owned.view();
    repaired = true;
    e = parser_.iterate(PaddedView(bytes)).get(doc);
  }
  od::json_type type = od::json_type::null;
  if (!e) e = doc.type().get(type);
  if (e) {
    emitter_->Fail(input, "not valid JSON: " + Describe(e));
    return;
  }
  if (type == od::json_type::array) {
    od::array array;
    if (auto err = doc.get_array().get(array)) {
      emitter_->Fail(input, "not valid JSON: " + Describe(err));
      return;
    }
    ReadArray(input, array, doc, bytes, repaired, progress);
    if (!AtEnd(doc)) emitter_->Fail(input, "unexpected content after the JSON array; it was ignored");
    return;
  }
  if (type != od::json_type::object) {
    emitter_->Fail(input, std::string("the JSON is ") + TypeName(type) +
                              "; expected an article object or an array of them");
    return;
  }
  Record record;
  od::object object;
  e = doc.get_object().get(object);
  if (!e) e = Extract(object, &record);
  if (!e && !AtEnd(doc)) {
    // Several values one after another: JSON Lines saved as .json.
    ReadJsonLines(input, bytes, progress);
    return;
  }
  if (e) {
    emitter_->Fail(input, "not valid JSON: " + Describe(e));
    return;
  }
  if (!record.values[kText].empty() || record.array_key.empty()) {
    EmitRecord(input, record, repaired);
    return;
  }
  // A wrapper object such as {"status": "ok", "articles": [...]}.
  doc.rewind();
  od::array array;
  e = doc.find_field_unordered(record.array_key).get_array().get(array);
  if (e) {
    emitter_->Fail(input, "not valid JSON: " + Describe(e));
    return;
  }
  ReadArray(input, array, doc, bytes, repaired, progress);
}

void JsonRecordReader::ReadJsonLines(const std::string& input, Bytes bytes, Progress& progress) {
  OwnedBytes owned;
  if (!bytes.padded) {
    owned = Copy(bytes.data);
    bytes = owned.view();
  }
  const char* begin = bytes.data.data();
  const char* end = begin + bytes.data.size();
  size_t line_no = 0;
  size_t records = 0;
  for (const char* p = begin; p < end;) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    const char* stop = nl ? nl : end;
    std::string_view line = Trim(std::string_view(p, stop - p));
    p = nl ? nl + 1 : end;
    ++line_no;
    if (line.empty()) continue;
    ++records;
    std::string record_input = input + "#record-" + std::to_string(line_no);
    std::string where = "line " + std::to_string(line_no) + ": ";
    // The line lies inside a padded buffer, so simdjson may read past its end safely.
    simdjson::padded_string_view view(line.data(), line.size(), static_cast<size_t>(end + kReadPadding - line.data()));
    od::document doc;
    OwnedBytes fixed;
    bool repaired = false;
    error_code e = parser_.iterate(view).get(doc);
    if (e == simdjson::UTF8_ERROR) {
      fixed = Copy(utf8::Repair(line).text);
      repaired = true;
      e = parser_.iterate(PaddedView(fixed.view())).get(doc);
    }
    od::json_type type = od::json_type::null;
    if (!e) e = doc.type().get(type);
    if (!e && type != od::json_type::object) {
      emitter_->Fail(record_input, where + "a JSON Lines record must be an object, this is " + TypeName(type));
      continue;
    }
    Record record;
    od::object object;
    if (!e) e = doc.get_object().get(object);
    if (!e) e = Extract(object, &record);
    if (!e && !AtEnd(doc)) e = simdjson::TRAILING_CONTENT;
    if (e) {
      emitter_->Fail(record_input, where + "invalid JSON (" + Describe(e) + "); line skipped");
      continue;
    }
    EmitRecord(record_input, record, repaired);
    progress.Reach(p - begin, end - begin);
  }
  if (records == 0) emitter_->Fail(input, "no JSON records: the file has only blank lines");
}

}  // namespace marsad::ingest
