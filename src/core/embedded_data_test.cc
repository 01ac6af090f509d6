#include "core/embedded_data.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

TEST(EmbeddedData, MissingFileIsEmpty) { EXPECT_EQ(DataFile("no/such/file.txt"), ""); }

TEST(EmbeddedData, SamplesListIsEmbedded) {
  // data/README.md is excluded; data/self-test.txt exists for this test.
  auto lines = DataLines("self-test.txt");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "مرصد");
}

}  // namespace
}  // namespace marsad
