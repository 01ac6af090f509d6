// SaudiNewsNet reader for the story tools and benches: every record of the zips in
// <dir>/*.zip (each a JSON array), in file-name (= date) order, then array order.
// A record is referenced as "<file stem>#<index in the array>" (e.g. "2015-08-09#117"),
// which is how the gold sets in eval/gold/ name articles (no texts are copied).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace marsad::story_eval {

struct CorpusRecord {
  std::string ref;  // "2015-08-09#117"
  std::string source, url, title, content, date_extracted;
  int64_t day = 0;  // days since 1970-01-01 of date_extracted (file date when missing)
};

// The default corpus directory: $MARSAD_CORPUS_DIR, else <shared>/data/corpus/saudinewsnet/
// dataset under `shared_dir`.
std::string CorpusDir(const std::string& shared_dir);

// Reads all records; returns false with *error set when the directory has no readable zip.
bool ReadCorpus(const std::string& dir, std::vector<CorpusRecord>* out, std::string* error);

}  // namespace marsad::story_eval
