// Discourse as a crawler or a browser without JavaScript gets it: the server-rendered views
// of app/views/list/list.erb (latest, category lists), categories/index and
// app/views/topics/show.html.erb (discourse/discourse), in the markup of the real pages in
// ../shared/fixtures/real/discourse (letsencrypt-longer-chain.html: div#topic-title,
// div.crawler-post#post_N with span.creator, time.post-time and itemprop position, cooked
// posts with aside.quote[data-username]; glamour-designertaschen.html: the header's sign-up
// and log-in buttons, the div[role=navigation] "next page" of a topic).
// The home page is "latest" (Discourse's default, site setting top_menu); lists page from 0
// (/latest?page=1 is the second page), topics from 1 (/t/slug/ID?page=2). A parent
// category's list shows its subcategories' topics too (default_list_filter "all").
// Usernames are the board's author names: the crawler view prints the username.
#include <algorithm>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

std::string dc_username(const std::string& author) { return slugify(author); }

std::string dc_user_link(const std::string& author) {
  return "<a itemprop=\"url\" rel='nofollow' href='/u/" + dc_username(author) + "'><span itemprop='name'>" + html_escape(author) + "</span></a>";
}

std::string dc_topic_path(const SiteTopic& t) { return "/t/" + slugify(t.title) + "/" + t.id; }

// /c/slug/ID, and /c/parent-slug/slug/ID for a subcategory.
std::string dc_category_path(const Forum& f) {
  std::string path = "/c/";
  if (f.parent) path += forum_by_id(f.parent).slug + "/";
  return path + f.slug + "/" + std::to_string(f.id);
}

std::string dc_category_badge(const Forum& f) {
  return "<a href='" + dc_category_path(f) + "' class='badge-wrapper bullet'><span class='badge-category-bg' style='background-color: #0088CC'></span>"
         "<span class='badge-category clear-badge'><span class='category-name'>" + html_escape(f.name) + "</span></span></a>";
}

// layouts/crawler.html.erb (the header of the glamour fixture: sign-up and log-in buttons).
std::string dc_head(const std::string& title, const std::string& canonical, const std::string& head_links) {
  return "<!DOCTYPE html>\n<html lang=\"en\" class=\"text-size-normal anon\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
         " - Test Community</title>\n<meta name=\"generator\" content=\"Discourse 3.4.0 - https://github.com/discourse/discourse version 1c4bd4c\">\n"
         "<link rel=\"canonical\" href=\"" + canonical + "\" />\n<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"Test Community Search\">\n" +
         head_links + "<meta property=\"og:title\" content=\"" + html_escape(title) + "\" />\n</head>\n<body class=\"crawler\">\n"
         "<header class=\"d-header\"><div class=\"wrap\"><div class=\"contents\"><div class=\"title\"><a href=\"/\">Test Community</a></div>"
         "<div class=\"panel\"><span class=\"header-buttons\"><a href=\"/signup\" class=\"btn btn-primary btn-small sign-up-button\">Sign Up</a>"
         " <a href=\"/login\" class=\"btn btn-primary btn-small login-button\">Log In</a></span>"
         " <a href=\"/search?expanded=true\">Search</a> <a href=\"/session/sso?return_path=%2F\">Single sign-on</a></div></div></div></header>\n"
         "<div id=\"main-outlet\" class=\"wrap\" role=\"main\">\n";
}

std::string dc_foot() {
  return "</div>\n<footer class=\"container wrap\">\n<nav class='crawler-nav'><ul>"
         "<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/' itemprop=\"url\">Home </a></span></li>"
         "<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/categories' itemprop=\"url\">Categories </a></span></li>"
         "<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/guidelines' itemprop=\"url\">Guidelines </a></span></li>"
         "<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/tos' itemprop=\"url\">Terms of Service </a></span></li>"
         "<li itemscope itemtype='http://schema.org/SiteNavigationElement'><span itemprop='name'><a href='/privacy' itemprop=\"url\">Privacy Policy </a></span></li>"
         "</ul></nav>\n<nav class='crawler-nav-extra'><a href='/about'>About</a> <a href='/faq'>FAQ</a> <a href='/badges'>Badges</a> <a href='/tags'>Tags</a>"
         " <a href='/top'>Top</a> <a href='/top?period=weekly'>Top this week</a> <a href='/latest'>Latest</a> <a href='/u'>Users</a></nav>\n"
         "<p class='powered-by-link'>Powered by <a href=\"https://www.discourse.org\">Discourse</a>, best viewed with JavaScript enabled</p>\n"
         "</footer>\n</body>\n</html>\n";
}

// The number of the post, 1-based within its topic (the crawler view's post_N and position):
// the board's post ids here.
int post_number(const SitePost& p) { return std::stoi(p.id); }

// The links writers put in posts, as the Markdown pipeline cooks them: a mention, a link to
// a post of the topic by number (/t/slug/ID/N) with the sharer's ?u=, the raw Markdown
// (/raw/ID/N, /posts/ID/raw), the print view and the last post. Each is a paragraph of the
// post: `text` gets its words (the post's words in the test's truth).
std::string dc_links_paragraph(const SiteTopic& t, int number, std::string* text) {
  const std::string path = dc_topic_path(t);
  const std::string first = dc_username(t.posts.front().author);
  if (number > 1 && number % 3 == 0) {
    if (text) *text = "See @" + first + " and this post.";
    return "<p>See <a class=\"mention\" href=\"/u/" + first + "\">@" + html_escape(first) + "</a> and <a href=\"" + path + "/" + std::to_string(number - 1) +
           "?u=" + first + "\">this post</a>.</p>";
  }
  if (number % 5 == 0) {
    if (text) *text = "The raw text, the markdown, the print view, a share and the last post.";
    return "<p>The <a href=\"/raw/" + t.id + "/" + std::to_string(number) + "\">raw</a> text, the <a href=\"/posts/" +
           std::to_string(std::stoi(t.id) * 100 + number) + "/raw\">markdown</a>, the <a href=\"" + path + "/print\">print view</a>, a <a href=\"" + path +
           "?u=" + first + "\">share</a> and the <a href=\"" + path + "/last\">last post</a>.</p>";
  }
  return "";
}

// A cooked post: a quote of the post before (aside.quote as the Markdown pipeline writes a
// quote of the same topic: no link in its title), the paragraphs, the links paragraph.
std::string dc_cooked(const SiteTopic& t, const SitePost& p, int number) {
  std::string out;
  if (!p.quote_author.empty())
    out += "<aside class=\"quote no-group\" data-username=\"" + html_escape(p.quote_author) + "\" data-post=\"" + std::to_string(number - 1) +
           "\" data-topic=\"" + t.id + "\">\n<div class=\"title\">\n<div class=\"quote-controls\"></div>\n"
           "<img loading=\"lazy\" alt=\"\" width=\"24\" height=\"24\" src=\"/letter_avatar_proxy/v4/letter/e/8e7dd6/48.png\" class=\"avatar\"> " +
           html_escape(p.quote_author) + ":</div>\n<blockquote>\n<p>" + html_escape(p.quote_text) + "</p>\n</blockquote>\n</aside>\n";
  out += "<p>" + paras_html(p.text, "</p>\n<p>") + "</p>";
  if (const std::string links = dc_links_paragraph(t, number, nullptr); !links.empty()) out += "\n" + links;
  return out;
}

// One post of topics/show.html.erb: the opening post in the topic's DiscussionForumPosting,
// replies as its schema.org Comments.
std::string dc_post(const SiteTopic& t, const SitePost& p) {
  const int number = post_number(p);
  const std::string date = utc(p.date, "%Y-%m-%dT%H:%M:%SZ");
  std::string out = "<div id='post_" + std::to_string(number) + "' " +
                    (number == 1 ? std::string() : "itemprop='comment' itemscope itemtype='http://schema.org/Comment' ") +
                    "class='topic-body crawler-post'>\n<div class='crawler-post-meta'>\n<span class=\"creator\" itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">\n" +
                    dc_user_link(p.author) + "\n</span>\n";
  if (number == 1) out += "<link itemprop=\"mainEntityOfPage\" href=\"" + dc_topic_path(t) + "\">\n";
  out += "<span class=\"crawler-post-infos\">\n<time " + std::string(number == 1 ? "" : "itemprop='datePublished' ") + "datetime='" + date +
         "' class='post-time'>\n" + utc(p.date, "%B %d, %Y, %I:%M%p") + "\n</time>\n<meta itemprop='dateModified' content='" +
         utc((std::stoi(t.id) + number) % 9 == 0 ? p.date + 3600 : p.date, "%Y-%m-%dT%H:%M:%SZ") + "'>\n<span itemprop='position'>" +
         std::to_string(number) + "</span>\n</span>\n</div>\n<div class='post' itemprop='text'>\n" + dc_cooked(t, p, number) + "\n</div>\n";
  const int likes = (std::stoi(t.id) + number) % 4;
  out += "<div itemprop=\"interactionStatistic\" itemscope itemtype=\"http://schema.org/InteractionCounter\">\n"
         "<meta itemprop=\"interactionType\" content=\"http://schema.org/LikeAction\"/>\n<meta itemprop=\"userInteractionCount\" content=\"" +
         std::to_string(likes) + "\" />\n<span class='post-likes'>" + (likes ? std::to_string(likes) + (likes == 1 ? " Like" : " Likes") : "") +
         "</span>\n</div>\n";
  // The topics that link to this post (TopicView#link_counts, reflections), by post number.
  if (number == 2)
    out += "<div class='crawler-linkback-list' itemscope itemtype='http://schema.org/ItemList'><div itemprop='itemListElement' itemscope "
           "itemtype='http://schema.org/ListItem'><a href=\"" + dc_topic_path(t) + "/" + std::to_string(t.posts.size()) +
           "\">" + html_escape(t.title) + "</a><meta itemprop='position' content='1'></div></div>\n";
  return out + "</div>\n";
}

void dc_topic_pages(const fs::path& root, const Board& board, std::size_t index, ForumSite& site) {
  const SiteTopic& t = board.topics[index];
  const Forum& forum = forum_by_id(board.topic_forum[index]);
  const std::string path = dc_topic_path(t);
  const int pages = pages_of(t.posts.size());
  auto page_path = [&](int page) { return page > 1 ? path + "?page=" + std::to_string(page) : path; };
  for (int page = 1; page <= pages; ++page) {
    const std::string here = page_path(page);
    site.topic_pages.push_back(here);
    site.topic_page_ids.push_back(t.id);
    std::string head_links = "<link rel=\"alternate nofollow\" type=\"application/rss+xml\" title=\"RSS feed of &#39;" + html_escape(t.title) + "&#39;\" href=\"" +
                             path + ".rss\" />\n";
    if (page > 1) head_links += "<link rel=\"prev\" href=\"" + page_path(page - 1) + "\">\n";
    if (page < pages) head_links += "<link rel=\"next\" href=\"" + page_path(page + 1) + "\">\n";
    std::string html = dc_head(t.title, here, head_links) +
        "<div id=\"topic-title\">\n<h1>\n<a href=\"" + path + "\">" + html_escape(t.title) + "</a>\n</h1>\n"
        "<div class=\"topic-category\" itemscope itemtype=\"http://schema.org/BreadcrumbList\">\n";
    int position = 1;
    if (forum.parent)
      html += "<span itemprop=\"itemListElement\" itemscope itemtype=\"http://schema.org/ListItem\"><a href=\"" + dc_category_path(forum_by_id(forum.parent)) +
              "\" class=\"badge-wrapper bullet\" itemprop=\"item\"><span class='badge-category clear-badge'><span class='category-name' itemprop='name'>" +
              html_escape(forum_by_id(forum.parent).name) + "</span></span></a><meta itemprop=\"position\" content=\"" + std::to_string(position++) + "\" /></span>\n";
    html += "<span itemprop=\"itemListElement\" itemscope itemtype=\"http://schema.org/ListItem\"><a href=\"" + dc_category_path(forum) +
            "\" class=\"badge-wrapper bullet\" itemprop=\"item\"><span class='badge-category clear-badge'><span class='category-name' itemprop='name'>" +
            html_escape(forum.name) + "</span></span></a><meta itemprop=\"position\" content=\"" + std::to_string(position) + "\" /></span>\n</div>\n"
            "<div class=\"topic-category\"><div class='discourse-tags list-tags'><a href='/tag/" + slugify(forum.name) + "' class='discourse-tag' rel=\"tag\">" +
            slugify(forum.name) + "</a></div></div>\n</div>\n"
            "<div itemscope itemtype='http://schema.org/DiscussionForumPosting'>\n<meta itemprop='headline' content='" + html_escape(t.title) + "'>\n"
            "<link itemprop='url' href='" + path + "'>\n<meta itemprop='datePublished' content='" + utc(t.posts.front().date, "%Y-%m-%dT%H:%M:%SZ") +
            "'>\n<meta itemprop='articleSection' content='" + html_escape(forum.name) + "'>\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += dc_post(t, t.posts[static_cast<std::size_t>(k)]);
    html += "</div>\n";
    if (page < pages)
      html += "<div role='navigation' itemscope itemtype='http://schema.org/SiteNavigationElement' class=\"topic-body crawler-post\">"
              "<span itemprop='name'><b><a rel=\"next\" itemprop=\"url\" href=\"" + page_path(page + 1) + "\">next page →</a></b></span></div>\n";
    // The suggested topics under every topic: the next ones of the board.
    html += "<div id=\"related-topics\" class=\"more-topics__list \" role=\"complementary\"><h3 class=\"more-topics__list-title\">Related topics</h3>"
            "<table class='topic-list'><tbody>\n";
    for (std::size_t k = 1; k <= 3; ++k) {
      const SiteTopic& other = board.topics[(index + k) % board.topics.size()];
      html += "<tr class=\"topic-list-item\"><td class=\"main-link\"><a itemprop='url' href='" + dc_topic_path(other) +
              "' class='title raw-link raw-topic-link'>" + html_escape(other.title) + "</a></td></tr>\n";
    }
    html += "</tbody></table></div>\n" + dc_foot();
    const std::string file = page > 1 ? path.substr(1) + "@page=" + std::to_string(page) + ".html" : path.substr(1) + ".html";
    write_file(root, file, html);
  }
}

// list/list.erb: the topic list of latest or of a category, 30 (here kPerPage) a page, with
// links to the later pages of each long topic (ListHelper#page_links).
std::string dc_topic_rows(const std::vector<const SiteTopic*>& topics, const Board& board, int page) {
  std::string html = "<div itemscope itemtype='http://schema.org/ItemList'>\n<meta itemprop='itemListOrder' content='http://schema.org/ItemListOrderDescending'>\n"
                     "<table class='topic-list'>\n<thead class=\"topic-list-header\"><tr class=\"topic-list-header-row\"><th class=\"default topic-list-data\">Topic</th>"
                     "<th class=\"posters topic-list-data\"></th><th class=\"posts num topic-list-data\">Replies</th><th class=\"views num topic-list-data\">Views</th>"
                     "<th class=\"activity num topic-list-data\">Activity</th></tr></thead>\n<tbody class=\"topic-list-body\">\n";
  for (int i = page * kPerPage; i < std::min<int>((page + 1) * kPerPage, static_cast<int>(topics.size())); ++i) {
    const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
    const std::string path = dc_topic_path(t);
    const auto at = static_cast<std::size_t>(std::find_if(board.topics.begin(), board.topics.end(), [&](const SiteTopic& b) { return b.id == t.id; }) -
                                             board.topics.begin());
    html += "<tr class=\"topic-list-item\">\n<td class=\"main-link topic-list-data\" itemprop='itemListElement' itemscope itemtype='http://schema.org/ListItem'>\n"
            "<meta itemprop='name' content='" + html_escape(t.title) + "'>\n<meta itemprop='url' content='" + path + "'>\n<meta itemprop='position' content='" +
            std::to_string(i - page * kPerPage + 1) + "'>\n<span class=\"link-top-line\">\n<a href='" + path + "' class='title raw-link raw-topic-link'>" +
            html_escape(t.title) + "</a>";
    const int tpages = pages_of(t.posts.size());
    if (tpages > 1) {
      html += " <span class='page-links'>";
      for (int p = 2; p <= tpages; ++p) html += " <a href='" + path + "?page=" + std::to_string(p) + "'>" + std::to_string(p) + "</a>";
      html += "</span>";
    }
    html += "\n</span>\n<div class=\"link-bottom-line\">\n" + dc_category_badge(forum_by_id(board.topic_forum[at])) + "\n</div>\n</td>\n<td class='posters topic-list-data'>";
    for (const SitePost* poster : {&t.posts.front(), &t.posts.back()})
      html += "<a href=\"/u/" + dc_username(poster->author) + "\" class=\"latest\"><img width=\"25\" height=\"25\" src=\"/letter_avatar_proxy/v4/letter/a/8e7dd6/25.png\" "
              "class=\"avatar\" title='" + html_escape(poster->author) + "'></a>";
    html += "</td>\n<td class=\"replies num topic-list-data\"><span class='posts' title='posts'>" + std::to_string(t.posts.size() - 1) +
            "</span></td>\n<td class=\"views num topic-list-data\"><span class='views' title='views'>" + std::to_string(t.posts.size() * 17) +
            "</span></td>\n<td class=\"num topic-list-data\">" + utc(t.posts.back().date, "%B %d, %Y") + "</td>\n</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

// One topic list, every page of it: `base` is its page 0's path, `more` the path its later
// pages take (?page=N appended).
void dc_list_pages(const fs::path& root, const std::string& title, const std::string& base, const std::string& more, const std::string& intro,
                   const std::string& feed, const std::vector<const SiteTopic*>& topics, const Board& board, std::vector<std::string>* listing) {
  const int pages = std::max(1, pages_of(topics.size()));
  // ListController#prev_page_params: page 0 is the list's own address, without ?page=.
  auto page_path = [&](int page) { return page == 0 ? base : more + "?page=" + std::to_string(page); };
  for (int page = 0; page < pages; ++page) {
    const std::string here = page_path(page);
    if (listing) listing->push_back(here);
    std::string head_links = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Latest posts\" href=\"/posts.rss\" />\n"
                             "<link rel=\"alternate nofollow\" type=\"application/rss+xml\" title=\"" + html_escape(title) + "\" href=\"" + feed + "\" />\n";
    if (page > 0) head_links += "<link rel=\"prev\" href=\"" + page_path(page - 1) + "\">\n";
    if (page + 1 < pages) head_links += "<link rel=\"next\" href=\"" + page_path(page + 1) + "\">\n";
    std::string html = dc_head(title, here, head_links) + (page == 0 ? intro : "") + dc_topic_rows(topics, board, page);
    if (pages > 1) {
      html += "<div role='navigation' itemscope itemtype='http://schema.org/SiteNavigationElement'>\n";
      if (page > 0)
        html += "<span itemprop='name'><a href='" + page_path(page - 1) + "' rel='prev' itemprop='url'>&larr; previous page</a> &nbsp;</span>\n";
      if (page + 1 < pages)
        html += "<span itemprop='name'><b><a href='" + page_path(page + 1) + "' rel='next' itemprop='url'>next page &rarr;</a></b></span>\n";
      html += "</div>\n";
    }
    html += dc_foot();
    write_file(root, here == "/" ? "index.html" : (page == 0 ? here.substr(1) + ".html" : more.substr(1) + "@page=" + std::to_string(page) + ".html"), html);
  }
}

// categories/index (the /categories page): each category with its subcategories.
std::string dc_categories() {
  std::string html = dc_head("Categories", "/categories", "") + "<div class=\"category-list\" itemscope itemtype='http://schema.org/ItemList'>\n";
  int position = 1;
  for (const Forum& f : kForums) {
    if (f.parent) continue;
    html += "<div class=\"category\" itemprop='itemListElement' itemscope itemtype='http://schema.org/ListItem'>\n<meta itemprop='position' content='" +
            std::to_string(position++) + "'>\n<meta itemprop='url' content='" + dc_category_path(f) + "'>\n<h2><a href='" + dc_category_path(f) +
            "'><span itemprop='name'>" + html_escape(f.name) + "</span></a></h2>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == f.id) html += "<div class='subcategories'><a href='" + dc_category_path(sub) + "'>" + html_escape(sub.name) + "</a></div>\n";
    html += "<a href='" + dc_category_path(f) + ".rss'>RSS</a>\n</div>\n";
  }
  return html + "</div>\n" + dc_foot();
}

// /posts.rss, the "Latest posts" feed the crawler layout names in a list's head:
// PostsController#latest (the 50 newest public posts, newest first) in
// app/views/posts/latest.rss.erb, each linked as post.url, /t/slug/ID/N (the topic's page;
// same_page() takes it), dated by its creation.
std::string dc_posts_feed(const Board& board) {
  std::vector<std::pair<const SiteTopic*, const SitePost*>> posts;
  for (const SiteTopic& t : board.topics)
    for (const SitePost& p : t.posts) posts.emplace_back(&t, &p);
  std::stable_sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) { return a.second->date > b.second->date; });
  if (posts.size() > 50) posts.resize(50);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" xmlns:discourse=\"http://www.discourse.org/\" "
                    "xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n  <channel>\n"
                    "    <title>Test Community - Latest posts</title>\n    <link>/</link>\n    <description>Latest posts</description>\n";
  for (const auto& [t, p] : posts) {
    out += "      <item>\n        <title>" + html_escape(t->title) + "</title>\n        <dc:creator><![CDATA[@" + dc_username(p->author) + "]]></dc:creator>\n"
           "        <description><![CDATA[ " + dc_cooked(*t, *p, post_number(*p)) + " ]]></description>\n        <link>" + dc_topic_path(*t) + "/" + p->id +
           "</link>\n        <pubDate>" + utc(p->date, "%a, %d %b %Y %H:%M:%S +0000") + "</pubDate>\n"
           "        <guid isPermaLink=\"false\">127.0.0.1-post-" + std::to_string(std::stoi(t->id) * 100 + post_number(*p)) + "</guid>\n      </item>\n";
  }
  return out + "  </channel>\n</rss>\n";
}

}  // namespace

ForumSite write_discourse_site(const fs::path& root) { return write_board(root, rewrite_discourse_site); }

void rewrite_discourse_site(const fs::path& root, ForumSite& site) {
  // Discourse names a post by its number in the topic (post_N, /t/slug/ID/N). The words of
  // the links paragraphs a write added to the truth are taken off again first.
  for (SiteTopic& t : site.topics)
    for (std::size_t k = 0; k < t.posts.size(); ++k) {
      SitePost& p = t.posts[k];
      std::string words;
      if (post_number(p) == static_cast<int>(k + 1)) dc_links_paragraph(t, post_number(p), &words);
      if (!words.empty() && p.text.ends_with("\n" + words)) p.text.resize(p.text.size() - words.size() - 1);
      p.id = std::to_string(k + 1);
    }
  const Board board = start_writing(root, site);
  site.feeds = {"/posts.rss"};
  site.traps = {"/u/", "/login", "/signup", "/search", "/session/", "/about", "/faq", "/guidelines", "/privacy", "/tos", "/badges",
                "/tag", "/raw/", "/posts/", "/print", "?u=", "/latest?", "/top", "/latest.rss", "/last"};
  write_file(root, "posts.rss.xml", dc_posts_feed(board));
  // The front page: the latest topics (most recent first) and their later pages.
  std::vector<const SiteTopic*> latest;
  for (auto it = board.topics.rbegin(); it != board.topics.rend(); ++it) latest.push_back(&*it);
  // Its later pages, /latest?page=N, list the topics the categories' lists hold: not in the
  // minimal set.
  dc_list_pages(root, "Test Community", "/", "/latest", "", "/latest.rss", latest, board, nullptr);
  site.listing_pages = {"/", "/categories"};
  write_file(root, "categories.html", dc_categories());
  for (const Forum& f : kForums) {
    std::vector<const SiteTopic*> topics = topics_in(board, f.id);
    std::string intro = "<h1><a href='" + dc_category_path(f) + "' itemprop='item'><span itemprop='name'>" + html_escape(f.name) + "</span></a></h1>\n<br/>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == f.id) {
        intro += "<a href='" + dc_category_path(sub) + "'><span itemprop='name'>" + html_escape(sub.name) + "</span></a>\n";
        for (const SiteTopic* t : topics_in(board, sub.id)) topics.push_back(t);
      }
    dc_list_pages(root, f.name, dc_category_path(f), dc_category_path(f), intro, dc_category_path(f) + ".rss", topics, board, &site.listing_pages);
    site.forum_pages[f.name] = dc_category_path(f);
  }
  for (std::size_t i = 0; i < board.topics.size(); ++i) dc_topic_pages(root, board, i, site);
  for (SiteTopic& t : site.topics)
    for (SitePost& p : t.posts) {
      std::string words;
      dc_links_paragraph(t, post_number(p), &words);
      if (!words.empty()) p.text += "\n" + words;
    }
}

}  // namespace fora::test
