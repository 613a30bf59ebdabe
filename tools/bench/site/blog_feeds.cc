#include "blog_feeds.h"

#include <algorithm>

#include "blog_pages.h"

namespace fora::bench {

namespace fs = std::filesystem;

Feeds::Feeds(fs::path out, const Blog& blog)
    : out_(std::move(out)), threads_(blog.threads()), last_change_(blog.last_change()) {}

std::string Feeds::rfc822(std::int64_t t) { return utc(t, "%a, %d %b %Y %H:%M:%S +0000"); }

// A comments feed as wp-includes/feed-rss2-comments.php prints it: the 10 newest of
// `all` (posts_per_rss; the query takes no page number, class-wp-query.php), newest first,
// each linking to its comment page (get_comment_link()). `post` is the post of a singular
// feed (its title and items read "By: NAME"), else null for the whole site's.
std::string Feeds::comments_feed(std::vector<Commented> all, const std::string& self, const Thread* post) const {
  const std::size_t n = std::min<std::size_t>(10, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), [](const auto& a, const auto& b) {
    return a.second->date != b.second->date ? a.second->date > b.second->date : a.second->id > b.second->id;
  });
  std::string rss =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"\n\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
      "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\txmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
      "\txmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"\n\t>\n<channel>\n\t<title>\n\t" +
      (post ? "Comments on: " + html_escape(post->title) : std::string("Comments for Orbital Notes")) + "\t</title>\n"
      "\t<atom:link href=\"" + self + "\" rel=\"self\" type=\"application/rss+xml\" />\n\t<link>" + (post ? post->path : "/") + "</link>\n"
      "\t<description>Notes on spaceflight</description>\n\t<lastBuildDate>" +
      (n ? rfc822(all.front().second->date) : rfc822(post ? post->date : threads_.back().date)) +
      "</lastBuildDate>\n\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n";
  for (std::size_t i = 0; i < n; ++i) {
    const Thread& t = *all[i].first;
    const Comment& c = *all[i].second;
    const std::string link = comment_link(t, c);
    rss += "\t\t<item>\n\t\t\t<title>\n\t\t\t\t" + (post ? "By: " + html_escape(c.author) : "Comment on " + html_escape(t.title) + " by " + html_escape(c.author)) +
           "\t\t\t</title>\n\t\t\t<link>" + link + "</link>\n\n\t\t\t<dc:creator><![CDATA[" + c.author +
           "]]></dc:creator>\n\t\t\t<pubDate>" + rfc822(c.date) + "</pubDate>\n\t\t\t<guid isPermaLink=\"false\">" + link +
           "</guid>\n\t\t\t\t\t<description><![CDATA[" + excerpt_of(c) + "]]></description>\n\t\t<content:encoded><![CDATA[" +
           c.html + "]]></content:encoded>\n\n\t\t</item>\n";
  }
  return rss + "\t</channel>\n</rss>\n";
}

// comment_text_rss(): the comment's text without its markup.
std::string Feeds::excerpt_of(const Comment& c) {
  std::string text;
  bool in_tag = false;
  for (char ch : c.html) {
    if (ch == '<') in_tag = true;
    else if (ch == '>') in_tag = false;
    else if (!in_tag && ch != '\n') text += ch;
  }
  return text;
}

void Feeds::write_comments_feed() const {
  std::vector<Commented> all;
  for (const Thread& t : threads_)
    for (const Comment& c : t.comments) all.emplace_back(&t, &c);
  write_file(out_ / "comments/feed/index.xml", comments_feed(std::move(all), "/comments/feed/", nullptr));
}

void Feeds::write_post_comments_feed(const Thread& t) const {
  std::vector<Commented> all;
  for (const Comment& c : t.comments) all.emplace_back(&t, &c);
  write_file(out_ / (t.path.substr(1) + "feed/index.xml"), comments_feed(std::move(all), t.path + "feed/", &t));
}

void Feeds::write_sitemaps() const {
  constexpr std::size_t kPerSitemap = 2000;  // WordPress core's wp_sitemaps_get_max_urls()
  std::string index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (std::size_t first = 0, n = 1; first < threads_.size(); first += kPerSitemap, ++n) {
    const std::string name = "wp-sitemap-posts-post-" + std::to_string(n) + ".xml";
    index += "<sitemap><loc>/" + name + "</loc></sitemap>\n";
    std::string urls = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t i = first; i < std::min(threads_.size(), first + kPerSitemap); ++i)
      urls += "<url><loc>" + threads_[i].path + "</loc><lastmod>" + iso(last_change_[i]) + "</lastmod></url>\n";
    write_file(out_ / name, urls + "</urlset>\n");
  }
  write_file(out_ / "wp-sitemap.xml", index + "</sitemapindex>\n");
}
}  // namespace fora::bench
