#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/embedded_data.h"
#include "core/utf8.h"
#include "ner/conll_corpus.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace marsad::ner {
namespace {

constexpr char kTaggerMagic[8] = {'M', 'N', 'E', 'R', 'T', 'A', 'G', '1'};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Word analyses of one call, shared by repeated words (news repeats names and function
// words; the analysis is the costly part of tagging).
class WordCache {
 public:
  explicit WordCache(const FeatureExtractor& fx) : fx_(fx) {}
  const WordInfo* Get(std::string_view token) {
    auto [it, fresh] = map_.try_emplace(token);
    if (fresh) it->second = fx_.Analyze(token);
    return &it->second;
  }

 private:
  const FeatureExtractor& fx_;
  std::unordered_map<std::string_view, WordInfo> map_;  // views into the caller's text
};

}  // namespace

NerTagger::NerTagger(std::vector<LinearChainModel> passes, WordClusters clusters, CorpusLexicon lexicon,
                     Gazetteer gazetteer)
    : passes_(std::move(passes)),
      clusters_(std::move(clusters)),
      lexicon_(std::move(lexicon)),
      gazetteer_(std::move(gazetteer)),
      extractor_(clusters_.size() ? &clusters_ : nullptr, lexicon_.size() ? &lexicon_ : nullptr,
                 gazetteer_.empty() ? nullptr : &gazetteer_) {}

std::unique_ptr<NerTagger> NerTagger::FromModels(std::vector<LinearChainModel> passes, WordClusters clusters,
                                                 CorpusLexicon lexicon, Gazetteer gazetteer) {
  return std::unique_ptr<NerTagger>(
      new NerTagger(std::move(passes), std::move(clusters), std::move(lexicon), std::move(gazetteer)));
}

std::string NerTagger::Serialize(const std::vector<LinearChainModel>& passes) {
  std::string out(kTaggerMagic, 8);
  const uint32_t n = static_cast<uint32_t>(passes.size());
  out.append(reinterpret_cast<const char*>(&n), 4);
  for (const LinearChainModel& m : passes) m.AppendTo(&out);
  return out;
}

Result<std::unique_ptr<NerTagger>> NerTagger::FromBytes(std::string_view model, std::string_view clusters_tsv,
                                                       std::string_view lexicon_tsv) {
  if (model.size() < 12 || std::memcmp(model.data(), kTaggerMagic, 8) != 0) {
    return Status::Corrupt("NER model: not a marsad NER tagger file (bad magic)");
  }
  uint32_t n = 0;
  std::memcpy(&n, model.data() + 8, 4);
  if (n < 1 || n > 2) return Status::Corrupt("NER model: the pass count is not 1 or 2");
  WordClusters clusters;
  if (!clusters_tsv.empty()) {
    if (Status st = WordClusters::Parse(clusters_tsv, &clusters); !st.ok()) return st;
  }
  CorpusLexicon lexicon;
  if (!lexicon_tsv.empty()) {
    if (Status st = CorpusLexicon::Parse(lexicon_tsv, &lexicon); !st.ok()) return st;
  }
  const WordClusters* cl = clusters.size() ? &clusters : nullptr;
  const CorpusLexicon* lex = lexicon.size() ? &lexicon : nullptr;
  const Gazetteer marker;  // only its presence counts in the hash
  const uint64_t want = ResourcesHash(cl, lex), want_gazetteer = ResourcesHash(cl, lex, &marker);
  bool with_gazetteer = false;
  std::vector<LinearChainModel> passes;
  size_t pos = 12;
  for (uint32_t i = 0; i < n; ++i) {
    auto m = LinearChainModel::Parse(model, &pos);
    if (!m.ok()) return m.status();
    if (m.value().feature_version() != kFeatureVersion) {
      return Status::Unsupported("NER model: trained with feature version " +
                                 std::to_string(m.value().feature_version()) + ", this build extracts version " +
                                 std::to_string(kFeatureVersion) + " (retrain with ner_train)");
    }
    if (i == 0) with_gazetteer = m.value().resources_hash() == want_gazetteer;
    if (m.value().resources_hash() != (with_gazetteer ? want_gazetteer : want)) {
      return Status::InvalidArgument("NER model: trained with other word clusters or lexicon than the ones given "
                                     "(retrain, or pass the files it was trained with)");
    }
    passes.push_back(std::move(m).value());
  }
  if (pos != model.size()) return Status::Corrupt("NER model: trailing bytes after the last pass");
  Gazetteer gazetteer;
  if (with_gazetteer) {
    if (Status st = Gazetteer::BuildDefault(&gazetteer); !st.ok()) return st;
  }
  return FromModels(std::move(passes), std::move(clusters), std::move(lexicon), std::move(gazetteer));
}

Result<std::unique_ptr<NerTagger>> NerTagger::LoadDefault() {
  const std::string model = DataFile("ner/model.bin");
  if (model.empty()) return Status::NotFound("NER model data/ner/model.bin is not embedded in this build");
  return FromBytes(model, DataFile("ner/clusters.tsv"), DataFile("ner/lexicon.tsv"));
}

Result<std::unique_ptr<NerTagger>> NerTagger::LoadFile(const std::string& path, const std::string& clusters_path,
                                                      const std::string& lexicon_path) {
  auto model = ReadFile(path);
  if (!model.ok()) return model.status();
  auto resource = [](const std::string& file, const char* embedded) -> Result<std::string> {
    if (file.empty()) return DataFile(embedded);
    return ReadFile(file);
  };
  auto clusters = resource(clusters_path, "ner/clusters.tsv");
  if (!clusters.ok()) return clusters.status();
  auto lexicon = resource(lexicon_path, "ner/lexicon.tsv");
  if (!lexicon.ok()) return lexicon.status();
  return FromBytes(model.value(), clusters.value(), lexicon.value());
}

void NerTagger::TagDocument(const std::vector<std::vector<const WordInfo*>>& sentences,
                            std::vector<std::vector<int>>* labels, std::vector<std::vector<float>>* confidence) const {
  const size_t n = sentences.size();
  labels->assign(n, {});
  confidence->assign(n, {});
  FeatureSeq seq;
  std::vector<LabelScores> em;
  const bool two = passes_.size() == 2;
  for (size_t s = 0; s < n; ++s) {
    seq.Clear();
    extractor_.Extract(sentences[s], nullptr, nullptr, &seq);
    passes_[0].Emissions(seq, &em);
    passes_[0].Decode(em, &(*labels)[s], two ? nullptr : &(*confidence)[s]);
  }
  if (!two) return;
  // Second pass: the first pass's labels of the sentence and of the whole document.
  DocumentLabels doc;
  for (size_t s = 0; s < n; ++s) doc.AddSentence(sentences[s], (*labels)[s]);
  for (size_t s = 0; s < n; ++s) {
    seq.Clear();
    extractor_.Extract(sentences[s], &(*labels)[s], &doc, &seq);
    passes_[1].Emissions(seq, &em);
    passes_[1].Decode(em, &(*labels)[s], &(*confidence)[s]);
  }
}

std::vector<std::vector<int>> NerTagger::TagTokens(const std::vector<std::vector<std::string_view>>& doc) const {
  WordCache cache(extractor_);
  std::vector<std::vector<const WordInfo*>> words(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    for (std::string_view t : doc[s]) words[s].push_back(cache.Get(t));
  }
  std::vector<std::vector<int>> labels;
  std::vector<std::vector<float>> conf;
  TagDocument(words, &labels, &conf);
  return labels;
}

std::vector<NameSpan> NerTagger::Tag(std::string_view text) const {
  // Byte offset of every code point (sentence spans are code points; Tokenize wants bytes).
  std::vector<uint32_t> byte_at;
  byte_at.reserve(text.size() + 1);
  for (size_t pos = 0; pos < text.size();) {
    byte_at.push_back(static_cast<uint32_t>(pos));
    utf8::DecodeNext(text, &pos);
  }
  byte_at.push_back(static_cast<uint32_t>(text.size()));

  WordCache cache(extractor_);
  std::vector<std::vector<const WordInfo*>> words;
  std::vector<std::vector<text::Token>> tokens;
  for (const text::SentenceSpan& sp : text::SplitSentences(text)) {
    const uint32_t b = byte_at[sp.start];
    std::vector<text::Token> toks = text::Tokenize(text.substr(b, byte_at[sp.end] - b));
    if (toks.empty()) continue;
    std::vector<const WordInfo*> ws;
    ws.reserve(toks.size());
    for (text::Token& t : toks) {
      t.start += sp.start;
      t.end += sp.start;
      ws.push_back(cache.Get(t.text));
    }
    words.push_back(std::move(ws));
    tokens.push_back(std::move(toks));
  }
  std::vector<std::vector<int>> labels;
  std::vector<std::vector<float>> conf;
  TagDocument(words, &labels, &conf);
  std::vector<NameSpan> out;
  for (size_t s = 0; s < labels.size(); ++s) {
    for (const LabelSpan& ls : ExtractSpans(labels[s])) {
      NameSpan span;
      span.start = tokens[s][ls.start].start;
      span.end = tokens[s][ls.end - 1].end;
      span.type = std::string(kMarsadTypes[ls.cls]);
      float c = 1.f;
      for (int i = ls.start; i < ls.end; ++i) c = std::min(c, conf[s][i]);
      span.confidence = c;
      out.push_back(std::move(span));
    }
  }
  return out;
}

}  // namespace marsad::ner
