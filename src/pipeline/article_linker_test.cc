// ArticleLinker: what a writer sees when input is not in time order (directories of files,
// archives mixed with undated pages) and when duplicates' originals left the window.
#include "pipeline/article_linker.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/ids.h"
#include "store/sqlite_store.h"
#include "text/normalizer.h"

namespace marsad::pipeline {
namespace {

namespace fs = std::filesystem;

// Texts that share no content words across topics.
std::string Body(const std::string& topic) {
  std::string s;
  for (int i = 0; i < 6; ++i) s += topic + " " + topic + " رقم " + std::to_string(i) + ". ";
  return s;
}

Article Make(const std::string& id, const std::string& text, std::optional<std::string> date,
             std::optional<std::string> title = std::nullopt) {
  Article a;
  a.id = id;
  a.input = id;
  a.text = text;
  a.published = std::move(date);
  a.title = std::move(title);
  a.content_hash = text::MatchKey(text);  // any stable key: tests set duplicate_of themselves
  return a;
}

TEST(ArticleLinker, UndatedArticleFirstDoesNotPushAnArchiveOutOfTheWindow) {
  ArticleLinker linker({});
  Article undated = Make("u", Body("مشروع الربط المائي الخليجي ومحطات التحلية"), std::nullopt, "عنوان بلا تاريخ");
  linker.Link(undated);
  Article a = Make("a", Body("اتفاق خفض إنتاج النفط الخام لدول أوبك"), "2020-05-01", "أوبك تمدد خفض الإنتاج");
  Article b = Make("b", Body("اتفاق خفض إنتاج النفط الخام لدول أوبك"), "2020-05-01", "تمديد خفض إنتاج أوبك");
  linker.Link(a);
  linker.Link(b);
  EXPECT_EQ(a.duplicate_of.value_or(""), "");
  EXPECT_EQ(b.duplicate_of.value_or(""), "a");  // same text: a near duplicate, in the window
  EXPECT_EQ(b.story_id, a.story_id);
  store::WriteBatch batch;
  linker.TakeUpdates(&batch);
  for (const store::StoryRecord& s : batch.stories) EXPECT_FALSE(s.title.empty()) << s.id;
}

TEST(ArticleLinker, ExactDuplicateOfALateArticleJoinsItsStory) {
  ArticleLinker linker({});
  Article later = Make("l", Body("مؤتمر المناخ الإفريقي يناقش الجفاف والتصحر"), "2021-06-01", "مؤتمر المناخ");
  linker.Link(later);
  // Three months older than the window: a story of its own, not kept in the window.
  Article original = Make("o", Body("الربط الكهربائي بين مصر والأردن يدخل التشغيل"), "2021-03-01", "الربط الكهربائي");
  linker.Link(original);
  EXPECT_EQ(original.story_id.value_or(""), "o");
  Article copy = Make("c", original.text, "2021-03-01", "الربط الكهربائي");
  copy.duplicate_of = "o";
  linker.Link(copy);
  EXPECT_EQ(copy.story_id, original.story_id);
}

TEST(ArticleLinker, DuplicateOfAStoredOriginalOutsideTheWindowUsesTheStore) {
  const fs::path db = fs::temp_directory_path() / ("marsad_linker_" + std::to_string(::getpid()) + ".db");
  fs::remove(db);
  auto st = store::OpenSqliteStore(db.string());
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  {
    ArticleLinker first({});
    Article original = Make("o", Body("الربط الكهربائي بين مصر والأردن يدخل التشغيل"), "2021-03-01", "الربط الكهربائي");
    first.Link(original);
    store::WriteBatch batch;
    batch.articles.push_back(original);
    first.TakeUpdates(&batch);
    store::PutResult put;
    ASSERT_TRUE(st.value()->Write(batch, &put).ok());
  }
  ArticleLinker second({});
  ASSERT_TRUE(second.Restore(*st.value()).ok());
  Article later = Make("l", Body("مؤتمر المناخ الإفريقي يناقش الجفاف والتصحر"), "2021-06-01", "مؤتمر المناخ");
  second.Link(later, st.value().get());
  Article copy = Make("c", Body("الربط الكهربائي بين مصر والأردن يدخل التشغيل"), "2021-03-02", "نسخة");
  copy.duplicate_of = "o";
  second.Link(copy, st.value().get());
  EXPECT_EQ(copy.story_id.value_or(""), "o");
  store::WriteBatch batch;
  batch.articles = {later, copy};
  second.TakeUpdates(&batch);
  store::PutResult put;
    ASSERT_TRUE(st.value()->Write(batch, &put).ok());
  auto story = st.value()->GetStory("o");
  ASSERT_TRUE(story.ok() && story.value());
  EXPECT_EQ(story.value()->article_count, 2u);
  EXPECT_EQ(story.value()->title, "الربط الكهربائي");  // an empty update keeps the title
  st.value().reset();
  fs::remove(db);
}

TEST(ArticleLinker, UntitledStoryIsNamedByItsLead) {
  ArticleLinker linker({});
  Article a = Make("a", "وصل المبعوث الأممي إلى مسقط في جولة إقليمية. وقال إن المحادثات مستمرة.", "2022-01-01");
  linker.Link(a);
  store::WriteBatch batch;
  linker.TakeUpdates(&batch);
  ASSERT_EQ(batch.stories.size(), 1u);
  EXPECT_EQ(batch.stories[0].title, "وصل المبعوث الأممي إلى مسقط في جولة إقليمية");
}

}  // namespace
}  // namespace marsad::pipeline
