// Runs a libFuzzer target without libFuzzer (any compiler), so the fuzz targets are
// exercised by every CTest run, under ASan+UBSan in CI's sanitizer build:
//   replay PATH...  feeds every given file and every file under the given folders (seed
//                   corpus, saved crash inputs fuzz/regressions/<target>-*),
//                   then `kMutantsPerFile` deterministic mutants of each (byte flips,
//                   insertions of bytes that matter to the parsers, truncations, splices).
// The mutants are a smoke test, not a substitute for coverage-guided fuzzing (fuzz/run.sh).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

constexpr int kMutantsPerFile = 2000;

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string Mutate(const std::string& in, const std::vector<std::string>& all, std::mt19937_64& rng) {
  static const char* kInteresting[] = {"<", ">", "</", "\"", "{", "}", "[", "]", ":", "\n", "\xD8",
                                       "\xD9\x85", "\xEF\xBF\xBD", "\xE2\x80\x8F", "&#", ";", "\0",
                                       "\xC0\x80", "\xF4\x90\x80\x80", "٢٠٢٥", "هـ", "-", "/"};
  std::string s = in;
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 5) {
      case 0:
        if (!s.empty() && pos < s.size()) s[pos] = static_cast<char>(rng());
        break;
      case 1: {
        const char* ins = kInteresting[rng() % std::size(kInteresting)];
        s.insert(pos, ins, ins[0] ? std::char_traits<char>::length(ins) : 1);
        break;
      }
      case 2:
        s.resize(pos);
        break;
      case 3:
        if (pos < s.size()) s.erase(pos, 1 + rng() % 16);
        break;
      case 4: {
        const std::string& other = all[rng() % all.size()];
        if (!other.empty()) s.insert(pos, other.substr(rng() % other.size(), 1 + rng() % 64));
        break;
      }
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    auto read = [&](const std::filesystem::path& p) {
      std::ifstream f(p, std::ios::binary);
      inputs.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    };
    if (std::filesystem::is_regular_file(argv[i], ec)) {
      read(argv[i]);
      continue;
    }
    if (!std::filesystem::is_directory(argv[i], ec)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
      if (entry.is_regular_file()) read(entry.path());
    }
  }
  inputs.emplace_back();  // the empty input
  std::mt19937_64 rng(20261123);
  size_t runs = 0;
  for (const std::string& in : inputs) {
    Run(in);
    ++runs;
    for (int m = 0; m < kMutantsPerFile; ++m, ++runs) Run(Mutate(in, inputs, rng));
  }
  std::printf("replayed %zu inputs (%zu files + mutants): no crash\n", runs, inputs.size());
  return 0;
}
