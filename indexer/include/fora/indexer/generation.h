// Index generations: <index_dir>/gen-NNNNNN/ are Xapian indexes and <index_dir>/current is
// a one-line file naming the one searches open. A rebuild writes the next generation, then
// replaces `current` by rename (atomic), so a reader sees either the old or the new index.
//
// A generation folder holds Xapian databases and XAPIANDB, Xapian's stub file naming them, so
// Xapian::Database(folder) (and xapian-delve) opens them as one index:
//   main/   every entry as of the whole build that made the generation, compacted; a document
//           whose entry was indexed again since is marked in kReplacedSlot (fields.h). An index
//           split into N shards (`fora index --shards N`, shard_plan.h) has main-0/ .. main-N-1/
//           instead. A shard's line in the stub may be edited to `remote HOST:PORT` once the
//           shard is served from another machine by Xapian's xapian-tcpsrv.
//   delta/  the newest copies of the entries added or changed since that build; always local
//           and the stub's last line.
// An update adds to delta and only marks main's old copies (one value each), so it rewrites
// none of main's posting and position blocks. Written in place, a 1% change split nearly
// every block of the compacted database and grew it by 77% (measured at 200,000 entries).
// Once delta holds more than a share of main's documents, an update writes a new generation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

namespace fora::indexer {

std::string generation_name(std::int64_t generation);  // 1 -> "gen-000001"
// nullopt unless `name` is "gen-" followed by digits.
std::optional<std::int64_t> parse_generation_name(std::string_view name);

// The generation `current` names; nullopt when the index was never written.
// Errors: Corrupt when `current` holds something else, Io when it cannot be read.
Result<std::optional<std::int64_t>> current_generation(const std::filesystem::path& index_dir);

// The folder of the current generation. Errors: NotFound (never indexed; the hint says to run
// `fora index`), Corrupt (the named folder is missing), Io.
Result<std::filesystem::path> current_generation_path(const std::filesystem::path& index_dir);

// One more than any generation folder present or named by `current` (1 for an empty folder).
std::int64_t next_generation(const std::filesystem::path& index_dir);

// Where one database of a generation is: a folder (relative to the generation's) or a
// remote Xapian server.
struct ShardLocation {
  std::filesystem::path path;  // empty for a remote shard
  std::string host;
  int port = 0;
  bool remote() const { return path.empty(); }
  std::string describe() const;  // the path, or "remote HOST:PORT"
};

// The folder name of main shard `shard` of `shards`: "main" alone, else "main-0", "main-1", ...
std::string main_name(int shard, int shards);
// The main database of an unsplit generation, and its delta database.
std::filesystem::path main_database(const std::filesystem::path& generation_dir);
std::filesystem::path delta_database(const std::filesystem::path& generation_dir);
// Writes generation_dir/XAPIANDB naming `shards` main databases and delta (synced). Errors: Io.
Status write_generation_stub(const std::filesystem::path& generation_dir, int shards = 1);
// False for a folder written before schema 4 (one database, no stub).
bool has_generation_stub(const std::filesystem::path& generation_dir);
// The main shards the stub names (every line but delta's), in order. Errors: Corrupt for a
// line fora does not write or read (`auto PATH`, `glass PATH`, `remote HOST:PORT`), a
// path leaving the generation folder, or no `auto delta` last; Io.
Result<std::vector<ShardLocation>> read_generation_stub(const std::filesystem::path& generation_dir);
// The same, from the stub's text; `stub_path` only names it in errors.
Result<std::vector<ShardLocation>> parse_generation_stub(std::string_view text, const std::filesystem::path& stub_path);

// Points `current` at `generation`: writes current.tmp, syncs it, renames it over current.
Status switch_current(const std::filesystem::path& index_dir, std::int64_t generation);

}  // namespace fora::indexer
