// fora search QUERY: run a query against the index and print the results.
#include <fmt/format.h>

#include "commands.h"
#include "fora/query/searcher.h"
#include "printer.h"

namespace fora::cli {

Status run_search(const Context& ctx, const SearchCommand& cmd) {
  std::string text;
  for (const auto& w : cmd.words) text += (text.empty() ? "" : " ") + w;
  if (text.empty()) return make_error(Errc::InvalidArgument, "empty query", "fora search 'author:Edward soyuz'");

  query::SearchOptions options;
  options.query = text;
  options.limit = cmd.count ? 0 : cmd.limit;
  options.offset = cmd.offset;
  options.natural = !cmd.literal;
  if (cmd.sort == "date") options.sort = query::Sort::Date;
  if (cmd.sort == "-date") options.sort = query::Sort::DateDesc;

  auto searcher = query::Searcher::open(ctx.archive_dir / archive::kIndexFolder);
  if (!searcher) return searcher.error();
  auto result = searcher->search(options);
  if (!result) return result.error();

  // How fora read the question, so the reader can correct it (stderr for the script formats).
  if (result->rewritten) {
    const Terminal& where = cmd.format == "text" && !cmd.count ? ctx.out : ctx.err;
    where.write(where.dim(fmt::format("read as: {}\n", clean(result->reading))));
    if (&where == &ctx.out) where.write("\n");
  }
  if (cmd.count) {
    ctx.out.write(fmt::format("{}\n", result->total));
    return ok();
  }
  auto printer = make_printer(cmd.format, ctx.out);
  printer->begin(*result);
  for (const auto& hit : result->hits) printer->hit(hit);
  printer->end(*result);
  return ok();
}

}  // namespace fora::cli
