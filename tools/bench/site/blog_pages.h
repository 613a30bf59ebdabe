// The blog's pages as Twenty Twenty-One prints them under WordPress 6.1: each post with its
// comment pages, the home, category and tag listings with their pages, all in the head,
// header and footer of a real page of data/sample-site; and the files a bench reads to know
// what a complete crawl fetches (pages.txt, truth.json) and what a day changed (changes.json).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "blog_model.h"

namespace fora::bench {

// The page around <main>: the template's head and header before it, its footer after, with
// the links to files this site does not have (stylesheets, scripts, oembed, a private page)
// taken out, so that a crawler asks only for pages.
struct Shell {
  std::string before_main, between_main_and_aside, after_aside;
};

Shell read_shell(const std::filesystem::path& page);

std::string iso(std::int64_t t);

void write_file(const std::filesystem::path& p, std::string_view body);

// The site of `blog` under `out`, one index.html a page.
class Site {
 public:
  Site(std::filesystem::path out, Shell shell, const Blog& blog);

  // Every page, the feeds and sitemaps, robots.txt, pages.txt and truth.json, and
  // changes.json when the blog changed; says on stdout how much it wrote.
  void write();

 private:
  std::vector<std::size_t> all_thread_indexes() const;
  std::vector<std::size_t> with_term(std::vector<int> Thread::*field, int term) const;
  std::string term_links(const Thread& t) const;
  std::string article_classes(const Thread& t) const;
  std::string aside() const;
  // A page of the site; `own_feed`, on a post's pages, is the post's comments feed, which
  // feed_links_extra() names after feed_links()' (wp-includes/general-template.php).
  std::string page(const std::string& title, const std::string& main, const std::string& own_feed = "") const;
  void emit(const std::string& path, const std::string& html);
  std::string comment_html(const Thread& t, const Comment& c) const;
  std::string comment_list(const Thread& t, const std::vector<Comment>& comments) const;
  std::string comment_nav(const Thread& t, std::size_t page_number) const;
  void write_thread(std::size_t index);
  void write_listing(const std::string& base, const std::string& heading, const std::vector<std::size_t>& ids);

  std::filesystem::path out_;
  Shell shell_;
  const Blog& blog_;
  const std::vector<Thread>& threads_;
  const std::vector<Term>& tags_;
  std::vector<std::string> pages_;  // every page emitted, for pages.txt
  std::size_t bytes_ = 0;
};

}  // namespace fora::bench
