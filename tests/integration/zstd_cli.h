// A segment as the zstd command reads it, for tests that hold fora's reading to another
// reader's: what fora wrote must decode with `zstd -d` alone (IIPC's zstd WARC profile).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fora_run.h"

namespace fora::test {

// `zstd -d` of `segment`; a leading dictionary frame (magic 0x184D2A5D holding the
// dictionary as a zstd frame) is cut out, decompressed and given to zstd with -D. Scratch
// files go to `scratch`. The exit code is zstd's (the dictionary's when that fails).
inline RunResult zstd_read(const std::filesystem::path& segment, const std::filesystem::path& scratch) {
  const std::string bytes = slurp(segment);
  std::vector<std::string> argv{"zstd", "-dcq", segment.string()};
  if (bytes.size() > 8 && bytes.compare(0, 4, "\x5d\x2a\x4d\x18") == 0) {
    const std::uint32_t size = static_cast<unsigned char>(bytes[4]) | static_cast<unsigned char>(bytes[5]) << 8 |
                               static_cast<unsigned char>(bytes[6]) << 16 |
                               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[7])) << 24;
    std::ofstream(scratch / "dict.zst", std::ios::binary) << bytes.substr(8, size);
    const RunResult dict = run({"zstd", "-dqf", (scratch / "dict.zst").string(), "-o", (scratch / "dict").string()});
    if (dict.exit_code != 0) return dict;
    argv = {"zstd", "-dcq", "-D", (scratch / "dict").string(), segment.string()};
  }
  return run(argv);
}

}  // namespace fora::test
