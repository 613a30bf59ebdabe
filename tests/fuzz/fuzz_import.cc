// Fuzz target: any bytes as a WARC file given to `fora import`: the whole import path, not
// only the reader (fuzz_warc): gzip members and zstd frames and their boundaries, records
// paired with their requests, revisits resolved against what the archive holds, captures
// stored, pages read. All inputs go into one archive, as many files go into one. The import
// must end and answer with a report; damage is a problem in it, never an error or a crash.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fora/archive/archive.h"
#include "fora/crawler/import_warc.h"
#include "fora/extract/extractor.h"

namespace {

// The archive and the file the inputs are written to, in a folder removed at exit.
struct Scratch {
  Scratch() {
    std::string dir = (std::filesystem::temp_directory_path() / "fora-fuzz-import-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    root = dir;
    file = root / "input.warc";
    auto opened = fora::archive::Archive::open(root / "archive", fora::archive::Archive::Mode::Write);
    if (!opened) std::abort();
    archive = std::move(*opened);
    auto e = fora::extract::Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    if (!e) std::abort();
    extractor = std::make_unique<fora::extract::Extractor>(std::move(*e));
  }
  ~Scratch() {
    archive.reset();
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  std::filesystem::path root, file;
  std::unique_ptr<fora::archive::Archive> archive;
  std::unique_ptr<fora::extract::Extractor> extractor;
};

Scratch& scratch() {
  static Scratch s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Scratch& s = scratch();
  {
    std::ofstream out(s.file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  auto report = fora::crawler::import_warc(*s.archive, *s.extractor, {s.file});
  if (!report) std::abort();  // bad bytes are problems in the report, not a failed import
  if (report->responses > report->records || report->added < 0 || report->added > report->responses)
    std::abort();
  const bool none = !report->not_warc.empty();
  if (none && report->responses > 0) std::abort();  // a file with responses holds records
  return 0;
}
