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

// A thread as the catalog holds it now.
struct ThreadSummary {
  std::int64_t id = 0, posts = 0, comments = 0, matches = 0;
  std::string title, url, site;
  std::optional<std::int64_t> first, last;                // dates of its entries
  std::vector<std::pair<std::string, std::int64_t>> participants;  // author, entries; most first
};

ThreadSummary summarise(const query::Hit& hit, const std::vector<archive::StoredEntry>& entries) {
  ThreadSummary t;
  t.id = hit.thread_id;
  t.matches = hit.thread_hits;
  t.title = hit.thread_title;
  t.site = hit.site;
  std::map<std::string, std::int64_t> by_author;
  for (const auto& e : entries) {
    ++(e.kind == "post" ? t.posts : t.comments);
    if (t.url.empty()) t.url = e.thread_url;
    if (e.entry.published) {
      t.first = std::min(t.first.value_or(*e.entry.published), *e.entry.published);
      t.last = std::max(t.last.value_or(*e.entry.published), *e.entry.published);
    }
    if (!e.entry.author.empty()) ++by_author[e.entry.author];
  }
  t.participants.assign(by_author.begin(), by_author.end());
  std::stable_sort(t.participants.begin(), t.participants.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return t;
}

Record thread_record(const ThreadSummary& t, bool asked) {
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const auto& [author, n] : t.participants) people.push_back({{"author", author}, {"entries", n}});
  return {{"v", kRecordVersion},
          {"thread_id", t.id},
          {"site", t.site},
          {"thread_title", t.title},
          {"thread_url", t.url},
          {"posts", t.posts},
          {"comments", t.comments},
          {"first_date", utc_or_null(t.first)},
          {"last_date", utc_or_null(t.last)},
          {"participants", people},
          {"matches", asked ? nlohmann::ordered_json(t.matches) : nlohmann::ordered_json(nullptr)}};
}

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
    const ThreadSummary t = summarise(hit, *entries);
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
