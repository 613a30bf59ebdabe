// The search page: the CLI's query language and natural form, the reading, "did you mean",
// the results with their matches marked, facets as links that narrow the question, paging and
// sorting.

#include <fmt/format.h>

#include "html.h"
#include "pages.h"
#include "reader.h"
#include "people_text.h"

namespace fora::web {
namespace {

std::string search_link(std::string_view q, std::string_view sort, std::size_t page_number = 1) {
  std::string link = "/search?q=" + url_encode(q);
  if (!sort.empty() && sort != "relevance") link += "&amp;sort=" + url_encode(sort);
  if (page_number > 1) link += fmt::format("&amp;page={}", page_number);
  return link;
}

// The field that narrows a question to one value of a facet.
std::string narrowing(const query::FacetResult& f, const query::FacetCount& c) {
  switch (f.facet) {
    case query::Facet::Author: return "author:" + quoted_value(c.value);
    case query::Facet::Month:
    case query::Facet::Year: return "date:" + c.value;
    case query::Facet::Thread: return "thread:" + c.value;
    case query::Facet::Site: return "site:" + quoted_value(c.value);
    case query::Facet::Type: return "type:" + c.value;
  }
  return {};
}

std::string facets_html(const query::SearchResult& r, std::string_view sort) {
  std::string out = "<aside class=\"facets\">\n";
  if (r.facets_sampled)
    out += fmt::format("<p class=\"note\">counted over the first {} matches</p>\n", cli::grouped(kFacetSample));
  for (const auto& f : r.facets) {
    if (f.counts.empty()) continue;
    out += fmt::format("<h2>{}</h2>\n<ul>\n", query::facet_name(f.facet));
    for (const auto& c : f.counts) {
      const std::string narrowed = r.reading.empty() ? narrowing(f, c) : r.reading + " " + narrowing(f, c);
      out += fmt::format("<li><a href=\"{}\">{}</a><span class=\"count\">{}</span></li>\n", search_link(narrowed, sort),
                         escape(f.facet == query::Facet::Thread ? c.label : c.value), cli::grouped(c.count));
    }
    out += "</ul>\n";
  }
  return out + "</aside>\n";
}

}  // namespace

namespace {

std::string snippet_html(const query::Snippet& s) {
  std::string out;
  std::size_t at = 0;
  for (const auto& span : s.highlights) {
    if (span.begin < at || span.begin + span.length > s.text.size()) continue;
    out += escape(std::string_view(s.text).substr(at, span.begin - at));
    out += "<mark>" + escape(std::string_view(s.text).substr(span.begin, span.length)) + "</mark>";
    at = span.begin + span.length;
  }
  return out + escape(std::string_view(s.text).substr(at));
}

}  // namespace

std::string hit_html(const query::Hit& h) {
  const std::string where = fmt::format("/thread/{}?hit={}#e{}", h.thread_id, h.id, h.id);
  return fmt::format(
      "<article class=\"hit\">\n<h2><a href=\"{}\">{}</a></h2>\n"
      "<p class=\"meta\">{} · <a href=\"/entry/{}\">{}</a> · {}</p>\n<p class=\"snippet\">{}</p>\n</article>\n",
      where, escape(h.thread_title.empty() ? "(untitled)" : h.thread_title), author_link(h.author), h.id, escape(h.type),
      escape(cli::date_for_people(h.date, h.date_precision)), snippet_html(h.snippet));
}

Response search_page(const cli::Context& ctx, const Request& request) {
  const auto get = [&](const char* name) {
    auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
  };
  const std::string q = get("q");
  std::string sort = get("sort");
  if (sort != "date" && sort != "-date") sort = "relevance";
  const auto asked = page_asked(request);
  if (!asked) return error_page(asked.error());
  const std::size_t page_number = *asked;
  if (q.size() > kLongestQuery) return error_page(414, fmt::format("the question is longer than {} characters", kLongestQuery));
  if (q.find_first_not_of(" \t") == std::string::npos && !wants_json(request))
    return {200, "text/html; charset=utf-8",
            page("Search", "", "<p class=\"note\">Search every post and comment of the archive: words, "
                               "<code>author:Edward</code>, <code>date:2022</code>, or a question such as "
                               "<em>every Edward comment on Soyuz</em>.</p>\n"),
            {}};

  query::SearchOptions options;
  options.query = q;
  options.limit = kPageSize;
  options.offset = (page_number - 1) * kPageSize;
  options.exact_total = false;
  options.facets = {query::Facet::Author, query::Facet::Year, query::Facet::Thread};
  // A page answers in tens of milliseconds: the facets of a broad question are counted over
  // its first matches and say so; `fora search --facet` counts every one.
  options.facet_sample = kFacetSample;
  if (sort == "date") options.sort = query::Sort::Date;
  if (sort == "-date") options.sort = query::Sort::DateDesc;
  auto search = reader(ctx);
  if (!search) return error_page(search.error());
  auto result = (*search)->ask(options);
  if (!result) return error_page(result.error());

  if (wants_json(request)) {
    std::vector<cli::Record> records;
    for (const auto& h : result->hits) records.push_back(cli::hit_record(h, result->by_thread));
    for (const auto& f : result->facets)
      for (const auto& c : f.counts) records.push_back(cli::facet_record(f, c));
    return json_response(records);
  }

  std::string main = "<div class=\"layout\">\n<section>\n";
  if (result->rewritten) main += "<p class=\"reading\">read as: <code>" + escape(result->reading) + "</code></p>\n";
  for (const auto& note : result->notes) main += "<p class=\"note\">" + escape(note) + "</p>\n";
  if (result->suggestion)
    main += fmt::format("<p class=\"suggestion\">did you mean: <a href=\"{}\">{}</a></p>\n",
                        search_link(*result->suggestion, sort), escape(*result->suggestion));
  main += "<p class=\"pages\">sort: ";
  for (const char* s : {"relevance", "date", "-date"})
    main += s == sort ? fmt::format("<strong>{}</strong> ", s) : fmt::format("<a href=\"{}\">{}</a> ", search_link(q, s), s);
  main += "</p>\n";
  for (const auto& h : result->hits) main += hit_html(h);
  const std::size_t total = static_cast<std::size_t>(result->total);
  main += fmt::format("<p class=\"total\">{}{} {}</p>\n", result->total_exact ? "" : "about ", cli::grouped(result->total),
                      total == 1 ? "result" : "results");
  main += "<p class=\"pages\">";
  if (page_number > 1) main += fmt::format("<a rel=\"prev\" href=\"{}\">previous</a>", search_link(q, sort, page_number - 1));
  if (page_number * kPageSize < total && page_number * kPageSize < kDeepestResult)
    main += fmt::format("<a rel=\"next\" href=\"{}\">next</a>", search_link(q, sort, page_number + 1));
  main += "</p>\n</section>\n" + facets_html(*result, sort) + "</div>\n";
  return {200, "text/html; charset=utf-8", page(q, q, main), {}};
}

}  // namespace fora::web
