// The unlabelled word stream of the NER tools (ner_clusters, ner_embed): the articles of
// the SaudiNewsNet-style zips in a folder, then the tokens of extra CoNLL files.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace marsad::ner_tools {

// Calls word(match key) for each word — article texts display-normalised and tokenised,
// CoNLL tokens re-tokenised the same way — and boundary() after each article and each
// CoNLL sentence. Returns the number of articles read; an error naming the folder when it
// has no readable zip, or the CoNLL file that cannot be read.
Result<long> ForEachCorpusWord(const std::string& dir, const std::vector<std::string>& extra_conll,
                               const std::function<void(const std::string&)>& word,
                               const std::function<void()>& boundary);

}  // namespace marsad::ner_tools
