// ANERcorp-style CoNLL files ("token TAG [comment]" a line, blank line between sentences,
// a line with only "ARTICLE" between articles) and CoNLL exact-span evaluation.
// Used by the training/evaluation tools and tests, not by the tagger. Thread-compatible.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/status.h"
#include "ner/labels.h"

namespace marsad::ner {

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<int> labels;  // label ids (labels.h), one per token
};

struct Document {
  std::vector<Sentence> sentences;
};

struct ConllCorpus {
  std::vector<Document> docs;
  size_t tokens = 0;
  size_t repaired_tags = 0;  // misspelt tags mapped to the nearest class (B-ORF -> B-ORG)
  size_t unknown_tags = 0;   // tags read as O (ID, FIX, ... in the tag column)
};

// Reads a file. Documents are cut at "ARTICLE" lines; `docs_from` (optional) is a second,
// line-aligned file whose ARTICLE lines give the cuts instead (test.txt has none, its
// corrected version has them). A file without cuts is one document.
Result<ConllCorpus> ReadConll(const std::string& path, const std::string& docs_from = "");

// The tag string as a label: exact tags, then repairs of misspellings; -1 if unusable.
int ParseTag(std::string_view tag, bool* repaired);
std::string LabelName(int label);

// Re-tokenises each token with text::Tokenize (what the tagger sees at run time: "100km"
// or "الاجتماع." are split); the pieces of a B-X token are B-X, I-X, ...
// piece_to_token[k] = index of the original token of piece k.
Sentence Retokenize(const Sentence& s, std::vector<uint32_t>* piece_to_token);

// Turns I-X that cannot continue a span into B-X (training wants well-formed BIO).
void RepairBio(std::vector<int>* labels);

struct LabelSpan {
  int start = 0, end = 0, cls = 0;  // tokens [start, end)
  bool operator==(const LabelSpan&) const = default;
};
// Spans as conlleval reads them: B-X starts a span; I-X continues a span of class X or,
// after anything else, starts one.
std::vector<LabelSpan> ExtractSpans(const std::vector<int>& labels);

class SpanScorer {
 public:
  void Add(const std::vector<int>& gold, const std::vector<int>& predicted);
  double MicroF1() const;
  double ClassF1(int cls) const;  // cls: 0 .. kNumClasses-1 (kClassNames)
  // A table: per class and micro P/R/F1 with counts.
  std::string Report() const;

 private:
  std::array<long, kNumClasses> tp_{}, fp_{}, fn_{};
};

}  // namespace marsad::ner
