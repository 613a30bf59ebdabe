// fora authors [QUERY]: who wrote what a question finds (everything without one), the most
// prolific first: each author's posts and comments among the matches, their first and last
// date, and the threads they wrote most in. Counted by the index's author facet, then one
// search per author shown, narrowed to that author's name as data (SearchOptions::author).
#include <charconv>

#include <fmt/format.h>

#include "commands.h"
#include "fora/archive/http_response.h"
#include "fora/query/searcher.h"
#include "number_option.h"
#include "output.h"
#include "people_text.h"
#include "summaries.h"

namespace fora::cli {

struct AuthorsCommand {
  std::vector<std::string> words;  // the query, joined with spaces; none: everything
  std::size_t limit = 20;
  std::size_t offset = 0;
  std::size_t top_threads = 3;
  OutputOptions output;  // --json, --csv, --fields, --no-pager
  bool literal = false;
  bool no_synonyms = false;
};

namespace {

std::string author_text(const Terminal& out, const AuthorSummary& a) {
  const auto day = [](const std::optional<std::int64_t>& d) {
    return d ? archive::format_utc(*d).substr(0, 10) : std::string("date unknown");
  };
  std::string text = fmt::format("{}  {}\n  {}, {} in {}, {} to {}\n", out.bold(clean(a.name)),
                                 out.dim(fmt::format("{} entries", grouped(a.entries))), counted(a.posts, "post"),
                                 counted(a.comments, "comment"), counted(a.threads, "thread"), day(a.first), day(a.last));
  for (const auto& t : a.top_threads)
    text += fmt::format("  {:>5}  {}  {}\n", grouped(t.count), clean(t.label), out.dim("thread:" + clean(t.value)));
  return text + "\n";
}

}  // namespace

Status run_authors(const Context& ctx, const AuthorsCommand& cmd) {
  std::string text;
  for (const auto& w : cmd.words) text += (text.empty() ? "" : " ") + w;
  auto printer = Printer::make(ctx, cmd.output, {&author_kind()});
  if (!printer) return printer.error();

  query::SearchOptions options;
  options.query = text;
  options.natural = !cmd.literal;
  options.limit = 0;
  options.facets = {query::Facet::Author};
  options.facet_limit = cmd.offset + cmd.limit;
  auto search = ctx.open_search(!cmd.no_synonyms);
  if (!search) return search.error();
  auto answer = search->ask(options);
  if (!answer) return answer.error();
  const query::SearchResult& result = *answer;
  const query::FacetResult& authors = result.facets.at(0);
  const Terminal& out = printer->terminal();
  if (const std::string reading = reading_text(result, out); !reading.empty())
    printer->note(reading + (printer->for_scripts() ? "" : "\n"));

  // Each author shown, asked the same question as written (read once already, and said).
  query::SearchOptions each = options;
  each.query = result.reading;
  each.natural = false;
  static const query::Synonyms kExpandedAlready;
  each.synonyms = &kExpandedAlready;
  for (std::size_t k = cmd.offset; k < authors.counts.size(); ++k) {
    auto a = summarise_author(*search, each, authors.counts[k], cmd.top_threads);
    if (!a) return a.error();
    printer->record(author_kind(), author_record(*a));
    printer->text(author_text(out, *a));
  }
  const std::size_t shown = authors.counts.size() > cmd.offset ? authors.counts.size() - cmd.offset : 0;
  printer->text(out.dim(fmt::format("{} of {}{}\n", counted(authors.values, "author"), counted(result.total, "entry", "entries"),
                                    shown < static_cast<std::size_t>(authors.values)
                                        ? fmt::format(", {} shown (see --limit, --offset)", shown)
                                        : "")));
  return ok();
}

namespace {

Command::Run add_authors_options(CLI::App& a) {
  auto authors = std::make_shared<AuthorsCommand>();
  a.add_option("query", authors->words, "A question in the search syntax (none: everything)");
  a.add_option("--limit,-n", authors->limit, "Authors to show")->transform(decimal<decltype(authors->limit)>())->capture_default_str();
  a.add_option("--offset", authors->offset, "Authors to skip")->transform(decimal<decltype(authors->offset)>())->capture_default_str();
  a.add_option("--top-threads", authors->top_threads, "Threads shown of each author, those they wrote most in")
      ->transform(decimal<decltype(authors->top_threads)>())
      ->capture_default_str();
  add_output_options(a, authors->output, "one per author");
  a.add_flag("--literal", authors->literal, "Do not read the query as natural language");
  a.add_flag("--no-synonyms", authors->no_synonyms, "Do not expand synonyms and abbreviations");
  return [authors](const Context& ctx) { return run_authors(ctx, *authors); };
}

}  // namespace

const Command authors_command{"authors",
                              "List authors (of what a question finds), the most prolific first: posts, comments, "
                              "first and last date, their threads",
                              add_authors_options};

}  // namespace fora::cli
