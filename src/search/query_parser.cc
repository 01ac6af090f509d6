#include "search/query_parser.h"

#include <memory>

#include "core/utf8.h"
#include "store/search_terms.h"
#include "store/search_tsvector.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace marsad::search {
namespace {

// ---- Lexer ----------------------------------------------------------------------------

enum class Lex { kWord, kPhrase, kLParen, kRParen, kOr, kAnd, kNot, kMinus };

struct Lexeme {
  Lex kind;
  std::string text;
  size_t at = 0;  // code point position in the query, for messages
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }
bool IsOpenQuote(char32_t c) { return c == '"' || c == 0x00AB || c == 0x201C; }
char32_t CloseQuoteFor(char32_t c) { return c == 0x00AB ? 0x00BB : c == 0x201C ? 0x201D : '"'; }
bool IsBoundary(char32_t c) { return IsSpace(c) || IsOpenQuote(c) || c == '(' || c == ')'; }

Result<std::vector<Lexeme>> Scan(std::string_view q) {
  std::u32string cps;
  for (size_t pos = 0; pos < q.size();) cps.push_back(utf8::DecodeNext(q, &pos));
  std::vector<Lexeme> out;
  auto encode = [&](size_t b, size_t e) {
    std::string s;
    for (size_t i = b; i < e; ++i) utf8::Append(&s, cps[i]);
    return s;
  };
  size_t i = 0;
  while (i < cps.size()) {
    const char32_t c = cps[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Lex::kLParen : Lex::kRParen, std::string(1, static_cast<char>(c)), i});
      ++i;
    } else if (IsOpenQuote(c)) {
      const char32_t close = CloseQuoteFor(c);
      size_t j = i + 1;
      while (j < cps.size() && cps[j] != close && !(close == 0x201D && cps[j] == '"')) ++j;
      if (j == cps.size()) {
        return Status::InvalidArgument("unclosed quote: the phrase starting at character " + std::to_string(i + 1) +
                                       " (" + encode(i, cps.size()) + ") needs a closing quote");
      }
      out.push_back({Lex::kPhrase, encode(i + 1, j), i});
      i = j + 1;
    } else if (c == '-' && i + 1 < cps.size() && !IsSpace(cps[i + 1]) && cps[i + 1] != ')') {
      out.push_back({Lex::kMinus, "-", i});
      ++i;
    } else {
      size_t j = i;
      while (j < cps.size() && !IsBoundary(cps[j])) ++j;
      std::string w = encode(i, j);
      Lex kind = w == "OR" || w == "|" ? Lex::kOr : w == "AND" || w == "&&" ? Lex::kAnd : w == "NOT" ? Lex::kNot
                                                                                                      : Lex::kWord;
      out.push_back({kind, std::move(w), i});
      i = j;
    }
  }
  return out;
}

// ---- Parser (recursive descent) -------------------------------------------------------

struct Node {
  enum Kind { kWord, kPhrase, kAnd, kOr, kNot } kind;
  std::string text;
  std::vector<Node> kids;
};

class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lex) : lex_(std::move(lex)) {}

  Result<Node> Parse() {
    if (lex_.empty()) return Status::InvalidArgument("empty query: give one or more words to search for");
    auto n = AndList(false);
    if (!n.ok()) return n;
    if (terms_ > kMaxQueryTerms) {
      return Error("too many terms (" + std::to_string(terms_) + ", at most " + std::to_string(kMaxQueryTerms) + ")");
    }
    return n;
  }

 private:
  static Status Error(std::string m) { return Status::InvalidArgument(std::move(m)); }
  bool At(Lex k) const { return pos_ < lex_.size() && lex_[pos_].kind == k; }

  // nested: inside parentheses, where a ')' ends the list.
  Result<Node> AndList(bool nested) {
    Node n{Node::kAnd, "", {}};
    while (pos_ < lex_.size()) {
      if (At(Lex::kRParen)) {
        if (nested) break;
        return Error("unmatched ')' at character " + std::to_string(lex_[pos_].at + 1) + ": remove it or add a '('");
      }
      if (At(Lex::kAnd)) {
        if (n.kids.empty()) return Error("AND needs a term on each side");
        ++pos_;
        if (pos_ == lex_.size() || At(Lex::kRParen)) return Error("AND needs a term on each side");
        continue;
      }
      auto g = OrGroup();
      if (!g.ok()) return g;
      n.kids.push_back(std::move(g).value());
    }
    if (n.kids.empty()) return Error("empty query or empty parentheses: give words to search for");
    return n;
  }

  Result<Node> OrGroup() {
    if (At(Lex::kOr)) return Error("OR at character " + std::to_string(lex_[pos_].at + 1) + " needs a term on each side");
    auto first = Unary();
    if (!first.ok()) return first;
    if (!At(Lex::kOr)) return first;
    Node n{Node::kOr, "", {}};
    n.kids.push_back(std::move(first).value());
    while (At(Lex::kOr)) {
      const size_t at = lex_[pos_].at;
      ++pos_;
      if (pos_ == lex_.size() || At(Lex::kOr) || At(Lex::kRParen) || At(Lex::kAnd)) {
        return Error("OR at character " + std::to_string(at + 1) + " needs a term on each side");
      }
      auto next = Unary();
      if (!next.ok()) return next;
      n.kids.push_back(std::move(next).value());
    }
    for (const Node& k : n.kids) {
      if (k.kind == Node::kNot) {
        return Error("an excluded term (-word / NOT word) cannot be an OR alternative; write it outside the OR");
      }
    }
    return n;
  }

  Result<Node> Unary() {
    if (At(Lex::kNot) || At(Lex::kMinus)) {
      const std::string op = lex_[pos_].kind == Lex::kNot ? "NOT" : "-";
      ++pos_;
      if (pos_ == lex_.size() || At(Lex::kRParen) || At(Lex::kOr) || At(Lex::kAnd)) {
        return Error(op + " needs a term after it (e.g. ترامب " + op + (op == "NOT" ? " " : "") + "بايدن)");
      }
      auto inner = op == "NOT" ? Unary() : Primary();
      if (!inner.ok()) return inner;
      if (inner.value().kind == Node::kNot) return Error("a double negation (NOT NOT / --) is not allowed");
      return Node{Node::kNot, "", {std::move(inner).value()}};
    }
    return Primary();
  }

  Result<Node> Primary() {
    if (pos_ == lex_.size()) return Error("the query ends where a term was expected");
    Lexeme& l = lex_[pos_];
    switch (l.kind) {
      case Lex::kWord:
      case Lex::kPhrase:
        ++pos_;
        ++terms_;
        return Node{l.kind == Lex::kWord ? Node::kWord : Node::kPhrase, l.text, {}};
      case Lex::kLParen: {
        const size_t at = l.at;
        ++pos_;
        auto inner = AndList(true);
        if (!inner.ok()) return inner;
        if (!At(Lex::kRParen)) {
          return Error("missing ')': the '(' at character " + std::to_string(at + 1) + " is not closed");
        }
        ++pos_;
        return inner;
      }
      case Lex::kRParen:
        return Error("unmatched ')' at character " + std::to_string(l.at + 1));
      default:
        return Error("unexpected " + l.text + " at character " + std::to_string(l.at + 1));
    }
  }

  std::vector<Lexeme> lex_;
  size_t pos_ = 0;
  size_t terms_ = 0;
};

// ---- Compiler -------------------------------------------------------------------------

// An FTS5 string literal: "..." with inner quotes doubled.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::vector<store::WordPiece> Pieces(std::string_view text) {
  std::vector<store::WordPiece> out;
  for (const text::Token& t : text::Tokenize(text)) {
    if (store::IsIndexedKind(t.kind)) store::SplitToken(t, text, &out);
  }
  return out;
}

// One compiled (sub)expression in both target languages; both empty when nothing in it
// is searchable.
struct Expr {
  std::string fts, ts;
  bool empty() const { return fts.empty(); }
};

class Compiler {
 public:
  Result<Expr> Compile(const Node& n, ParsedQuery* out) {
    switch (n.kind) {
      case Node::kWord: return Word(n.text, out);
      case Node::kPhrase: return Phrase(n.text, out);
      case Node::kOr: {
        Expr e;
        for (const Node& k : n.kids) {
          auto x = Compile(k, out);
          if (!x.ok()) return x;
          if (x.value().empty()) continue;
          e.fts += (e.fts.empty() ? "" : " OR ") + x.value().fts;
          e.ts += (e.ts.empty() ? "" : " | ") + x.value().ts;
        }
        return e.empty() ? e : Expr{"(" + e.fts + ")", "(" + e.ts + ")"};
      }
      case Node::kNot: return Compile(n.kids[0], nullptr);
      case Node::kAnd: {
        Expr pos;
        std::vector<Expr> neg;
        for (const Node& k : n.kids) {
          auto x = Compile(k, k.kind == Node::kNot ? nullptr : out);
          if (!x.ok()) return x;
          if (x.value().empty()) continue;
          if (k.kind == Node::kNot) {
            neg.push_back(std::move(x).value());
          } else {
            pos.fts += (pos.fts.empty() ? "" : " AND ") + x.value().fts;
            pos.ts += (pos.ts.empty() ? "" : " & ") + x.value().ts;
          }
        }
        if (pos.empty()) {
          if (!neg.empty()) {
            return Status::InvalidArgument("only excluded terms: add a word to search for (e.g. ترامب -بايدن)");
          }
          return Expr();
        }
        Expr e{"(" + pos.fts + ")", "(" + pos.ts + ")"};
        for (const Expr& x : neg) e = Expr{"(" + e.fts + " NOT " + x.fts + ")", "(" + e.ts + " & !" + x.ts + ")"};
        return e;
      }
    }
    return Expr();
  }

 private:
  Result<Expr> Word(std::string_view w, ParsedQuery* out) {
    bool exact = false, prefix = false;
    if (w.size() > 1 && w.front() == '=') exact = true, w.remove_prefix(1);
    if (w.size() > 1 && w.back() == '*') prefix = true, w.remove_suffix(1);
    std::vector<store::WordPiece> pieces = Pieces(w);
    if (pieces.empty()) return Expr();
    if (out) out->words.emplace_back(w);
    if (pieces.size() > 1) return PhraseOf(pieces);  // covid-19, الأمم_المتحدة
    if (exact || prefix) {
      const std::string key = text::MatchKey(pieces[0].text);
      return Expr{Quoted(std::string(1, store::kVerbatimMark) + key) + (prefix ? "*" : ""),
                  store::TsQuoted(key) + (prefix ? ":*" : "")};
    }
    Expr e;
    for (const std::string& alt : analyzer_.QueryAlternatives(pieces[0].text, pieces[0].arabic)) {
      const bool marked = alt[0] == store::kStemMark || alt[0] == store::kSkeletonMark;
      e.fts += (e.fts.empty() ? "" : " OR ") + Quoted(marked ? alt : store::kVerbatimMark + alt);
      // The FTS5 tokenizer drops over-long terms from a query; so does the tsquery.
      if (alt.size() <= store::kMaxTermBytes) e.ts += (e.ts.empty() ? "" : " | ") + store::TsQuoted(alt);
    }
    if (e.ts.empty()) e.ts = Unindexed();
    return Expr{"(" + e.fts + ")", "(" + e.ts + ")"};
  }

  Result<Expr> Phrase(std::string_view p, ParsedQuery* out) {
    std::vector<store::WordPiece> pieces = Pieces(p);
    if (pieces.empty()) return Expr();
    if (out) out->words.emplace_back(p);
    return PhraseOf(pieces);
  }

  // FTS5: the tokenizer expands each word of a plain (unmarked) phrase into its
  // alternatives. tsquery: the same expansion written out, one position after another,
  // with the walk the tokenizer uses on the same joined text.
  Expr PhraseOf(const std::vector<store::WordPiece>& pieces) {
    std::string joined;
    for (const auto& p : pieces) joined += (joined.empty() ? "" : " ") + std::string(p.text);
    std::string ts, word;
    std::vector<std::string> alternatives;
    auto close_word = [&] {
      if (!word.empty()) ts += (ts.empty() ? "(" : " <-> (") + word + ")";
      word.clear();
    };
    store::ForEachWordTerms(
        joined, scratch_pieces_, scratch_terms_,
        [&](const store::WordPiece& p, std::vector<std::string_view>* terms) {
          alternatives = analyzer_.QueryAlternatives(p.text, p.arabic);
          terms->assign(alternatives.begin(), alternatives.end());
        },
        [&](bool colocated, std::string_view t, size_t, size_t) {
          if (!colocated) close_word();
          word += (word.empty() ? "" : " | ") + store::TsQuoted(t);
          return 0;
        });
    close_word();
    return Expr{Quoted(joined), ts.empty() ? Unindexed() : ts};
  }

  // A lexeme no article has (longer than any index term): what a query part whose terms
  // were all dropped asks for.
  static std::string Unindexed() { return store::TsQuoted(std::string(store::kMaxTermBytes + 1, '-')); }

  store::TermAnalyzer analyzer_;
  std::vector<store::WordPiece> scratch_pieces_;
  std::vector<std::string_view> scratch_terms_;
};

}  // namespace

Result<ParsedQuery> ParseQuery(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query too long (" + std::to_string(text.size()) + " bytes, at most " +
                                   std::to_string(kMaxQueryBytes) + ")");
  }
  if (!utf8::IsValid(text)) return Status::InvalidArgument("the query is not valid UTF-8");
  auto lex = Scan(text);
  if (!lex.ok()) return lex.status();
  auto tree = Parser(std::move(lex).value()).Parse();
  if (!tree.ok()) return tree.status();
  ParsedQuery out;
  Compiler c;
  auto compiled = c.Compile(tree.value(), &out);
  if (!compiled.ok()) return compiled.status();
  if (compiled.value().empty() || compiled.value().ts.empty()) {
    return Status::InvalidArgument("nothing searchable in the query (only punctuation?): give words or numbers");
  }
  out.fts = std::move(compiled.value().fts);
  out.tsquery = std::move(compiled.value().ts);
  return out;
}

}  // namespace marsad::search
