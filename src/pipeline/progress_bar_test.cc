#include "pipeline/progress_bar.h"

#include <gtest/gtest.h>

namespace marsad::pipeline {
namespace {

TEST(ProgressBar, RendersPercentRateAndEta) {
  std::string s = ProgressBar::Render("ingest", 50, 100, 12345, 10.0, 10);
  EXPECT_NE(s.find("[#####>    ]"), std::string::npos) << s;
  EXPECT_NE(s.find(" 50%"), std::string::npos) << s;
  EXPECT_NE(s.find("12,345 articles"), std::string::npos) << s;
  EXPECT_NE(s.find("1,234/s"), std::string::npos) << s;
  EXPECT_NE(s.find("ETA 0:10"), std::string::npos) << s;
}

TEST(ProgressBar, UnknownTotalAndOverrunAreSafe) {
  EXPECT_NE(ProgressBar::Render("x", 5, 0, 0, 0, 4).find("ETA --:--"), std::string::npos);
  EXPECT_NE(ProgressBar::Render("x", 500, 100, 1, 1, 4).find("100%"), std::string::npos);
}

}  // namespace
}  // namespace marsad::pipeline
