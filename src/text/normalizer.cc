#include "text/normalizer.h"

#include "text/char_tables.h"

namespace marsad::text {
namespace {

using internal::CharTables;
using internal::kDrop;
using internal::kExpand;

// Maps NFC code points to the output level and appends them (and their origin index).
template <bool kKey, bool kMap>
class Writer {
 public:
  Writer(const CharTables& t, std::string* out, std::vector<uint32_t>* map)
      : t_(t), out_(out), map_(map) {}

  void Put(char32_t cp, uint32_t orig) {
    if (cp < CharTables::kLow) {
      Emit(kKey ? t_.DisplayKeyLow(cp) : t_.Display(cp), orig);
      return;
    }
    char32_t m = t_.Display(cp);
    if (m == kExpand) {
      // Every letter of a ligature maps back to the ligature's index.
      for (char32_t e : t_.Expansion(cp)) Emit(kKey ? t_.Key(e) : e, orig);
      return;
    }
    if (kKey && m != kDrop) m = t_.Key(m);
    Emit(m, orig);
  }

 private:
  void Emit(char32_t m, uint32_t orig) {
    if (m == kDrop) return;
    internal::AppendUtf8(out_, m);
    if constexpr (kMap) map_->push_back(orig);
  }

  const CharTables& t_;
  std::string* out_;
  std::vector<uint32_t>* map_;
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
  out->reserve(in.size() + 16);
  if constexpr (kMap) map->reserve(in.size() / 2 + 16);
  Writer<kKey, kMap> w(t, out, map);
  const size_t n = in.size();
  size_t pos = 0;
  uint32_t idx = 0;  // index (code points) of `cur` in the input
  if (n == 0) {
    if constexpr (kMap) map->push_back(0);
    return;
  }
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
