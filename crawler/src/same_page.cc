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
#include <regex>

#include "fora/crawler/scope.h"
#include "fora/url/query.h"

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

// SMF's topic=5.msg77 opens topic 5 at its message 77 (the links of its feed and of its
// quotes' headers): like phpBB's t=5&p=77, the topic, under its first page's address.
std::string without_message_start(const std::string& query) {
  static const std::regex msg("(^|[&;])topic=([0-9]+)\\.msg[0-9]+(?=[&;]|$)");
  return std::regex_replace(query, msg, "$1topic=$2.0");
}

// Discourse's /t/slug/ID/N opens topic ID at its post number N (its posts feed's links, its
// "reply to" and share links): the topic, under its first page's address, /t/slug/ID.
std::string without_post_number(const std::string& path) {
  static const std::regex numbered("^((?:/[^/]+)?/t/[^/]+/[0-9]+)/[0-9]+/?$");
  return std::regex_replace(path, numbered, "$1");
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
