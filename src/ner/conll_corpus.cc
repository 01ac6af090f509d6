#include "ner/conll_corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "text/tokenizer.h"

namespace marsad::ner {
namespace {

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> f;
  std::istringstream in(line);
  for (std::string s; in >> s;) f.push_back(s);
  return f;
}

bool IsMarker(const std::vector<std::string>& f) {
  if (f.size() != 1) return false;
  for (char c : f[0]) {
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
  }
  return true;
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> d(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) d[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = d[0];
    d[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = d[j];
      d[j] = std::min({d[j] + 1, d[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return d[b.size()];
}

Result<std::vector<std::string>> ReadLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

int ParseTag(std::string_view tag, bool* repaired) {
  *repaired = false;
  std::string t(tag);
  for (char& c : t) c = static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c);
  if (t == "O") return kOutside;
  if (t.size() < 3 || t[1] != '-' || t[0] == 'O') return -1;
  const std::string_view cls = std::string_view(t).substr(2);
  int best = -1, best_d = 3;
  for (int c = 0; c < kNumClasses; ++c) {
    const int d = EditDistance(cls, kClassNames[c]);
    if (d < best_d) best = c, best_d = d;
  }
  if (best < 0 || (t[0] != 'B' && t[0] != 'I' && best_d > 0)) return -1;
  *repaired = best_d > 0 || tag != (std::string(t[0] == 'B' ? "B-" : "I-") + std::string(kClassNames[best]));
  // A misspelt prefix (L-LOC, P-PERS) continues a span: RepairBio turns it into B if needed.
  return t[0] == 'B' ? BeginLabel(best) : InsideLabel(best);
}

std::string LabelName(int label) {
  if (label == kOutside) return "O";
  return std::string(IsBegin(label) ? "B-" : "I-") + std::string(kClassNames[ClassOf(label)]);
}

Result<ConllCorpus> ReadConll(const std::string& path, const std::string& docs_from) {
  auto lines = ReadLines(path);
  if (!lines.ok()) return lines.status();
  std::vector<bool> cut(lines.value().size() + 1, false);
  const bool external_cuts = !docs_from.empty();
  if (external_cuts) {
    auto other = ReadLines(docs_from);
    if (!other.ok()) return other.status();
    for (size_t i = 0; i < other.value().size() && i < cut.size(); ++i) cut[i] = IsMarker(Fields(other.value()[i]));
  }
  ConllCorpus corpus;
  corpus.docs.emplace_back();
  Sentence cur;
  auto end_sentence = [&] {
    if (!cur.tokens.empty()) {
      RepairBio(&cur.labels);
      corpus.docs.back().sentences.push_back(std::move(cur));
    }
    cur = Sentence();
  };
  for (size_t i = 0; i < lines.value().size(); ++i) {
    const std::vector<std::string> f = Fields(lines.value()[i]);
    const bool marker = IsMarker(f);
    if (f.empty() || marker || cut[i]) end_sentence();
    if ((external_cuts ? cut[i] : marker) && !corpus.docs.back().sentences.empty()) corpus.docs.emplace_back();
    if (f.empty() || marker) continue;
    bool repaired = false;
    int label = f.size() >= 2 ? ParseTag(f[1], &repaired) : kOutside;
    if (label < 0) {
      ++corpus.unknown_tags;
      label = kOutside;
    }
    corpus.repaired_tags += repaired;
    cur.tokens.push_back(f[0]);
    cur.labels.push_back(label);
    ++corpus.tokens;
  }
  end_sentence();
  if (corpus.docs.back().sentences.empty()) corpus.docs.pop_back();
  return corpus;
}

void RepairBio(std::vector<int>* labels) {
  int prev = -1;
  for (int& l : *labels) {
    if (!Allowed(prev, l)) l = BeginLabel(ClassOf(l));
    prev = l;
  }
}

Sentence Retokenize(const Sentence& s, std::vector<uint32_t>* piece_to_token) {
  Sentence out;
  piece_to_token->clear();
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const std::vector<text::Token> pieces = text::Tokenize(s.tokens[i]);
    if (pieces.empty()) continue;  // only invisible marks: nothing the tagger would see
    for (size_t k = 0; k < pieces.size(); ++k) {
      out.tokens.emplace_back(pieces[k].text);
      const int l = s.labels[i];
      out.labels.push_back(k > 0 && l != kOutside ? InsideLabel(ClassOf(l)) : l);
      piece_to_token->push_back(static_cast<uint32_t>(i));
    }
  }
  return out;
}

std::vector<LabelSpan> ExtractSpans(const std::vector<int>& labels) {
  std::vector<LabelSpan> spans;
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    const int l = labels[i];
    if (l == kOutside) continue;
    const bool cont = IsInside(l) && !spans.empty() && spans.back().end == i && spans.back().cls == ClassOf(l);
    if (cont) {
      spans.back().end = i + 1;
    } else {
      spans.push_back({i, i + 1, ClassOf(l)});
    }
  }
  return spans;
}

void SpanScorer::Add(const std::vector<int>& gold, const std::vector<int>& predicted) {
  const std::vector<LabelSpan> g = ExtractSpans(gold), p = ExtractSpans(predicted);
  // Both lists are sorted by start and non-overlapping: one merge finds the exact matches.
  size_t a = 0;
  for (const LabelSpan& s : p) {
    while (a < g.size() && g[a].start < s.start) ++a;
    if (a < g.size() && g[a] == s) ++tp_[s.cls];
    else ++fp_[s.cls];
  }
  a = 0;
  for (const LabelSpan& s : g) {
    while (a < p.size() && p[a].start < s.start) ++a;
    if (!(a < p.size() && p[a] == s)) ++fn_[s.cls];
  }
}

namespace {
double F1(long tp, long fp, long fn) { return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn); }
}  // namespace

double SpanScorer::MicroF1() const {
  long tp = 0, fp = 0, fn = 0;
  for (int c = 0; c < kNumClasses; ++c) tp += tp_[c], fp += fp_[c], fn += fn_[c];
  return F1(tp, fp, fn);
}

double SpanScorer::ClassF1(int cls) const { return F1(tp_[cls], fp_[cls], fn_[cls]); }

std::string SpanScorer::Report() const {
  std::string out = "class   gold  pred    P       R       F1\n";
  char buf[160];
  long tp = 0, fp = 0, fn = 0;
  auto row = [&](std::string_view name, long t, long p, long n) {
    const double prec = t + p ? static_cast<double>(t) / (t + p) : 0, rec = t + n ? static_cast<double>(t) / (t + n) : 0;
    std::snprintf(buf, sizeof buf, "%-6s %5ld %5ld  %.4f  %.4f  %.4f\n", std::string(name).c_str(), t + n, t + p, prec,
                  rec, F1(t, p, n));
    out += buf;
  };
  for (int c = 0; c < kNumClasses; ++c) {
    row(kClassNames[c], tp_[c], fp_[c], fn_[c]);
    tp += tp_[c], fp += fp_[c], fn += fn_[c];
  }
  row("micro", tp, fp, fn);
  return out;
}

}  // namespace marsad::ner
