// trap_reason(): the WordPress duplicate-URL traps (declared in scope.h). Decisions are made
// on path segments and query parameter names, never on substrings, so that a post slug such
// as /amplifier-review/ or /feedback/ is not mistaken for a trap.
#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "fora/crawler/scope.h"
#include "fora/url/url.h"

namespace fora::crawler {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool all_digits(const std::string& s, std::size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool is_year(const std::string& s) { return all_digits(s, 4) && (s[0] == '1' || s[0] == '2'); }
bool is_month(const std::string& s) { return all_digits(s, 2) && s >= "01" && s <= "12"; }
bool is_day(const std::string& s) { return all_digits(s, 2) && s >= "01" && s <= "31"; }

// Non-empty path segments, lowercased.
std::vector<std::string> path_segments(std::string_view path) {
  std::vector<std::string> out;
  for (auto& s : split(path, '/')) {
    if (!s.empty()) out.push_back(boost::algorithm::to_lower_copy(std::string(s)));
  }
  return out;
}

// Query parameter names, lowercased ("a=1&b&c=" -> a, b, c; SMF separates with ';').
std::vector<std::string> query_keys(std::string_view query) {
  std::vector<std::string> out;
  std::string amp(query);
  std::replace(amp.begin(), amp.end(), ';', '&');
  for (auto& pair : split(amp, '&')) {
    if (pair.empty()) continue;
    out.push_back(boost::algorithm::to_lower_copy(std::string(pair.substr(0, pair.find('=')))));
  }
  return out;
}

// A date archive ends in YEAR[/MONTH[/DAY]], optionally followed by page/N; a post
// permalink has a slug after the date and is not one.
bool is_date_archive(std::vector<std::string> segs) {
  if (segs.size() >= 2 && segs[segs.size() - 2] == "page" &&
      all_digits(segs.back(), segs.back().size())) {
    segs.resize(segs.size() - 2);
  }
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!is_year(segs[i])) continue;
    const std::size_t rest = segs.size() - i - 1;
    if (rest == 0) return true;
    if (rest == 1 && is_month(segs[i + 1])) return true;
    if (rest == 2 && is_month(segs[i + 1]) && is_day(segs[i + 2])) return true;
  }
  return false;
}

// WordPress's two site-wide feeds without pretty permalinks: ?feed=rss2 (new posts) and
// ?feed=comments-rss2 (the newest comments, the signal of new comments on old posts), alone
// on the site's root. Every other ?feed= is a per-post, category or format copy.
bool is_site_feed_query(const std::vector<std::string>& segs, std::string_view query) {
  return segs.empty() && (query == "feed=rss2" || query == "feed=comments-rss2");
}

std::optional<std::string> query_trap(const std::vector<std::string>& keys,
                                      const std::vector<std::string>& segs, std::string_view query) {
  struct Rule {
    const char* key;
    const char* reason;
  };
  static constexpr Rule rules[] = {
      {"replytocom", "?replytocom= reply link (duplicates the post)"},
      {"share", "?share= sharing link"},
      {"like_comment", "?like_comment= like link"},
      {"amp", "?amp AMP duplicate"},
      {"s", "?s= search results"},
      {"m", "?m= calendar archive"},

      {"page_id", "?page_id= shortlink (duplicates the permalink)"},
      // Calendars on any engine: a date in the query has no last page.
      {"calendar", "calendar parameter"}, {"cal", "calendar parameter"},
      {"year", "calendar parameter"},     {"month", "calendar parameter"},
      {"day", "calendar parameter"},      {"week", "calendar parameter"},
      {"date", "calendar parameter"},     {"ym", "calendar parameter"},
  };
  for (const auto& rule : rules) {
    if (std::find(keys.begin(), keys.end(), rule.key) != keys.end())
      return std::string(rule.reason);
  }
  if (std::find(keys.begin(), keys.end(), "feed") != keys.end() && !is_site_feed_query(segs, query))
    return std::string("?feed= feed variant");
  // ?p=N alone names one post by number: WordPress's shortlink, phpBB's and vBulletin's post
  // permalinks; each repeats a page fetched under its own address. With other parameters
  // (Hacker News' item?id=N&p=2) p is a page number.
  if (keys.size() == 1 && keys.front() == "p") return std::string("?p= post shortlink (duplicates its thread page)");
  // ?pid=N alone (MyBB's showthread.php?pid=N, vBulletin's showpost.php?postid=N): one post,
  // shown by a page the crawl reads under its thread's address.
  for (const char* post : {"pid", "postid", "post_id", "commentid"})
    if (keys.size() == 1 && keys.front() == post) return std::string("?") + post + "= post permalink without its thread";
  return std::nullopt;
}

// The print, lite and mobile views engines print of each page the crawl reads in full:
// ?action=printpage and ;wap2 (SMF), &view=print (phpBB 3.0), ?do=print (Invision),
// printthread.php (vBulletin, MyBB), /t/slug/N/print (Discourse), archive/index.php
// (vBulletin's and MyBB's lite archives), lofiversion (Invision 2).
std::optional<std::string> view_trap(const std::vector<std::string>& keys, const std::vector<std::string>& segs,
                                     std::string_view query) {
  for (const char* key : {"print", "printable", "printview", "wap", "wap2", "imode"})
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) return std::string("?") + key + " print or mobile view";
  std::string lower = boost::algorithm::to_lower_copy(std::string(query));
  std::replace(lower.begin(), lower.end(), ';', '&');
  for (const auto& pair : split(lower, '&')) {
    const std::string value = pair.substr(pair.find('=') + 1);
    if (pair.find('=') != std::string::npos && (value == "print" || value == "printpage" || value == "printable"))
      return "?" + pair + " print view";
  }
  auto has = [&](std::string_view name) { return std::find(segs.begin(), segs.end(), name) != segs.end(); };
  if (has("printthread.php") || has("printthread") || has("printview") || has("lofiversion"))
    return std::string("print or lite view");
  if (segs.size() > 1 && segs.back() == "print") return std::string("/print view");
  for (std::size_t i = 0; i + 1 < segs.size(); ++i)
    if (segs[i] == "archive" && segs[i + 1] == "index.php") return std::string("archive/index.php lite view");
  return std::nullopt;
}

std::optional<std::string> path_trap(const std::vector<std::string>& segs) {
  auto has = [&](std::string_view name) {
    return std::find(segs.begin(), segs.end(), name) != segs.end();
  };
  if (has("wp-json")) return "/wp-json/ REST API or oEmbed";
  if (has("wp-admin")) return "/wp-admin/ dashboard";
  if (has("wp-login.php")) return "wp-login.php login page";
  if (has("xmlrpc.php")) return "xmlrpc.php endpoint";
  if (has("amp")) return "/amp/ AMP duplicate";
  if (has("trackback")) return "/trackback/ endpoint";
  if (has("embed")) return "/embed/ post embed";
  // The site's feed of new posts (/feed/) and of the newest comments (/comments/feed/) are
  // change signals for `fora update`; every other /feed/ is a per-post, category, tag or
  // format copy.
  const bool site_feed = segs == std::vector<std::string>{"feed"} ||
                         segs == std::vector<std::string>{"comments", "feed"};
  if (has("feed") && !site_feed) return "/feed/ variant other than the site's feeds";
  if (has("search")) return "/search/ results";
  if (has("calendar") || has("calendar.php")) return "calendar";
  if (is_date_archive(segs)) return "date archive";
  return std::nullopt;
}

// Addresses that grow without end on any engine: relative links that stack a path on itself
// (/a/b/a/b/a/b/), parameters appended again and again, or simply a size no page needs.
std::optional<std::string> growth_trap(std::string_view path_and_query,
                                       const std::vector<std::string>& segs,
                                       const std::vector<std::string>& keys) {
  if (path_and_query.size() > 1024) return "an address over 1024 characters";
  if (segs.size() > 16) return "a path of more than 16 segments";
  for (const std::string& seg : segs)
    if (std::count(segs.begin(), segs.end(), seg) >= 3) return "a path segment repeated three times";
  for (const std::string& key : keys)
    if (std::count(keys.begin(), keys.end(), key) >= 3) return "a query parameter repeated three times";
  if (keys.size() > 12) return "a query of more than 12 parameters";
  return std::nullopt;
}

}  // namespace

namespace {

// A URL's path and query, and their parts as the rules read them.
struct Parts {
  std::string path_and_query;
  std::string_view query;
  std::vector<std::string> segs, keys;
  explicit Parts(std::string_view url) : path_and_query(url_path_and_query(url)) {
    const std::size_t q = path_and_query.find('?');
    const std::string_view pq = path_and_query;
    query = q == std::string::npos ? std::string_view() : pq.substr(q + 1);
    segs = path_segments(pq.substr(0, q));
    keys = query_keys(query);
  }
};

}  // namespace

std::optional<std::string> growth_trap_reason(std::string_view url) {
  const Parts u(url);
  return growth_trap(u.path_and_query, u.segs, u.keys);
}

std::optional<std::string> trap_reason(std::string_view url) {
  const Parts u(url);
  if (auto reason = growth_trap(u.path_and_query, u.segs, u.keys)) return reason;
  if (auto reason = query_trap(u.keys, u.segs, u.query)) return reason;
  if (auto reason = view_trap(u.keys, u.segs, u.query)) return reason;
  return path_trap(u.segs);
}

}  // namespace fora::crawler
