// fora threads [QUERY]: the threads a question finds (every thread without one), each with
// its posts and comments, first and last date and participants, from the catalog.
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include "commands.h"
#include "fora/archive/http_response.h"
#include "fora/query/searcher.h"
#include "number_option.h"
#include "output.h"
#include "people_text.h"
#include "summaries.h"

namespace fora::cli {

struct ThreadsCommand {
  std::vector<std::string> words;  // the query, joined with spaces; none: every thread
  std::size_t limit = 20;
  std::size_t offset = 0;
  OutputOptions output;  // --json, --csv, --fields, --no-pager
  bool literal = false;
  bool no_synonyms = false;
};

namespace {

constexpr std::size_t kParticipantsShown = 5;

std::string thread_text(const Terminal& out, const ThreadSummary& t, bool asked) {
  const auto day = [](const std::optional<std::int64_t>& d) {
    return d ? archive::format_utc(*d).substr(0, 10) : std::string("date unknown");
  };
  std::string people;
  for (std::size_t k = 0; k < t.participants.size() && k < kParticipantsShown; ++k)
    people += fmt::format("{}{} ({})", k ? ", " : "", clean(t.participants[k].first), t.participants[k].second);
  if (t.participants.size() > kParticipantsShown) people += fmt::format(", {} more", t.participants.size() - kParticipantsShown);
  return fmt::format("{} {}\n  {}\n  {}, {}, {} to {}{}\n  {}: {}\n\n", out.bold(clean(t.title)),
                        out.dim(fmt::format("thread:{}", t.id)), clean(t.url), counted(t.posts, "post"),
                        counted(t.comments, "comment"), day(t.first), day(t.last),
                        asked ? fmt::format(", {} matching", t.matches) : "",
                        counted(static_cast<std::int64_t>(t.participants.size()), "participant"), people);
}

}  // namespace

Status run_threads(const Context& ctx, const ThreadsCommand& cmd) {
  std::string text;
  for (const auto& w : cmd.words) text += (text.empty() ? "" : " ") + w;
  query::SearchOptions options;
  options.query = text;
  options.limit = cmd.limit;
  options.offset = cmd.offset;
  options.natural = !cmd.literal;
  options.by_thread = true;
  // Without a question, the threads most recently active first.
  if (text.empty()) options.sort = query::Sort::DateDesc;

  auto printer = Printer::make(ctx, cmd.output, {&thread_kind()});
  if (!printer) return printer.error();
  auto search = ctx.open_search(!cmd.no_synonyms);
  if (!search) return search.error();
  auto answer = search->ask(options);
  if (!answer) return answer.error();
  const query::SearchResult& result = *answer;
  const archive::ThreadStore& store = search->archive->threads();
  const Terminal& out = printer->terminal();
  // How fora read the question (stderr for scripts' formats, as search does).
  if (const std::string reading = reading_text(result, out); !reading.empty())
    printer->note(reading + (printer->for_scripts() ? "" : "\n"));
  for (const auto& hit : result.hits) {
    auto entries = store.thread_entries(hit.thread_id);
    if (!entries) return entries.error();
    const ThreadSummary t = summarise_thread(hit, *entries);
    printer->record(thread_kind(), thread_record(t, !text.empty()));
    printer->text(thread_text(out, t, !text.empty()));
  }
  const std::size_t shown = result.hits.size();
  printer->text(out.dim(fmt::format("{}{}\n", counted(result.total, "thread"),
                                    shown > 0 && shown < static_cast<std::size_t>(result.total)
                                        ? fmt::format(", {} shown (see --limit, --offset)", shown)
                                        : "")));
  return ok();
}

namespace {

Command::Run add_threads_options(CLI::App& t) {
  auto threads = std::make_shared<ThreadsCommand>();
  t.add_option("query", threads->words, "A question in the search syntax (none: every thread)");
  t.add_option("--limit,-n", threads->limit, "Threads to show")->transform(decimal<decltype(threads->limit)>())->capture_default_str();
  t.add_option("--offset", threads->offset, "Threads to skip")->transform(decimal<decltype(threads->offset)>())->capture_default_str();
  add_output_options(t, threads->output, "one per thread");
  t.add_flag("--literal", threads->literal, "Do not read the query as natural language");
  t.add_flag("--no-synonyms", threads->no_synonyms, "Do not expand synonyms and abbreviations");
  return [threads](const Context& ctx) { return run_threads(ctx, *threads); };
}

}  // namespace

const Command threads_command{"threads",
                              "List threads (those a question finds): posts, comments, dates, participants",
                              add_threads_options};

}  // namespace fora::cli
