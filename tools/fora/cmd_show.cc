// fora show ID: one post or comment in full, in its thread.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "printer.h"

namespace fora::cli {
namespace {

nlohmann::json entry_json(const archive::StoredEntry& e) {
  nlohmann::json quotes = nlohmann::json::array();
  for (const auto& q : e.entry.quotes) quotes.push_back({{"author", q.author}, {"text", q.text}});
  return {{"id", e.id},
          {"type", e.kind},
          {"native_id", e.entry.native_id},
          {"parent_id", e.entry.parent_id},
          {"thread_id", e.thread_id},
          {"author", e.entry.author},
          {"date", e.entry.published ? nlohmann::json(archive::format_utc(*e.entry.published)) : nlohmann::json(nullptr)},
          {"site", e.site},
          {"thread_title", e.thread_title},
          {"thread_url", e.thread_url},
          {"url", e.entry.url},
          {"parent_author", e.parent_author},
          {"categories", e.categories},
          {"tags", e.tags},
          {"text", e.entry.text},
          {"quotes", quotes},
          {"first_seen", archive::format_utc(e.first_seen)},
          {"last_seen", archive::format_utc(e.last_seen)}};
}

}  // namespace

Status run_show(const Context& ctx, const ShowCommand& cmd) {
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto e = (*archive)->entry(cmd.id);
  if (!e) return e.error();
  if (cmd.json) {
    ctx.out.write(entry_json(*e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return ok();
  }
  const Terminal& out = ctx.out;
  out.write(out.bold(clean(e->thread_title)) + "\n");
  out.write(clean(e->thread_url) + "\n");
  if (!e->categories.empty() || !e->tags.empty()) {
    std::string labels;
    for (const auto& c : e->categories) labels += (labels.empty() ? "" : ", ") + clean(c);
    for (const auto& t : e->tags) labels += (labels.empty() ? "#" : ", #") + clean(t);
    out.write(out.dim(labels) + "\n");
  }
  out.write("\n");
  const std::string date = e->entry.published ? archive::format_utc(*e->entry.published) : "date unknown";
  out.write(fmt::format("{} {} {}\n", out.bold(fmt::format("[{}]", e->id)), out.bold(clean(e->entry.author)),
                        out.dim(fmt::format("{}, {}", e->kind, date))));
  if (!e->parent_author.empty()) out.write(out.dim("in reply to " + clean(e->parent_author)) + "\n");
  out.write(clean(e->entry.url) + "\n\n");
  for (const auto& q : e->entry.quotes) {
    out.write(out.dim(fmt::format("  > {}{}", q.author.empty() ? "" : clean(q.author) + ": ",
                                  clean(q.text))) + "\n");
  }
  if (!e->entry.quotes.empty()) out.write("\n");
  out.write(clean(e->entry.text, true) + "\n");
  return ok();
}

}  // namespace fora::cli
