// fora stats: what the archive holds.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace fora::cli {

struct StatsCommand {
  bool json = false;
};

Status run_stats(const Context& ctx, const StatsCommand& cmd) {
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto s = (*archive)->stats();
  if (!s) return s.error();
  const std::pair<const char*, std::int64_t> rows[] = {
      {"sites", s->sites},
      {"pages", s->pages},
      {"captures", s->captures},
      {"threads", s->threads},
      {"posts", s->posts},
      {"comments", s->comments},
      {"comment_versions", s->comment_versions},
      {"authors", s->authors},
      {"edited", s->edited},
      {"gone", s->gone},
      {"snapshot_bytes", s->snapshot_bytes},
      {"catalog_bytes", s->catalog_bytes},
      {"index_bytes", s->index_bytes},
  };
  if (cmd.json) {
    nlohmann::json j;
    for (const auto& [k, v] : rows) j[k] = v;
    j["sites_detail"] = nlohmann::json::array();
    for (const auto& site : s->per_site)
      j["sites_detail"].push_back({{"site", site.origin}, {"threads", site.threads}, {"posts_and_comments", site.entries},
                                   {"edited", site.edited}, {"gone", site.gone}});
    ctx.out.write(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return ok();
  }
  ctx.out.write(fmt::format("archive           {}\n", ctx.archive_dir.string()));
  for (const auto& [k, v] : rows) ctx.out.write(fmt::format("{:<17} {}\n", k, v));
  if (!s->per_site.empty()) {
    ctx.out.write(fmt::format("\n{:<32} {:>8} {:>10} {:>8} {:>8}\n", "site", "threads", "entries", "edited", "gone"));
    for (const auto& site : s->per_site)
      ctx.out.write(fmt::format("{:<32} {:>8} {:>10} {:>8} {:>8}\n", clean(site.origin), site.threads, site.entries,
                                site.edited, site.gone));
  }
  return ok();
}

namespace {

Command::Run add_stats_options(CLI::App& st) {
  auto stats = std::make_shared<StatsCommand>();
  st.add_flag("--json", stats->json, "As one JSON object");
  return [stats](const Context& ctx) { return run_stats(ctx, *stats); };
}

}  // namespace

const Command stats_command{"stats", "Counts of what the archive holds", add_stats_options};

}  // namespace fora::cli
