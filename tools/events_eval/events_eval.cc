// events_eval: scores the events stage against eval/gold/events/gold.tsv, and helps
// annotate more gold.
//
//   events_eval [--gold FILE] [--shared DIR] [--errors]
//       precision/recall at root and full-code level, quotes; --errors lists FP/FN lines
//   events_eval --show REF...      the article's sentences, actors, events and quotes
//   events_eval --candidates N [--skip K] [--per-zip P]
//                                  references of the next N articles the gold sampling
//                                  rule picks (docs/EVENTS.md), with their text; a later
//                                  round skips the K picked per zip before (3 per zip, K 0
//                                  by default) and takes P per zip
//   events_eval --sample N         N events from articles outside the gold, for a spot
//                                  check of precision by reading
//
// Entities come from the actors stage's ActorResolver (events_gold.h: EntityFinder).
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "events_gold.h"
#include "text/sentence_splitter.h"

using namespace marsad;

namespace {

void Show(const events::EventCoder& coder, const events_eval::EntityFinder& finder, const std::string& shared,
          const std::string& ref) {
  Result<Article> ar = events_eval::LoadArticle(shared, ref);
  if (!ar.ok()) {
    std::fprintf(stderr, "%s\n", ar.status().ToString().c_str());
    return;
  }
  Article a = std::move(ar).value();
  a.entities = finder(a);
  coder.Code(a);
  std::printf("=== %s  published %s\n", ref.c_str(), a.published.value_or("-").c_str());
  int n = 0;
  for (const text::SentenceSpan& s : text::SplitSentences(a.text)) {
    const size_t b = utf8::ByteOffsetOfCodePoint(a.text, s.start), e = utf8::ByteOffsetOfCodePoint(a.text, s.end);
    std::printf("[%d] %s\n", n++, a.text.substr(b, e - b).c_str());
  }
  std::printf("--- actors:");
  for (const Entity& e : a.entities)
    std::printf(" %s(%s,%s)", e.mentions.empty() ? e.id.c_str() : e.mentions[0].text.c_str(),
                events_eval::ActorKey({e.id, e.name_en, e.cameo.value_or(""), e.country.value_or("")}).c_str(),
                e.type.c_str());
  std::printf("\n");
  for (const Event& e : a.events)
    std::printf("--- E %s>%s %s %s %s conf=%.2f date=%s loc=%s\n", events_eval::ActorKey(e.source).c_str(),
                events_eval::ActorKey(e.target).c_str(), e.cameo_code.c_str(), e.mode.c_str(),
                e.source.entity.value_or("").c_str(), e.confidence, e.date.value_or("-").c_str(),
                e.location_name.c_str());
  for (const Quote& q : a.quotes)
    std::printf("--- Q %s [%s] %s\n", q.speaker_name.c_str(), q.direct ? "direct" : "reported", q.text.substr(0, 120).c_str());
}

int Candidates(const events_eval::EntityFinder& finder, const std::string& shared, int want, int skip, int take) {
  std::vector<std::string> zips;
  for (const auto& e : std::filesystem::directory_iterator(shared + "/data/corpus/saudinewsnet/dataset"))
    if (e.path().extension() == ".zip") zips.push_back(e.path().filename().string());
  std::sort(zips.begin(), zips.end());
  int got = 0;
  for (size_t z = 0; z < zips.size() && got < want; ++z) {  // `take` a day (after `skip`), in corpus order
    int per_zip = 0, skipped = 0;
    for (size_t i = 0; per_zip < take && got < want; ++i) {
      const std::string ref = "saudinewsnet/" + zips[z] + "#" + std::to_string(i);
      Result<Article> ar = events_eval::LoadArticle(shared, ref);
      if (!ar.ok()) break;
      Article a = std::move(ar).value();
      const size_t len = utf8::CountCodePoints(a.text);
      if (len < 250 || len > 1400) continue;
      std::set<std::string> countries;
      for (const Entity& e : finder(a))
        if (e.type == "GPE" && e.country) countries.insert(*e.country);
      if (countries.size() < 2) continue;
      if (skipped < skip) {
        ++skipped;
        continue;
      }
      ++per_zip, ++got;
      std::printf("=== %s\n%s\n\n", ref.c_str(), a.text.c_str());
    }
  }
  return 0;
}

// Events of articles outside the gold (records 100 and up of every zip, every 9th), for
// reading: a spot check of precision on news the rules were not written from.
int Sample(const events::EventCoder& coder, const events_eval::EntityFinder& finder, const std::string& shared,
           int want) {
  std::vector<std::string> zips;
  for (const auto& e : std::filesystem::directory_iterator(shared + "/data/corpus/saudinewsnet/dataset"))
    if (e.path().extension() == ".zip") zips.push_back(e.path().filename().string());
  std::sort(zips.begin(), zips.end());
  int got = 0;
  for (size_t i = 100; got < want && i < 2000; i += 9) {
    for (const std::string& z : zips) {
      if (got >= want) break;
      const std::string ref = "saudinewsnet/" + z + "#" + std::to_string(i);
      Result<Article> ar = events_eval::LoadArticle(shared, ref);
      if (!ar.ok()) continue;
      Article a = std::move(ar).value();
      a.entities = finder(a);
      coder.Code(a);
      for (const Event& e : a.events) {
        if (got >= want) break;
        ++got;
        std::printf("%d\t%s\t%s>%s\t%s\t%s\t%s\n", got, ref.c_str(), events_eval::ActorKey(e.source).c_str(),
                    events_eval::ActorKey(e.target).c_str(), e.cameo_code.c_str(), e.mode.c_str(), e.evidence_text.c_str());
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold = std::string(MARSAD_SOURCE_DIR) + "/eval/gold/events/gold.tsv";
  std::string shared = MARSAD_SHARED_DIR;
  bool errors = false;
  std::vector<std::string> show;
  int candidates = 0, sample = 0, skip = 0, per_zip = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--gold" && i + 1 < argc) gold = argv[++i];
    else if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--errors") errors = true;
    else if (a == "--candidates" && i + 1 < argc) candidates = std::atoi(argv[++i]);
    else if (a == "--skip" && i + 1 < argc) skip = std::atoi(argv[++i]);
    else if (a == "--per-zip" && i + 1 < argc) per_zip = std::atoi(argv[++i]);
    else if (a == "--sample" && i + 1 < argc) sample = std::atoi(argv[++i]);
    else if (a == "--show") {
      while (i + 1 < argc && argv[i + 1][0] != '-') show.push_back(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: events_eval [--gold FILE] [--shared DIR] [--errors] | --show REF... | --candidates N [--skip K] [--per-zip P] | --sample N\n");
      return 2;
    }
  }
  auto coder = events::EventCoder::LoadDefault();
  if (!coder.ok()) {
    std::fprintf(stderr, "%s\n", coder.status().ToString().c_str());
    return 1;
  }
  auto finder = events_eval::ActorResolverFinder();
  if (!finder.ok()) {
    std::fprintf(stderr, "%s\n", finder.status().ToString().c_str());
    return 1;
  }
  if (candidates > 0) return Candidates(finder.value(), shared, candidates, skip, per_zip);
  if (sample > 0) return Sample(*coder.value(), finder.value(), shared, sample);
  if (!show.empty()) {
    for (const std::string& ref : show) Show(*coder.value(), finder.value(), shared, ref);
    return 0;
  }
  auto g = events_eval::LoadGold(gold);
  if (!g.ok()) {
    std::fprintf(stderr, "%s\n", g.status().ToString().c_str());
    return 1;
  }
  auto r = events_eval::Evaluate(*coder.value(), finder.value(), g.value(), shared);
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return 1;
  }
  const events_eval::Report& rep = r.value();
  if (errors)
    for (const std::string& e : rep.errors) std::printf("%s\n", e.c_str());
  auto line = [](const char* what, const events_eval::Counts& c) {
    std::printf("%-12s P %.3f  R %.3f  (tp %zu fp %zu fn %zu)\n", what, c.precision(), c.recall(), c.tp, c.fp, c.fn);
  };
  std::printf("articles %zu, sentences %zu\n", rep.docs, rep.sentences);
  line("root", rep.root);
  line("full code", rep.code);
  line("quotes", rep.quotes);
  std::printf("mode right on %zu of %zu root matches; quote speakers right on %zu of %zu\n", rep.mode_right,
              rep.root.tp, rep.quote_speakers_right, rep.quotes.tp);
  return 0;
}
