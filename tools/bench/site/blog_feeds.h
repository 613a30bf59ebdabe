// What a blog tells a crawler about its changes without a page read: the comments feeds (the
// site's and each post's) and the WordPress core sitemaps (wp-sitemap.xml, 2,000 posts per
// wp-sitemap-posts-post-N.xml) with each post's <lastmod>.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "blog_model.h"

namespace fora::bench {

class Feeds {
 public:
  Feeds(std::filesystem::path out, const Blog& blog);

  // /comments/feed/: the site's newest comments.
  void write_comments_feed() const;
  // /slug/feed/: the post's own newest comments, which each of its pages names in its head.
  void write_post_comments_feed(const Thread& t) const;
  void write_sitemaps() const;

 private:
  using Commented = std::pair<const Thread*, const Comment*>;

  static std::string rfc822(std::int64_t t);
  std::string comments_feed(std::vector<Commented> all, const std::string& self, const Thread* post) const;
  static std::string excerpt_of(const Comment& c);

  std::filesystem::path out_;
  const std::vector<Thread>& threads_;
  const std::vector<std::int64_t>& last_change_;  // per thread: its sitemap <lastmod>
};

}  // namespace fora::bench
