// The blog fora-benchsite writes, as data: its posts with their comments, categories and tags,
// made from a seed, and the same blog a day later (new, edited and deleted comments, a new
// post) for the update benches. blog_pages.h and blog_feeds.h turn it into files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "site_text.h"

namespace fora::bench {

// splitmix64: a fixed generator, so the site is the same with every standard library.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
};

struct Term {
  std::string name, slug;
};

extern const std::vector<Term> kCategories;

struct Comment {
  int id = 0, parent = 0, depth = 1;
  std::string author;
  std::int64_t date = 0;
  std::string html;  // the comment's paragraphs
};

struct Thread {
  int id = 0;
  std::string title, slug, path;  // path: "/2019/03/14/slug/"
  std::string author;
  std::int64_t date = 0;
  std::vector<int> categories, tags;
  std::string content;            // the post's paragraphs
  std::vector<Comment> comments;  // in page order: each top-level one followed by its replies
  std::vector<std::vector<Comment>> pages;  // comments split into comment pages
};

// The site's text helpers (site_text.h); html_escape() escapes as WordPress's esc_html() does.
using site::html_escape;
using site::slugify;
using site::utc;

// Where WordPress's get_comment_link() points: the comment's page (page 1 is the post's
// own address when the first page is shown first) and its anchor.
std::string comment_link(const Thread& t, const Comment& c);

// The blog as Options make it: the threads from the seed, then, when asked, the changes of a
// day later, which changes() describes for the bench that checks a crawler saw them.
class Blog {
 public:
  struct Options {
    int threads = 10000;
    std::uint64_t seed = 1;
    double change_percent = 0;
    int new_comments = 0;
    int busy_post_comments = 0;
    std::int64_t change_time = 0;
    bool lastmod_is_publish = false;
  };

  explicit Blog(const Options& o);

  const std::vector<Thread>& threads() const { return threads_; }
  const std::vector<Term>& tags() const { return tags_; }
  const std::vector<std::int64_t>& last_change() const { return last_change_; }
  // changes.json of a changed blog: which threads and comments the day changed; empty when
  // nothing did.
  const std::string& changes() const { return changes_; }

 private:
  void make_tags();
  void make_threads(int n);
  void publish_new_thread(Random& pick, std::int64_t when, int& next_comment, std::string& added);
  void change(double percent, std::int64_t when);
  void live(int n, std::int64_t when);
  void live_on_busy_post(int n, std::int64_t when);

  Random random_;
  std::vector<Term> tags_;
  std::vector<Thread> threads_;
  std::vector<std::int64_t> last_change_;  // per thread: its sitemap <lastmod>
  std::string changes_;
};

}  // namespace fora::bench
