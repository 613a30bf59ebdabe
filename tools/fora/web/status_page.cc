// The status page (what the archive holds, by site, and the last runs of the commands that
// wrote to it) and a site's page (its threads, the most recently active first).

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "html.h"
#include "pages.h"
#include "reader.h"
#include "people_text.h"
#include "summaries.h"

namespace fora::web {

Response status_page(const cli::Context& ctx, const Request& request) {
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  auto stats = (*opened)->stats();
  if (!stats) return error_page(stats.error());
  auto runs = (*opened)->runs().latest(10);
  if (!runs) return error_page(runs.error());
  if (wants_json(request)) {
    std::vector<cli::Record> records{cli::stats_record(*stats)};
    for (const auto& r : *runs) records.push_back(cli::run_record(r));
    return json_response(records);
  }
  std::string main = fmt::format(
      "<h1>The archive</h1>\n<p>{} sites, {} threads, {} posts and {} comments ({} edited, {} gone) by {} authors; "
      "{} pages, {} captures.</p>\n<table>\n<tr><th>site</th><th>threads</th><th>entries</th><th>edited</th><th>gone</th></tr>\n",
      cli::grouped(stats->sites), cli::grouped(stats->threads), cli::grouped(stats->posts), cli::grouped(stats->comments),
      cli::grouped(stats->edited), cli::grouped(stats->gone), cli::grouped(stats->authors), cli::grouped(stats->pages),
      cli::grouped(stats->captures));
  for (const auto& s : stats->per_site)
    main += fmt::format("<tr><td><a href=\"/site/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        url_encode(s.origin), escape(s.origin), cli::grouped(s.threads), cli::grouped(s.entries),
                        cli::grouped(s.edited), cli::grouped(s.gone));
  main += "</table>\n<h2>Last runs</h2>\n<table>\n<tr><th>run</th><th>started (UTC)</th><th>pages</th><th>new</th>"
          "<th>edited</th><th>gone</th><th>errors</th><th>command: outcome</th></tr>\n";
  for (const auto& r : *runs)
    main += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}: {}</td></tr>\n",
                        r.id, escape(cli::date_for_people(r.started_at, "exact")), r.pages_fetched, r.entries_new,
                        r.entries_edited, r.entries_gone, r.errors, escape(r.command),
                        escape(r.ended_at ? r.outcome : "running, or killed"));
  main += "</table>\n";
  return {200, "text/html; charset=utf-8", page("Status", "", main), {}};
}

Response site_page(const cli::Context& ctx, const std::string& site, const Request& request) {
  const auto asked = page_asked(request);
  if (!asked) return error_page(asked.error());
  const std::size_t page_number = *asked;
  auto search = reader(ctx);
  if (!search) return error_page(search.error());
  query::SearchOptions options = newest_first(page_number);
  options.query = "site:" + quoted_value(site);
  options.by_thread = true;
  auto result = (*search)->ask(options);
  if (!result) return error_page(result.error());
  if (result->total == 0) return error_page(404, "no threads from " + site);
  std::vector<cli::ThreadSummary> threads;
  for (const auto& hit : result->hits) {
    auto entries = (*search)->archive->threads().thread_entries(hit.thread_id);
    if (!entries) return error_page(entries.error());
    threads.push_back(cli::summarise_thread(hit, *entries));
  }
  if (wants_json(request)) {
    std::vector<cli::Record> records;
    for (const auto& t : threads) records.push_back(cli::thread_record(t, false));
    return json_response(records);
  }
  const archive::Archive& archive = *(*search)->archive;
  // The archive's latest crawl or update, and what the site's catalog rows say it found.
  auto runs = archive.runs().latest(100);
  if (!runs) return error_page(runs.error());
  const auto run = std::find_if(runs->begin(), runs->end(), [](const archive::RunRecord& r) {
    const std::string name = cli::command_name(r.command);
    return name == "crawl" || name == "update";
  });
  auto overview = archive.site_overview(site, run != runs->end() ? run->started_at : std::numeric_limits<std::int64_t>::max());
  if (!overview) return error_page(overview.error());
  std::string main = fmt::format("<h1>{}</h1>\n", escape(site));
  if (run != runs->end())
    main += fmt::format("<p class=\"meta\">The last crawl or update (<a href=\"/status\">run {}</a>, {}) found here {} new, {} "
                        "edited, {} gone.</p>\n",
                        run->id, escape(archive::format_utc(run->started_at)), cli::grouped(overview->found_new),
                        cli::grouped(overview->found_edited), cli::grouped(overview->found_gone));
  // Its forums: each links to a search of the site narrowed to it (the innermost category).
  main += "<h2>Forums</h2>\n<ul>\n";
  for (const auto& f : overview->forums) {
    std::string names;
    for (const auto& n : f.path) names += (names.empty() ? "" : " › ") + escape(n);
    const std::string counts = fmt::format("<span class=\"count\">{}, {}</span>", cli::counted(f.threads, "thread"),
                                           cli::counted(f.entries, "post and comment", "posts and comments"));
    if (f.path.empty())
      main += "<li>(no forum named) " + counts + "</li>\n";
    else
      main += fmt::format("<li><a href=\"/search?q={}\">{}</a> {}</li>\n",
                          url_encode("site:" + quoted_value(site) + " category:" + quoted_value(f.path.back())),
                          names, counts);
  }
  main += fmt::format("</ul>\n<h2>Threads</h2>\n<p class=\"meta\">{}, the most recently active first</p>\n<ul>\n",
                      cli::counted(result->total, "thread"));
  for (const auto& t : threads)
    main += fmt::format("<li><a href=\"/thread/{}\">{}</a> <span class=\"count\">{} posts, {} comments, last {}</span></li>\n",
                        t.id, escape(t.title), t.posts, t.comments,
                        escape(t.last ? cli::date_for_people(*t.last, "exact") : "date unknown"));
  main += "</ul>\n" + paging_links("/site/" + url_encode(site), page_number, result->total);
  return {200, "text/html; charset=utf-8", page(site, "", main), {}};
}

}  // namespace fora::web
