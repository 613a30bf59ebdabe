// fora search QUERY: run a query against the index and print the results.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "commands.h"
#include "number_option.h"
#include "fora/query/searcher.h"
#include "printer.h"

namespace fora::cli {

struct SearchCommand {
  std::vector<std::string> words;  // joined with spaces into the query
  std::size_t limit = 20;
  std::size_t offset = 0;
  std::string sort = "relevance";  // relevance | date | -date
  std::string format = "text";     // text | json | csv
  bool count = false;
  bool literal = false;            // no natural-language reading
  bool by_thread = false;           // one result per thread
  bool explain = false;             // how the query was read, field by field
  std::vector<std::string> facets;  // facet names (query::facet_names())
  std::size_t facet_limit = 10;
};

// Thread facet values are catalog ids: shown by their thread's latest title.
void name_threads(const archive::ThreadStore& threads, std::vector<query::FacetResult>& facets) {
  for (auto& f : facets) {
    if (f.facet != query::Facet::Thread) continue;
    for (auto& c : f.counts) {
      std::int64_t id = 0;
      if (std::from_chars(c.value.data(), c.value.data() + c.value.size(), id).ec != std::errc()) continue;
      auto versions = threads.thread_versions(id);
      if (versions && !versions->empty()) c.label = versions->back().title;
    }
  }
}

Status run_search(const Context& ctx, const SearchCommand& cmd) {
  std::string text;
  for (const auto& w : cmd.words) text += (text.empty() ? "" : " ") + w;
  if (text.empty()) return make_error(Errc::InvalidArgument, "empty query", "fora search 'author:Edward soyuz'");

  query::SearchOptions options;
  options.query = text;
  options.limit = cmd.count ? 0 : cmd.limit;
  options.offset = cmd.offset;
  options.natural = !cmd.literal;
  // The text output's total may be an estimate ("about 720,000 results"); counting every match
  // of a broad question costs more than finding its best ones. --count counts exactly.
  options.exact_total = cmd.count;
  for (const auto& name : cmd.facets) options.facets.push_back(*query::facet_by_name(name));
  options.facet_limit = cmd.facet_limit;
  options.by_thread = cmd.by_thread;
  options.explain = cmd.explain;
  if (cmd.sort == "date") options.sort = query::Sort::Date;
  if (cmd.sort == "-date") options.sort = query::Sort::DateDesc;

  auto answer = ctx.search(options);
  if (!answer) return answer.error();
  query::SearchResult& result = answer->result;

  // How fora read the question, so the reader can correct it (stderr for the script formats).
  if (result.rewritten) {
    const Terminal& where = cmd.format == "text" && !cmd.count ? ctx.out : ctx.err;
    where.write(where.dim(fmt::format("read as: {}\n", clean(result.reading))));
    if (&where == &ctx.out) where.write("\n");
  }
  if (result.explanation) {
    // Before the results; on stderr when stdout is for a script (JSON, CSV, a count).
    const Terminal& where = cmd.format == "text" && !cmd.count ? ctx.out : ctx.err;
    std::string explained = where.dim("query as Xapian reads it: ") + clean(result.explanation->xapian) + "\n";
    std::size_t width = 0;
    for (const auto& t : result.explanation->terms) width = std::max(width, clean(t.value).size());
    for (const auto& t : result.explanation->terms)
      explained += fmt::format("  {:<9} {:<{}}  {}\n", t.field, clean(t.value), width, where.dim(clean(t.term)));
    where.write(explained + (&where == &ctx.out ? "\n" : ""));
  }
  if (cmd.count) {
    ctx.out.write(fmt::format("{}\n", result.total));
    return ok();
  }
  name_threads(answer->archive->threads(), result.facets);
  auto printer = make_printer(cmd.format, ctx.out, !result.facets.empty());
  printer->begin(result);
  for (const auto& hit : result.hits) printer->hit(hit);
  printer->end(result);
  for (const auto& facet : result.facets) printer->facet(facet);
  return ok();
}

namespace {

Command::Run add_search_options(CLI::App& s) {
  auto search = std::make_shared<SearchCommand>();
  s.footer(
      "Query syntax: author:Edward  author:\"David Eastman\"  type:comment|post  topic:soyuz\n"
      "  tag:Soyuz  category:Space  date:2022-12-16  date:2022-12  date:2019..2021  date:30d..\n"
      "  \"exact phrase\"  own:word  quote:word  replyto:Chris  is:edited  is:gone  AND OR NOT ( )\n"
      "Natural form: fora search every Edward comment on Soyuz  (prints how it was read)");
  s.add_option("query", search->words, "The query (several words are joined)")->required();
  s.add_option("--limit,-n", search->limit, "Results to show")->transform(decimal<decltype(search->limit)>())->capture_default_str();
  s.add_option("--offset", search->offset, "Results to skip")->transform(decimal<decltype(search->offset)>())->capture_default_str();
  s.add_option("--sort", search->sort, "relevance, date or -date")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))->capture_default_str();
  s.add_flag_callback("--json", [search] { search->format = "json"; }, "One JSON object per result per line");
  s.add_flag_callback("--csv", [search] { search->format = "csv"; }, "CSV with a header row");
  auto* count = s.add_flag("--count", search->count, "Print only the number of results, counted exactly");
  std::vector<std::string> names(query::facet_names().begin(), query::facet_names().end());
  s.add_option("--facet", search->facets,
               "Count the matches by author, month, year, thread, site or type (repeat it or give "
               "several, comma-separated); --limit 0 for the counts alone. With --csv, the counts are "
               "the table")
      ->delimiter(',')
      ->check(CLI::IsMember(names))
      ->excludes(count);
  s.add_flag("--explain", search->explain,
             "First print the query as Xapian reads it, and each of its terms with the field it searches");
  s.add_flag("--thread", search->by_thread,
             "One result per thread: its best match and how many of its posts and comments match")
      ->excludes(count);
  s.add_option("--facet-limit", search->facet_limit, "Values shown of each facet but month and year (all of those)")
      ->transform(decimal<decltype(search->facet_limit)>())
      ->capture_default_str();
  s.add_flag("--literal", search->literal, "Do not read the query as natural language");
  return [search](const Context& ctx) { return run_search(ctx, *search); };
}

}  // namespace

const Command search_command{"search", "Search posts and comments", add_search_options};

}  // namespace fora::cli
