// The thread page: every post and comment in page order, indented by reply depth, the
// writer's own words apart from what they quote, each quote linking to the entry it quotes,
// edited and gone entries marked, the hit that led here marked (and scrolled to by its
// #e<ID> anchor).
#include <charconv>

#include <fmt/format.h>

#include "html.h"
#include "pages.h"
#include "people_text.h"
#include "thread_view.h"

namespace fora::web {
namespace {

std::string date_of(const archive::StoredEntry& e) {
  return cli::date_for_people(e.entry.published.value_or(0), extract::precision_name(e.entry.precision));
}

// The entry a quote most likely quotes: the latest one before line `at` by the quote's
// author whose words hold the quote's start; else their latest before it.
const archive::StoredEntry* quoted_entry(const cli::ThreadView& view, std::size_t at, const extract::Quote& q) {
  if (q.author.empty()) return nullptr;
  const std::string start = q.text.substr(0, 40);
  const archive::StoredEntry* by_author = nullptr;
  for (std::size_t k = 0; k < view.lines().size(); ++k) {
    if (k == at) continue;
    const auto* e = view.lines()[k].entry;
    if (e->entry.author != q.author) continue;
    if (!start.empty() && e->entry.text.find(start) != std::string::npos) return e;
    if (e->entry.published && view.lines()[at].entry->entry.published &&
        *e->entry.published <= *view.lines()[at].entry->entry.published)
      by_author = e;
  }
  return by_author;
}

std::string entry_html(const cli::ThreadView& view, std::size_t k, std::int64_t hit) {
  const auto& line = view.lines()[k];
  const archive::StoredEntry& e = *line.entry;
  std::string classes = fmt::format("entry d{}", std::min(line.depth, 8));
  if (e.id == hit) classes += " hit";
  if (e.gone_since) classes += " gone";
  std::string out = fmt::format("<article class=\"{}\" id=\"e{}\">\n<p class=\"meta\"><strong>{}</strong> · {} · "
                                "<a href=\"/entry/{}\">{}</a>",
                                classes, e.id, author_link(e.entry.author), escape(date_of(e)), e.id, escape(e.kind));
  if (e.versions > 1) out += fmt::format("<a class=\"badge\" href=\"/entry/{}\">edited</a>", e.id);
  if (e.gone_since) out += "<span class=\"badge\">gone from its page</span>";
  out += "</p>\n";
  for (const auto& q : e.entry.quotes) {
    std::string cite = escape(q.author.empty() ? "a quote" : q.author);
    if (const auto* source = quoted_entry(view, k, q)) cite = fmt::format("<a href=\"#e{}\">{}</a>", source->id, cite);
    out += fmt::format("<blockquote><cite>{}</cite>{}</blockquote>\n", cite, paragraphs(q.text));
  }
  out += e.words_lost ? "<p class=\"note\">words lost: the catalog's copy was damaged</p>\n" : paragraphs(e.entry.text);
  return out + "</article>\n";
}

}  // namespace

Response thread_page(const cli::Context& ctx, std::int64_t thread_id, const Request& request) {
  std::int64_t hit = 0;
  if (auto h = request.query.find("hit"); h != request.query.end())
    std::from_chars(h->second.data(), h->second.data() + h->second.size(), hit);
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  auto entries = (*opened)->threads().thread_entries(thread_id);
  if (!entries) return error_page(entries.error());
  if (entries->empty()) return error_page(404, fmt::format("no thread {}", thread_id));
  const cli::ThreadView view(*entries);

  if (wants_json(request)) {
    std::vector<cli::Record> records;
    for (const auto& line : view.lines()) {
      cli::Record r = cli::entry_record(*line.entry);
      r["depth"] = line.depth;
      r["shown"] = line.entry->id == hit;
      records.push_back(std::move(r));
    }
    return json_response(records);
  }
  const archive::StoredEntry& first = *view.lines().front().entry;
  const std::string href = safe_href(first.thread_url);
  std::string main = fmt::format("<h1>{}</h1>\n<p class=\"meta\">{}", escape(first.thread_title),
                                 href.empty() ? escape(first.thread_url)
                                              : fmt::format("<a href=\"{}\">{}</a>", href, escape(first.thread_url)));
  if (first.thread_gone_since) main += "<span class=\"badge\">the thread is gone from its site</span>";
  std::string labels;
  for (const auto& c : first.categories) labels += (labels.empty() ? "" : ", ") + c;
  for (const auto& t : first.tags) labels += (labels.empty() ? "#" : ", #") + t;
  if (!labels.empty()) main += " · " + escape(labels);
  main += fmt::format(" · {}</p>\n", escape(cli::counted(static_cast<std::int64_t>(view.lines().size()), "entry", "entries")));
  for (std::size_t k = 0; k < view.lines().size(); ++k) main += entry_html(view, k, hit);
  return {200, "text/html; charset=utf-8", page(first.thread_title, "", main), {}};
}

}  // namespace fora::web
