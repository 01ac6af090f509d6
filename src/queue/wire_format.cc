#include "queue/wire_format.h"

#include <cstring>

namespace marsad::queue {
namespace {

// Format versions: a reader refuses what it does not know instead of misreading it
// (workers of different marsad versions on one queue).
constexpr uint8_t kDocVersion = 1, kOutcomeVersion = 1;

class Writer {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void O(const std::optional<std::string>& s) {
    U(s ? 1 : 0);
    if (s) S(*s);
  }
  void D(double d) {
    char b[8];
    std::memcpy(b, &d, 8);
    out_.append(b, 8);
  }
  void Strings(const std::vector<std::string>& v) {
    U(v.size());
    for (const auto& s : v) S(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  std::string S() {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) return Fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::optional<std::string> O() {
    if (U() == 0) return std::nullopt;
    return S();
  }
  double D() {
    if (in_.size() - pos_ < 8) return Fail(), 0.0;
    double d;
    std::memcpy(&d, in_.data() + pos_, 8);
    pos_ += 8;
    return d;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(Count());
    for (auto& s : v) s = S();
    return v;
  }
  // An element count, bounded by the bytes left (a corrupt count cannot allocate much).
  size_t Count() {
    uint64_t n = U();
    if (n > in_.size() - pos_) return Fail(), 0;
    return static_cast<size_t>(n);
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void PutArticle(Writer& w, const Article& a) {
  w.S(a.id), w.S(a.input), w.O(a.url), w.O(a.source), w.O(a.published), w.O(a.title);
  w.S(a.published_signal), w.S(a.language), w.S(a.text);
  w.U(a.removed.size());
  for (const auto& r : a.removed) w.S(r.kind), w.S(r.text);
  w.U(a.related.size());
  for (const auto& r : a.related) w.O(r.title), w.S(r.text);
  w.Strings(a.wires), w.Strings(a.keywords);
  w.O(a.author), w.S(a.content_hash), w.O(a.duplicate_of), w.O(a.story_id);
  w.U(a.entities.size());
  for (const Entity& e : a.entities) {
    w.S(e.id), w.S(e.name_en), w.S(e.name_ar), w.S(e.type), w.O(e.country), w.O(e.cameo);
    w.U(e.mentions.size());
    for (const Mention& m : e.mentions) w.U(m.start), w.U(m.end), w.S(m.text);
  }
  w.U(a.quotes.size());
  for (const Quote& q : a.quotes) {
    w.O(q.speaker), w.S(q.speaker_name), w.S(q.text), w.U(q.direct ? 1 : 0), w.U(q.start), w.U(q.end);
  }
  w.U(a.events.size());
  for (const Event& e : a.events) {
    for (const EventActor* x : {&e.source, &e.target}) w.O(x->entity), w.S(x->name_en), w.S(x->cameo), w.S(x->country);
    w.S(e.cameo_code), w.S(e.root), w.S(e.plover), w.U(static_cast<uint64_t>(static_cast<int64_t>(e.quad_class)));
    w.D(e.goldstein), w.S(e.mode), w.O(e.date), w.S(e.location_name), w.O(e.location_country);
    w.S(e.evidence_text), w.U(e.evidence_start), w.U(e.evidence_end), w.D(e.confidence);
  }
  w.U(a.invalid_utf8);
}

Article GetArticle(Reader& r) {
  Article a;
  a.id = r.S(), a.input = r.S(), a.url = r.O(), a.source = r.O(), a.published = r.O(), a.title = r.O();
  a.published_signal = r.S(), a.language = r.S(), a.text = r.S();
  a.removed.resize(r.Count());
  for (auto& x : a.removed) x.kind = r.S(), x.text = r.S();
  a.related.resize(r.Count());
  for (auto& x : a.related) x.title = r.O(), x.text = r.S();
  a.wires = r.Strings(), a.keywords = r.Strings();
  a.author = r.O(), a.content_hash = r.S(), a.duplicate_of = r.O(), a.story_id = r.O();
  a.entities.resize(r.Count());
  for (Entity& e : a.entities) {
    e.id = r.S(), e.name_en = r.S(), e.name_ar = r.S(), e.type = r.S(), e.country = r.O(), e.cameo = r.O();
    e.mentions.resize(r.Count());
    for (Mention& m : e.mentions) m.start = static_cast<uint32_t>(r.U()), m.end = static_cast<uint32_t>(r.U()), m.text = r.S();
  }
  a.quotes.resize(r.Count());
  for (Quote& q : a.quotes) {
    q.speaker = r.O(), q.speaker_name = r.S(), q.text = r.S(), q.direct = r.U() != 0;
    q.start = static_cast<uint32_t>(r.U()), q.end = static_cast<uint32_t>(r.U());
  }
  a.events.resize(r.Count());
  for (Event& e : a.events) {
    for (EventActor* x : {&e.source, &e.target}) x->entity = r.O(), x->name_en = r.S(), x->cameo = r.S(), x->country = r.S();
    e.cameo_code = r.S(), e.root = r.S(), e.plover = r.S(), e.quad_class = static_cast<int>(static_cast<int64_t>(r.U()));
    e.goldstein = r.D(), e.mode = r.S(), e.date = r.O(), e.location_name = r.S(), e.location_country = r.O();
    e.evidence_text = r.S(), e.evidence_start = static_cast<uint32_t>(r.U());
    e.evidence_end = static_cast<uint32_t>(r.U()), e.confidence = r.D();
  }
  a.invalid_utf8 = static_cast<size_t>(r.U());
  return a;
}

Status Bad(const char* what) {
  return Status::Corrupt(std::string("undecodable ") + what +
                         " message (truncated, or from an incompatible marsad version)");
}

}  // namespace

std::string EncodeDocument(const RawDocument& doc) {
  Writer w;
  w.U(kDocVersion);
  w.S(doc.input), w.U(static_cast<uint64_t>(doc.format)), w.S(doc.body);
  const DocHints& h = doc.hints;
  w.S(h.title), w.S(h.url), w.S(h.source), w.S(h.date), w.S(h.author), w.S(h.crawl_date);
  w.U(doc.invalid_utf8);
  return w.Take();
}

Result<RawDocument> DecodeDocument(std::string_view bytes) {
  Reader r(bytes);
  if (r.U() != kDocVersion) return Bad("document");
  RawDocument d;
  d.input = r.S();
  uint64_t format = r.U();
  if (format > static_cast<uint64_t>(DocFormat::kRecord)) return Bad("document");
  d.format = static_cast<DocFormat>(format);
  d.body = r.S();
  DocHints& h = d.hints;
  h.title = r.S(), h.url = r.S(), h.source = r.S(), h.date = r.S(), h.author = r.S(), h.crawl_date = r.S();
  d.invalid_utf8 = static_cast<size_t>(r.U());
  if (!r.ok() || !r.done()) return Bad("document");
  return d;
}

std::string EncodeOutcome(const ArticleOutcome& o) {
  Writer w;
  w.U(kOutcomeVersion);
  w.U(o.doc_seq), w.U(o.ok ? 1 : 0);
  if (o.ok) PutArticle(w, o.article);
  else w.S(o.input), w.S(o.reason);
  return w.Take();
}

Result<ArticleOutcome> DecodeOutcome(std::string_view bytes) {
  Reader r(bytes);
  if (r.U() != kOutcomeVersion) return Bad("article");
  ArticleOutcome o;
  o.doc_seq = r.U();
  o.ok = r.U() != 0;
  if (o.ok) o.article = GetArticle(r);
  else o.input = r.S(), o.reason = r.S();
  if (!r.ok() || !r.done()) return Bad("article");
  return o;
}

}  // namespace marsad::queue
