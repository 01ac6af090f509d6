#include "text/sentence_splitter.h"

#include <string>
#include <unordered_set>

#include "core/embedded_data.h"
#include "text/char_tables.h"
#include "text/normalizer.h"

namespace marsad::text {
namespace {

using internal::IsArabicLetter;

// A quotation longer than this (code points) may hold several sentences: those are split.
constexpr size_t kMaxQuoteSpan = 600;

bool IsNewline(char32_t c) { return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool IsBlank(char32_t c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || internal::IsFormatMark(c) || IsNewline(c);
}
bool IsTerminator(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x061B || c == 0x2026 || c == 0x06D4;
}
bool IsCloser(char32_t c) {
  return c == 0xBB || c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xFD3F;
}
bool IsOpener(char32_t c) { return c == 0xAB || c == 0x201C || c == '(' || c == '[' || c == 0xFD3E || c == '"'; }
bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9); }
bool IsLatinUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    for (const std::string& line : DataLines("text/abbreviations.txt")) s.insert(MatchKey(line));
    return s;
  }();
  return set;
}

class Splitter {
 public:
  explicit Splitter(std::string_view in) {
    cps_ = internal::DecodeAll(in);
    in_quote_.assign(cps_.size(), 0);
    closes_quote_.assign(cps_.size(), 0);
    MarkQuotes();
  }

  std::vector<SentenceSpan> Run() {
    const size_t n = cps_.size();
    size_t start = 0;
    for (size_t i = 0; i < n; ++i) {
      const char32_t c = cps_[i];
      if (IsNewline(c)) {  // line and paragraph breaks always end a sentence (headlines)
        Emit(start, i);
        start = i + 1;
        continue;
      }
      bool boundary = false;
      if (IsTerminator(c) && !in_quote_[i]) {
        boundary = c != '.' || DotEnds(i);
      } else if (closes_quote_[i]) {
        boundary = QuoteEndsSentence(i);
      }
      if (!boundary) continue;
      size_t j = i + 1;
      while (j < n && (IsTerminator(cps_[j]) || IsCloser(cps_[j]))) ++j;
      Emit(start, j);
      start = j;
      i = j - 1;
    }
    Emit(start, n);
    return std::move(out_);
  }

 private:
  // Marks the inside of balanced quotations on one line, so that their full stops do not
  // split the sentence that carries them.
  void MarkQuotes() {
    std::vector<size_t> stack;
    for (size_t i = 0; i < cps_.size(); ++i) {
      const char32_t c = cps_[i];
      if (IsNewline(c)) {
        stack.clear();
        continue;
      }
      char32_t want = 0;
      if (c == 0xBB) want = 0xAB;
      if (c == 0x201D) want = 0x201C;
      if (c == '"' && !stack.empty() && cps_[stack.back()] == '"') want = '"';
      if (want == 0) {
        if (c == 0xAB || c == 0x201C || c == '"') stack.push_back(i);
        continue;
      }
      while (!stack.empty() && cps_[stack.back()] != want) stack.pop_back();
      if (stack.empty()) continue;
      const size_t open = stack.back();
      stack.pop_back();
      if (i - open > kMaxQuoteSpan) continue;
      for (size_t k = open + 1; k < i; ++k) in_quote_[k] = 1;
      closes_quote_[i] = 1;
    }
  }

  // «... انتهى.» وأضاف → the sentence ends after the closing quote, unless the text goes on
  // with a comma or colon (a quotation inside a longer sentence).
  bool QuoteEndsSentence(size_t i) const {
    size_t k = i;
    while (k > 0 && IsBlank(cps_[k - 1])) --k;
    if (k == 0 || !IsTerminator(cps_[k - 1])) return false;
    size_t j = i + 1;
    while (j < cps_.size() && IsBlank(cps_[j]) && !IsNewline(cps_[j])) ++j;
    if (j >= cps_.size()) return true;
    const char32_t next = cps_[j];
    return !(next == 0x060C || next == ',' || next == ':' || next == 0x061B);
  }

  bool DotEnds(size_t i) const {
    const size_t n = cps_.size();
    const char32_t prev = i > 0 ? cps_[i - 1] : 0;
    const char32_t next = i + 1 < n ? cps_[i + 1] : 0;
    if (IsDigit(prev) && IsDigit(next)) return false;  // 3.5
    // The word before the dot (back to white space, without opening brackets/quotes).
    size_t w = i;
    while (w > 0 && !IsBlank(cps_[w - 1])) --w;
    while (w < i && IsOpener(cps_[w])) ++w;
    const size_t letters = i - w;
    if (letters == 1 && (IsLatinUpper(prev) || IsArabicLetter(prev))) return false;  // initials
    if (letters > 0 && Abbreviations().count(MatchKey(internal::EncodeAll(
                           std::u32string_view(cps_).substr(w, letters + 1)))) != 0) {
      return false;
    }
    if (next == 0 || IsBlank(next) || IsTerminator(next) || IsCloser(next)) return true;
    // Glued text: "انتهى.وقال" is two sentences; "example.com", "U.S" and "v1.2" are not.
    return IsArabicLetter(prev) && IsArabicLetter(next);
  }

  void Emit(size_t start, size_t end) {
    while (start < end && IsBlank(cps_[start])) ++start;
    while (end > start && IsBlank(cps_[end - 1])) --end;
    if (start < end) out_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
  }

  std::u32string cps_;
  std::vector<uint8_t> in_quote_, closes_quote_;
  std::vector<SentenceSpan> out_;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view input) { return Splitter(input).Run(); }

}  // namespace marsad::text
