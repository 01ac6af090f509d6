// Internal to src/clean: the byline/dateline many outlets glue to the start of the main
// text, e.g. "عوض الفهمي- سبق- أضم: ...", "سبق- الدمام: ...", "الرياض - واس: ...",
// "عين اليوم – بروكسل" (a line of its own), "رويترز- بنغازي (ليبيا): ...".
//
// Shape: at most kMaxSegments short segments (1-4 words each) separated by dashes
// (- – —), ending at a colon or at the end of a short line, where at least one segment
// is a known news outlet or agency (data/clean/outlets.tsv, data/clean/wires.tsv). That
// credit is what makes the prefix a byline rather than a sentence with a dash.
// Roles of the other segments: before an outlet they are the writers ("عوض الفهمي");
// before an agency they are the place ("الرياض - واس"); after the credit, the place.
// A trailing photo credit in parentheses ("(تصوير ...)") belongs to the byline.
// Thread-safe: a pure function of its arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/outlet_table.h"
#include "clean/wire_finder.h"

namespace marsad::clean {

struct Byline {
  size_t bytes = 0;                  // length of the byline prefix in the paragraph (with
                                     // its colon and following spaces)
  std::string text;                  // the byline as written (without trailing space)
  std::vector<std::string> writers;  // people credited ("عوض الفهمي")
  std::string place;                 // dateline place ("أضم"), or ""
  std::vector<std::string> wires;    // agencies credited (English names)
};

// The byline at the start of `paragraph`, if there is one. `more_text_follows` says whether
// the article goes on after this paragraph (a byline line alone on the page is not removed).
std::optional<Byline> ReadByline(std::string_view paragraph, bool more_text_follows,
                                 const OutletTable& outlets, const WireFinder& wires);

}  // namespace marsad::clean
