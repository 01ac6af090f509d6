#include "clean/char_refs.h"

#include <gtest/gtest.h>

namespace marsad::clean {
namespace {

TEST(CharRefsTest, DecodesNumericAndNamedReferences) {
  EXPECT_EQ(DecodeCharacterReferences("توزيع &#8220;موسوعة&#8221; و&#x201C;x&#X201d;"), "توزيع “موسوعة” و“x”");
  EXPECT_EQ(DecodeCharacterReferences("AT&amp;T &lt;b&gt; &quot;q&quot; &hellip;"), "AT&T <b> \"q\" …");
  EXPECT_EQ(DecodeCharacterReferences("&laquo;نص&raquo;"), "«نص»");
}

TEST(CharRefsTest, KeepsWhatIsNotAReference) {
  EXPECT_EQ(DecodeCharacterReferences("A & B"), "A & B");
  EXPECT_EQ(DecodeCharacterReferences("&unknown; &#; &#xZZ; &"), "&unknown; &#; &#xZZ; &");
  EXPECT_EQ(DecodeCharacterReferences("&amp"), "&amp");  // no semicolon
}

TEST(CharRefsTest, InvalidCodePointsBecomeReplacementCharacter) {
  EXPECT_EQ(DecodeCharacterReferences("&#0;&#xD800;&#1114112;"), "\uFFFD\uFFFD\uFFFD");
}

TEST(CharRefsTest, CleanFieldTrimsNoBreakSpaces) {
  EXPECT_EQ(CleanField("&nbsp;عكاظ (جدة) "), "عكاظ (جدة)");
  EXPECT_EQ(CleanField("\xC2\xA0 \t"), "");
}

}  // namespace
}  // namespace marsad::clean
