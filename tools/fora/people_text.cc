#include "people_text.h"

#include <algorithm>

#include <fmt/format.h>
#include "fora/archive/http_response.h"

namespace fora::cli {
namespace {

std::string snippet_text(const query::Snippet& s, const Terminal& out) {
  std::string text;
  std::size_t at = 0;
  for (const auto& span : s.highlights) {
    if (span.begin < at || span.begin + span.length > s.text.size()) continue;
    text += clean(std::string_view(s.text).substr(at, span.begin - at));
    const std::string word = clean(std::string_view(s.text).substr(span.begin, span.length));
    text += out.colour() ? out.highlight(word) : "[" + word + "]";
    at = span.begin + span.length;
  }
  text += clean(std::string_view(s.text).substr(at));
  return text;
}

// An estimate to two significant figures (718,234 -> 720,000): more would claim a precision
// it does not have.
std::string about(std::int64_t n) {
  std::int64_t unit = 1;
  while (n / unit >= 100) unit *= 10;
  return grouped((n + unit / 2) / unit * unit);
}

}  // namespace

std::string date_for_people(std::int64_t unix_seconds, std::string_view precision) {
  if (unix_seconds == 0) return "date unknown";
  std::string s = archive::format_utc(unix_seconds).substr(0, 16).replace(10, 1, " ") + " UTC";
  if (precision != "exact") s += fmt::format(" ({})", precision);
  return s;
}

std::string counted(std::int64_t n, std::string_view noun, std::string_view plural) {
  if (n == 1) return fmt::format("1 {}", noun);
  return plural.empty() ? fmt::format("{} {}s", n, noun) : fmt::format("{} {}", n, plural);
}

std::string grouped(std::int64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string hit_text(const query::Hit& h, const Terminal& out) {
  if (h.thread_hits > 0) {  // search --thread: the thread, then its best match
    return fmt::format("{} {}  {}\n", out.bold(clean(h.thread_title)), out.dim(fmt::format("thread:{}", h.thread_id)),
                       out.bold(h.thread_hits == 1 ? std::string("1 hit") : fmt::format("{} hits", h.thread_hits))) +
           fmt::format("  best: {} {} {}\n  {}\n  {}\n\n", out.bold(fmt::format("[{}]", h.id)), clean(h.author),
                       out.dim(fmt::format("{}, {}", h.type, date_for_people(h.date, h.date_precision))), clean(h.url),
                       snippet_text(h.snippet, out));
  }
  return fmt::format("{} {} {}\n  {}\n  {}\n  {}\n\n", out.bold(fmt::format("[{}]", h.id)), out.bold(clean(h.author)),
                     out.dim(fmt::format("{}, {}", h.type, date_for_people(h.date, h.date_precision))),
                     clean(h.thread_title), clean(h.url), snippet_text(h.snippet, out));
}

std::string total_text(const query::SearchResult& r, const Terminal& out) {
  const std::size_t shown = r.hits.size();
  const std::string noun = r.by_thread ? "thread" : "result";
  const std::string total = r.total_exact ? counted(r.total, noun) : fmt::format("about {} {}s", about(r.total), noun);
  const bool counts_alone = shown == 0;  // --limit 0: the total (and facets) alone
  return out.dim(fmt::format("{}{}\n", total,
                             !counts_alone && shown < static_cast<std::size_t>(r.total)
                                 ? fmt::format(", {} shown (see --limit, --offset{})", shown,
                                               r.total_exact ? "" : "; --count counts them exactly")
                                 : ""));
}

std::string reading_text(const query::SearchResult& result, const Terminal& out) {
  std::string text;
  if (result.rewritten) text += out.dim(fmt::format("read as: {}\n", clean(result.reading)));
  for (const auto& note : result.notes) text += out.dim(fmt::format("  ({})\n", clean(note)));
  if (result.suggestion) text += fmt::format("did you mean: {}\n", out.bold(clean(*result.suggestion)));
  if (result.explanation) {
    text += out.dim("query as Xapian reads it: ") + clean(result.explanation->xapian) + "\n";
    std::size_t width = 0;
    for (const auto& t : result.explanation->terms) width = std::max(width, clean(t.value).size());
    for (const auto& t : result.explanation->terms)
      text += fmt::format("  {:<9} {:<{}}  {}\n", t.field, clean(t.value), width, out.dim(clean(t.term)));
  }
  return text;
}

std::string facet_text(const query::FacetResult& f, const Terminal& out) {
  std::string head(query::facet_name(f.facet));
  if (static_cast<std::size_t>(f.values) > f.counts.size())
    head += fmt::format(" ({} values, the {} most frequent)", grouped(f.values), f.counts.size());
  std::size_t width = 1;
  for (const auto& c : f.counts) width = std::max(width, grouped(c.count).size());
  std::string text = "\n" + out.bold(head) + "\n";
  for (const auto& c : f.counts) {
    // A thread by its title, and the field that narrows a search to it.
    const std::string shown = f.facet == query::Facet::Thread
                                  ? fmt::format("{}  {}", clean(c.label), out.dim("thread:" + clean(c.value)))
                                  : clean(c.value);
    text += fmt::format("  {:>{}}  {}\n", grouped(c.count), width, shown);
  }
  return text;
}

}  // namespace fora::cli
