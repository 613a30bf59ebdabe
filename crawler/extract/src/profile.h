// A site profile: how to recognise an engine's pages and where its thread, post and
// comments sit, as XPath over the HTML tree. Loaded from data/profiles/<name>.toml (the
// format is documented in data/profiles/README.md); immutable once loaded.
#pragma once

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "date_text.h"
#include "fora/result.h"
#include "xpath/xpath_query.h"

namespace fora::extract {

// A value read by trying XPath alternatives in order; the first that yields a string the
// regex accepts wins. With a regex, its first capture group (or the whole match) is the
// value.
struct Field {
  std::vector<XPathQuery> xpaths;
  std::optional<std::regex> regex;
  bool empty() const { return xpaths.empty(); }
};

struct UrlRewrite {
  std::regex pattern;
  std::string replacement;  // std::regex_replace format ("$1")
};

struct Profile {
  std::string name;
  std::string file;                          // where it was loaded from
  DateOrder date_order = DateOrder::Auto;    // top-level date_order = "auto" | "dmy" | "mdy"
  // base = "schema.org": the entries come from the page's structured data and the profile
  // only adds match and crawl rules and overrides thread-level fields.
  bool schema_org_base = false;

  // [match]: any one criterion is enough. `match_rules` says them in words ("generator
  // '^phpBB'"), for `fora profiles`.
  std::vector<std::string> match_rules;
  std::optional<std::regex> generator;   // on <meta name="generator" content>
  std::optional<std::regex> body_class;  // on <body class>
  std::vector<XPathQuery> markers;       // true / non-empty result
  std::vector<std::regex> urls;          // on the page URL

  // [thread]: relative to the post node when there is one, else to the document.
  Field thread_id;
  Field thread_url;
  std::vector<UrlRewrite> thread_url_rewrites;
  Field title;
  Field categories;
  Field tags;
  Field next_page;
  // Page 2..N of a thread: any of these XPaths true, or the page URL matching a regex. Such
  // a page carries no opening post in engines whose opening post is the first post listed.
  std::vector<XPathQuery> later_page;
  std::vector<std::regex> later_page_urls;

  // [post]
  // Forums list the opening post like every reply: with first_comment, the first comment
  // node of a thread's first page is the opening post (node and fields below unused).
  bool first_comment = false;
  std::vector<XPathQuery> post_node;
  Field post_author;
  Field post_date;
  Field post_body;
  std::vector<XPathQuery> post_exclude;

  // [comment]: fields relative to each comment node.
  std::vector<XPathQuery> comment_nodes;
  Field comment_id;
  Field comment_author;
  Field comment_date;
  Field comment_body;
  Field comment_parent;  // empty: the nearest enclosing comment node is the parent
  bool flat = false;     // forums: entries never nest, an enclosing node is no parent
  // Threads drawn flat with an indent (Hacker News): a number that grows with the reply
  // depth; the parent is the nearest earlier comment with a smaller one.
  Field comment_depth;
  std::vector<XPathQuery> comment_exclude;
  Field comment_edited;                   // when the entry was last edited
  std::vector<XPathQuery> quote_nodes;    // relative to the body; default: <blockquote>
  Field quote_author;                     // relative to a quote node (data-author, cite)
  std::string comment_anchor = "comment-{id}";  // Entry::url fragment; {id} = native id

  // [crawl]: which links of this engine's pages lead on. Regexes are searched in the link's
  // path and query ("/viewtopic.php?t=5").
  struct Crawl {
    std::vector<std::regex> follow;        // when given, only links that match lead on
    std::vector<std::regex> skip;          // traps and noise: reply, quote, login, sorting...
    std::vector<std::string> strip_params; // query parameters to drop (session ids), lowercase
    // Applied in order to each link after strip_params, before skip and follow: the spelling
    // of a page that holds what the linked one only loads by script (HyperKitty's ?noscript).
    std::vector<UrlRewrite> url_rewrites;
    std::vector<std::string> feeds;        // feed paths that list new threads ("/feed.php")
    // Feeds the page names, found where it names them (a <link rel="alternate"> in its head),
    // so that a site installed under a folder or without pretty URLs is served too:
    // WordPress's comments feed, the signal of new comments on old posts.
    Field feed_links;
    // The href of a thread page's own feed of its newest entries (WordPress's post comments
    // feed, named by feed_links_extra() on a singular page): ThreadPage::feed. Read on
    // demand by an update, never followed as a link.
    Field thread_feed;
    bool empty() const {
      return follow.empty() && skip.empty() && strip_params.empty() && url_rewrites.empty();
    }
  } crawl;
};

// Reads one profile file. Errors: InvalidArgument naming the file and key (TOML syntax, a
// wrong type, an XPath or regex that does not compile); Io when unreadable.
Result<Profile> load_profile(const std::filesystem::path& file);

}  // namespace fora::extract
