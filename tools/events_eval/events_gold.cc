#include "events_gold.h"

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "clean/cleaner.h"
#include "ingest/reader.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#ifdef MARSAD_EVENTS_EVAL_ACTORS
#include "actors/actor_resolver.h"
#endif

namespace marsad::events_eval {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string f;
  while (std::getline(in, f, sep)) out.push_back(f);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

class Collect : public ingest::DocumentSink {
 public:
  void Accept(RawDocument doc) override { docs.push_back(std::move(doc)); }
  void Fail(const std::string& input, const std::string& reason) override { errors.push_back(input + ": " + reason); }
  std::vector<RawDocument> docs;
  std::vector<std::string> errors;
};

// First `n` words of a text, as match keys joined by one space.
std::string FirstWords(const std::string& text, size_t n) {
  std::stringstream in(text::MatchKey(text));
  std::string w, out;
  for (size_t i = 0; i < n && in >> w;) {
    // Quote marks and brackets around words do not count («هناك، “بالتالي).
    for (std::string_view q : {"\"", "(", ")", "«", "»", "“", "”", "،", ",", ":", "."}) {
      while (w.size() >= q.size() && w.compare(0, q.size(), q) == 0) w.erase(0, q.size());
      while (w.size() >= q.size() && w.compare(w.size() - q.size(), q.size(), q) == 0) w.erase(w.size() - q.size());
    }
    if (w.empty()) continue;
    out += (out.empty() ? "" : " ") + w;
    ++i;
  }
  return out;
}

}  // namespace

Result<EntityFinder> ActorResolverFinder() {
#ifdef MARSAD_EVENTS_EVAL_ACTORS
  auto r = actors::ActorResolver::LoadDefault();
  if (!r.ok()) return r.status();
  std::shared_ptr<actors::ActorResolver> resolver(std::move(r).value().release());
  return EntityFinder([resolver](const Article& a) { return resolver->Resolve(a.text, a.published); });
#else
  return Status::InvalidArgument("the actors stage is not built into this binary");
#endif
}

std::string ActorKey(const EventActor& a) {
  // International organisations and their officers (the GCC secretary general is a
  // Bahraini) are keyed by the organisation.
  if (a.cameo.rfind("IGO", 0) == 0) return a.cameo.substr(0, 6);
  // Non-state armed groups are keyed by their code, as the README says (PSEREB for
  // Hamas, IMGREB for ISIS), not by the country they fight in.
  if (a.cameo.size() >= 6 && a.cameo.compare(3, 3, "REB") == 0) return a.cameo.substr(0, 6);
  if (!a.country.empty()) return a.country;
  if (!a.cameo.empty()) return a.cameo.substr(0, 6);
  if (a.entity && !a.entity->empty()) return *a.entity;
  return "-";
}

Result<std::vector<GoldDoc>> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  std::vector<GoldDoc> docs;
  std::map<std::string, size_t> index;
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 2) return Status::Corrupt(path + ":" + std::to_string(no) + ": expected ref <TAB> kind ...");
    auto it = index.find(f[0]);
    if (it == index.end()) {
      it = index.emplace(f[0], docs.size()).first;
      docs.push_back({f[0], {}, {}});
    }
    GoldDoc& d = docs[it->second];
    if (f[1] == "E") {
      if (f.size() < 6) return Status::Corrupt(path + ":" + std::to_string(no) + ": E needs source, target, code, mode");
      d.events.push_back({f[2], f[3], f[4], f[5]});
    } else if (f[1] == "Q") {
      if (f.size() < 4) return Status::Corrupt(path + ":" + std::to_string(no) + ": Q needs speaker and first words");
      d.quotes.push_back({f[2], f[3]});
    } else if (f[1] != "N") {
      return Status::Corrupt(path + ":" + std::to_string(no) + ": kind must be E, Q or N");
    }
  }
  return docs;
}

Result<Article> LoadArticle(const std::string& shared_dir, const std::string& ref) {
  static std::map<std::string, std::vector<RawDocument>> cache;  // per zip (tool use only)
  static const clean::Cleaner cleaner;
  std::string path = ref;
  size_t record = 0;
  bool is_record = false;
  if (const size_t hash = ref.find('#'); hash != std::string::npos) {
    path = ref.substr(0, hash);
    record = std::stoul(ref.substr(hash + 1));
    is_record = true;
  }
  const std::string full = shared_dir + "/" + (path.rfind("saudinewsnet/", 0) == 0 ? "data/corpus/saudinewsnet/dataset/" + path.substr(13)
                                                                                    : "samples/" + path);
  auto it = cache.find(full);
  if (it == cache.end()) {
    Collect sink;
    ingest::ReadPaths({full}, ingest::ReaderOptions(), sink);
    if (sink.docs.empty()) return Status::NotFound(ref + ": nothing read from " + full);
    it = cache.emplace(full, std::move(sink.docs)).first;
  }
  const size_t i = is_record ? record : 0;
  if (i >= it->second.size()) return Status::NotFound(ref + ": no such record");
  Article a = cleaner.Clean(it->second[i]);
  a.id = ref;
  a.input = it->second[i].input;
  return a;
}

Result<Report> Evaluate(const events::EventCoder& coder, const EntityFinder& finder,
                        const std::vector<GoldDoc>& gold, const std::string& shared_dir) {
  Report r;
  for (const GoldDoc& g : gold) {
    Result<Article> ar = LoadArticle(shared_dir, g.ref);
    if (!ar.ok()) return ar.status();
    Article a = std::move(ar).value();
    a.entities = finder(a);
    coder.Code(a);
    ++r.docs;
    r.sentences += text::SplitSentences(a.text).size();

    // Predicted events, once per (source, target, code) in the article.
    struct P { std::string s, t, code, root, mode; bool used_root = false, used_code = false; };
    std::vector<P> pred;
    std::set<std::string> seen;
    for (const Event& e : a.events) {
      P p{ActorKey(e.source), ActorKey(e.target), e.cameo_code, e.root, e.mode};
      if (p.s == p.t) continue;  // two actors of one country: not a dyad at this level
      if (!seen.insert(p.s + "|" + p.t + "|" + p.code).second) continue;
      pred.push_back(p);
    }
    std::vector<bool> g_root(g.events.size(), false), g_code(g.events.size(), false);
    for (size_t i = 0; i < g.events.size(); ++i) {
      const GoldEvent& ge = g.events[i];
      for (P& p : pred)
        if (!p.used_code && p.s == ge.source && p.t == ge.target && p.code == ge.code) {
          p.used_code = true;
          g_code[i] = true;
          break;
        }
    }
    for (size_t i = 0; i < g.events.size(); ++i) {
      const GoldEvent& ge = g.events[i];
      // Prefer the prediction with the same code, then any with the same root.
      P* best = nullptr;
      for (P& p : pred)
        if (!p.used_root && p.s == ge.source && p.t == ge.target && p.root == ge.code.substr(0, 2) &&
            (best == nullptr || p.code == ge.code))
          best = &p;
      if (best != nullptr) {
        best->used_root = true;
        g_root[i] = true;
        r.mode_right += best->mode == ge.mode;
      }
    }
    for (size_t i = 0; i < g.events.size(); ++i) {
      g_root[i] ? ++r.root.tp : ++r.root.fn;
      g_code[i] ? ++r.code.tp : ++r.code.fn;
      if (!g_root[i])
        r.errors.push_back(g.ref + "\tFN\t" + g.events[i].source + ">" + g.events[i].target + " " + g.events[i].code);
    }
    for (const P& p : pred) {
      if (!p.used_root) {
        ++r.root.fp;
        r.errors.push_back(g.ref + "\tFP\t" + p.s + ">" + p.t + " " + p.code + " " + p.mode);
      }
      if (!p.used_code) ++r.code.fp;
    }

    // Quotes: by their first three words.
    std::vector<bool> q_used(a.quotes.size(), false);
    for (const GoldQuote& gq : g.quotes) {
      const std::string want = FirstWords(gq.first_words, 3);
      bool found = false;
      for (size_t k = 0; k < a.quotes.size() && !found; ++k) {
        if (q_used[k] || FirstWords(a.quotes[k].text, 3) != want) continue;
        q_used[k] = found = true;
        const Quote& q = a.quotes[k];
        std::string who = "-";
        if (q.speaker)
          for (const Entity& e : a.entities)
            if (e.id == *q.speaker) who = ActorKey({e.id, e.name_en, e.cameo.value_or(""), e.country.value_or("")});
        if (who == gq.speaker) ++r.quote_speakers_right;
        else r.errors.push_back(g.ref + "\tSPEAKER\t" + want + " want " + gq.speaker + " got " + who);
      }
      found ? ++r.quotes.tp : ++r.quotes.fn;
      if (!found) r.errors.push_back(g.ref + "\tQFN\t" + gq.speaker + " " + want);
    }
    for (size_t k = 0; k < a.quotes.size(); ++k)
      if (!q_used[k]) {
        ++r.quotes.fp;
        r.errors.push_back(g.ref + "\tQFP\t" + a.quotes[k].speaker_name + ": " + FirstWords(a.quotes[k].text, 5));
      }
  }
  return r;
}

}  // namespace marsad::events_eval
