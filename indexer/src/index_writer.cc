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

// An index of another schema version: refused, with the way out.
Error older_schema(const fs::path& path, std::int64_t version) {
  return make_error(Errc::Corrupt,
                    fmt::format("index {} has schema {}; this fora writes schema {}", path.string(),
                                version, kIndexSchemaVersion),
                    version > kIndexSchemaVersion
                        ? "upgrade fora, or rebuild the index with `fora index --rebuild`"
                        : "rebuild the index with `fora index --rebuild`");
}

// The change_seq the index holds; refuses other schema versions.
Result<std::int64_t> indexed_seq(const Xapian::Database& db, const fs::path& path) {
  std::string schema = db.get_metadata(std::string(kSchemaKey));
  std::string seq = db.get_metadata(std::string(kLastSeqKey));
  auto version = parse_int(schema);
  auto last = parse_int(seq);
  if (!version || !last)
    return make_error(Errc::Corrupt, fmt::format("{} is not a fora index", path.string()),
                      "rebuild the index with `fora index --rebuild`");
  if (*version != kIndexSchemaVersion)
    return older_schema(path, *version);
  return *last;
}

// The main databases the generation's stub names, open for writing: a remote one through
// its xapian-tcpsrv, which must then run with --writable.
Result<std::vector<Xapian::WritableDatabase>> open_mains(const fs::path& path) {
  auto shards = read_generation_stub(path);
  if (!shards) return shards.error();
  std::vector<Xapian::WritableDatabase> mains;
  for (const ShardLocation& shard : *shards) {
    const fs::path where = shard.remote() ? fs::path(shard.describe()) : path / shard.path;
    try {
      if (shard.remote())
        mains.push_back(Xapian::Remote::open_writable(shard.host, static_cast<unsigned>(shard.port)));
      else
        mains.emplace_back(where.string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error& e) {
      if (!shard.remote() || std::string_view(e.get_type()) == "NetworkError")
        return from_xapian(e, "opening the index shard", where);
      return make_error(Errc::Network,  // a server set up for reading only: exit 1, like one that is down
                        fmt::format("opening the index shard {} for writing: {}", shard.describe(), e.get_msg()),
                        "`fora index` marks changed entries in every shard: serve a remote one with "
                        "`xapian-tcpsrv --writable`");
    }
    if (auto schema = indexed_seq(mains.back(), where); !schema) return schema.error();
  }
  return mains;
}

// The entries changed since the generation's last commit, into its delta database.
Result<IndexOutcome> index_into(const archive::Archive& archive, const fs::path& path,
                              const std::function<void(const IndexProgress&)>& progress,
                              const std::atomic<bool>& stop) {
  if (!has_generation_stub(path))
    return make_error(Errc::Corrupt,
                      fmt::format("index {} was written by an older fora (schema 3 or earlier, one database)", path.string()),
                      "rebuild the index with `fora index --rebuild`");
  const fs::path delta_path = delta_database(path);
  try {
    auto mains = open_mains(path);
    if (!mains) return mains.error();
    Xapian::WritableDatabase delta(delta_path.string(), Xapian::DB_OPEN);
    auto since = indexed_seq(delta, delta_path);
    if (!since) return since.error();
    IndexRun run(*mains, delta, path, *since, progress);
    Status walked = archive.threads().for_each_entry(*since, [&](const archive::StoredEntry& e) -> Status {
      if (stop.load(std::memory_order_relaxed))
        return make_error(Errc::Cancelled, "indexing stopped");
      return run.apply(e);
    });
    bool cancelled = !walked && walked.error().code == Errc::Cancelled;
    if (!walked && !cancelled) return walked.error();
    FORA_TRY(run.commit());
    run.report_done();
    IndexOutcome out{run.summary(), cancelled, static_cast<std::int64_t>(delta.get_doccount())};
    for (auto& main : *mains) main.close();
    delta.close();
    return out;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "opening the index", path);
  }
}

// The metadata `key` of the generation's first main database ("" when unreadable).
std::string main_metadata(const fs::path& path, std::string_view key) {
  try {
    return Xapian::Database(path.string()).get_metadata(std::string(key));  // the stub: the first main
  } catch (const Xapian::Error&) {
    return {};  // index_into() or the next search reports it
  }
}

// True when an update left the delta holding more than `share` of the mains' live documents.
bool outgrown(const IndexOutcome& update, double share) {
  const auto in_mains = update.summary.documents - update.in_delta;
  return share > 0 && static_cast<double>(update.in_delta) > share * static_cast<double>(in_mains);
}

void remove_generation(const fs::path& index_dir, std::int64_t generation) {
  std::error_code ec;  // best effort: a leftover folder is removed by the next rebuild
  fs::remove_all(index_dir / generation_name(generation), ec);
}

// A new generation from the whole catalog, on every core up to 8 (each worker holds up to
// 10,000 documents, about 170 MB, measured on the update bench's catalog), switched to when
// done; `current` is the generation it replaces, if any, removed afterwards.
Result<IndexSummary> write_generation(const archive::Archive& archive, const fs::path& index_dir,
                                      std::optional<std::int64_t> current, const IndexOptions& options,
                                      const std::function<void(const IndexProgress&)>& progress,
                                      const std::atomic<bool>& stop) {
  // Split as asked, else as the generation it replaces was.
  std::pair<int, ShardBy> split{std::max(options.shards, 1), options.shard_by};
  if (options.shards == 0 && current)
    if (auto was = parse_sharding_key(main_metadata(index_dir / generation_name(*current), kShardingKey))) split = *was;
  auto plan = plan_shards(archive, split.first, split.second);
  if (!plan) return plan.error();
  const std::int64_t generation = next_generation(index_dir);
  const int workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  auto outcome = build_whole_index(archive, index_dir / generation_name(generation), workers, *plan, progress, stop);
  // A rebuild that did not finish is thrown away: the old generation stays current. A first
  // run that was stopped is kept, for searches, until the next run builds the whole index.
  if ((!outcome || outcome->cancelled) && current) remove_generation(index_dir, generation);
  if (!outcome) return outcome.error();
  if (outcome->cancelled && current)
    return make_error(Errc::Cancelled, "rebuild stopped; the previous index stays in use",
                      "run `fora index --rebuild` again");
  FORA_TRY(switch_current(index_dir, generation));
  if (outcome->cancelled)
    return make_error(Errc::Cancelled, "indexing stopped; what was done so far can be searched",
                      "run `fora index` to index the rest");
  if (current) remove_generation(index_dir, *current);
  outcome->summary.generation = generation;
  return outcome->summary;
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
  const fs::path path = *current ? index_dir / generation_name(**current) : fs::path();
  // A whole build is faster than the same entries one by one into a delta (it runs on every
  // core): a stopped first build is done again, whole.
  if (options.rebuild || !*current || !main_metadata(path, kStoppedBuildKey).empty())
    return write_generation(archive, index_dir, *current, options, progress, stop);
  if (!fs::is_directory(path, ec))
    return make_error(Errc::Corrupt, fmt::format("index generation {} is missing", path.string()),
                      "rebuild the index with `fora index --rebuild`");
  auto outcome = index_into(archive, path, progress, stop);
  if (!outcome) return outcome.error();
  if (outcome->cancelled)
    return make_error(Errc::Cancelled, "indexing stopped; what was done so far is kept", "run `fora index` to resume");
  IndexSummary summary = outcome->summary;
  summary.generation = **current;
  if (!outgrown(*outcome, options.compact_past)) return summary;
  // Compaction: the same entries, written afresh into a new generation.
  auto compacted = write_generation(archive, index_dir, *current, options, {}, stop);
  if (!compacted)
    return compacted.error().code == Errc::Cancelled
               ? make_error(Errc::Cancelled, "compaction stopped; the index is up to date and stays in use")
               : compacted.error();
  summary.documents = compacted->documents;
  summary.generation = compacted->generation;
  summary.compacted = true;
  return summary;
}

}  // namespace fora::indexer
