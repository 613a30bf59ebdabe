// fora-benchsite --out DIR --template PAGE [--threads N] [--seed S] [--change-percent P [--change-time T]]
// Writes a large WordPress-like blog as static files for tools/bench/crawl (and the archive
// and update benches): N threads (default 10,000) with their comments, 50 to a page
// (comment-page-2/ and on, and the comment-page-1/ copy WordPress links to from page 2),
// the home listing with /page/N/, categories and tags with their pages, and on every comment
// the ?replytocom= link that WordPress prints (a trap: the same page again). The markup is
// Twenty Twenty-One's as WordPress 6.1 renders it: the head, header and footer are cut from
// PAGE, a real page of data/sample-site, and the posts, comments and listings follow the
// markup of those pages. Deterministic: the same arguments write the same bytes.
// Also writes DIR/pages.txt (every page a complete crawl must fetch, one path a line) and
// DIR/truth.json (counts), and the WordPress core sitemaps (wp-sitemap.xml, 2,000 posts per
// wp-sitemap-posts-post-N.xml, named in robots.txt) with each post's <lastmod>: when its
// thread last changed, as sitemap plugins (Yoast, Rank Math) and forum engines (XenForo,
// Discourse, vBulletin) print it.
// --change-percent P writes the same site a day later (or at --change-time T, Unix seconds:
// changes a crawler is to see must be later than its visit), for tools/bench/update: P% of
// the threads (spread over all of them, old and new) each get a new comment, an edited
// comment and a deleted one, and one new thread is published; DIR/changes.json lists them.
// --new-comments N writes it a day later as a living blog changes: N new comments on old
// posts (on a post's last comment page, and replies to comments on middle pages) and a new
// post with 3 comments; nothing edited or deleted.
// --busy-post-comments N writes it a day later with N new comments on the post with the most
// comment pages, alternately on its last page and replies on a middle page (then on the
// pages before it), all at the change time.
// Every page names the comments feed (/comments/feed/: the 10 newest comments, as WordPress's
// feed-rss2-comments.php prints them, each linking to its comment page), and a post's pages
// name the post's own (/slug/feed/: its 10 newest comments). --sitemap-lastmod
// publish prints each post's publication date as its <lastmod> (WordPress core's sitemaps,
// which no comment moves), instead of when its thread last changed.
//
// The blog as data and its changes: blog_model.h; its pages: blog_pages.h; its feeds and
// sitemaps: blog_feeds.h. This file reads the options.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>

#include "blog_model.h"
#include "blog_pages.h"

namespace fs = std::filesystem;

namespace {

int usage(const std::string& why) {
  std::cerr << "fora-benchsite: " << why
            << "\nusage: fora-benchsite --out DIR --template PAGE [--threads N] [--seed S]\n"
               "                      [--change-percent P | --new-comments N | --busy-post-comments N] [--change-time T]\n"
               "                      [--sitemap-lastmod changed|publish]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out, shell_page;
  fora::bench::Blog::Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("option " + arg + " wants a value");
    const std::string value = argv[++i];
    if (arg == "--out") out = value;
    else if (arg == "--template") shell_page = value;
    else if (arg == "--threads") o.threads = std::atoi(value.c_str());
    else if (arg == "--seed") o.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (arg == "--change-percent") o.change_percent = std::atof(value.c_str());
    else if (arg == "--new-comments") o.new_comments = std::atoi(value.c_str());
    else if (arg == "--busy-post-comments") o.busy_post_comments = std::atoi(value.c_str());
    else if (arg == "--change-time") o.change_time = std::atoll(value.c_str());
    else if (arg == "--sitemap-lastmod" && (value == "changed" || value == "publish")) o.lastmod_is_publish = value == "publish";
    else return usage("unknown option or value " + arg + " " + value);
  }
  if (out.empty() || shell_page.empty() || o.threads < 1) return usage("--out and --template are needed");
  try {
    if (o.change_percent < 0 || o.change_percent > 100) return usage("--change-percent is between 0 and 100");
    if ((o.change_percent > 0) + (o.new_comments > 0) + (o.busy_post_comments > 0) > 1)
      return usage("one of --change-percent, --new-comments and --busy-post-comments");
    fora::bench::Shell shell = fora::bench::read_shell(shell_page);
    const fora::bench::Blog blog(o);
    fora::bench::Site(out, std::move(shell), blog).write();
  } catch (const std::exception& e) {
    std::cerr << "fora-benchsite: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
