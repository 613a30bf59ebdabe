// fora show ID: one post or comment in full, in its thread.
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "number_option.h"
#include "fora/archive/http_response.h"
#include "fora/query/searcher.h"
#include "output.h"
#include "people_text.h"
#include "thread_view.h"
#include "word_diff.h"

namespace fora::cli {

struct ShowCommand {
  std::int64_t id = 0;
  OutputOptions output;  // --json, --csv, --fields, --no-pager
  bool history = false;  // every version, with a word diff to the one before
  bool thread = false;   // the whole thread, indented by reply depth
  std::optional<std::size_t> context;  // how much of the conversation around it (see --context)
};

namespace {

// What the page showed of version `v` besides its words: author, date, edit time.
std::string shown(const archive::EntryVersion& v) {
  std::string out = v.author.empty() ? "no author" : v.author;
  out += ", " + (v.published ? archive::format_utc(*v.published) : std::string("date unknown"));
  if (v.published && v.precision != extract::DatePrecision::Exact)
    out += fmt::format(" ({})", extract::precision_name(v.precision));
  if (v.edited) out += ", edited " + archive::format_utc(*v.edited);
  return out;
}

// In place of words the catalog lost to damage (`fora verify --repair` set them aside).
constexpr const char* kWordsLost = "[words lost: the catalog's copy was damaged; its page is queued to be read again]";

// Each version, oldest first: when fora saw it, what the page showed, and its words (the
// first in full, the others as a word diff to the one before).
void print_history(const Terminal& out, const std::vector<archive::EntryVersion>& versions,
                   const std::vector<archive::ThreadVersion>& thread,
                   const std::vector<archive::ThreadStore::GoneMark>& gone) {
  out.write("\n" + out.bold(counted(static_cast<std::int64_t>(versions.size()), "version")) + "\n");
  for (std::size_t k = 0; k < versions.size(); ++k) {
    const auto& v = versions[k];
    out.write(out.dim(fmt::format("{:>3}  seen {} to {}", k + 1, archive::format_utc(v.seen_at),
                                  archive::format_utc(v.last_seen))) +
              "  " + clean(shown(v)) + "\n");
    const std::string words = v.words_lost ? std::string(kWordsLost) : words_with_quotes(v.quotes, v.text);
    const std::string text = k == 0 ? words : word_diff(words_with_quotes(versions[k - 1].quotes, versions[k - 1].text), words);
    out.write("     " + clean(text) + "\n");
  }
  for (const auto& g : gone) {
    out.write(out.dim(fmt::format("     gone from its page {}{}", archive::format_utc(g.gone_at),
                                  g.back_at ? ", seen again " + archive::format_utc(*g.back_at) : "")) +
              "\n");
  }
  if (thread.size() > 1) {
    out.write("\n" + out.bold("thread: " + counted(static_cast<std::int64_t>(thread.size()), "version")) + "\n");
    for (std::size_t k = 0; k < thread.size(); ++k) {
      const auto& t = thread[k];
      std::string labels;
      for (const auto& c : t.categories) labels += (labels.empty() ? "" : ", ") + c;
      for (const auto& g : t.tags) labels += (labels.empty() ? "#" : ", #") + g;
      out.write(out.dim(fmt::format("{:>3}  seen {} to {}", k + 1, archive::format_utc(t.seen_at),
                                    archive::format_utc(t.last_seen))) +
                "  " + clean(t.title) + (labels.empty() ? "" : out.dim("  " + clean(labels))) + "\n");
    }
  }
}

// One entry of the conversation around the one shown: its header line and the start of its
// words, indented.
void print_neighbour(const Terminal& out, const archive::StoredEntry& e, const std::string& indent) {
  out.write(indent + out.bold(fmt::format("[{}]", e.id)) + " " + clean(e.entry.author) + " " +
            out.dim(fmt::format("{}, {}", e.kind, date_for_people(e.entry.published.value_or(0),
                                                                  extract::precision_name(e.entry.precision)))) +
            "\n");
  const std::string words = e.words_lost ? std::string(kWordsLost) : e.entry.text;
  if (!words.empty()) out.write(indent + "  " + clean(query::leading_snippet(words, 200).text) + "\n");
}

// The whole thread in page order (or the `context` entries either side of the one shown),
// each indented by its reply depth, the one shown marked.
void print_thread(const Terminal& out, const ThreadView& view, std::size_t at, std::optional<std::size_t> context) {
  const auto& lines = view.lines();
  const auto [from, to] = view.around(at, context);
  const auto entries = [](std::size_t n) { return fmt::format("{} {}", n, n == 1 ? "entry" : "entries"); };
  if (from > 0) out.write(out.dim(fmt::format("({} before)", entries(from))) + "\n");
  for (std::size_t k = from; k < to; ++k) {
    const auto& e = *lines[k].entry;
    const std::string indent(static_cast<std::size_t>(lines[k].depth) * 2, ' ');
    const std::string mark = k == at ? out.bold("=> ") : "   ";
    out.write(mark + indent + out.bold(fmt::format("[{}]", e.id)) + " " + out.bold(clean(e.entry.author)) + " " +
              out.dim(fmt::format("{}, {}", e.kind, date_for_people(e.entry.published.value_or(0),
                                                                    extract::precision_name(e.entry.precision)))) +
              (e.gone_since ? out.dim(" (gone from its page)") : "") + "\n");
    for (const auto& q : e.entry.quotes)
      out.write("   " + indent + "  " + out.dim(fmt::format("> {}{}", q.author.empty() ? "" : clean(q.author) + ": ",
                                                          clean(q.text))) + "\n");
    const std::string words = e.words_lost ? std::string(kWordsLost) : clean(e.entry.text);
    if (!words.empty()) out.write("   " + indent + "  " + words + "\n");
  }
  if (to < lines.size())
    out.write(out.dim(fmt::format("({} after)", entries(lines.size() - to))) + "\n");
}

}  // namespace

Status run_show(const Context& ctx, const ShowCommand& cmd) {
  auto printer = Printer::make(ctx, cmd.output, {&shown_kind()});
  if (!printer) return printer.error();
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto e = (*archive)->threads().entry(cmd.id);
  if (!e) return e.error();
  // The conversation it belongs to.
  auto thread_entries = (*archive)->threads().thread_entries(e->thread_id);
  if (!thread_entries) return thread_entries.error();
  const ThreadView view(*thread_entries);
  const std::size_t at = view.find(e->id);
  std::vector<std::size_t> parents, replies;
  std::size_t all_replies = 0;  // before --context cuts them
  if (at < view.lines().size()) {
    parents = view.parents(at);
    replies = view.replies(at);
    all_replies = replies.size();
    if (cmd.context && parents.size() > *cmd.context) parents.resize(*cmd.context);
    if (cmd.context && replies.size() > *cmd.context) replies.resize(*cmd.context);
  }
  const auto ids = [&](const std::vector<std::size_t>& lines) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t k : lines) out.push_back(view.lines()[k].entry->id);
    return out;
  };
  std::vector<archive::EntryVersion> versions;
  std::vector<archive::ThreadVersion> thread;
  std::vector<archive::ThreadStore::GoneMark> gone;
  if (cmd.history) {
    auto g = (*archive)->threads().gone_marks(cmd.id);
    if (!g) return g.error();
    gone = std::move(*g);
    auto v = (*archive)->threads().entry_versions(cmd.id);
    if (!v) return v.error();
    auto t = (*archive)->threads().thread_versions(e->thread_id);
    if (!t) return t.error();
    versions = std::move(*v);
    thread = std::move(*t);
  }
  if (printer->for_scripts() && cmd.thread) {
    // One record per entry of the thread, in page order, with its depth; the one asked for
    // has "shown": true.
    const auto& lines = view.lines();
    const auto [from, to] = view.around(at, cmd.context);
    for (std::size_t k = from; k < to; ++k) {
      Record r = entry_record(*lines[k].entry);
      r["depth"] = lines[k].depth;
      r["shown"] = k == at;
      printer->record(shown_kind(), r);
    }
    return ok();
  }
  if (printer->for_scripts()) {
    Record r = entry_record(*e);
    r["parents"] = ids(parents);  // nearest first
    r["replies"] = ids(replies);
    if (cmd.history) {
      r["versions"] = nlohmann::ordered_json::array();
      for (const auto& v : versions) r["versions"].push_back(version_record(v));
      r["thread_versions"] = nlohmann::ordered_json::array();
      for (const auto& t : thread) r["thread_versions"].push_back(thread_version_record(t));
      r["gone"] = nlohmann::ordered_json::array();
      for (const auto& g : gone) r["gone"].push_back({{"gone_at", archive::format_utc(g.gone_at)}, {"back_at", utc_or_null(g.back_at)}});
    }
    printer->record(shown_kind(), r);
    return ok();
  }
  const Terminal& out = printer->terminal();
  out.write(out.bold(clean(e->thread_title)) + "\n");
  out.write(clean(e->thread_url) + "\n");
  if (e->thread_gone_since)
    out.write(out.bold(fmt::format("the thread is gone: its address answers 404 or 410 since {}",
                                   archive::format_utc(*e->thread_gone_since))) + "\n");
  if (!e->categories.empty() || !e->tags.empty()) {
    std::string labels;
    for (const auto& c : e->categories) labels += (labels.empty() ? "" : ", ") + clean(c);
    for (const auto& t : e->tags) labels += (labels.empty() ? "#" : ", #") + clean(t);
    out.write(out.dim(labels) + "\n");
  }
  out.write("\n");
  if (cmd.thread && at < view.lines().size()) {
    print_thread(out, view, at, cmd.context);
    return ok();
  }
  if (!parents.empty()) {
    out.write(out.dim("in reply to:") + "\n");
    for (auto k = parents.rbegin(); k != parents.rend(); ++k) print_neighbour(out, *view.lines()[*k].entry, "  ");
    out.write("\n");
  }
  std::string date = e->entry.published ? archive::format_utc(*e->entry.published) : "date unknown";
  // A date the page did not give exactly says so ("3 hours ago" read against the capture).
  if (e->entry.published && e->entry.precision != extract::DatePrecision::Exact)
    date += fmt::format(" ({})", extract::precision_name(e->entry.precision));
  out.write(fmt::format("{} {} {}\n", out.bold(fmt::format("[{}]", e->id)), out.bold(clean(e->entry.author)),
                        out.dim(fmt::format("{}, {}", e->kind, date))));
  if (!e->parent_author.empty()) out.write(out.dim("in reply to " + clean(e->parent_author)) + "\n");
  if (e->gone_since)
    out.write(out.bold(fmt::format("gone from its page since {} (last seen {})", archive::format_utc(*e->gone_since),
                                   archive::format_utc(e->last_seen))) + "\n");
  out.write(clean(e->entry.url) + "\n\n");
  for (const auto& q : e->entry.quotes) {
    out.write(out.dim(fmt::format("  > {}{}", q.author.empty() ? "" : clean(q.author) + ": ",
                                  clean(q.text))) + "\n");
  }
  if (!e->entry.quotes.empty()) out.write("\n");
  out.write((e->words_lost ? out.dim(kWordsLost) : clean(e->entry.text, true)) + "\n");
  if (!replies.empty()) {
    out.write("\n" + out.dim(fmt::format("{} {}{}:", all_replies, all_replies == 1 ? "reply" : "replies",
                                         replies.size() < all_replies ? fmt::format(", the first {}", replies.size()) : "")) +
              "\n");
    for (std::size_t k : replies) print_neighbour(out, *view.lines()[k].entry, "  ");
  }
  if (cmd.history) print_history(out, versions, thread, gone);
  return ok();
}

namespace {

Command::Run add_show_options(CLI::App& sh) {
  auto show = std::make_shared<ShowCommand>();
  sh.add_option("id", show->id, "The ID that search prints in [brackets]")->transform(decimal<decltype(show->id)>())->required();
  add_output_options(sh, show->output, "the entry with \"parents\" and \"replies\"; with --thread, one per entry with \"depth\" and \"shown\"");
  sh.add_flag("--thread", show->thread, "The whole thread in page order, indented by reply depth, this entry marked (=>)");
  sh.add_option("--context", show->context, "How much of the conversation: the N nearest entries it replies to and its first N replies; with --thread, N entries either side")
      ->transform(decimal<std::size_t>());
  sh.add_flag("--history", show->history, "Every version fora saw, when it was first and last seen, and a word diff to the one before ([-removed-] {+added+}); with --json, \"versions\" and \"thread_versions\"");
  return [show](const Context& ctx) { return run_show(ctx, *show); };
}

}  // namespace

const Command show_command{"show", "Print one post or comment in full, in its conversation: what it replies to and the replies to it", add_show_options};

}  // namespace fora::cli
