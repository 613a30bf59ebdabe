// update_index(): the catalog's changed entries -> the current index generation (or a new one
// on a rebuild). The index remembers the last catalog change_seq it holds (metadata
// kLastSeqKey), committed together with the documents, so an interrupted run resumes where
// its last commit ended and never skips an entry.
#include "fora/indexer/index_writer.h"

#include <charconv>
#include <optional>
#include <system_error>

#include <fmt/format.h>
#include <xapian.h>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/indexer/xapian_error.h"

namespace fora::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::int64_t kCommitEvery = 5000;  // bounds memory and the work lost to a crash
constexpr std::int64_t kProgressEvery = 256;

struct RunOutcome {
  IndexSummary summary;
  bool cancelled = false;
};

// Applies entries to one open database; every call into Xapian is caught here and returned
// as a Status, so no exception crosses the archive's for_each_entry.
class IndexRun {
 public:
  IndexRun(Xapian::WritableDatabase& db, fs::path path, std::int64_t last_seq,
           const std::function<void(const IndexProgress&)>& progress)
      : db_(db), path_(std::move(path)), last_seq_(last_seq), progress_(progress) {}

  Status apply(const archive::StoredEntry& entry) {
    try {
      std::string term = unique_term(entry);
      bool present = db_.term_exists(term);
      if (entry.gone_since) {
        if (present) {
          db_.delete_document(term);
          ++summary_.removed;
        }
      } else {
        db_.replace_document(term, make_document(entry));
        ++(present ? summary_.updated : summary_.added);
      }
      last_seq_ = std::max(last_seq_, entry.change_seq);
      if (++done_ % kCommitEvery == 0) FORA_TRY(commit());
    } catch (const Xapian::Error& e) {
      return from_xapian(e, "indexing into", path_);
    }
    if (progress_ && done_ % kProgressEvery == 0) progress_(IndexProgress{done_});
    return ok();
  }

  // Makes everything applied so far durable, with the change_seq it reaches.
  Status commit() {
    try {
      db_.set_metadata(std::string(kLastSeqKey), std::to_string(last_seq_));
      db_.set_metadata(std::string(kSchemaKey), std::to_string(kIndexSchemaVersion));
      db_.commit();
    } catch (const Xapian::Error& e) {
      return from_xapian(e, "committing", path_);
    }
    return ok();
  }

  IndexSummary summary() const {
    IndexSummary s = summary_;
    s.documents = static_cast<std::int64_t>(db_.get_doccount());
    return s;
  }
  void report_done() const {
    if (progress_) progress_(IndexProgress{done_});
  }

 private:
  Xapian::WritableDatabase& db_;
  fs::path path_;
  std::int64_t last_seq_;
  const std::function<void(const IndexProgress&)>& progress_;
  IndexSummary summary_;
  std::int64_t done_ = 0;
};

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

Result<RunOutcome> index_into(const archive::Archive& archive, const fs::path& path,
                              const std::function<void(const IndexProgress&)>& progress,
                              const std::atomic<bool>& stop) {
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    auto since = indexed_seq(db, path);
    if (!since) return since.error();
    IndexRun run(db, path, *since, progress);
    Status walked = archive.for_each_entry(*since, [&](const archive::StoredEntry& e) -> Status {
      if (stop.load(std::memory_order_relaxed))
        return make_error(Errc::Cancelled, "indexing stopped");
      return run.apply(e);
    });
    bool cancelled = !walked && walked.error().code == Errc::Cancelled;
    if (!walked && !cancelled) return walked.error();
    FORA_TRY(run.commit());
    run.report_done();
    RunOutcome out{run.summary(), cancelled};
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
  if (!current) return current.error();
  const bool fresh = options.rebuild || !*current;
  const std::int64_t generation = fresh ? next_generation(index_dir) : **current;
  const fs::path path = index_dir / generation_name(generation);
  if (!fresh && !fs::is_directory(path, ec))
    return make_error(Errc::Corrupt, fmt::format("index generation {} is missing", path.string()),
                      "rebuild the index with `fora index --rebuild`");

  auto outcome = index_into(archive, path, progress, stop);
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
