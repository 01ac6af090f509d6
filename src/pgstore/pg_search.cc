#include "pgstore/pg_search.h"

#include <cstdint>
#include <unordered_map>

#include "pgstore/pg_conn.h"
#include "pgstore/pg_schema.h"
#include "pgstore/pg_store.h"
#include "search/snippets.h"

namespace marsad::pgstore {
namespace {

// ts_rank's weights {D, C, B, A}: title (A) words count 5 times text (B) words, as in the
// SQLite store's bm25(article_fts, 5.0, 1.0). No length normalisation (ts_rank's 0).
constexpr const char* kRank = "ts_rank('{0, 0, 0.2, 1}', search, $1::tsquery)";

class PgSearch final : public search::Backend {
 public:
  PgSearch(std::unique_ptr<PgConn> conn, std::unique_ptr<search::DocumentMarker> marker)
      : conn_(std::move(conn)), marker_(std::move(marker)) {}
  const char* engine() const override { return "tsquery"; }

  Result<std::vector<search::Match>> FindMatches(const search::ParsedQuery& parsed, const search::Query& q) override {
    if (Status s = conn_->EnsureConnected(); !s.ok()) return s;
    // The filters as in the SQLite backend (search/searcher.cc): dates compare as ISO
    // text, byte order; --until compares as many characters as given (2015-07 = all
    // July); source and English entity names ignore ASCII case (SQLite's NOCASE).
    Params params = {P(parsed.tsquery)};
    std::string where;
    auto param = [&](const std::string& v) {
      params.push_back(v);
      return "$" + std::to_string(params.size()) + "::text";
    };
    if (q.since) where += " AND substr(published, 1, 10) >= " + param(*q.since) + " COLLATE \"C\"";
    if (q.until) {
      const std::string u = param(*q.until);
      where += " AND substr(published, 1, length(" + u + ")) <= " + u + " COLLATE \"C\"";
    }
    if (q.source) where += " AND lower(source) = lower(" + param(*q.source) + ")";
    if (q.story) where += " AND story_id = " + param(*q.story);
    if (q.entity) {
      const std::string e = param(*q.entity);
      where += " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = articles.id AND (e.entity_id = " + e +
               " OR lower(e.name_en) = lower(" + e + ") OR e.name_ar = " + e + "))";
    }
    auto r = conn_->Exec(std::string("SELECT seq, coalesce(story_id, ''), ") + kRank +
                             " FROM articles WHERE search @@ $1::tsquery" + where + " ORDER BY 3 DESC, 1",
                         params);
    if (!r.ok()) return Explain(r.status());
    std::vector<search::Match> out;
    out.reserve(static_cast<size_t>(r.value().rows()));
    for (int i = 0; i < r.value().rows(); ++i) {
      out.push_back({r.value().Int(i, 0), r.value().Double(i, 2), r.value().Text(i, 1)});
    }
    return out;
  }

  Result<std::vector<std::optional<search::HitText>>> Describe(const search::ParsedQuery& parsed,
                                                               const std::vector<int64_t>& keys) override {
    std::vector<std::optional<search::HitText>> out(keys.size());
    if (keys.empty()) return out;
    if (Status s = conn_->EnsureConnected(); !s.ok()) return s;
    std::string list = "{";
    for (size_t i = 0; i < keys.size(); ++i) list += (i ? "," : "") + std::to_string(keys[i]);
    auto r = conn_->Exec("SELECT seq, id, title, source, published, story_id, text FROM articles "
                         "WHERE seq = ANY($1::bigint[])",
                         {P(list + "}")});
    if (!r.ok()) return r.status();
    const PgResult& rows = r.value();
    std::unordered_map<int64_t, int> row_of;
    for (int i = 0; i < rows.rows(); ++i) row_of.emplace(rows.Int(i, 0), i);
    std::vector<search::DocumentMarker::Doc> docs;
    std::vector<size_t> doc_of_key(keys.size(), SIZE_MAX);
    for (size_t k = 0; k < keys.size(); ++k) {
      auto it = row_of.find(keys[k]);
      if (it == row_of.end()) continue;  // deleted since FindMatches
      doc_of_key[k] = docs.size();
      docs.push_back({rows.Text(it->second, 2), rows.Text(it->second, 6)});
    }
    auto marked = marker_->Mark(parsed.fts, docs);
    if (!marked.ok()) return marked.status();
    for (size_t k = 0; k < keys.size(); ++k) {
      if (doc_of_key[k] == SIZE_MAX) continue;
      const int i = row_of[keys[k]];
      search::DocumentMarker::Marked& m = marked.value()[doc_of_key[k]];
      search::HitText h;
      h.article_id = rows.Text(i, 1), h.source = rows.Text(i, 3), h.published = rows.Text(i, 4);
      h.story_id = rows.Text(i, 5);
      h.title = std::move(m.title), h.title_highlights = std::move(m.title_highlights);
      h.snippet = std::move(m.snippet), h.highlights = std::move(m.highlights);
      out[k] = std::move(h);
    }
    return out;
  }

 private:
  // A tsquery the server refuses is a query we compiled wrongly, not the user's typo (the
  // parser has checked it): say so, with the server's words.
  static Status Explain(const Status& s) {
    if (s.message().find("syntax error in tsquery") != std::string::npos) {
      return Status::Internal("the compiled tsquery was refused (please report it with the query): " + s.message());
    }
    return s;
  }

  std::unique_ptr<PgConn> conn_;
  std::unique_ptr<search::DocumentMarker> marker_;
};

}  // namespace

Result<std::unique_ptr<search::Backend>> OpenPgSearch(const std::string& url) {
  if (!IsPostgresUrl(url)) {
    return Status::InvalidArgument("'" + RedactUrl(url) + "' is not a PostgreSQL URL (postgresql://...)");
  }
  auto conn = PgConn::Connect(url, 10);
  if (!conn.ok()) return conn.status();
  auto version = PreparePgSchema(*conn.value(), /*read_only=*/true);
  if (!version.ok()) {
    std::string m = "PostgreSQL database " + RedactUrl(url) + " " + version.status().message();
    if (m.find("older schema") != std::string::npos) {
      m += " (that also builds its search index: a `marsad worker --pg URL` or `marsad ingest --pg URL` does it)";
    }
    return version.status().code() == Status::Code::kIoError ? Status::IoError(m) : Status::Unsupported(m);
  }
  // This connection runs only the two queries above. The planner does not count the cost
  // of reading a TOASTed tsvector, so for a common word (a third of the articles) it
  // prefers a sequential scan that decompresses every article's terms (3 s on
  // SaudiNewsNet) over the GIN index (45 ms); the Describe query wants the primary key.
  for (const char* setting : {"SET default_transaction_read_only = on", "SET enable_seqscan = off"}) {
    if (Status s = conn.value()->Run(setting); !s.ok()) return s;
  }
  auto marker = search::DocumentMarker::Open();
  if (!marker.ok()) return marker.status();
  return std::unique_ptr<search::Backend>(new PgSearch(std::move(conn).value(), std::move(marker).value()));
}

}  // namespace marsad::pgstore
