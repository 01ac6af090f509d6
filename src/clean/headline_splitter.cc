#include "clean/headline_splitter.h"

#include "core/utf8.h"
#include "text/normalizer.h"

namespace marsad::clean {

namespace {

// Tokens longer than this are not searched for glue points (bounded work on junk input).
constexpr size_t kMaxGluedTokenLetters = 48;

bool IsArabicLetter(char32_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3); }
bool IsWordEndOnly(char32_t c) { return c == 0x0629 /* ة */ || c == 0x0649 /* ى */; }

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::DecodeNext(s, &pos));
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::Append(&out, c);
  return out;
}

// The Arabic-letter core of a token: leading/trailing punctuation and quotes removed.
std::u32string_view Core(std::u32string_view t) {
  while (!t.empty() && !IsArabicLetter(t.front())) t.remove_prefix(1);
  while (!t.empty() && !IsArabicLetter(t.back())) t.remove_suffix(1);
  return t;
}

bool EndsLikeSentence(std::string_view line) {
  // Closing quotes and brackets after the period: ASCII, ” (E2 80 9D), ’ (E2 80 99), » (C2 BB).
  while (!line.empty()) {
    if (line.back() == ' ' || line.back() == '"' || line.back() == ')') {
      line.remove_suffix(1);
    } else if (line.ends_with("\u201D") || line.ends_with("\u2019")) {
      line.remove_suffix(3);
    } else if (line.ends_with("\u00BB")) {
      line.remove_suffix(2);
    } else {
      break;
    }
  }
  return !line.empty() && line.back() == '.' && !(line.size() >= 2 && line[line.size() - 2] == '.');
}

}  // namespace

PageLexicon HeadlineSplitter::BuildLexicon(const std::vector<std::string>& lines) {
  PageLexicon lex;
  for (const std::string& line : lines) {
    std::u32string key = Decode(text::MatchKey(line));
    size_t i = 0;
    while (i < key.size()) {
      while (i < key.size() && !IsArabicLetter(key[i])) ++i;
      size_t j = i;
      while (j < key.size() && IsArabicLetter(key[j])) ++j;
      if (j > i) ++lex[Encode(std::u32string_view(key).substr(i, j - i))];
      i = j;
    }
  }
  return lex;
}

bool HeadlineSplitter::Known(const std::u32string& w, const PageLexicon& lexicon, int min_count) const {
  std::string key = text::MatchKey(Encode(w));
  if (markers_ != nullptr && markers_->IsCommonWord(key)) return true;
  auto it = lexicon.find(key);
  return it != lexicon.end() && it->second >= min_count;
}

size_t HeadlineSplitter::FindGlue(const std::u32string& word, size_t from, const PageLexicon& lexicon) const {
  const size_t n = word.size();
  if (n > kMaxGluedTokenLetters) return 0;
  for (size_t k = std::max<size_t>(from, 2); k + 2 <= n; ++k) {
    char32_t a = word[k - 1], b = word[k];
    if ((a == '?' || a == '!' || a == 0x061F) && IsArabicLetter(b)) return k;
    if (IsWordEndOnly(a) && IsArabicLetter(b)) return k;
  }
  // Lexical glue: the whole token must be unknown (a word seen twice is a real word).
  std::u32string whole(Core(word));
  if (whole.size() < 6 || Known(whole, lexicon, 2)) return 0;
  size_t best = 0;
  int best_score = 0;
  for (size_t k = std::max<size_t>(from, 3); k + 3 <= n; ++k) {
    if (!IsArabicLetter(word[k - 1]) || !IsArabicLetter(word[k])) continue;
    std::u32string left(Core(std::u32string_view(word).substr(0, k)));
    std::u32string right(Core(std::u32string_view(word).substr(k)));
    if (left.size() < 4 || right.size() < 3) continue;
    // Compound names are written joined: عبدالملك, وعبدالله, أبوظبي. And the article
    // before a hamza-alef ("الأ", "الإ", "الآ") never ends a word: "الأ|ولى" is one word.
    std::string lk = text::MatchKey(Encode(left));
    if (lk.ends_with("\u0639\u0628\u062F") || lk.ends_with("\u0627\u0628\u0648")) continue;
    char32_t last = left.back();
    if (left[left.size() - 2] == 0x0644 && left[left.size() - 3] == 0x0627 &&
        (last == 0x0623 || last == 0x0625 || last == 0x0622)) {
      continue;
    }
    // Both halves must be words this page uses on their own at least twice (or common
    // headline words): fragments such as "الية", "مرات", "لهم" are words too, so one
    // known half proves nothing (corpus survey, docs/CLEANING.md).
    bool kl = Known(left, lexicon, 2);
    bool kr = right.size() >= 4 ? Known(right, lexicon, 2) : markers_ && markers_->IsCommonWord(text::MatchKey(Encode(right)));
    int score = kl && kr ? 1 : 0;
    if (score > best_score) best = k, best_score = score;
  }
  return best;
}

std::vector<std::string> HeadlineSplitter::Split(std::string_view line, const PageLexicon& lexicon) const {
  std::vector<std::string> pieces(1);
  size_t pos = 0;
  while (pos < line.size()) {
    // Next whitespace-delimited token.
    while (pos < line.size() && line[pos] == ' ') {
      if (!pieces.back().empty()) pieces.back() += ' ';
      ++pos;
    }
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    std::u32string tok = Decode(line.substr(pos, end - pos));
    // Each cut leaves a shorter rest, so this ends after at most tok.size() rounds.
    for (size_t cut = FindGlue(tok, 0, lexicon); cut != 0 && cut < tok.size(); cut = FindGlue(tok, 0, lexicon)) {
      pieces.back() += Encode(std::u32string_view(tok).substr(0, cut));
      pieces.emplace_back();
      tok.erase(0, cut);
    }
    pieces.back() += Encode(tok);
    pos = end;
  }
  for (std::string& p : pieces) {
    while (!p.empty() && p.back() == ' ') p.pop_back();
  }
  return pieces;
}

bool HeadlineSplitter::IsGluedRun(std::string_view line, const PageLexicon& lexicon,
                                  std::vector<std::string>* pieces) const {
  if (EndsLikeSentence(line)) return false;
  std::vector<std::string> parts = Split(line, lexicon);
  if (parts.size() < 2) return false;
  for (const std::string& p : parts) {
    size_t w = CountWords(p);
    if (w < 3 || w > 25) return false;
    // Headlines do not end with a colon and rarely hold more than one comma.
    if (p.back() == ':') return false;
    size_t commas = 0;
    for (size_t at = p.find("\u060C"); at != std::string::npos; at = p.find("\u060C", at + 1)) ++commas;
    if (commas > 1) return false;
  }
  if (pieces != nullptr) *pieces = std::move(parts);
  return true;
}

}  // namespace marsad::clean
