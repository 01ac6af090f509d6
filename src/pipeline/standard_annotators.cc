#include "pipeline/standard_annotators.h"

#include "actors/actor_resolver.h"
#include "events/event_coder.h"
#include "ner/ner_tagger.h"

namespace marsad::pipeline {

namespace {

// NER and actor resolution in one stage: the resolver needs the NER spans of the same
// text, and the spans are not part of the Article.
class ActorAnnotator : public ArticleAnnotator {
 public:
  ActorAnnotator(std::unique_ptr<actors::ActorResolver> resolver, std::unique_ptr<ner::NerTagger> ner)
      : resolver_(std::move(resolver)), ner_(std::move(ner)) {}
  void Annotate(Article& a) const override {
    if (a.text.empty()) return;
    std::vector<actors::NameSpan> spans;
    if (ner_) {
      for (const ner::NameSpan& s : ner_->Tag(a.text)) spans.push_back({s.start, s.end, s.type, s.confidence});
    }
    a.entities = resolver_->Resolve(a.text, a.published, spans);
  }
  const char* name() const override { return ner_ ? "ner+actors" : "actors"; }

 private:
  std::unique_ptr<actors::ActorResolver> resolver_;
  std::unique_ptr<ner::NerTagger> ner_;
};

class EventAnnotator : public ArticleAnnotator {
 public:
  explicit EventAnnotator(std::unique_ptr<events::EventCoder> coder) : coder_(std::move(coder)) {}
  void Annotate(Article& a) const override {
    if (!a.text.empty()) coder_->Code(a);
  }
  const char* name() const override { return "events"; }

 private:
  std::unique_ptr<events::EventCoder> coder_;
};

Status Named(const char* stage, const Status& s) {
  return Status::Internal(std::string("cannot load the ") + stage + " data embedded in marsad: " + s.message());
}

}  // namespace

StandardAnnotators::~StandardAnnotators() = default;

Result<std::unique_ptr<StandardAnnotators>> StandardAnnotators::Load(const AnnotatorChoice& choice) {
  std::unique_ptr<StandardAnnotators> out(new StandardAnnotators());
  if (choice.actors) {
    auto resolver = actors::ActorResolver::LoadDefault();
    if (!resolver.ok()) return Named("actors", resolver.status());
    std::unique_ptr<ner::NerTagger> tagger;
    if (choice.ner) {
      auto loaded = ner::NerTagger::LoadDefault();
      if (loaded.ok()) {
        tagger = std::move(loaded).value();
      } else {
        out->warnings_.push_back("the NER model could not be loaded (" + loaded.status().message() +
                                 "); only names in the actor knowledge base are found");
      }
    }
    out->owned_.push_back(std::make_unique<ActorAnnotator>(std::move(resolver).value(), std::move(tagger)));
  }
  if (choice.events && choice.actors) {
    auto coder = events::EventCoder::LoadDefault();
    if (!coder.ok()) return Named("events", coder.status());
    out->owned_.push_back(std::make_unique<EventAnnotator>(std::move(coder).value()));
  }
  for (const auto& a : out->owned_) out->list_.push_back(a.get());
  return out;
}

}  // namespace marsad::pipeline
