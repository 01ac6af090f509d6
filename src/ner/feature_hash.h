// Feature hashing for the NER tagger: a feature is a 64-bit hash of (template, value...),
// computed without building strings. The hash function is part of the model format: a
// model trained with one hash cannot be read with another (LinearChainModel checks the
// feature version). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace marsad::ner {

// splitmix64 finaliser: spreads every input bit over the output.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The splitmix64 sequence from seed `s`: a small deterministic generator for training
// (shuffles, dropout, initial vectors); std::shuffle's algorithm may differ between
// standard libraries, this one does not.
struct SplitMix {
  uint64_t s;
  uint64_t Next() {
    const uint64_t z = Mix64(s);
    s += 0x9E3779B97F4A7C15ULL;
    return z;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

// FNV-1a over the bytes, then Mix64 (FNV alone clusters short strings).
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return Mix64(h ^ s.size());
}

// A feature id from a template number and one or two value hashes.
inline uint64_t Feature(uint32_t tmpl, uint64_t a, uint64_t b = 0) {
  return Mix64(Mix64(a ^ (uint64_t{tmpl} << 48)) ^ (b * 0x9E3779B97F4A7C15ULL));
}

}  // namespace marsad::ner
