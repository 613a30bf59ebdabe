// fora search QUERY: run a query against the index and print the results.
#include <algorithm>

#include <fmt/format.h>

#include "commands.h"
#include "number_option.h"
#include "fora/query/searcher.h"
#include "output.h"
#include "people_text.h"

namespace fora::cli {

struct SearchCommand {
  std::vector<std::string> words;  // joined with spaces into the query
  std::size_t limit = 20;
  std::size_t offset = 0;
  std::string sort = "relevance";  // relevance | date | -date
  OutputOptions output;            // --json, --csv, --fields, --no-pager
  bool count = false;
  bool literal = false;            // no natural-language reading
  bool no_synonyms = false;        // no synonym expansion
  bool by_thread = false;           // one result per thread
  bool explain = false;             // how the query was read, field by field
  std::vector<std::string> facets;  // facet names (query::facet_names())
  std::size_t facet_limit = 10;
};

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

  // --count prints the number alone.
  const OutputOptions output = cmd.count ? OutputOptions{Format::Text, {}, false} : cmd.output;
  auto printer = Printer::make(ctx, output, {&hit_kind(), &facet_kind()});
  if (!printer) return printer.error();
  auto search = ctx.open_search(!cmd.no_synonyms);
  if (!search) return search.error();
  auto answer = search->ask(options);
  if (!answer) return answer.error();
  query::SearchResult& result = *answer;

  // How fora read the question, so the reader can correct it (stderr for scripts' formats).
  if (const std::string reading = reading_text(result, printer->terminal()); !reading.empty())
    cmd.count ? ctx.err.write(reading) : printer->note(reading + (printer->for_scripts() ? "" : "\n"));
  if (cmd.count) {
    printer->text(fmt::format("{}\n", result.total));
    return ok();
  }
  const Terminal& out = printer->terminal();
  // One CSV holds one table: with facets, their counts are it.
  const bool hits_as_records = !(printer->format() == Format::Csv && !result.facets.empty());
  // Each hit is made into the one form that is printed: its text, or its record.
  for (const auto& hit : result.hits) {
    if (!printer->for_scripts()) printer->text(hit_text(hit, out));
    else if (hits_as_records) printer->record(hit_kind(), hit_record(hit, result.by_thread));
  }
  printer->text(total_text(result, out));
  for (const auto& facet : result.facets) {
    if (!printer->for_scripts()) printer->text(facet_text(facet, out));
    else for (const auto& c : facet.counts) printer->record(facet_kind(), facet_record(facet, c));
  }
  return ok();
}

namespace {

Command::Run add_search_options(CLI::App& s) {
  auto search = std::make_shared<SearchCommand>();
  s.footer(
      "Query syntax: author:Edward  author:\"David Eastman\"  type:comment|post  topic:soyuz\n"
      "  tag:Soyuz  category:Space  date:2022-12-16  date:2022-12  date:2019..2021  date:30d..\n"
      "  \"exact phrase\"  own:word  quote:word  replyto:Chris  is:edited  is:gone  AND OR NOT ( )\n"
      "Natural form (prints how it was read): every Edward comment on Soyuz; posts about Starship\n"
      "  in 2023; Edward's comments since March 2023; comments replying to Chris; who wrote most\n"
      "  about Soyuz; threads about Voyager. Synonyms: data/synonyms.txt and\n"
      "  $XDG_CONFIG_HOME/fora/synonyms.txt (--no-synonyms). Output fields: docs/output.md");
  s.add_option("query", search->words, "The query (several words are joined)")->required();
  s.add_option("--limit,-n", search->limit, "Results to show")->transform(decimal<decltype(search->limit)>())->capture_default_str();
  s.add_option("--offset", search->offset, "Results to skip")->transform(decimal<decltype(search->offset)>())->capture_default_str();
  s.add_option("--sort", search->sort, "relevance, date or -date")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))->capture_default_str();
  add_output_options(s, search->output, "one per result, then one per facet value (with --facet, the CSV is the counts)");
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
  s.add_flag("--no-synonyms", search->no_synonyms, "Do not expand synonyms and abbreviations (data/synonyms.txt, $XDG_CONFIG_HOME/fora/synonyms.txt)");
  return [search](const Context& ctx) { return run_search(ctx, *search); };
}

}  // namespace

const Command search_command{"search", "Search posts and comments", add_search_options};

}  // namespace fora::cli
