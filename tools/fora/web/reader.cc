#include "reader.h"

#include <optional>

#include "fora/archive/archive.h"
#include "fora/indexer/generation.h"

namespace fora::web {

Result<const cli::Context::Search*> reader(const cli::Context& ctx) {
  thread_local std::optional<cli::Context::Search> kept;
  auto current = indexer::current_generation_path(ctx.archive_dir / archive::kIndexFolder);
  if (!current) {
    kept.reset();
    return current.error();
  }
  if (kept && kept->searcher.generation() != *current) kept.reset();
  if (!kept) {
    auto opened = ctx.open_search();
    if (!opened) return opened.error();
    kept.emplace(std::move(*opened));
  } else if (auto refreshed = kept->searcher.refresh(); !refreshed) {
    kept.reset();
    return refreshed.error();
  }
  return &*kept;
}

}  // namespace fora::web
