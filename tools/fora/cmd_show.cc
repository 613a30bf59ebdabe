// fora show ID: one post or comment in full, in its thread.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "entry_json.h"
#include "printer.h"

namespace fora::cli {
namespace {

nlohmann::json stored_entry_json(const archive::StoredEntry& e) {
  nlohmann::json j = entry_json(e.entry, e.kind, e.thread_title, e.thread_url);
  j["id"] = e.id;
  j["thread_id"] = e.thread_id;
  j["site"] = e.site;
  j["parent_author"] = e.parent_author;
  j["categories"] = e.categories;
  j["tags"] = e.tags;
  j["first_seen"] = archive::format_utc(e.first_seen);
  j["last_seen"] = archive::format_utc(e.last_seen);
  return j;
}

}  // namespace

Status run_show(const Context& ctx, const ShowCommand& cmd) {
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto e = (*archive)->entry(cmd.id);
  if (!e) return e.error();
  if (cmd.json) {
    ctx.out.write(json_line(stored_entry_json(*e)));
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
  std::string date = e->entry.published ? archive::format_utc(*e->entry.published) : "date unknown";
  // A date the page did not give exactly says so ("3 hours ago" read against the capture).
  if (e->entry.published && e->entry.precision != extract::DatePrecision::Exact)
    date += fmt::format(" ({})", extract::precision_name(e->entry.precision));
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
