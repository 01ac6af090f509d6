#include "core/ids.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

TEST(Ids, StableIdIsDeterministicAndShaped) {
  EXPECT_EQ(StableId("abc"), StableId("abc"));
  EXPECT_NE(StableId("abc"), StableId("abd"));
  EXPECT_EQ(StableId("abc").size(), 24u);
  EXPECT_EQ(ShortHash("abc").size(), 16u);
}

TEST(Ids, StableIdIsFrozen) {
  // The id is a public contract (export-format.md): this value must never change.
  EXPECT_EQ(StableId("marsad"), "560e7eb588c46d8c1a882e6d");
  EXPECT_EQ(ShortHash("marsad"), "16e3e13851a58312");
}

}  // namespace
}  // namespace marsad
