// Evaluates a NerTagger on a CoNLL corpus the way the tagger runs on text: each gold token
// is re-tokenised with text::Tokenize, the document is tagged, and the label of a token's
// first piece is its predicted label; spans are then scored exactly (conlleval). Used by
// ner_eval, ner_train and the slow test. Thread-compatible.
#pragma once

#include "ner/conll_corpus.h"
#include "ner/ner_tagger.h"

namespace marsad::ner {

SpanScorer EvaluateTagger(const NerTagger& tagger, const ConllCorpus& corpus);

}  // namespace marsad::ner
