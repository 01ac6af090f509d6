// BIO labels of the NER tagger over the four ANERcorp classes. Label 0 is O; for class c
// (0..3) B = 1 + 2c and I = 2 + 2c. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace marsad::ner {

inline constexpr int kNumClasses = 4;
inline constexpr int kNumLabels = 1 + 2 * kNumClasses;
inline constexpr int kOutside = 0;

// ANERcorp class names, in label order.
inline constexpr std::string_view kClassNames[kNumClasses] = {"PERS", "LOC", "ORG", "MISC"};
// The marsad entity type of each class (export-format.md): PERSON, LOC, ORG, OTHER.
inline constexpr std::string_view kMarsadTypes[kNumClasses] = {"PERSON", "LOC", "ORG", "OTHER"};

inline constexpr int BeginLabel(int cls) { return 1 + 2 * cls; }
inline constexpr int InsideLabel(int cls) { return 2 + 2 * cls; }
inline constexpr bool IsBegin(int label) { return label > 0 && (label & 1) == 1; }
inline constexpr bool IsInside(int label) { return label > 0 && (label & 1) == 0; }
inline constexpr int ClassOf(int label) { return label > 0 ? (label - 1) / 2 : -1; }

// May `label` follow `prev` (-1 = sentence start) in a well-formed BIO sequence?
inline constexpr bool Allowed(int prev, int label) {
  return !IsInside(label) || (prev > 0 && ClassOf(prev) == ClassOf(label));
}

}  // namespace marsad::ner
