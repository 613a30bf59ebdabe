// Which main database (shard) of a generation each entry goes to, when the index is split
// with `fora index --shards N`: by site (a hash of the site's name) or by period (whole
// years, in N runs of about equal size, oldest first; undated entries go with the newest).
// A period shard of past years stops changing, so it can be moved to another machine and
// served from there (generation.h, README "Spreading the index").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/result.h"

namespace fora::indexer {

enum class ShardBy { Site, Period };

struct ShardPlan {
  int shards = 1;
  ShardBy by = ShardBy::Site;
  // By period: the first year of shards 1..N-1 (shard 0 starts with the oldest year).
  std::vector<int> first_years;

  int shard_of(const archive::StoredEntry& entry) const;
  // "site 4" or "period 4": what a generation's main databases record (kShardingKey), so a
  // compaction splits the index the same way.
  std::string key() const;
};

// The plan for `shards` shards of the archive's entries (by period, the years come from the
// catalog). Errors: InvalidArgument for shards < 1, the catalog's errors.
Result<ShardPlan> plan_shards(const archive::Archive& archive, int shards, ShardBy by);
// Reads ShardPlan::key(): nullopt for anything else.
std::optional<std::pair<int, ShardBy>> parse_sharding_key(std::string_view key);

}  // namespace fora::indexer
