#include "pgstore/pg_article_rows.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "pgstore/pg_partitions.h"
#include "pgstore/pg_schema.h"
#include "store/search_tsvector.h"

namespace marsad::pgstore {
namespace {

Param T(const std::string& s) { return PgText(s); }
Param T(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return PgText(*s);
}
Param I(size_t v) { return P(static_cast<int64_t>(v)); }

// INSERT INTO `head` VALUES (...),(...) for rows of `width` values, in chunks that stay
// under PostgreSQL's 65535 parameters per statement. `tail` ends each statement.
// Returns the rows of a RETURNING tail, every column as text.
Result<std::vector<std::vector<std::string>>> BulkInsert(PgConn& conn, const std::string& head, size_t width,
                                                         const std::vector<Params>& rows, const std::string& tail = "") {
  std::vector<std::vector<std::string>> returned;
  const size_t per_statement = std::max<size_t>(1, 60000 / width);
  for (size_t from = 0; from < rows.size(); from += per_statement) {
    size_t to = std::min(rows.size(), from + per_statement);
    std::string sql = "INSERT INTO " + head + " VALUES ";
    Params params;
    params.reserve((to - from) * width);
    for (size_t r = from; r < to; ++r) {
      sql += r == from ? "(" : ",(";
      for (size_t c = 0; c < width; ++c) {
        sql += (c ? ",$" : "$") + std::to_string(params.size() + 1);
        params.push_back(rows[r][c]);
      }
      sql += ")";
    }
    auto res = conn.Exec(sql + tail, params);
    if (!res.ok()) return res.status();
    for (int i = 0; i < res.value().rows(); ++i) {
      returned.emplace_back();
      for (int c = 0; c < res.value().columns(); ++c) returned.back().push_back(res.value().Text(i, c));
    }
  }
  return returned;
}

constexpr const char* kEventColumns =
    "source_entity, source_name, source_cameo, source_country, target_entity, target_name, "
    "target_cameo, target_country, cameo_code, root, quad_class, goldstein, plover, mode, date, "
    "location_name, location_country, evidence_text, evidence_start, evidence_end, confidence";

}  // namespace

std::string PgText(const std::string& s) {
  if (std::memchr(s.data(), '\0', s.size()) == nullptr) return s;
  std::string out;
  for (char c : s) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

std::string SearchVectorOf(const std::optional<std::string>& title, const std::string& text) {
  thread_local store::TermAnalyzer analyzer;  // its word cache serves the whole run
  // The stored text (PgText) is what gets indexed, as SQLite indexes what it stores.
  return store::SearchTsVector(analyzer, title ? PgText(*title) : std::string(), PgText(text));
}

Status FillSearchVectors(PgConn& conn) {
  int64_t after = 0;
  for (;;) {
    auto page = conn.Exec("SELECT seq, title, text FROM articles WHERE seq > $1 AND search IS NULL ORDER BY seq "
                          "LIMIT 500",
                          {P(after)});
    if (!page.ok()) return page.status();
    const PgResult& r = page.value();
    if (r.rows() == 0) return Status::Ok();
    std::string sql = "UPDATE articles AS a SET search = v.s FROM (VALUES ";
    Params params;
    for (int i = 0; i < r.rows(); ++i) {
      sql += (i ? ",($" : "($") + std::to_string(params.size() + 1) + "::bigint,$" + std::to_string(params.size() + 2) +
             "::tsvector)";
      params.push_back(r.Text(i, 0));
      params.push_back(SearchVectorOf(r.Opt(i, 1), r.Text(i, 2)));
      after = r.Int(i, 0);
    }
    if (Status s = conn.Run(sql + ") AS v(seq, s) WHERE a.seq = v.seq", params); !s.ok()) return s;
  }
}

namespace {

// The articles of `batch` whose ids `fresh` holds (first occurrence each), in batch
// order, with their part_month ("" where there are no partitions).
std::vector<std::pair<const Article*, std::string>> InBatchOrder(const std::vector<Article>& batch,
                                                                 std::unordered_map<std::string, std::string> fresh) {
  std::vector<std::pair<const Article*, std::string>> out;
  for (const Article& a : batch) {
    auto it = fresh.find(PgText(a.id));
    if (it == fresh.end()) continue;  // present before, or earlier in this batch
    out.emplace_back(&a, std::move(it->second));
    fresh.erase(it);
  }
  return out;
}

Params ArticleRow(const Article& a, bool with_search) {
  Params row = {T(a.id), T(a.input), T(a.url), T(a.source), T(a.published), T(a.published_signal), T(a.title),
                T(a.language), T(a.author), T(a.text), T(a.content_hash), T(a.duplicate_of), T(a.story_id),
                I(a.invalid_utf8)};
  if (with_search) row.push_back(SearchVectorOf(a.title, a.text));
  return row;
}

constexpr const char* kArticleColumns =
    "articles (id, input, url, source, published, published_signal, title, language, author, text, content_hash, "
    "duplicate_of, story_id, invalid_utf8";

// Schema < kPgPartitionSchema: ids are unique in articles itself.
Result<std::vector<std::pair<const Article*, std::string>>> InsertUnpartitioned(PgConn& conn,
                                                                               const std::vector<Article>& batch,
                                                                               bool with_search) {
  std::vector<Params> rows;
  // Computed even for an id already stored (known only after the insert).
  for (const Article& a : batch) rows.push_back(ArticleRow(a, with_search));
  // VALUES order is insertion order, so `seq` follows the batch as in SQLite.
  auto ids = BulkInsert(conn, std::string(kArticleColumns) + (with_search ? ", search)" : ")"),
                        with_search ? 15 : 14, rows, " ON CONFLICT (id) DO NOTHING RETURNING id");
  if (!ids.ok()) return ids.status();
  std::unordered_map<std::string, std::string> fresh;
  for (auto& r : ids.value()) fresh.emplace(std::move(r[0]), "");
  return InBatchOrder(batch, std::move(fresh));
}

// Schema >= kPgPartitionSchema: claim the ids in article_keys (its primary key keeps them
// unique across partitions; the month is computed there, from the same now() as the
// articles' ingested_at default), add missing partitions, then insert the new articles.
Result<std::vector<std::pair<const Article*, std::string>>> InsertPartitioned(PgConn& conn,
                                                                             const std::vector<Article>& batch) {
  std::vector<Params> keys;
  for (const Article& a : batch) keys.push_back({T(a.id), T(a.published)});
  auto claimed = BulkInsert(conn,
                            "article_keys (id, part_month) SELECT v.id, marsad_part_key(v.published, "
                            "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')) FROM (",
                            2, keys, ") AS v(id, published) ON CONFLICT (id) DO NOTHING RETURNING id, part_month");
  if (!claimed.ok()) return claimed.status();
  std::unordered_map<std::string, std::string> fresh;
  std::vector<std::string> months;
  for (auto& r : claimed.value()) {
    if (std::find(months.begin(), months.end(), r[1]) == months.end()) months.push_back(r[1]);
    fresh.emplace(std::move(r[0]), std::move(r[1]));
  }
  if (Status s = AddPartitions(conn, months); !s.ok()) return s;
  auto fresh_articles = InBatchOrder(batch, std::move(fresh));
  std::vector<Params> rows;
  for (const auto& [a, month] : fresh_articles) {
    rows.push_back(ArticleRow(*a, true));
    rows.back().push_back(P(month));
  }
  if (auto r = BulkInsert(conn, std::string(kArticleColumns) + ", search, part_month)", 16, rows); !r.ok()) {
    return r.status();
  }
  return fresh_articles;
}

}  // namespace

Status InsertArticles(PgConn& conn, const std::vector<Article>& batch, size_t* inserted, int schema) {
  *inserted = 0;
  if (batch.empty()) return Status::Ok();
  const bool partitioned = schema >= kPgPartitionSchema;
  auto fresh = partitioned ? InsertPartitioned(conn, batch) : InsertUnpartitioned(conn, batch, schema >= kPgSearchSchema);
  if (!fresh.ok()) return fresh.status();
  *inserted = fresh.value().size();

  std::vector<Params> terms, removed, related, entities, mentions, quotes, events;
  for (const auto& [article, month] : fresh.value()) {
    const Article& a = *article;
    for (size_t i = 0; i < a.wires.size(); ++i) terms.push_back({T(a.id), P("wire"), I(i), T(a.wires[i])});
    for (size_t i = 0; i < a.keywords.size(); ++i) terms.push_back({T(a.id), P("keyword"), I(i), T(a.keywords[i])});
    for (size_t i = 0; i < a.removed.size(); ++i) {
      removed.push_back({T(a.id), I(i), T(a.removed[i].kind), T(a.removed[i].text)});
    }
    for (size_t i = 0; i < a.related.size(); ++i) {
      related.push_back({T(a.id), I(i), T(a.related[i].title), T(a.related[i].text)});
    }
    for (size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      entities.push_back({T(a.id), I(i), T(e.id), T(e.name_en), T(e.name_ar), T(e.type), T(e.country), T(e.cameo)});
      for (size_t k = 0; k < e.mentions.size(); ++k) {
        const Mention& m = e.mentions[k];
        mentions.push_back({T(a.id), I(i), I(k), I(m.start), I(m.end), T(m.text)});
      }
    }
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      const Quote& q = a.quotes[i];
      quotes.push_back({T(a.id), I(i), T(q.speaker), T(q.speaker_name), T(q.text), I(q.direct ? 1 : 0), I(q.start),
                        I(q.end)});
    }
    for (size_t i = 0; i < a.events.size(); ++i) {
      const Event& e = a.events[i];
      events.push_back({T(a.id), I(i), T(e.source.entity), T(e.source.name_en), T(e.source.cameo),
                        T(e.source.country), T(e.target.entity), T(e.target.name_en), T(e.target.cameo),
                        T(e.target.country), T(e.cameo_code), T(e.root), P(static_cast<int64_t>(e.quad_class)),
                        P(e.goldstein), T(e.plover), T(e.mode), T(e.date), T(e.location_name),
                        T(e.location_country), T(e.evidence_text), I(e.evidence_start), I(e.evidence_end),
                        P(e.confidence)});
      if (partitioned) events.back().push_back(P(month));  // an event lives in its article's partition
    }
  }
  struct Table {
    std::string head;
    size_t width;
    const std::vector<Params>* rows;
  };
  for (const Table& t : {Table{"article_terms (article_id, kind, ord, value)", 4, &terms},
                         Table{"removed_blocks (article_id, ord, kind, text)", 4, &removed},
                         Table{"related_articles (article_id, ord, title, text)", 4, &related},
                         Table{"entities (article_id, ord, entity_id, name_en, name_ar, type, country, cameo)", 8,
                               &entities},
                         Table{"mentions (article_id, entity_ord, ord, start, \"end\", text)", 6, &mentions},
                         Table{"quotes (article_id, ord, speaker, speaker_name, text, direct, start, \"end\")", 8,
                               &quotes},
                         Table{std::string("events (article_id, ord, ") + kEventColumns +
                                   (partitioned ? ", part_month)" : ")"),
                               partitioned ? 24u : 23u, &events}}) {
    if (t.rows->empty()) continue;
    if (auto r = BulkInsert(conn, t.head, t.width, *t.rows); !r.ok()) return r.status();
  }
  return Status::Ok();
}

Result<std::optional<Article>> LoadArticle(PgConn& conn, const std::string& id) {
  const Params key = {T(id)};
  auto r = conn.Exec("SELECT id, input, url, source, published, published_signal, title, language, author, text, "
                     "content_hash, duplicate_of, story_id, invalid_utf8 FROM articles WHERE id = $1",
                     key);
  if (!r.ok()) return r.status();
  const PgResult& q = r.value();
  if (q.rows() == 0) return std::optional<Article>();
  Article a;
  a.id = q.Text(0, 0), a.input = q.Text(0, 1), a.url = q.Opt(0, 2), a.source = q.Opt(0, 3);
  a.published = q.Opt(0, 4), a.published_signal = q.Text(0, 5), a.title = q.Opt(0, 6);
  a.language = q.Text(0, 7), a.author = q.Opt(0, 8), a.text = q.Text(0, 9), a.content_hash = q.Text(0, 10);
  a.duplicate_of = q.Opt(0, 11), a.story_id = q.Opt(0, 12);
  a.invalid_utf8 = static_cast<size_t>(q.Int(0, 13));

  // The children, each table in its stored order (as ArticleRows::LoadChildren).
  auto rows = [&](const std::string& sql) { return conn.Exec(sql, key); };
  auto t = rows("SELECT kind, value FROM article_terms WHERE article_id = $1 ORDER BY kind COLLATE \"C\", ord");
  if (!t.ok()) return t.status();
  for (int i = 0; i < t.value().rows(); ++i) {
    (t.value().Text(i, 0) == "wire" ? a.wires : a.keywords).push_back(t.value().Text(i, 1));
  }
  auto rb = rows("SELECT kind, text FROM removed_blocks WHERE article_id = $1 ORDER BY ord");
  if (!rb.ok()) return rb.status();
  for (int i = 0; i < rb.value().rows(); ++i) a.removed.push_back({rb.value().Text(i, 0), rb.value().Text(i, 1)});
  auto rel = rows("SELECT title, text FROM related_articles WHERE article_id = $1 ORDER BY ord");
  if (!rel.ok()) return rel.status();
  for (int i = 0; i < rel.value().rows(); ++i) a.related.push_back({rel.value().Opt(i, 0), rel.value().Text(i, 1)});
  auto ent = rows("SELECT entity_id, name_en, name_ar, type, country, cameo FROM entities WHERE article_id = $1 "
                  "ORDER BY ord");
  if (!ent.ok()) return ent.status();
  for (int i = 0; i < ent.value().rows(); ++i) {
    const PgResult& e = ent.value();
    Entity x;
    x.id = e.Text(i, 0), x.name_en = e.Text(i, 1), x.name_ar = e.Text(i, 2), x.type = e.Text(i, 3);
    x.country = e.Opt(i, 4), x.cameo = e.Opt(i, 5);
    a.entities.push_back(std::move(x));
  }
  if (!a.entities.empty()) {
    auto m = rows("SELECT entity_ord, start, \"end\", text FROM mentions WHERE article_id = $1 "
                  "ORDER BY entity_ord, ord");
    if (!m.ok()) return m.status();
    for (int i = 0; i < m.value().rows(); ++i) {
      size_t e = static_cast<size_t>(m.value().Int(i, 0));
      if (e < a.entities.size()) {
        a.entities[e].mentions.push_back({static_cast<uint32_t>(m.value().Int(i, 1)),
                                          static_cast<uint32_t>(m.value().Int(i, 2)), m.value().Text(i, 3)});
      }
    }
  }
  auto qt = rows("SELECT speaker, speaker_name, text, direct, start, \"end\" FROM quotes WHERE article_id = $1 "
                 "ORDER BY ord");
  if (!qt.ok()) return qt.status();
  for (int i = 0; i < qt.value().rows(); ++i) {
    const PgResult& x = qt.value();
    Quote q;
    q.speaker = x.Opt(i, 0), q.speaker_name = x.Text(i, 1), q.text = x.Text(i, 2);
    q.direct = x.Int(i, 3) != 0, q.start = static_cast<uint32_t>(x.Int(i, 4));
    q.end = static_cast<uint32_t>(x.Int(i, 5));
    a.quotes.push_back(std::move(q));
  }
  auto ev = rows(std::string("SELECT ") + kEventColumns + " FROM events WHERE article_id = $1 ORDER BY ord");
  if (!ev.ok()) return ev.status();
  for (int i = 0; i < ev.value().rows(); ++i) {
    a.events.push_back(PgEventFromRow(ev.value(), i, 0));
  }
  return std::optional<Article>(std::move(a));
}

Event PgEventFromRow(const PgResult& q, int i, int c) {
  Event e;
  e.source = {q.Opt(i, c + 0), q.Text(i, c + 1), q.Text(i, c + 2), q.Text(i, c + 3)};
  e.target = {q.Opt(i, c + 4), q.Text(i, c + 5), q.Text(i, c + 6), q.Text(i, c + 7)};
  e.cameo_code = q.Text(i, c + 8), e.root = q.Text(i, c + 9), e.quad_class = static_cast<int>(q.Int(i, c + 10));
  e.goldstein = q.Double(i, c + 11), e.plover = q.Text(i, c + 12), e.mode = q.Text(i, c + 13);
  e.date = q.Opt(i, c + 14), e.location_name = q.Text(i, c + 15), e.location_country = q.Opt(i, c + 16);
  e.evidence_text = q.Text(i, c + 17), e.evidence_start = static_cast<uint32_t>(q.Int(i, c + 18));
  e.evidence_end = static_cast<uint32_t>(q.Int(i, c + 19)), e.confidence = q.Double(i, c + 20);
  return e;
}

}  // namespace marsad::pgstore
