// The entry page: one post or comment, where it sits in its thread, and every version fora
// saw of it as a word diff to the one before.
#include <fmt/format.h>

#include "fora/archive/http_response.h"
#include "html.h"
#include "pages.h"
#include "people_text.h"
#include "word_diff.h"

namespace fora::web {
namespace {

std::string diff_html(const std::vector<cli::WordRun>& runs) {
  std::string out;
  for (const auto& run : runs) {
    if (!out.empty()) out += ' ';
    if (run.kind == '-') out += "<del>" + escape(run.words) + "</del>";
    else if (run.kind == '+') out += "<ins>" + escape(run.words) + "</ins>";
    else out += escape(run.words);
  }
  return out;
}

}  // namespace

Response entry_page(const cli::Context& ctx, std::int64_t id, const Request& request) {
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  const archive::ThreadStore& store = (*opened)->threads();
  auto e = store.entry(id);
  if (!e) return error_page(e.error());
  auto versions = store.entry_versions(id);
  if (!versions) return error_page(versions.error());
  auto gone = store.gone_marks(id);
  if (!gone) return error_page(gone.error());

  if (wants_json(request)) {
    cli::Record r = cli::entry_record(*e);
    r["versions"] = nlohmann::ordered_json::array();
    for (const auto& v : *versions) r["versions"].push_back(cli::version_record(v));
    r["gone"] = nlohmann::ordered_json::array();
    for (const auto& g : *gone)
      r["gone"].push_back({{"gone_at", archive::format_utc(g.gone_at)}, {"back_at", cli::utc_or_null(g.back_at)}});
    return json_response({r});
  }
  std::string main = fmt::format(
      "<h1>{}</h1>\n<p class=\"meta\">{} · {} · {} · <a href=\"/thread/{}?hit={}#e{}\">in its thread</a>{}</p>\n",
      escape(e->thread_title), author_link(e->entry.author), escape(e->kind),
      escape(cli::date_for_people(e->entry.published.value_or(0), extract::precision_name(e->entry.precision))),
      e->thread_id, e->id, e->id,
      safe_href(e->entry.url).empty() ? "" : fmt::format(" · <a href=\"{}\">on its site</a>", safe_href(e->entry.url)));
  if (!e->parent_author.empty()) main += "<p class=\"note\">in reply to " + escape(e->parent_author) + "</p>\n";
  if (e->gone_since)
    main += "<p class=\"note\">gone from its page since " + escape(archive::format_utc(*e->gone_since)) + "</p>\n";
  for (const auto& q : e->entry.quotes)
    main += fmt::format("<blockquote><cite>{}</cite>{}</blockquote>\n", escape(q.author.empty() ? "a quote" : q.author),
                        paragraphs(q.text));
  main += e->words_lost ? "<p class=\"note\">words lost: the catalog's copy was damaged</p>\n" : paragraphs(e->entry.text);
  main += fmt::format("<h2>{}</h2>\n<ol class=\"versions\">\n",
                      escape(cli::counted(static_cast<std::int64_t>(versions->size()), "version")));
  for (std::size_t k = 0; k < versions->size(); ++k) {
    const auto& v = (*versions)[k];
    const std::string words = cli::words_with_quotes(v.quotes, v.text);
    main += fmt::format("<li><p class=\"meta\">seen {} to {}</p>\n<p>{}</p></li>\n", escape(archive::format_utc(v.seen_at)),
                        escape(archive::format_utc(v.last_seen)),
                        k == 0 ? escape(words)
                               : diff_html(cli::word_runs(cli::words_with_quotes((*versions)[k - 1].quotes, (*versions)[k - 1].text), words)));
  }
  main += "</ol>\n";
  // The page it was read from, inert in a sandboxed frame (archived_page.cc).
  auto capture = entry_capture(**opened, *e);
  if (!capture) return error_page(capture.error());
  main += "<h2>The page it was read from</h2>\n";
  if (*capture)
    main += fmt::format("<p class=\"meta\"><a href=\"/entry/{}/page\">as fora stored it</a> (scripts off, nothing loaded "
                        "from anywhere)</p>\n<iframe class=\"archived\" sandbox=\"allow-same-origin\" src=\"/entry/{}/page\" title=\"the stored "
                        "page\"></iframe>\n",
                        e->id, e->id);
  else
    main += "<p class=\"note\">The archive holds no copy of it.</p>\n";
  // This page alone may frame one of fora's own.
  return {200, "text/html; charset=utf-8", page(e->thread_title, "", main),
          {{"Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; "
                                       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"}}};
}

}  // namespace fora::web
