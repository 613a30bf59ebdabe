// update_index(): the catalog's changed entries -> the current index generation (or a new one
// on a rebuild). The index remembers the last catalog change_seq it holds (metadata
// kLastSeqKey), committed together with the documents, so an interrupted run resumes where
// its last commit ended and never skips an entry.
#include "fora/indexer/index_writer.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/indexer/xapian_error.h"
#include "index_run.h"
#include "parallel_build.h"

namespace fora::indexer {
namespace fs = std::filesystem;
namespace {

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return n;
}

// The change_seq the index holds (0 for a new database); refuses other schema versions.
Result<std::int64_t> indexed_seq(const Xapian::WritableDatabase& db, const fs::path& path) {
  std::string schema = db.get_metadata(std::string(kSchemaKey));
  std::string seq = db.get_metadata(std::string(kLastSeqKey));
  if (schema.empty() && seq.empty() && db.get_doccount() == 0) return std::int64_t{0};
  auto version = parse_int(schema);
  auto last = parse_int(seq);
  if (!version || !last)
    return make_error(Errc::Corrupt, fmt::format("{} is not a fora index", path.string()),
                      "rebuild the index with `fora index --rebuild`");
  if (*version != kIndexSchemaVersion)
    return make_error(Errc::Corrupt,
                      fmt::format("index {} has schema {}; this fora writes schema {}",
                                  path.string(), *version, kIndexSchemaVersion),
                      *version > kIndexSchemaVersion
                          ? "upgrade fora, or rebuild the index with `fora index --rebuild`"
                          : "rebuild the index with `fora index --rebuild`");
  return *last;
}

Result<IndexOutcome> index_into(const archive::Archive& archive, const fs::path& path,
                              const std::function<void(const IndexProgress&)>& progress,
                              const std::atomic<bool>& stop) {
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    auto since = indexed_seq(db, path);
    if (!since) return since.error();
    IndexRun run(db, path, *since, progress);
    Status walked = archive.threads().for_each_entry(*since, [&](const archive::StoredEntry& e) -> Status {
      if (stop.load(std::memory_order_relaxed))
        return make_error(Errc::Cancelled, "indexing stopped");
      return run.apply(e);
    });
    bool cancelled = !walked && walked.error().code == Errc::Cancelled;
    if (!walked && !cancelled) return walked.error();
    FORA_TRY(run.commit());
    run.report_done();
    IndexOutcome out{run.summary(), cancelled};
    db.close();
    return out;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "opening the index", path);
  }
}

void remove_generation(const fs::path& index_dir, std::int64_t generation) {
  std::error_code ec;  // best effort: a leftover folder is removed by the next rebuild
  fs::remove_all(index_dir / generation_name(generation), ec);
}

}  // namespace

Result<IndexSummary> update_index(const archive::Archive& archive, const IndexOptions& options,
                                  const std::function<void(const IndexProgress&)>& progress,
                                  const std::atomic<bool>& stop) {
  const fs::path index_dir = archive.index_dir();
  std::error_code ec;
  fs::create_directories(index_dir, ec);
  if (ec)
    return make_error(Errc::Io, fmt::format("cannot create {}: {}", index_dir.string(),
                                            ec.message()));
  auto current = current_generation(index_dir);
  // A rebuild needs nothing of the old index: a damaged `current` is replaced, not read.
  if (!current && options.rebuild && current.error().code == Errc::Corrupt) current = std::optional<std::int64_t>();
  if (!current) return current.error();
  const bool fresh = options.rebuild || !*current;
  const std::int64_t generation = fresh ? next_generation(index_dir) : **current;
  const fs::path path = index_dir / generation_name(generation);
  if (!fresh && !fs::is_directory(path, ec))
    return make_error(Errc::Corrupt, fmt::format("index generation {} is missing", path.string()),
                      "rebuild the index with `fora index --rebuild`");

  // A new index is built on every core, up to 8: each worker holds up to 10,000 documents
  // in memory (about 170 MB, measured on the update bench's catalog) before it flushes.
  // An update goes into the current index in place.
  const int workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  auto outcome = fresh ? build_whole_index(archive, path, workers, progress, stop) : index_into(archive, path, progress, stop);
  // A rebuild that did not finish is thrown away: the old generation stays current.
  const bool replacing = fresh && *current;
  if ((!outcome || outcome->cancelled) && replacing) remove_generation(index_dir, generation);
  if (!outcome) return outcome.error();
  // A first run that was stopped is still a consistent index (it resumes incrementally).
  if (fresh && !(outcome->cancelled && replacing)) FORA_TRY(switch_current(index_dir, generation));
  if (outcome->cancelled)
    return replacing ? make_error(Errc::Cancelled, "rebuild stopped; the previous index stays in use",
                                  "run `fora index --rebuild` again")
                     : make_error(Errc::Cancelled, "indexing stopped; what was done so far is kept",
                                  "run `fora index` to resume");
  if (replacing && **current != generation) remove_generation(index_dir, **current);
  outcome->summary.generation = generation;
  return outcome->summary;
}

}  // namespace fora::indexer
