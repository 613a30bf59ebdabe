// A stand-in for libFuzzer's main() where the compiler has none (GCC): runs the target on
// every seed file, then on mutations of them (bit flips, inserted and repeated chunks,
// truncation, splices), from a fixed RNG seed so a failure replays. Built with clang and
// -fsanitize=fuzzer, libFuzzer's own main() is used instead and this file is left out.
//   fuzz_TARGET [--iterations N] [--seed S] FILE_OR_DIR...   (FORA_FUZZ_LAST: see run_one)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// With FORA_FUZZ_LAST=FILE, each input is written there before it runs: after a crash, the
// file holds the input that caused it.
void run_one(const std::string& input) {
  static const char* last = std::getenv("FORA_FUZZ_LAST");
  if (last) std::ofstream(last, std::ios::binary | std::ios::trunc) << input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string mutate(std::string s, const std::vector<std::string>& corpus, std::mt19937_64& rng) {
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = s.empty() ? 0 : rng() % s.size();
    switch (rng() % 6) {
      case 0:  // flip a bit
        if (!s.empty()) s[at] = static_cast<char>(s[at] ^ (1 << (rng() % 8)));
        break;
      case 1:  // insert random bytes
        s.insert(at, std::string(1 + rng() % 8, static_cast<char>(rng())));
        break;
      case 2:  // repeat a chunk
        if (!s.empty()) s.insert(at, s.substr(at, 1 + rng() % 64));
        break;
      case 3:  // cut
        s.resize(at);
        break;
      case 4:  // splice another input
        if (!corpus.empty()) {
          const std::string& other = corpus[rng() % corpus.size()];
          if (!other.empty()) s.insert(at, other.substr(rng() % other.size(), 1 + rng() % 256));
        }
        break;
      default:  // erase a chunk
        if (!s.empty()) s.erase(at, 1 + rng() % 64);
    }
  }
  return s.size() > (1u << 20) ? s.substr(0, 1u << 20) : s;
}

}  // namespace

int main(int argc, char** argv) {
  long iterations = 1000;
  std::uint64_t seed = 1;
  std::vector<std::string> corpus;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--iterations" && i + 1 < argc) {
      iterations = std::strtol(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::filesystem::is_directory(arg)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(arg))
        if (e.is_regular_file()) corpus.push_back(read_file(e.path()));
    } else if (std::filesystem::is_regular_file(arg)) {
      corpus.push_back(read_file(arg));
    }
  }
  if (corpus.empty()) corpus.push_back("");
  for (const std::string& input : corpus) run_one(input);
  std::mt19937_64 rng(seed);
  for (long i = 0; i < iterations; ++i) run_one(mutate(corpus[rng() % corpus.size()], corpus, rng));
  std::printf("%zu seeds, %ld mutations: no crash\n", corpus.size(), iterations);
  return 0;
}
