#include "text/normalizer.h"

#include "text/char_tables.h"

namespace marsad::text {
namespace {

using internal::CharTables;
using internal::kDrop;
using internal::kExpand;

// Maps NFC code points to the output level and writes their UTF-8 straight into the
// output buffer (sized up front, grown only by presentation-form expansions), and their
// origin index into the map.
template <bool kKey, bool kMap>
class Writer {
 public:
  Writer(const CharTables& t, std::string* out, std::vector<uint32_t>* map, size_t input_size)
      : t_(t), out_(out), map_(map) {
    out_->resize(input_size + kSlack);
    p_ = out_->data();
    limit_ = p_ + input_size;
  }
  ~Writer() { out_->resize(static_cast<size_t>(p_ - out_->data())); }

  [[gnu::always_inline]] void Put(char32_t cp, uint32_t orig) {
    if (p_ > limit_) Grow();
    if (cp < CharTables::kLow) {
      Emit(kKey ? t_.DisplayKeyLow(cp) : t_.Display(cp), orig);
      return;
    }
    char32_t m = t_.Display(cp);
    if (m == kExpand) {
      // Every letter of a ligature maps back to the ligature's index.
      for (char32_t e : t_.Expansion(cp)) {
        if (p_ > limit_) Grow();
        Emit(kKey ? t_.Key(e) : e, orig);
      }
      return;
    }
    if (kKey && m != kDrop) m = t_.Key(m);
    Emit(m, orig);
  }

 private:
  // Room for one code point's output (the longest expansion, U+FDFA, is 33 bytes).
  static constexpr size_t kSlack = 64;

  void Grow() {
    const size_t used = static_cast<size_t>(p_ - out_->data());
    out_->resize(out_->size() * 2 + kSlack);
    p_ = out_->data() + used;
    limit_ = out_->data() + out_->size() - kSlack;
  }

  [[gnu::always_inline]] void Emit(char32_t m, uint32_t orig) {
    if (m == kDrop) return;
    if (m < 0x80) {
      *p_++ = static_cast<char>(m);
    } else if (m < 0x800) {
      p_[0] = static_cast<char>(0xC0 | (m >> 6));
      p_[1] = static_cast<char>(0x80 | (m & 0x3F));
      p_ += 2;
    } else if (m < 0x10000) {
      p_[0] = static_cast<char>(0xE0 | (m >> 12));
      p_[1] = static_cast<char>(0x80 | ((m >> 6) & 0x3F));
      p_[2] = static_cast<char>(0x80 | (m & 0x3F));
      p_ += 3;
    } else {
      p_[0] = static_cast<char>(0xF0 | (m >> 18));
      p_[1] = static_cast<char>(0x80 | ((m >> 12) & 0x3F));
      p_[2] = static_cast<char>(0x80 | ((m >> 6) & 0x3F));
      p_[3] = static_cast<char>(0x80 | (m & 0x3F));
      p_ += 4;
    }
    if constexpr (kMap) map_->push_back(orig);
  }

  const CharTables& t_;
  std::string* out_;
  std::vector<uint32_t>* map_;
  char* p_;
  char* limit_;
};

// A segment of a starter and the code points that have no NFC boundary before them is
// already NFC when it passes the UAX #15 quick check: every code point NFC_QC=Yes and the
// combining classes of the marks never decrease.
bool QuickCheckYes(const CharTables& t, std::u32string_view seg) {
  uint8_t last = 0;
  for (char32_t c : seg) {
    if (!t.NfcYes(c)) return false;
    const uint8_t ccc = CharTables::CombiningClass(c);
    if (ccc != 0 && ccc < last) return false;
    last = ccc;
  }
  return true;
}

template <bool kKey, bool kMap>
void Run(std::string_view in, std::string* out, std::vector<uint32_t>* map) {
  const CharTables& t = CharTables::Get();
  const size_t n = in.size();
  if (n == 0) {
    if constexpr (kMap) map->push_back(0);
    return;
  }
  if constexpr (kMap) map->reserve(n * 2 / 3 + 16);
  Writer<kKey, kMap> w(t, out, map, n);
  size_t pos = 0;
  uint32_t idx = 0;  // index (code points) of `cur` in the input
  std::u32string seg;  // only used for segments with combining marks
  char32_t cur = internal::Decode(in, &pos);
  while (true) {
    if (pos >= n) {
      if (cur < 0x80 || t.NfcYes(cur)) {
        w.Put(cur, idx);
      } else {
        for (char32_t c : t.NfcSegment(std::u32string_view(&cur, 1))) w.Put(c, idx);
      }
      ++idx;
      break;
    }
    char32_t next = internal::Decode(in, &pos);
    if (next < 0x80 || t.NfcBoundaryBefore(next)) {
      // The common case: `cur` stands alone.
      if (cur < 0x80 || t.NfcYes(cur)) {
        w.Put(cur, idx);
      } else {
        for (char32_t c : t.NfcSegment(std::u32string_view(&cur, 1))) w.Put(c, idx);
      }
      ++idx;
      cur = next;
      continue;
    }
    // `cur` carries combining marks: gather them.
    seg.assign(1, cur);
    seg.push_back(next);
    bool at_end = true;
    while (pos < n) {
      next = internal::Decode(in, &pos);
      if (next < 0x80 || t.NfcBoundaryBefore(next)) {
        at_end = false;
        break;
      }
      seg.push_back(next);
    }
    if (QuickCheckYes(t, seg)) {
      for (size_t k = 0; k < seg.size(); ++k) w.Put(seg[k], idx + static_cast<uint32_t>(k));
    } else {
      // Composition or reordering: the output of the segment maps to its first code point.
      for (char32_t c : t.NfcSegment(seg)) w.Put(c, idx);
    }
    idx += static_cast<uint32_t>(seg.size());
    if (at_end) break;
    cur = next;
  }
  if constexpr (kMap) map->push_back(idx);
}

}  // namespace

NormalizedText Normalize(std::string_view input, NormLevel level) {
  NormalizedText r;
  if (level == NormLevel::kDisplay) {
    Run<false, true>(input, &r.text, &r.to_original);
  } else {
    Run<true, true>(input, &r.text, &r.to_original);
  }
  return r;
}

std::string NormalizeDisplay(std::string_view input) {
  std::string out;
  Run<false, false>(input, &out, nullptr);
  return out;
}

std::string MatchKey(std::string_view input) {
  std::string out;
  Run<true, false>(input, &out, nullptr);
  return out;
}

}  // namespace marsad::text
