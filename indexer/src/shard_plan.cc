#include "fora/indexer/shard_plan.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace fora::indexer {
namespace {

// FNV-1a: the same shard for a site in every build, on every machine (std::hash is not).
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

int year_of(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

}  // namespace

int ShardPlan::shard_of(const archive::StoredEntry& e) const {
  if (shards <= 1) return 0;
  if (by == ShardBy::Site) return static_cast<int>(stable_hash(e.site) % static_cast<std::uint64_t>(shards));
  if (!e.entry.published) return shards - 1;
  const int year = year_of(*e.entry.published);
  return static_cast<int>(std::upper_bound(first_years.begin(), first_years.end(), year) - first_years.begin());
}

std::string ShardPlan::key() const {
  return fmt::format("{} {}", by == ShardBy::Site ? "site" : "period", shards);
}

std::optional<std::pair<int, ShardBy>> parse_sharding_key(std::string_view key) {
  const auto space = key.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view by = key.substr(0, space), count = key.substr(space + 1);
  int n = 0;
  auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
  if (ec != std::errc{} || end != count.data() + count.size() || n < 1) return std::nullopt;
  if (by == "site") return std::pair{n, ShardBy::Site};
  if (by == "period") return std::pair{n, ShardBy::Period};
  return std::nullopt;
}

Result<ShardPlan> plan_shards(const archive::Archive& archive, int shards, ShardBy by) {
  if (shards < 1) return make_error(Errc::InvalidArgument, fmt::format("--shards {}: give 1 or more", shards));
  ShardPlan plan{shards, by, {}};
  if (shards == 1 || by == ShardBy::Site) return plan;
  auto years = archive.threads().entries_by_year();
  if (!years) return years.error();
  std::int64_t dated = 0;
  for (const auto& [year, count] : *years)
    if (year != 0) dated += count;
  // Each cut k (of N-1) goes at the year boundary nearest to k/N of the dated entries. Years
  // are never split, so there can be fewer periods than shards (then some stay empty).
  const auto cut_before = [&](int year) {
    if (plan.first_years.empty() || plan.first_years.back() < year) plan.first_years.push_back(year);
  };
  std::int64_t running = 0;
  int k = 1;
  bool cut_next = false;
  for (const auto& [year, count] : *years) {
    if (year == 0) continue;
    if (cut_next) cut_before(year);
    cut_next = false;
    for (; k < shards && static_cast<double>(running + count) > static_cast<double>(k) * dated / shards; ++k) {
      const double target = static_cast<double>(k) * dated / shards;
      if (running > 0 && target - running <= running + count - target)
        cut_before(year);
      else
        cut_next = true;
    }
    running += count;
  }
  return plan;
}

}  // namespace fora::indexer
