#include "gold_eval.h"

#include <simdjson.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/ids.h"
#include "text/normalizer.h"

namespace marsad::actors_eval {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string f;
  while (std::getline(in, f, sep)) out.push_back(f);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One record's content from a SaudiNewsNet zip (zips are cached per process).
Result<std::string> ReadZipRecord(const std::string& path, size_t index) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(path);
  if (it == cache.end()) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (z == nullptr) return Status::IoError("cannot open " + path);
    zip_stat_t st;
    std::string buf;
    if (zip_stat_index(z, 0, 0, &st) == 0) {
      zip_file_t* f = zip_fopen_index(z, 0, 0);
      if (f != nullptr) {
        buf.resize(st.size);
        zip_fread(f, buf.data(), st.size);
        zip_fclose(f);
      }
    }
    zip_close(z);
    it = cache.emplace(path, std::move(buf)).first;
  }
  simdjson::dom::parser parser;
  simdjson::dom::array records;
  if (parser.parse(it->second).get_array().get(records) != simdjson::SUCCESS) return Status::Corrupt(path + ": not a JSON array");
  size_t i = 0;
  for (simdjson::dom::element rec : records) {
    if (i++ != index) continue;
    std::string_view content;
    if (rec["content"].get_string().get(content) != simdjson::SUCCESS) return Status::Corrupt(path + ": no content");
    return std::string(content);
  }
  return Status::NotFound(path + ": no record " + std::to_string(index));
}

}  // namespace

bool IsEventActor(const std::string& type, const std::string& cameo) {
  if (type == "GPE") return true;
  if (cameo.empty() || type == "MEDIA" || type == "LOC") return false;
  return cameo.size() < 3 || cameo.compare(cameo.size() - 3, 3, "MED") != 0;
}

Result<std::vector<GoldDoc>> LoadGold(const std::string& gold_dir) {
  std::vector<GoldDoc> docs;
  std::map<std::string, size_t> index;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(gold_dir, ec)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  if (ec) return Status::IoError("cannot list " + gold_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    Result<std::string> body = ReadFile(path.string());
    if (!body.ok()) return body.status();
    size_t line_no = 0;
    for (const std::string& line : Split(body.value(), '\n')) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> f = Split(line, '\t');
      const std::string where = path.filename().string() + ":" + std::to_string(line_no);
      if (f.size() < 2) return Status::Corrupt(where + ": want ref <TAB> id|@date ...");
      auto [it, fresh] = index.emplace(f[0], docs.size());
      if (fresh) docs.push_back({f[0], "", {}});
      GoldDoc& d = docs[it->second];
      if (f[1] == "@date") {
        if (f.size() < 3) return Status::Corrupt(where + ": @date needs a date");
        d.date = f[2];
        continue;
      }
      if (f[1] == "@none") continue;  // a document with no actors
      if (f.size() < 5) return Status::Corrupt(where + ": want ref, id, type, country, cameo");
      // "name:<Arabic>" = a name the knowledge base lacks: the id NER input would get.
      const std::string id = f[1].rfind("name:", 0) == 0 ? "ner:" + ShortHash(text::MatchKey(f[1].substr(5))) : f[1];
      d.entities.push_back({id, f[2], f[3] == "-" ? "" : f[3], f[4] == "-" ? "" : f[4]});
    }
  }
  return docs;
}

Result<std::string> LoadText(const std::string& shared_dir, const std::string& ref) {
  Result<std::string> raw = Status::NotFound(ref);
  if (ref.rfind("saudinewsnet/", 0) == 0) {
    const size_t hash = ref.find('#');
    if (hash == std::string::npos) return Status::InvalidArgument(ref + ": want saudinewsnet/<zip>#<index>");
    raw = ReadZipRecord(shared_dir + "/data/corpus/saudinewsnet/dataset/" + ref.substr(13, hash - 13),
                        std::stoul(ref.substr(hash + 1)));
  } else if (ref.rfind("seeds/", 0) == 0) {
    raw = ReadFile(shared_dir + "/samples/" + ref);
  } else {
    return Status::InvalidArgument(ref + ": unknown reference kind");
  }
  if (!raw.ok()) return raw.status();
  return text::NormalizeDisplay(raw.value());
}

Result<Report> Evaluate(const actors::ActorResolver& resolver, const std::vector<GoldDoc>& gold,
                        const std::string& shared_dir) {
  Report r;
  for (const GoldDoc& d : gold) {
    Result<std::string> text = LoadText(shared_dir, d.ref);
    if (!text.ok()) return text.status();
    ++r.docs;
    const std::optional<std::string> date = d.date.empty() ? std::nullopt : std::optional<std::string>(d.date);
    std::map<std::string, bool> predicted;  // id -> event actor
    for (const Entity& e : resolver.Resolve(text.value(), date)) predicted[e.id] = IsEventActor(e.type, e.cameo.value_or(""));
    std::map<std::string, bool> truth;
    for (const GoldEntity& g : d.entities) truth[g.id] = IsEventActor(g.type, g.cameo);
    for (const auto& [id, ev] : predicted) {
      const bool hit = truth.count(id) != 0;
      (hit ? r.all.tp : r.all.fp)++;
      if (ev || (hit && truth[id])) {
        (hit ? r.event_actors_with_names.tp : r.event_actors_with_names.fp)++;
        if (id.rfind("ner:", 0) != 0) (hit ? r.event_actors.tp : r.event_actors.fp)++;
      }
      if (!hit) r.errors.push_back(d.ref + "\tFP\t" + id);
    }
    for (const auto& [id, ev] : truth) {
      if (predicted.count(id) != 0) continue;
      r.all.fn++;
      if (ev) {
        r.event_actors_with_names.fn++;
        if (id.rfind("ner:", 0) != 0) r.event_actors.fn++;
      }
      r.errors.push_back(d.ref + "\tFN\t" + id);
    }
  }
  return r;
}

}  // namespace marsad::actors_eval
