#include "blog_pages.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "blog_feeds.h"

namespace fora::bench {

namespace fs = std::filesystem;

namespace {

// As WordPress prints dates: "August 4, 2023", "August 4, 2023 at 12:15 pm".
std::string shown_date(std::int64_t t, bool with_time) {
  if (!with_time) return utc(t, "%B %-d, %Y");
  return utc(t, "%B %-d, %Y at %-I:%M ") + (utc(t, "%H") < "12" ? "am" : "pm");
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string drop_lines_with(const std::string& text, std::initializer_list<std::string_view> needles) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    bool drop = false;
    for (auto n : needles) drop = drop || line.find(n) != std::string::npos;
    if (!drop) out += line + "\n";
  }
  return out;
}

}  // namespace

std::string iso(std::int64_t t) { return utc(t, "%Y-%m-%dT%H:%M:%S+00:00"); }

void write_file(const fs::path& p, std::string_view body) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << body;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

Shell read_shell(const fs::path& page) {
  const std::string html = read_file(page);
  const auto main_open = html.find("<main");
  const auto main_body = html.find('>', main_open);
  const auto main_close = html.find("</main>");
  const auto aside_open = html.find("<aside");
  const auto aside_close = html.find("</aside>");
  if (main_open == std::string::npos || main_close == std::string::npos ||
      aside_open == std::string::npos || aside_close == std::string::npos) {
    throw std::runtime_error(page.string() + " is not a Twenty Twenty-One page (no <main>/<aside>)");
  }
  Shell s;
  s.before_main = drop_lines_with(html.substr(0, main_body + 1),
                                  {"<link ", "<script src", "/private-notes/", "wp-json"});
  // The comments feed that WordPress's feed_links() names on every page.
  const auto head_end = s.before_main.find("</head>");
  if (head_end != std::string::npos)
    s.before_main.insert(head_end, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Orbital Notes &raquo; Comments Feed\" href=\"/comments/feed/\" />\n");
  s.between_main_and_aside = html.substr(main_close, aside_open - main_close);
  s.after_aside = drop_lines_with(html.substr(aside_close), {"<script src"});
  return s;
}

Site::Site(fs::path out, Shell shell, const Blog& blog)
    : out_(std::move(out)), shell_(std::move(shell)), blog_(blog), threads_(blog.threads()), tags_(blog.tags()) {}

void Site::write() {
  if (!blog_.changes().empty()) write_file(out_ / "changes.json", blog_.changes());
  const Feeds feeds(out_, blog_);
  for (std::size_t i = 0; i < threads_.size(); ++i) write_thread(i);
  for (const Thread& t : threads_) feeds.write_post_comments_feed(t);
  write_listing("/", "", all_thread_indexes());
  for (std::size_t c = 0; c < kCategories.size(); ++c)
    write_listing("/category/" + kCategories[c].slug + "/", "Category: " + kCategories[c].name,
                  with_term(&Thread::categories, static_cast<int>(c)));
  for (std::size_t t = 0; t < tags_.size(); ++t)
    write_listing("/tag/" + tags_[t].slug + "/", "Tag: " + tags_[t].name,
                  with_term(&Thread::tags, static_cast<int>(t)));
  feeds.write_sitemaps();
  feeds.write_comments_feed();
  write_file(out_ / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: /wp-sitemap.xml\n");
  std::string list;
  for (const auto& p : pages_) list += p + "\n";
  write_file(out_ / "pages.txt", list);
  std::size_t comments = 0;
  for (const auto& t : threads_) comments += t.comments.size();
  write_file(out_ / "truth.json",
             "{\"threads\": " + std::to_string(threads_.size()) + ", \"comments\": " +
                 std::to_string(comments) + ", \"pages\": " + std::to_string(pages_.size()) +
                 ", \"bytes\": " + std::to_string(bytes_) + "}\n");
  std::cout << "wrote " << pages_.size() << " pages (" << threads_.size() << " threads, "
            << comments << " comments, " << bytes_ / std::max<std::size_t>(1, pages_.size()) / 1024
            << " KiB mean) to " << out_.string() << "\n";
}

std::vector<std::size_t> Site::all_thread_indexes() const {
  std::vector<std::size_t> v(threads_.size());
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = v.size() - 1 - i;  // newest first
  return v;
}

std::vector<std::size_t> Site::with_term(std::vector<int> Thread::*field, int term) const {
  std::vector<std::size_t> v;
  for (std::size_t i = threads_.size(); i-- > 0;) {
    const auto& terms = threads_[i].*field;
    if (std::find(terms.begin(), terms.end(), term) != terms.end()) v.push_back(i);
  }
  return v;
}

std::string Site::term_links(const Thread& t) const {
  std::string s = "<div class=\"post-taxonomies\"><span class=\"cat-links\">Categorized as ";
  for (std::size_t i = 0; i < t.categories.size(); ++i) {
    const auto& c = kCategories[t.categories[i]];
    s += (i ? ", " : "") + std::string("<a href=\"/category/") + c.slug + "/\" rel=\"category tag\">" + c.name + "</a>";
  }
  s += " </span><span class=\"tags-links\">Tagged ";
  for (std::size_t i = 0; i < t.tags.size(); ++i) {
    const auto& g = tags_[t.tags[i]];
    s += (i ? ", " : "") + std::string("<a href=\"/tag/") + g.slug + "/\" rel=\"tag\">" + html_escape(g.name) + "</a>";
  }
  return s + "</span></div>";
}

std::string Site::article_classes(const Thread& t) const {
  std::string s = "post-" + std::to_string(t.id) + " post type-post status-publish format-standard hentry";
  for (int c : t.categories) s += " category-" + kCategories[c].slug;
  for (int g : t.tags) s += " tag-" + tags_[g].slug;
  return s + " entry";
}

std::string Site::aside() const {
  std::string s = "<aside class=\"widget-area\">\n\t\t<section id=\"block-3\" class=\"widget widget_block\"><h2>Recent Posts</h2><ul class=\"wp-block-latest-posts__list wp-block-latest-posts\">";
  for (std::size_t i = 0; i < 5 && i < threads_.size(); ++i) {
    const Thread& t = threads_[threads_.size() - 1 - i];
    s += "<li><a class=\"wp-block-latest-posts__post-title\" href=\"" + t.path + "\">" + html_escape(t.title) + "</a></li>\n";
  }
  s += "</ul></section><section id=\"block-6\" class=\"widget widget_block\"><div class=\"is-layout-flow wp-block-group\"><div class=\"wp-block-group__inner-container\"><h2>Categories</h2><ul class=\"wp-block-categories-list wp-block-categories\">";
  for (std::size_t c = 0; c < kCategories.size(); ++c)
    s += "\t<li class=\"cat-item cat-item-" + std::to_string(c + 2) + "\"><a href=\"/category/" + kCategories[c].slug + "/\">" + kCategories[c].name + "</a>\n</li>\n";
  s += "</ul></div></div></section><section id=\"block-7\" class=\"widget widget_block widget_tag_cloud\"><p class=\"wp-block-tag-cloud\">";
  for (std::size_t g = 0; g < tags_.size(); ++g)
    s += "<a href=\"/tag/" + tags_[g].slug + "/\" class=\"tag-cloud-link tag-link-" + std::to_string(g + 10) + "\" style=\"font-size: 8pt;\" aria-label=\"" + html_escape(tags_[g].name) + "\">" + html_escape(tags_[g].name) + "</a>\n";
  return s + "</p></section>\t";
}

std::string Site::page(const std::string& title, const std::string& main, const std::string& own_feed) const {
  std::string head = shell_.before_main;
  const auto a = head.find("<title>"), b = head.find("</title>");
  if (a != std::string::npos && b != std::string::npos)
    head.replace(a + 7, b - a - 7, html_escape(title) + " &#8211; Orbital Notes");
  if (const auto end = head.find("</head>"); !own_feed.empty() && end != std::string::npos)
    head.insert(end, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Orbital Notes &raquo; " + html_escape(title) +
                         " Comments Feed\" href=\"" + own_feed + "\" />\n");
  return head + "\n" + main + shell_.between_main_and_aside + aside() + shell_.after_aside;
}

void Site::emit(const std::string& path, const std::string& html) {
  write_file(out_ / (path.substr(1) + "index.html"), html);
  pages_.push_back(path);
  bytes_ += html.size();
}

std::string Site::comment_html(const Thread& t, const Comment& c) const {
  const std::string id = std::to_string(c.id);
  std::string s = "\t\t<li id=\"comment-" + id + "\" class=\"comment " + (c.id % 2 ? "odd alt" : "even") +
                  " depth-" + std::to_string(c.depth) + "\">\n"
                  "\t\t\t<article id=\"div-comment-" + id + "\" class=\"comment-body\">\n"
                  "\t\t\t\t<footer class=\"comment-meta\">\n\t\t\t\t\t<div class=\"comment-author vcard\">\n"
                  "\t\t\t\t\t\t<img alt='' src='http://0.gravatar.com/avatar/" + std::to_string(static_cast<std::int64_t>(c.id) * 7919) +
                  "?s=60&#038;d=mm&#038;r=g' class='avatar avatar-60 photo' height='60' width='60' loading='lazy' decoding='async'/>"
                  "\t\t\t\t\t\t<b class=\"fn\">" + html_escape(c.author) + "</b> <span class=\"says\">says:</span>\t\t\t\t\t</div><!-- .comment-author -->\n\n"
                  "\t\t\t\t\t<div class=\"comment-metadata\">\n\t\t\t\t\t\t<a href=\"" + t.path + "#comment-" + id +
                  "\"><time datetime=\"" + iso(c.date) + "\">" + shown_date(c.date, true) +
                  "</time></a>\t\t\t\t\t</div><!-- .comment-metadata -->\n\n\t\t\t\t\t\t\t\t\t</footer><!-- .comment-meta -->\n\n"
                  "\t\t\t\t<div class=\"comment-content\">\n\t\t\t\t\t" + c.html +
                  "\t\t\t\t</div><!-- .comment-content -->\n\n"
                  "\t\t\t\t<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' href='" + t.path +
                  "?replytocom=" + id + "#respond' data-commentid=\"" + id + "\" data-postid=\"" + std::to_string(t.id) +
                  "\" data-belowelement=\"div-comment-" + id + "\" data-respondelement=\"respond\" data-replyto=\"Reply to " +
                  html_escape(c.author) + "\" aria-label='Reply to " + html_escape(c.author) + "'>Reply</a></div>\t\t\t</article><!-- .comment-body -->\n";
  return s;
}

std::string Site::comment_list(const Thread& t, const std::vector<Comment>& comments) const {
  std::string s = "\t\t<ol class=\"comment-list\">\n";
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const Comment& c = comments[i];
    const bool has_children = i + 1 < comments.size() && comments[i + 1].parent == c.id;
    s += comment_html(t, c);
    if (c.depth == 1 && has_children) {
      s += "\t\t<ol class=\"children\">\n";
      while (i + 1 < comments.size() && comments[i + 1].parent == c.id) {
        s += comment_html(t, comments[++i]) + "\t\t</li><!-- #comment-## -->\n";
      }
      s += "</ol><!-- .children -->\n";
    }
    s += "</li><!-- #comment-## -->\n";
  }
  return s + "\t\t</ol><!-- .comment-list -->\n";
}

std::string Site::comment_nav(const Thread& t, std::size_t page_number) const {
  const std::size_t pages = t.pages.size();
  if (pages < 2) return "";
  std::string s = "\n\t<nav class=\"navigation comments-pagination\" aria-label=\"Comments\">\n\t\t<h2 class=\"screen-reader-text\">Comments navigation</h2>\n\t\t<div class=\"nav-links\">";
  if (page_number > 1)
    s += "<a class=\"prev page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(page_number - 1) + "/#comments\">Older comments</a>\n";
  for (std::size_t p = 1; p <= pages; ++p) {
    if (p == page_number) s += "<span aria-current=\"page\" class=\"page-numbers current\">Page " + std::to_string(p) + "</span>\n";
    else s += "<a class=\"page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(p) + "/#comments\">Page " + std::to_string(p) + "</a>\n";
  }
  if (page_number < pages)
    s += "<a class=\"next page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(page_number + 1) + "/#comments\"><span class=\"nav-next-text\">Newer comments</span></a>";
  return s + "</div>\n\t</nav>\n";
}

void Site::write_thread(std::size_t index) {
  const Thread& t = threads_[index];
  for (std::size_t p = 1; p <= t.pages.size(); ++p) {
    std::string main =
        "<article id=\"post-" + std::to_string(t.id) + "\" class=\"" + article_classes(t) + "\">\n\n"
        "\t<header class=\"entry-header alignwide\">\n\t\t<h1 class=\"entry-title\">" + html_escape(t.title) +
        "</h1>\t\t\t</header><!-- .entry-header -->\n\n\t<div class=\"entry-content\">\n\t\t" + t.content +
        "\t</div><!-- .entry-content -->\n\n\t<footer class=\"entry-footer default-max-width\">\n\t\t<div class=\"posted-by\"><span class=\"posted-on\">Published <time class=\"entry-date published updated\" datetime=\"" +
        iso(t.date) + "\">" + shown_date(t.date, false) + "</time></span><span class=\"byline\">By " + html_escape(t.author) +
        "</span></div>" + term_links(t) + "\t</footer><!-- .entry-footer -->\n\n\t\t\t\t\n</article><!-- #post-" + std::to_string(t.id) + " -->\n\n"
        "<div id=\"comments\" class=\"comments-area default-max-width show-avatars\">\n\n";
    if (!t.comments.empty()) {
      main += "\t\t\t<h2 class=\"comments-title\">\n\t\t\t\t\t\t\t" + std::to_string(t.comments.size()) +
              " comments\t\t\t\t\t</h2><!-- .comments-title -->\n\n" + comment_list(t, t.pages[p - 1]) + comment_nav(t, p);
    }
    main += "\t\t<div id=\"respond\" class=\"comment-respond\">\n\t\t<h2 id=\"reply-title\" class=\"comment-reply-title\">Leave a comment</h2><form action=\"/wp-comments-post.php\" method=\"post\" id=\"commentform\" class=\"comment-form\" novalidate><p class=\"comment-form-comment\"><label for=\"comment\">Comment <span class=\"required\">*</span></label> <textarea id=\"comment\" name=\"comment\" cols=\"45\" rows=\"5\" maxlength=\"65525\" required></textarea></p><p class=\"form-submit\"><input name=\"submit\" type=\"submit\" id=\"submit\" class=\"submit\" value=\"Post Comment\" /> <input type='hidden' name='comment_post_ID' value='" +
            std::to_string(t.id) + "' id='comment_post_ID' />\n</p></form>\t</div><!-- #respond -->\n\t\n</div><!-- #comments -->\n\n";
    main += "\t<nav class=\"navigation post-navigation\" aria-label=\"Posts\">\n\t\t<h2 class=\"screen-reader-text\">Post navigation</h2>\n\t\t<div class=\"nav-links\">";
    if (index > 0)
      main += "<div class=\"nav-previous\"><a href=\"" + threads_[index - 1].path + "\" rel=\"prev\"><p class=\"meta-nav\">Previous post</p><p class=\"post-title\">" + html_escape(threads_[index - 1].title) + "</p></a></div>";
    if (index + 1 < threads_.size())
      main += "<div class=\"nav-next\"><a href=\"" + threads_[index + 1].path + "\" rel=\"next\"><p class=\"meta-nav\">Next post</p><p class=\"post-title\">" + html_escape(threads_[index + 1].title) + "</p></a></div>";
    main += "</div>\n\t</nav>";
    const std::string html = page(t.title, main, t.path + "feed/");
    if (p == 1) emit(t.path, html);
    // Page 1 is also served as comment-page-1/, which page 2 links to.
    if (p > 1 || t.pages.size() > 1) emit(t.path + "comment-page-" + std::to_string(p) + "/", html);
  }
}

void Site::write_listing(const std::string& base, const std::string& heading, const std::vector<std::size_t>& ids) {
  constexpr std::size_t kPerPage = 10;
  const std::size_t pages = std::max<std::size_t>(1, (ids.size() + kPerPage - 1) / kPerPage);
  for (std::size_t p = 1; p <= pages; ++p) {
    std::string main;
    if (!heading.empty())
      main += "<header class=\"page-header alignwide\">\n\t<h1 class=\"page-title\">" + html_escape(heading) + "</h1>\n</header><!-- .page-header -->\n";
    for (std::size_t i = (p - 1) * kPerPage; i < std::min(ids.size(), p * kPerPage); ++i) {
      const Thread& t = threads_[ids[i]];
      std::string excerpt = t.content.substr(3, std::min<std::size_t>(400, t.content.find("</p>") - 3));
      main += "<article id=\"post-" + std::to_string(t.id) + "\" class=\"" + article_classes(t) + "\">\n\n\t\n<header class=\"entry-header\">\n\t<h2 class=\"entry-title default-max-width\"><a href=\"" + t.path + "\">" + html_escape(t.title) +
              "</a></h2></header><!-- .entry-header -->\n\n\t<div class=\"entry-content\">\n\t\t<p>" + excerpt + "&hellip; <a class=\"more-link\" href=\"" + t.path + "\">Continue reading <span class=\"screen-reader-text\">" + html_escape(t.title) +
              "</span></a></p>\n\t</div><!-- .entry-content -->\n\n\t<footer class=\"entry-footer default-max-width\">\n\t\t<span class=\"posted-on\">Published <time class=\"entry-date published updated\" datetime=\"" + iso(t.date) + "\">" + shown_date(t.date, false) + "</time></span>" +
              term_links(t) + "\t</footer><!-- .entry-footer -->\n</article><!-- #post-${ID} -->\n\n";
    }
    if (pages > 1) {
      main += "\t<nav class=\"navigation pagination\" aria-label=\"Posts\">\n\t\t<h2 class=\"screen-reader-text\">Posts navigation</h2>\n\t\t<div class=\"nav-links\">";
      auto page_url = [&](std::size_t n) { return n == 1 ? base : base + "page/" + std::to_string(n) + "/"; };
      if (p > 1) main += "<a class=\"prev page-numbers\" href=\"" + page_url(p - 1) + "\">Newer posts</a>\n";
      for (std::size_t n : {std::size_t{1}, p - 1, p, p + 1, pages}) {
        if (n < 1 || n > pages) continue;
        main += n == p ? "<span aria-current=\"page\" class=\"page-numbers current\">" + std::to_string(n) + "</span>\n"
                       : "<a class=\"page-numbers\" href=\"" + page_url(n) + "\">" + std::to_string(n) + "</a>\n";
      }
      if (p < pages) main += "<a class=\"next page-numbers\" href=\"" + page_url(p + 1) + "\">Older posts</a>";
      main += "</div>\n\t</nav>";
    }
    emit(p == 1 ? base : base + "page/" + std::to_string(p) + "/", page(heading.empty() ? "Orbital Notes" : heading, main));
  }
}
}  // namespace fora::bench
