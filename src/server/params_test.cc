#include "server/params.h"

#include <gtest/gtest.h>

namespace marsad::server {
namespace {

using Raw = std::vector<std::pair<std::string, std::string>>;

TEST(ParamsTest, ReadsValidValues) {
  Raw raw = {{"limit", "5"}, {"since", "2024-02-29"}, {"merged", "false"}, {"by", "week"}, {"q", "ترامب"}};
  Params p(raw);
  p.Allow({"limit", "since", "merged", "by", "q"});
  EXPECT_EQ(p.Size("limit", 20, 1, 100), 5u);
  EXPECT_EQ(p.Date("since"), "2024-02-29");
  EXPECT_FALSE(p.Bool("merged", true));
  EXPECT_EQ(p.OneOf("by", {"day", "week"}), "week");
  EXPECT_EQ(p.Str("q"), "ترامب");
  EXPECT_EQ(p.Size("offset", 7, 0, 10), 7u);  // absent: default
  EXPECT_FALSE(p.failed()) << p.error();
}

TEST(ParamsTest, RejectsUnknownAndRepeatedParameters) {
  Raw unknown = {{"limt", "5"}};
  Params p(unknown);
  p.Allow({"limit"});
  EXPECT_TRUE(p.failed());
  EXPECT_NE(p.error().find("limt"), std::string::npos);
  EXPECT_NE(p.hint().find("limit"), std::string::npos);

  Raw twice = {{"limit", "5"}, {"limit", "6"}};
  Params q(twice);
  q.Allow({"limit"});
  EXPECT_TRUE(q.failed());
}

TEST(ParamsTest, RejectsBadValues) {
  for (const auto& [name, value] : Raw{{"limit", "0"}, {"limit", "-1"}, {"limit", "5x"}, {"limit", ""},
                                       {"limit", "99999999999999999999999"}, {"since", "2023-02-29"},
                                       {"since", "2024-13-01"}, {"since", "yesterday"}, {"merged", "yes"},
                                       {"by", "year"}, {"q", ""}, {"q", "\xff\xfe"}}) {
    Raw raw = {{name, value}};
    Params p(raw);
    p.Allow({"limit", "since", "merged", "by", "q"});
    p.Size("limit", 20, 1, 100);
    p.Date("since");
    p.Bool("merged", true);
    p.OneOf("by", {"day", "week"});
    p.Str("q");
    EXPECT_TRUE(p.failed()) << name << "=" << value;
    EXPECT_FALSE(p.hint().empty());
  }
}

TEST(ParamsTest, KeepsTheFirstError) {
  Raw raw = {{"limit", "x"}, {"since", "y"}};
  Params p(raw);
  p.Size("limit", 20, 1, 100);
  p.Date("since");
  EXPECT_NE(p.error().find("limit"), std::string::npos);
}

}  // namespace
}  // namespace marsad::server
