#include "word_stream.h"

#include "ner/conll_corpus.h"
#include "news_corpus.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace marsad::ner_tools {

Result<long> ForEachCorpusWord(const std::string& dir, const std::vector<std::string>& extra_conll,
                               const std::function<void(const std::string&)>& word,
                               const std::function<void()>& boundary) {
  const long articles = ForEachArticle(dir, 0, [&](std::string_view text) {
    const std::string display = text::NormalizeDisplay(text);
    for (const text::Token& t : text::Tokenize(display)) word(text::MatchKey(t.text));
    boundary();
  });
  if (articles < 0) return Status::NotFound("no readable zip in " + dir);
  for (const std::string& path : extra_conll) {
    auto conll = ner::ReadConll(path);
    if (!conll.ok()) return conll.status();
    for (const auto& doc : conll.value().docs) {
      for (const auto& sent : doc.sentences) {
        for (const std::string& t : sent.tokens) {
          for (const auto& piece : text::Tokenize(t)) word(text::MatchKey(piece.text));
        }
        boundary();
      }
    }
  }
  return articles;
}

}  // namespace marsad::ner_tools
