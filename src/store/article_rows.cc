#include "store/article_rows.h"

namespace marsad::store {
namespace {

// Runs an INSERT prepared from sql after bind(stmt) fills its parameters.
template <typename BindFn>
Status Insert(SqliteDb* db, const char* sql, BindFn bind) {
  auto st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  bind(*st.value());
  return st.value()->Run();
}

// Steps a SELECT prepared from sql (with the article id bound to ?1), calling row(stmt).
template <typename RowFn>
Status Select(SqliteDb* db, const char* sql, const std::string& id, RowFn row) {
  auto st = db->Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, id);
  Status s;
  while (q.Step(&s)) row(q);
  q.Reset();
  return s;
}

}  // namespace

const char* const kEventColumns =
    "source_entity, source_name, source_cameo, source_country, target_entity, target_name, "
    "target_cameo, target_country, cameo_code, root, quad_class, goldstein, plover, mode, date, "
    "location_name, location_country, evidence_text, evidence_start, evidence_end, confidence";

Event EventFromRow(const Statement& q, int c) {
  Event e;
  e.source = {q.OptText(c + 0), q.Text(c + 1), q.Text(c + 2), q.Text(c + 3)};
  e.target = {q.OptText(c + 4), q.Text(c + 5), q.Text(c + 6), q.Text(c + 7)};
  e.cameo_code = q.Text(c + 8), e.root = q.Text(c + 9), e.quad_class = static_cast<int>(q.Int(c + 10));
  e.goldstein = q.Double(c + 11), e.plover = q.Text(c + 12), e.mode = q.Text(c + 13), e.date = q.OptText(c + 14);
  e.location_name = q.Text(c + 15), e.location_country = q.OptText(c + 16), e.evidence_text = q.Text(c + 17);
  e.evidence_start = static_cast<uint32_t>(q.Int(c + 18)), e.evidence_end = static_cast<uint32_t>(q.Int(c + 19));
  e.confidence = q.Double(c + 20);
  return e;
}

Status ArticleRows::Insert(const Article& a, bool* inserted) {
  Status s = store::Insert(db_,
      "INSERT OR IGNORE INTO articles (id, input, url, source, published, published_signal, title, "
      "language, author, text, content_hash, duplicate_of, story_id, invalid_utf8) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      [&](Statement& q) {
        q.Bind(1, a.id).Bind(2, a.input).Bind(3, a.url).Bind(4, a.source).Bind(5, a.published);
        q.Bind(6, a.published_signal).Bind(7, a.title).Bind(8, a.language).Bind(9, a.author);
        q.Bind(10, a.text).Bind(11, a.content_hash).Bind(12, a.duplicate_of).Bind(13, a.story_id);
        q.Bind(14, static_cast<int64_t>(a.invalid_utf8));
      });
  if (!s.ok()) return s;
  *inserted = db_->Changes() > 0;
  return *inserted ? InsertChildren(a) : Status::Ok();
}

Status ArticleRows::InsertChildren(const Article& a) {
  Status s;
  auto terms = [&](const char* kind, const std::vector<std::string>& values) {
    for (size_t i = 0; s.ok() && i < values.size(); ++i) {
      s = store::Insert(db_, "INSERT INTO article_terms VALUES (?,?,?,?)", [&](Statement& q) {
        q.Bind(1, a.id).Bind(2, kind).Bind(3, static_cast<int64_t>(i)).Bind(4, values[i]);
      });
    }
  };
  terms("wire", a.wires);
  terms("keyword", a.keywords);
  for (size_t i = 0; s.ok() && i < a.removed.size(); ++i) {
    s = store::Insert(db_, "INSERT INTO removed_blocks VALUES (?,?,?,?)", [&](Statement& q) {
      q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i)).Bind(3, a.removed[i].kind).Bind(4, a.removed[i].text);
    });
  }
  for (size_t i = 0; s.ok() && i < a.related.size(); ++i) {
    s = store::Insert(db_, "INSERT INTO related_articles VALUES (?,?,?,?)", [&](Statement& q) {
      q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i)).Bind(3, a.related[i].title).Bind(4, a.related[i].text);
    });
  }
  for (size_t i = 0; s.ok() && i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    s = store::Insert(db_, "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", [&](Statement& q) {
      q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i)).Bind(3, e.id).Bind(4, e.name_en).Bind(5, e.name_ar);
      q.Bind(6, e.type).Bind(7, e.country).Bind(8, e.cameo);
    });
    for (size_t k = 0; s.ok() && k < e.mentions.size(); ++k) {
      const Mention& m = e.mentions[k];
      s = store::Insert(db_, "INSERT INTO mentions VALUES (?,?,?,?,?,?)", [&](Statement& q) {
        q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i)).Bind(3, static_cast<int64_t>(k));
        q.Bind(4, static_cast<int64_t>(m.start)).Bind(5, static_cast<int64_t>(m.end)).Bind(6, m.text);
      });
    }
  }
  for (size_t i = 0; s.ok() && i < a.quotes.size(); ++i) {
    const Quote& x = a.quotes[i];
    s = store::Insert(db_, "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)", [&](Statement& q) {
      q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i)).Bind(3, x.speaker).Bind(4, x.speaker_name);
      q.Bind(5, x.text).Bind(6, static_cast<int64_t>(x.direct)).Bind(7, static_cast<int64_t>(x.start));
      q.Bind(8, static_cast<int64_t>(x.end));
    });
  }
  static const std::string kInsertEvent = std::string("INSERT INTO events (article_id, ord, ") +
                                          kEventColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  for (size_t i = 0; s.ok() && i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    s = store::Insert(db_, kInsertEvent.c_str(), [&](Statement& q) {
      q.Bind(1, a.id).Bind(2, static_cast<int64_t>(i));
      q.Bind(3, e.source.entity).Bind(4, e.source.name_en).Bind(5, e.source.cameo).Bind(6, e.source.country);
      q.Bind(7, e.target.entity).Bind(8, e.target.name_en).Bind(9, e.target.cameo).Bind(10, e.target.country);
      q.Bind(11, e.cameo_code).Bind(12, e.root).Bind(13, static_cast<int64_t>(e.quad_class));
      q.Bind(14, e.goldstein).Bind(15, e.plover).Bind(16, e.mode).Bind(17, e.date);
      q.Bind(18, e.location_name).Bind(19, e.location_country).Bind(20, e.evidence_text);
      q.Bind(21, static_cast<int64_t>(e.evidence_start)).Bind(22, static_cast<int64_t>(e.evidence_end));
      q.Bind(23, e.confidence);
    });
  }
  return s;
}

Result<std::optional<Article>> ArticleRows::Load(const std::string& id) {
  std::optional<Article> found;
  Status s = Select(db_,
      "SELECT id, input, url, source, published, published_signal, title, language, author, text, "
      "content_hash, duplicate_of, story_id, invalid_utf8 FROM articles WHERE id = ?",
      id, [&](Statement& q) {
        Article a;
        a.id = q.Text(0), a.input = q.Text(1), a.url = q.OptText(2), a.source = q.OptText(3);
        a.published = q.OptText(4), a.published_signal = q.Text(5), a.title = q.OptText(6);
        a.language = q.Text(7), a.author = q.OptText(8), a.text = q.Text(9), a.content_hash = q.Text(10);
        a.duplicate_of = q.OptText(11), a.story_id = q.OptText(12);
        a.invalid_utf8 = static_cast<size_t>(q.Int(13));
        found = std::move(a);
      });
  if (!s.ok()) return s;
  if (found) {
    if (Status c = LoadChildren(&*found); !c.ok()) return c;
  }
  return found;
}

Status ArticleRows::LoadChildren(Article* a) {
  const std::string& id = a->id;
  Status s = Select(db_, "SELECT kind, value FROM article_terms WHERE article_id = ? ORDER BY kind, ord", id,
                    [&](Statement& q) { (q.Text(0) == "wire" ? a->wires : a->keywords).push_back(q.Text(1)); });
  if (s.ok()) {
    s = Select(db_, "SELECT kind, text FROM removed_blocks WHERE article_id = ? ORDER BY ord", id,
               [&](Statement& q) { a->removed.push_back({q.Text(0), q.Text(1)}); });
  }
  if (s.ok()) {
    s = Select(db_, "SELECT title, text FROM related_articles WHERE article_id = ? ORDER BY ord", id,
               [&](Statement& q) { a->related.push_back({q.OptText(0), q.Text(1)}); });
  }
  if (s.ok()) {
    s = Select(db_, "SELECT entity_id, name_en, name_ar, type, country, cameo FROM entities "
               "WHERE article_id = ? ORDER BY ord", id, [&](Statement& q) {
                 Entity e;
                 e.id = q.Text(0), e.name_en = q.Text(1), e.name_ar = q.Text(2), e.type = q.Text(3);
                 e.country = q.OptText(4), e.cameo = q.OptText(5);
                 a->entities.push_back(std::move(e));
               });
  }
  if (s.ok() && !a->entities.empty()) {
    s = Select(db_, "SELECT entity_ord, start, end, text FROM mentions WHERE article_id = ? "
               "ORDER BY entity_ord, ord", id, [&](Statement& q) {
                 size_t e = static_cast<size_t>(q.Int(0));
                 if (e < a->entities.size()) {
                   a->entities[e].mentions.push_back({static_cast<uint32_t>(q.Int(1)),
                                                      static_cast<uint32_t>(q.Int(2)), q.Text(3)});
                 }
               });
  }
  if (s.ok()) {
    s = Select(db_, "SELECT speaker, speaker_name, text, direct, start, end FROM quotes "
               "WHERE article_id = ? ORDER BY ord", id, [&](Statement& q) {
                 Quote x;
                 x.speaker = q.OptText(0), x.speaker_name = q.Text(1), x.text = q.Text(2);
                 x.direct = q.Int(3) != 0, x.start = static_cast<uint32_t>(q.Int(4));
                 x.end = static_cast<uint32_t>(q.Int(5));
                 a->quotes.push_back(std::move(x));
               });
  }
  static const std::string kSelectEvents =
      std::string("SELECT ") + kEventColumns + " FROM events WHERE article_id = ? ORDER BY ord";
  if (s.ok()) {
    s = Select(db_, kSelectEvents.c_str(), id, [&](Statement& q) { a->events.push_back(EventFromRow(q, 0)); });
  }
  return s;
}

}  // namespace marsad::store
