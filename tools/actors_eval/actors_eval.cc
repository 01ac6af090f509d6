// actors_eval: precision/recall of the actors stage against eval/gold/actors, and tools
// for writing gold annotations.
//   actors_eval [--gold DIR] [--shared DIR] [--errors]      evaluate, print P/R
//   actors_eval --dump REF [--date YYYY-MM-DD]              entities the resolver finds
//   actors_eval --text REF                                  the text of a reference
#include <cstdio>
#include <cstring>
#include <string>

#include "actors/actor_resolver.h"
#include "gold_eval.h"

using namespace marsad;

int main(int argc, char** argv) {
  std::string gold_dir = std::string(MARSAD_SOURCE_DIR) + "/eval/gold/actors";
  std::string shared = MARSAD_SHARED_DIR;
  std::string dump, show, date;
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--gold") gold_dir = next();
    else if (a == "--shared") shared = next();
    else if (a == "--dump") dump = next();
    else if (a == "--text") show = next();
    else if (a == "--date") date = next();
    else if (a == "--errors") errors = true;
    else {
      std::fprintf(stderr, "usage: actors_eval [--gold DIR] [--shared DIR] [--errors] | --dump REF [--date D] | --text REF\n");
      return 2;
    }
  }
  if (!show.empty()) {
    auto t = actors_eval::LoadText(shared, show);
    if (!t.ok()) return std::fprintf(stderr, "%s\n", t.status().ToString().c_str()), 1;
    std::printf("%s\n", t.value().c_str());
    return 0;
  }
  auto resolver = actors::ActorResolver::LoadDefault();
  if (!resolver.ok()) return std::fprintf(stderr, "%s\n", resolver.status().ToString().c_str()), 1;
  if (!dump.empty()) {
    auto t = actors_eval::LoadText(shared, dump);
    if (!t.ok()) return std::fprintf(stderr, "%s\n", t.status().ToString().c_str()), 1;
    const auto ents = resolver.value()->Resolve(t.value(), date.empty() ? std::nullopt : std::optional<std::string>(date));
    for (const Entity& e : ents) {
      std::printf("%s\t%s\t%s\t%s\t%s\t%zu:", dump.c_str(), e.id.c_str(), e.type.c_str(), e.country.value_or("-").c_str(),
                  e.cameo.value_or("-").c_str(), e.mentions.size());
      for (const Mention& m : e.mentions) std::printf(" [%u,%u)%s", m.start, m.end, m.text.c_str());
      std::printf("\n");
    }
    return 0;
  }
  auto gold = actors_eval::LoadGold(gold_dir);
  if (!gold.ok()) return std::fprintf(stderr, "%s\n", gold.status().ToString().c_str()), 1;
  auto r = actors_eval::Evaluate(*resolver.value(), gold.value(), shared);
  if (!r.ok()) return std::fprintf(stderr, "%s\n", r.status().ToString().c_str()), 1;
  const auto& rep = r.value();
  if (errors) {
    for (const std::string& e : rep.errors) std::printf("%s\n", e.c_str());
  }
  std::printf("documents: %zu, names in the knowledge base: %zu\n", rep.docs, resolver.value()->name_count());
  std::printf("event actors (countries, governments, leaders, IGOs): P %.3f  R %.3f  (tp %zu fp %zu fn %zu)\n",
              rep.event_actors.precision(), rep.event_actors.recall(), rep.event_actors.tp, rep.event_actors.fp,
              rep.event_actors.fn);
  std::printf("  with coded names outside the KB (NER's share):       P %.3f  R %.3f  (tp %zu fp %zu fn %zu)\n",
              rep.event_actors_with_names.precision(), rep.event_actors_with_names.recall(),
              rep.event_actors_with_names.tp, rep.event_actors_with_names.fp, rep.event_actors_with_names.fn);
  std::printf("all entities:                                         P %.3f  R %.3f  (tp %zu fp %zu fn %zu)\n",
              rep.all.precision(), rep.all.recall(), rep.all.tp, rep.all.fp, rep.all.fn);
  return 0;
}
