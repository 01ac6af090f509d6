// Slow test: the events stage on the gold articles (eval/gold/events/gold.tsv) stays at
// or above floors set a little under the figures measured when they were last annotated
// (docs/EVENTS.md). A change that loses quality fails here.
#include <gtest/gtest.h>

#include "events_gold.h"

namespace marsad::events_eval {
namespace {

// Measured 2026-11-23 (session 14) with the actors stage of that day (docs/EVENTS.md):
// dev root P 0.940 R 0.723, full code P 0.920 R 0.708, quotes P 0.984 R 0.976 (session 16; was
// root R 0.631 before بين with two described sides, attacked places, objhead nouns); blind
// held-out (heldout.tsv, 11 events, 31 quotes) root P 1.0 R 0.273, quotes P 0.848
// R 0.903; later (not blind) root R 0.545, quotes P 0.906 R 0.935. The floors leave room for changes in the actors stage, which decides which
// names are actors at all; the held-out floors are loose (11 events: one event is 9 points).
constexpr double kRootPrecisionFloor = 0.88, kRootRecallFloor = 0.68;
constexpr double kCodePrecisionFloor = 0.85, kCodeRecallFloor = 0.66;
constexpr double kQuotePrecisionFloor = 0.93, kQuoteRecallFloor = 0.93;
constexpr double kHeldOutRootPrecisionFloor = 0.60, kHeldOutRootRecallFloor = 0.40;
constexpr double kHeldOutQuotePrecisionFloor = 0.85, kHeldOutQuoteRecallFloor = 0.85;
// Held-out set 2 (25 events, 39 quotes): blind first score root P 0.667 R 0.320, after
// session 16's rules P 0.765 R 0.520, quotes P 0.833 R 0.897.
constexpr double kHeldOut2RootPrecisionFloor = 0.60, kHeldOut2RootRecallFloor = 0.40;
constexpr double kHeldOut2QuotePrecisionFloor = 0.75, kHeldOut2QuoteRecallFloor = 0.80;

// Scores the events stage on eval/gold/events/<file> (at least min_docs articles) and
// prints the errors; fatal failures leave *rep untouched.
void Score(const std::string& file, size_t min_docs, Report* rep) {
  auto coder = events::EventCoder::LoadDefault();
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  auto finder = ActorResolverFinder();
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  auto gold = LoadGold(std::string(MARSAD_SOURCE_DIR) + "/eval/gold/events/" + file);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_GE(gold.value().size(), min_docs);
  auto r = Evaluate(*coder.value(), finder.value(), gold.value(), MARSAD_SHARED_DIR);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  *rep = std::move(r).value();
  for (const std::string& e : rep->errors) std::printf("%s\n", e.c_str());
}

TEST(EventsGold, PrecisionRecallFloors) {
  Report rep;
  ASSERT_NO_FATAL_FAILURE(Score("gold.tsv", 43, &rep));
  EXPECT_GE(rep.root.precision(), kRootPrecisionFloor);
  EXPECT_GE(rep.root.recall(), kRootRecallFloor);
  EXPECT_GE(rep.code.precision(), kCodePrecisionFloor);
  EXPECT_GE(rep.code.recall(), kCodeRecallFloor);
  EXPECT_GE(rep.quotes.precision(), kQuotePrecisionFloor);
  EXPECT_GE(rep.quotes.recall(), kQuoteRecallFloor);
}

TEST(EventsGold, HeldOutFloors) {  // annotated blind, before the coder ran on these articles
  Report rep;
  ASSERT_NO_FATAL_FAILURE(Score("heldout.tsv", 14, &rep));
  EXPECT_GE(rep.root.precision(), kHeldOutRootPrecisionFloor);
  EXPECT_GE(rep.root.recall(), kHeldOutRootRecallFloor);
  EXPECT_GE(rep.quotes.precision(), kHeldOutQuotePrecisionFloor);
  EXPECT_GE(rep.quotes.recall(), kHeldOutQuoteRecallFloor);
}

TEST(EventsGold, HeldOut2Floors) {  // heldout2.tsv: the 4th pick of every zip, labelled blind
  Report rep;
  ASSERT_NO_FATAL_FAILURE(Score("heldout2.tsv", 18, &rep));
  EXPECT_GE(rep.root.precision(), kHeldOut2RootPrecisionFloor);
  EXPECT_GE(rep.root.recall(), kHeldOut2RootRecallFloor);
  EXPECT_GE(rep.quotes.precision(), kHeldOut2QuotePrecisionFloor);
  EXPECT_GE(rep.quotes.recall(), kHeldOut2QuoteRecallFloor);
}

}  // namespace
}  // namespace marsad::events_eval
