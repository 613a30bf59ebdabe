#include "summaries.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace fora::cli {

ThreadSummary summarise_thread(const query::Hit& hit, const std::vector<archive::StoredEntry>& entries) {
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

Result<AuthorSummary> summarise_author(const Context::Search& search, query::SearchOptions base,
                                       const query::FacetCount& author, std::size_t top_threads) {
  AuthorSummary a;
  a.name = author.value;
  a.entries = author.count;
  base.author = author.value;
  base.limit = 1;
  base.offset = 0;
  base.sort = query::Sort::Date;
  base.facets = {query::Facet::Type, query::Facet::Thread};
  base.facet_limit = top_threads;
  auto oldest = search.ask(base);
  if (!oldest) return oldest.error();
  for (const auto& f : oldest->facets) {
    if (f.facet == query::Facet::Thread) {
      a.threads = f.values;
      a.top_threads = f.counts;
    }
    for (const auto& c : f.counts)
      if (f.facet == query::Facet::Type) (c.value == "post" ? a.posts : a.comments) += c.count;
  }
  if (!oldest->hits.empty() && oldest->hits[0].date != 0) a.first = oldest->hits[0].date;
  base.sort = query::Sort::DateDesc;
  base.facets.clear();
  base.exact_total = false;
  auto newest = search.ask(base);
  if (!newest) return newest.error();
  if (!newest->hits.empty() && newest->hits[0].date != 0) a.last = newest->hits[0].date;
  return a;
}

Record author_record(const AuthorSummary& a) {
  nlohmann::ordered_json top = nlohmann::ordered_json::array();
  for (const auto& t : a.top_threads) {
    std::int64_t id = 0;
    std::from_chars(t.value.data(), t.value.data() + t.value.size(), id);
    top.push_back({{"thread_id", id}, {"thread_title", t.label}, {"entries", t.count}});
  }
  return {{"v", kRecordVersion},
          {"author", a.name},
          {"entries", a.entries},
          {"posts", a.posts},
          {"comments", a.comments},
          {"first_date", utc_or_null(a.first)},
          {"last_date", utc_or_null(a.last)},
          {"threads", a.threads},
          {"top_threads", top}};
}

}  // namespace fora::cli
