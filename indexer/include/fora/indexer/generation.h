// Index generations: <index_dir>/gen-NNNNNN/ are Xapian databases and <index_dir>/current is
// a one-line file naming the one searches open. A rebuild writes the next generation, then
// replaces `current` by rename (atomic), so a reader sees either the old or the new index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

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

// Points `current` at `generation`: writes current.tmp, syncs it, renames it over current.
Status switch_current(const std::filesystem::path& index_dir, std::int64_t generation);

}  // namespace fora::indexer
