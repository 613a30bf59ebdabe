// The author page: what one author wrote, newest first, the threads they wrote most in, and
// their activity by month as a small chart (inline SVG: drawn without script or style).
#include <algorithm>

#include <fmt/format.h>

#include "html.h"
#include "pages.h"
#include "reader.h"
#include "people_text.h"
#include "summaries.h"

namespace fora::web {
namespace {

// One bar a month, from the first month with an entry to the last, empty months included.
std::string activity_svg(const query::FacetResult& months) {
  if (months.counts.empty()) return {};
  const auto index_of = [](const std::string& ym) {  // "2022-12" -> months since year 0
    return std::stoi(ym.substr(0, 4)) * 12 + std::stoi(ym.substr(5, 2)) - 1;
  };
  const int first = index_of(months.counts.front().value), last = index_of(months.counts.back().value);
  std::int64_t most = 1;
  for (const auto& c : months.counts) most = std::max(most, c.count);
  constexpr int kBar = 6, kHeight = 60;
  const int width = (last - first + 1) * kBar;
  std::string svg = fmt::format(
      "<svg class=\"activity\" role=\"img\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">"
      "<title>posts and comments a month, {} to {}</title>\n",
      std::max(width, 60), kHeight, std::max(width, 60), kHeight, escape(months.counts.front().value),
      escape(months.counts.back().value));
  for (const auto& c : months.counts) {
    const int x = (index_of(c.value) - first) * kBar;
    const int h = std::max<int>(1, static_cast<int>(c.count * kHeight / most));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"currentColor\"><title>{}: {}</title></rect>\n",
                       x, kHeight - h, kBar - 1, h, escape(c.value), c.count);
  }
  return svg + "</svg>\n";
}

}  // namespace

Response author_page(const cli::Context& ctx, const std::string& name, const Request& request) {
  const auto asked = page_asked(request);
  if (!asked) return error_page(asked.error());
  const std::size_t page_number = *asked;
  auto search = reader(ctx);
  if (!search) return error_page(search.error());
  query::SearchOptions options = newest_first(page_number);
  options.author = name;
  options.facets = {query::Facet::Month};
  auto result = (*search)->ask(options);
  if (!result) return error_page(result.error());
  if (result->total == 0) return error_page(404, "no posts or comments by " + name);
  auto summary = cli::summarise_author(**search, options, {name, result->total, {}}, 10);
  if (!summary) return error_page(summary.error());

  if (wants_json(request)) {
    std::vector<cli::Record> records{cli::author_record(*summary)};
    for (const auto& h : result->hits) records.push_back(cli::hit_record(h, false));
    return json_response(records);
  }
  const auto day = [](const std::optional<std::int64_t>& d) {
    return d ? cli::date_for_people(*d, "exact").substr(0, 10) : std::string("date unknown");
  };
  std::string main = fmt::format("<h1>{}</h1>\n<p class=\"meta\">{}, {} in {}, {} to {}</p>\n", escape(name),
                                 cli::counted(summary->posts, "post"), cli::counted(summary->comments, "comment"),
                                 cli::counted(summary->threads, "thread"), day(summary->first), day(summary->last));
  main += activity_svg(result->facets.at(0));
  main += "<h2>Threads they wrote most in</h2>\n<ul>\n";
  for (const auto& t : summary->top_threads)
    main += fmt::format("<li><a href=\"/thread/{}\">{}</a> <span class=\"count\">{}</span></li>\n", url_encode(t.value),
                        escape(t.label), cli::grouped(t.count));
  main += "</ul>\n<h2>Newest first</h2>\n";
  for (const auto& h : result->hits) main += hit_html(h);
  main += paging_links("/author/" + url_encode(name), page_number, result->total);
  return {200, "text/html; charset=utf-8", page(name, "", main), {}};
}

}  // namespace fora::web
