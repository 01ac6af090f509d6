#include "events/event_coder.h"

#include "events/article_view.h"
#include "events/cameo_table.h"
#include "events/country_pronoun.h"
#include "events/event_dates.h"
#include "events/lexicon.h"
#include "events/quote_finder.h"
#include "events/sentence_coder.h"

namespace marsad::events {

EventCoder::EventCoder(std::unique_ptr<Lexicon> lexicon, std::unique_ptr<CameoTable> cameo)
    : lexicon_(std::move(lexicon)), cameo_(std::move(cameo)), dates_(std::make_unique<DateResolver>(*lexicon_)) {}
EventCoder::~EventCoder() = default;
EventCoder::EventCoder(EventCoder&&) noexcept = default;
EventCoder& EventCoder::operator=(EventCoder&&) noexcept = default;

Result<std::unique_ptr<EventCoder>> EventCoder::LoadDefault() {
  Result<std::unique_ptr<Lexicon>> lx = Lexicon::Load();
  if (!lx.ok()) return lx.status();
  Result<std::unique_ptr<CameoTable>> cameo = CameoTable::Load();
  if (!cameo.ok()) return cameo.status();
  // Every pattern's code must be a CAMEO code: a typo in verbs.tsv is a data error.
  for (const Pattern& p : lx.value()->patterns())
    if (cameo.value()->Find(p.code) == nullptr)
      return Status::Corrupt("data/events/verbs.tsv:" + std::to_string(p.line) + ": '" + p.code +
                             "' is not a CAMEO code of data/events/cameo.tsv");
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(lx).value(), std::move(cameo).value()));
}

void EventCoder::Code(Article& article) const {
  article.events.clear();
  article.quotes.clear();
  if (article.text.empty()) return;
  ArticleView view = BuildView(article, *lexicon_);
  // Quotes first: "وأضاف أنه سيزور X" needs the speaker as the subject of its event.
  std::vector<PronounSubject> subjects;
  FindQuotes(article, view, *lexicon_, &article.quotes, &subjects);
  // "أكد أن بلاده ستساعد": his country is an actor too. The new mentions change the slots,
  // so the view and the quotes are built again (same quotes, speakers' slots renumbered).
  if (AddCountryPronounMentions(article, view, article.quotes)) {
    view = BuildView(article, *lexicon_);
    article.quotes.clear();
    subjects.clear();
    FindQuotes(article, view, *lexicon_, &article.quotes, &subjects);
  }
  const CodingContext cx{article, view, *lexicon_, *cameo_, *dates_, subjects};
  for (uint32_t s = 0; s < view.sentences.size(); ++s) CodeSentence(cx, s, &article.events);
}

std::string EventMergeKey(const Event& e, const std::string& story_id) {
  auto actor = [](const EventActor& a) -> std::string {
    if (!a.cameo.empty()) return a.cameo;
    if (a.entity && !a.entity->empty()) return *a.entity;
    return "-";
  };
  std::string key = story_id;
  key += '|';
  key += actor(e.source);
  key += '|';
  key += actor(e.target);
  key += '|';
  key += e.cameo_code;
  key += '|';
  key += e.mode;
  key += '|';
  key += e.date.value_or("-");
  return key;
}

}  // namespace marsad::events
