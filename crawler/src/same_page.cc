// same_page(): the page a link shows once its display variants are set aside (declared in
// scope.h). Forum engines print each list and thread under many addresses: sorted by
// subject, by date, up or down, cut to the last N days, N posts to a page, with a search
// word highlighted, opened at one post of it. They hold the same posts; a crawl that fetched
// them all would fetch every list once per sort order (a real MyBB board took 12x its pages).
// The names below are the engines' own (phpBB, MyBB, SMF, vBulletin, XenForo, Invision,
// Discourse, Vanilla, Lemmy); names with other meanings on some engine (phpBB's st is a day
// cut, Invision 2's is the start of a page; view, mode, tab select content) are left to the
// profiles.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "fora/crawler/scope.h"
#include "fora/url/query_string.h"

namespace fora::crawler {
namespace {

// The parameters that order, cut or highlight a page without choosing what it holds.
constexpr std::array<std::string_view, 24> kDisplayParams = {
    "goto",  // vBulletin's goto=newpost, lastpost, nextnewest: the thread's page, or another's
    "sort", "sortby", "sort_by", "sortorder", "sort_order", "order", "orderby", "order_by",
    "direction", "sortdirection", "desc", "asc",  // SMF: ;sort=subject;desc
    "datecut", "daysprune", "prunedays", "prune_day",
    "perpage", "per_page", "pp",
    "highlight", "hilit",
    "postcount", "answertab"};

// The parameters that name one post of the thread the rest of the address names (the page
// opens at it); without a thread beside them they name a post alone.
constexpr std::array<std::string_view, 4> kPostParams = {"pid", "postid", "post_id", "commentid"};

// The parameters that name a thread: beside one, p= is a post of it (phpBB's
// viewtopic.php?t=5&p=77, vBulletin's showthread.php?t=5&p=77), not a page number.
constexpr std::array<std::string_view, 5> kThreadParams = {"t", "tid", "topic", "threadid", "thread"};

bool contains(auto& names, std::string_view key) { return std::find(names.begin(), names.end(), key) != names.end(); }

bool names_thread(std::string_view query) {
  bool found = false;
  filter_query(query, [&](std::string_view key, std::string_view) {
    found = found || contains(kThreadParams, key);
    return false;
  });
  return found;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// SMF's topic=5.msg77 opens topic 5 at its message 77 (the links of its feed and of its
// quotes' headers): like phpBB's t=5&p=77, the topic, under its first page's address.
// (Plain string work, not std::regex: its matcher recurses a level a character, and a
// feed's entry may be a megabyte long.)
std::string without_message_start(std::string query) {
  for (std::size_t at = query.find("topic="); at != std::string::npos; at = query.find("topic=", at + 1)) {
    if (at > 0 && query[at - 1] != '&' && query[at - 1] != ';') continue;
    const std::size_t id = at + 6;
    const std::size_t dot = query.find('.', id);
    const std::size_t end = std::min(query.find('&', id), query.find(';', id));
    if (dot == std::string::npos || dot >= end || !all_digits(std::string_view(query).substr(id, dot - id))) continue;
    const std::string_view start = std::string_view(query).substr(dot + 1, std::min(end, query.size()) - dot - 1);
    if (start.starts_with("msg") && all_digits(start.substr(3))) query.replace(dot + 1, start.size(), "0");
  }
  return query;
}

// Discourse's /t/slug/ID/N opens topic ID at its post number N (its posts feed's links, its
// "reply to" and share links): the topic, under its first page's address, /t/slug/ID. A
// Discourse in a folder has one segment before /t/.
std::string without_post_number(std::string path) {
  std::vector<std::string_view> parts;  // the segments, without the slashes
  std::string_view rest(path);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (!rest.starts_with('/')) return path;
  for (std::size_t at = 1; at <= rest.size();) {
    const std::size_t slash = std::min(rest.find('/', at), rest.size());
    parts.push_back(rest.substr(at, slash - at));
    at = slash + 1;
  }
  const std::size_t t = parts.size() == 4 ? 0 : parts.size() == 5 ? 1 : parts.size();
  if (t == parts.size() || parts[t] != "t" || parts[t + 1].empty() || !all_digits(parts[t + 2]) ||
      !all_digits(parts[t + 3]))
    return path;
  return path.substr(0, static_cast<std::size_t>(parts[t + 3].data() - path.data()) - 1);
}

// "/forum/index.php" shows what "/forum/" does.
std::string without_index_file(std::string path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view last = std::string_view(path).substr(slash + 1);
  if (last == "index.php" || last == "index.html" || last == "index.htm") path.resize(slash + 1);
  return path;
}

}  // namespace

Url same_page(const Url& url) {
  const std::string pq(url.path_and_query());
  const std::size_t q = pq.find('?');
  const std::string query = q == std::string::npos ? "" : pq.substr(q + 1);
  const bool in_thread = names_thread(query);
  const std::string kept = without_message_start(filter_query(query, [&](std::string_view key, std::string_view) {
    return contains(kDisplayParams, key) || contains(kPostParams, key) || (in_thread && key == "p");
  }));
  std::string path = without_post_number(pq.substr(0, q));
  if (kept.empty()) path = without_index_file(std::move(path));
  if (kept == query && path.size() == std::min(q, pq.size())) return url;
  const std::string_view origin = std::string_view(url.str()).substr(0, url.str().size() - pq.size());
  auto respelled = Url::parse(std::string(origin) + path + (kept.empty() ? "" : "?" + kept));
  return respelled ? std::move(*respelled) : url;
}

}  // namespace fora::crawler
