// XenForo 2 with its default style as a guest sees it (the markup of the real pages in
// ../shared/fixtures/real/xenforo: macrumors-se-or-11.html and xenforo-community-dark-theme.html
// for 2.2's PAGE_CONTAINER, forum_view, thread_view and post_macros; the 1.x-era links of
// sufficientvelocity-renascence-p54.html): forum list, forums and threads paged with page-N,
// with the links those templates print: the navigation tabs and their "What's new" and
// search sub-pages, per-post permalinks (/threads/slug.N/post-M, #position), share,
// reactions, report, reply with quote, /goto/post?id= in quotes, member cards, the forum's
// filters and sort orders, last-post and unread links, feeds, style and language choosers
// with their _xfToken. Friendly URLs (the default since 2.0) without index.php.
#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

// ---- XenForo 2 ----------------------------------------------------------------------

const std::string kXfToken = "1499113436,8d4b44da51107c625c458332cccdd981";

const std::string kCategory = "main-category.1";  // the category node the forums sit in

std::string xf_head(const std::string& title, const std::string& canonical, const std::string& crumbs = "") {
  return "<!DOCTYPE html>\n<html id=\"XF\" lang=\"en-US\" dir=\"LTR\" data-app=\"public\" data-template=\"thread_view\" class=\"has-no-js template-thread_view\">\n<head>\n"
         "<meta charset=\"utf-8\" />\n<title>" + html_escape(title) + " | Test Community</title>\n<link rel=\"canonical\" href=\"" + canonical + "\" />\n"
         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS feed for Test Community\" href=\"/forums/-/index.rss\" />\n"
         "<meta property=\"og:title\" content=\"" + html_escape(title) + "\" />\n</head>\n<body data-template=\"thread_view\">\n<div class=\"p-pageWrapper\" id=\"top\">\n"
         "<nav class=\"p-nav\"><a href=\"/\">Forums</a> <a href=\"/whats-new/\">What's new</a> <a href=\"/whats-new/posts/\">New posts</a>"
         " <a href=\"/whats-new/profile-posts/\">New profile posts</a> <a href=\"/whats-new/latest-activity\">Latest activity</a>"
         " <a href=\"/members/\">Members</a> <a href=\"/members/list/\">Registered members</a> <a href=\"/online/\">Current visitors</a>"
         " <a href=\"/search/\">Search</a> <a href=\"/search/?type=post\">Search forums</a>"
         " <a href=\"/login/\">Log in</a> <a href=\"/register/\">Register</a> <a href=\"/lost-password/\">Forgot your password?</a>"
         " <a href=\"/account/\">Your account</a></nav>\n"
         "<ul class=\"p-breadcrumbs \" itemscope itemtype=\"https://schema.org/BreadcrumbList\"><li itemprop=\"itemListElement\" itemscope itemtype=\"https://schema.org/ListItem\">"
         "<a href=\"/\" itemprop=\"item\"><span itemprop=\"name\">Forums</span></a></li>" + crumbs + "</ul>\n";
}

std::string xf_foot() {
  return "<footer class=\"p-footer\"><a href=\"/misc/style?style_id=2&amp;_xfToken=" + kXfToken + "\" rel=\"nofollow\">Default style</a>"
         " <a href=\"/misc/style\" rel=\"nofollow\">Style chooser</a> <a href=\"/misc/language?language_id=1&amp;_xfToken=" + kXfToken + "\" rel=\"nofollow\">English (US)</a>"
         " <a href=\"/misc/language\" rel=\"nofollow\">Language chooser</a> <a href=\"/misc/contact/\" data-xf-click=\"overlay\">Contact us</a>"
         " <a href=\"/help/terms/\">Terms and rules</a> <a href=\"/help/privacy-policy/\">Privacy policy</a> <a href=\"/help/\">Help</a>"
         " <a href=\"/help/cookies/\">Cookies</a> <a href=\"/\">Home</a> <a href=\"/forums/-/index.rss\" target=\"_blank\" class=\"p-footer-rssLink\" title=\"RSS\">RSS</a>"
         " <a href=\"#top\">Top</a> <a href=\"https://xenforo.com\">Community platform by XenForo&reg;</a></footer>\n</div>\n</body>\n</html>\n";
}

std::string xf_member(const std::string& author) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"username \" dir=\"auto\">" + html_escape(author) + "</span>";
  return "<a href=\"/members/" + slugify(author) + "." + std::to_string(u) + "/\" class=\"username \" dir=\"auto\" data-user-id=\"" + std::to_string(u) +
         "\" data-xf-init=\"member-tooltip\">" + html_escape(author) + "</a>";
}

std::string xf_thread_path(const SiteTopic& t) { return "/threads/" + slugify(t.title) + "." + t.id + "/"; }

std::string xf_page_nav(const std::string& base, int page, int pages, const std::string& params = "") {
  if (pages < 2) return "";
  auto href = [&](int p) { return base + (p > 1 ? "page-" + std::to_string(p) : "") + params; };
  std::string out = "<div class=\"pageNav\">";
  if (page > 1) out += "<a href=\"" + href(page - 1) + "\" class=\"pageNav-jump pageNav-jump--prev\">Prev</a>";
  out += "<ul class=\"pageNav-main\">";
  for (int p = 1; p <= pages; ++p)
    out += std::string("<li class=\"pageNav-page") + (p == page ? " pageNav-page--current" : "") + "\"><a href=\"" + href(p) + "\">" +
           std::to_string(p) + "</a></li>";
  out += "</ul>";
  if (page < pages) out += "<a href=\"" + href(page + 1) + "\" class=\"pageNav-jump pageNav-jump--next\">Next</a>";
  // The "go to page" form's base, and the simple pager of narrow screens.
  out += "<div class=\"pageNavSimple\"><a href=\"" + href(1) + "\" class=\"pageNavSimple-el pageNavSimple-el--first\">First</a>";
  if (page < pages) out += "<a href=\"" + href(page + 1) + "\" class=\"pageNavSimple-el pageNavSimple-el--next\">Next</a>";
  return out + "<a href=\"" + href(pages) + "\" class=\"pageNavSimple-el pageNavSimple-el--last\">Last</a></div></div>\n";
}

// post_macros: one post, with its position in the thread (#N) and the actions a guest sees.
std::string xf_post(const SiteTopic& t, const SitePost& p, int position) {
  const std::string path = xf_thread_path(t);
  const std::string quoted = std::to_string(std::stoi(p.id) - 1);  // every quote is of the post before
  std::string body;
  if (!p.quote_author.empty())
    body += "<blockquote data-attributes=\"member: " + std::to_string(user_id(p.quote_author)) + "\" data-quote=\"" + html_escape(p.quote_author) +
            "\" data-source=\"post: " + quoted + "\" class=\"bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch\">\n"
            "<div class=\"bbCodeBlock-title\"><a href=\"/goto/post?id=" + quoted + "\" class=\"bbCodeBlock-sourceJump\" rel=\"nofollow\" data-xf-click=\"attribution\""
            " data-content-selector=\"#post-" + quoted + "\">" + html_escape(p.quote_author) +
            " said:</a></div>\n<div class=\"bbCodeBlock-content\"><div class=\"bbCodeBlock-expandContent js-expandContent \">" + html_escape(p.quote_text) +
            "</div><div class=\"bbCodeBlock-expandLink js-expandLink\"><a role=\"button\" tabindex=\"0\">Click to expand...</a></div></div>\n</blockquote>";
  body += paras_html(p.text, "<br />\n<br />\n");
  const std::string permalink = path + "post-" + p.id;
  std::string out =
      "<article class=\"message message--post js-post js-inlineModContainer" + std::string(p.opening ? " message-threadStarterPost" : "") +
      "\" data-author=\"" + html_escape(p.author) + "\" data-content=\"post-" + p.id + "\" id=\"js-post-" + p.id + "\">\n"
      "<span class=\"u-anchorTarget\" id=\"post-" + p.id + "\"></span>\n<div class=\"message-inner\">\n<div class=\"message-cell message-cell--user\">\n"
      "<section class=\"message-user\"><div class=\"message-userDetails\"><h4 class=\"message-name\">" + xf_member(p.author) + "</h4>"
      "<h5 class=\"userTitle message-userTitle\" dir=\"auto\">Well-known member</h5></div>"
      "<div class=\"message-userExtras\"><dl class=\"pairs pairs--justified\"><dt>Messages</dt><dd>" + std::to_string(100 + user_id(p.author)) + "</dd></dl>"
      "<dl class=\"pairs pairs--justified\"><dt>Location</dt><dd><a href=\"/misc/location-info?location=Baikonur\" rel=\"nofollow noreferrer\" target=\"_blank\""
      " class=\"u-concealed\">Baikonur</a></dd></dl></div></section>\n</div>\n"
      "<div class=\"message-cell message-cell--main\">\n<div class=\"message-main js-quickEditTarget\">\n"
      "<header class=\"message-attribution message-attribution--split\"><ul class=\"message-attribution-main listInline \"><li class=\"u-concealed\">"
      "<a href=\"" + permalink + "\" rel=\"nofollow\"><time class=\"u-dt\" dir=\"auto\" datetime=\"" + utc(p.date, "%Y-%m-%dT%H:%M:%S+0000") +
      "\" data-time=\"" + std::to_string(p.date) + "\" data-date-string=\"" + utc(p.date, "%b %d, %Y") + "\" title=\"" +
      utc(p.date, "%b %d, %Y at %I:%M %p") + "\">" + utc(p.date, "%b %d, %Y") + "</time></a></li></ul>"
      "<ul class=\"message-attribution-opposite message-attribution-opposite--list \"><li><a href=\"/posts/" + p.id +
      "/share\" class=\"message-attribution-gadget\" data-xf-init=\"share-tooltip\" data-href=\"/posts/" + p.id + "/share\" rel=\"nofollow\">Share</a></li>"
      "<li><a href=\"" + permalink + "\" rel=\"nofollow\">#" + std::to_string(position) + "</a></li></ul></header>\n"
      "<div class=\"message-content js-messageContent\">\n<div class=\"message-userContent lbContainer js-lbContainer \">\n"
      "<article class=\"message-body js-selectToQuote\">\n<div class=\"bbWrapper\">" + body + "</div>\n<div class=\"js-selectToQuoteEnd\">&nbsp;</div>\n</article>\n</div>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<div class=\"message-lastEdit\">Last edited: <time class=\"u-dt\" dir=\"auto\" datetime=\"" + utc(p.date + 3600, "%Y-%m-%dT%H:%M:%S+0000") +
           "\">" + utc(p.date + 3600, "%b %d, %Y") + "</time></div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<aside class=\"message-signature\"><div class=\"bbWrapper\">Ad astra per aspera &mdash; " + html_escape(p.author) + "</div></aside>\n";
  out += "</div>\n<footer class=\"message-footer\"><div class=\"message-actionBar actionBar\"><div class=\"actionBar-set actionBar-set--external\">"
         "<a href=\"/posts/" + p.id + "/react?reaction_id=1\" class=\"reaction actionBar-action actionBar-action--reaction\" rel=\"nofollow\">Like</a>"
         " <a href=\"/posts/" + p.id + "/quote\" class=\"actionBar-action actionBar-action--mq\" data-xf-click=\"multi-quote\">+Quote</a>"
         " <a href=\"" + path + "reply?quote=" + p.id + "\" class=\"actionBar-action actionBar-action--reply\" rel=\"nofollow\">Reply</a></div>"
         "<div class=\"actionBar-set actionBar-set--internal\"><a href=\"/posts/" + p.id + "/report\" class=\"actionBar-action actionBar-action--report\""
         " data-xf-click=\"overlay\">Report</a> <a href=\"/posts/" + p.id + "/\" class=\"actionBar-action\">Permalink</a></div></div>\n";
  if (std::stoi(p.id) % 3 == 0)
    out += "<div class=\"reactionsBar js-reactionsList is-active\"><a class=\"reactionsBar-link\" href=\"/posts/" + p.id + "/reactions\" data-xf-click=\"overlay\""
           " rel=\"nofollow\"><bdi>" + html_escape(kAuthors[std::stoul(p.id) % kAuthors.size()]) + "</bdi></a></div>\n";
  out += "</footer>\n</div>\n</div>\n</div>\n</article>\n";
  return out;
}

std::string xf_forum_path(const Forum& f) { return "/forums/" + f.slug + "." + std::to_string(f.id) + "/"; }

// The breadcrumb of a forum and of a thread in it: the category, the parent forums.
std::string xf_crumbs(const Forum& forum, bool with_forum) {
  std::string out = "<li itemprop=\"itemListElement\" itemscope itemtype=\"https://schema.org/ListItem\"><a href=\"/categories/" + kCategory +
                    "/\" itemprop=\"item\"><span itemprop=\"name\">Main category</span></a></li>";
  std::vector<const Forum*> chain;
  for (const Forum* f = &forum; f; f = f->parent ? &forum_by_id(f->parent) : nullptr) chain.insert(chain.begin(), f);
  if (!with_forum) chain.pop_back();
  for (const Forum* f : chain)
    out += "<li itemprop=\"itemListElement\" itemscope itemtype=\"https://schema.org/ListItem\"><a href=\"" + xf_forum_path(*f) +
           "\" itemprop=\"item\"><span itemprop=\"name\">" + html_escape(f->name) + "</span></a></li>";
  return out;
}

// thread_view.
void xf_topic_pages(const fs::path& root, const Board& board, std::size_t index, ForumSite& site) {
  const SiteTopic& t = board.topics[index];
  const Forum& forum = forum_by_id(board.topic_forum[index]);
  const std::string path = xf_thread_path(t);
  const int pages = pages_of(t.posts.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = path + (page > 1 ? "page-" + std::to_string(page) : "");
    site.topic_pages.push_back(here);
    site.topic_page_ids.push_back(t.id);
    std::string html = xf_head(t.title, here, xf_crumbs(forum, true)) +
        "<div class=\"p-body-header\"><div class=\"p-title \"><h1 class=\"p-title-value\">" + html_escape(t.title) + "</h1></div>"
        "<div class=\"p-description\"><ul class=\"listInline listInline--bullet\"><li>" + xf_member(t.posts.front().author) + "</li>"
        "<li><a href=\"" + path + "\" class=\"u-concealed\"><time class=\"u-dt\" datetime=\"" + utc(t.posts.front().date, "%Y-%m-%dT%H:%M:%S+0000") +
        "\">" + utc(t.posts.front().date, "%b %d, %Y") + "</time></a></li></ul></div></div>\n"
        "<div class=\"tagList\"><a href=\"/tags/" + slugify(forum.name) + "/\" class=\"tagItem tagItem--tag_" + slugify(forum.name) + "\" dir=\"auto\">" +
        slugify(forum.name) + "</a></div>\n"
        "<div class=\"block-outer\">" + xf_page_nav(path, page, pages) + "<div class=\"block-outer-opposite\"><a href=\"" + path +
        "unread\">Jump to new</a> <a href=\"" + path + "watch\" data-xf-click=\"switch\">Watch</a> <a href=\"" + path + "latest\">Latest</a></div></div>\n"
        "<div class=\"block-body js-replyNewMessageContainer\">\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += xf_post(t, t.posts[static_cast<std::size_t>(k)], k + 1);
    html += "</div>\n" + xf_page_nav(path, page, pages) + "<a href=\"" + path + "reply\" class=\"button--cta button\">Reply</a>\n"
            "<form action=\"" + path + "add-reply\" method=\"post\"></form>\n"
            "<div class=\"block\"><h3 class=\"block-minorHeader\">Similar threads</h3><div class=\"block-body\">";
    for (std::size_t k = 1; k <= 2; ++k) {
      const SiteTopic& other = board.topics[(index + k) % board.topics.size()];
      html += "<div class=\"contentRow-main\"><a href=\"" + xf_thread_path(other) + "\">" + html_escape(other.title) + "</a> <a href=\"" + xf_thread_path(other) +
              "post-" + other.posts.back().id + "\">" + html_escape(other.posts.back().author) + "</a></div>";
    }
    html += "</div></div>\n<div class=\"shareButtons\"><a class=\"shareButtons-button\" data-href=\"https://www.facebook.com/sharer.php?u={url}\">Facebook</a></div>\n" +
            xf_foot();
    write_file(root, here.substr(1) + (page > 1 ? ".html" : "index.html"), html);
  }
}

// forum_view: the filter bar (prefix, starter, date limit), the sort menu, each thread with
// its last pages, its newest post and its unread link.
void xf_forum_pages(const fs::path& root, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string path = xf_forum_path(forum);
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = path + (page > 1 ? "page-" + std::to_string(page) : "");
    site.listing_pages.push_back(here);
    if (page == 1) site.forum_pages[forum.name] = here;
    std::string html = xf_head(forum.name, here, xf_crumbs(forum, false)) + "<h1 class=\"p-title-value\">" + html_escape(forum.name) + "</h1>\n"
        "<div class=\"p-title-pageAction\"><a href=\"" + path + "post-thread\" class=\"button--cta button\">Post thread</a></div>\n"
        "<div class=\"block-outer\"><a href=\"" + path + "watch\" data-xf-click=\"switch\">Watch</a> <a href=\"" + path +
        "mark-read?date=1700000000\">Mark read</a> <a href=\"" + path + "index.rss\">RSS</a></div>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        html += "<div class=\"node node--forum\"><h3 class=\"node-title\"><a href=\"" + xf_forum_path(sub) + "\">" + html_escape(sub.name) + "</a></h3>"
                "<a href=\"" + xf_forum_path(sub) + "index.rss\">RSS</a></div>\n";
    html += xf_page_nav(path, page, pages) +
            "<div class=\"block-filterBar\"><a href=\"" + path + "filters\" class=\"filterBar-menuTrigger\" data-xf-click=\"menu\" rel=\"nofollow\">Filters</a>"
            " <a href=\"" + path + "?prefix_id=1\" class=\"labelLink\" rel=\"nofollow\"><span class=\"label label--blue\">Question</span></a>"
            " <a href=\"" + path + "?starter_id=50\" rel=\"nofollow\">Started by Edward</a> <a href=\"" + path + "?last_days=7\" rel=\"nofollow\">Last 7 days</a>"
            " <a href=\"" + path + "?order=title&amp;direction=asc\">Title</a> <a href=\"" + path + "?order=reply_count&amp;direction=desc\">Replies</a>"
            " <a href=\"" + path + "?order=post_date&amp;direction=desc\">First message</a> <a href=\"" + path + "?direction=asc\">Ascending</a></div>\n"
            "<div class=\"structItemContainer\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      const std::string tpath = xf_thread_path(t);
      html += "<div class=\"structItem structItem--thread js-inlineModContainer\"><div class=\"structItem-cell structItem-cell--main\">"
              "<div class=\"structItem-title\"><a href=\"" + path + "?prefix_id=1\" class=\"labelLink\" rel=\"nofollow\"><span class=\"label\">Question</span></a> "
              "<a href=\"" + tpath + "\" data-tp-primary=\"on\">" + html_escape(t.title) + "</a></div>"
              "<div class=\"structItem-minor\"><ul class=\"structItem-parts\"><li>" + xf_member(t.posts.front().author) + "</li>"
              "<li class=\"structItem-startDate\"><a href=\"" + tpath + "\" rel=\"nofollow\">" + utc(t.posts.front().date, "%b %d, %Y") + "</a></li></ul>";
      const int tpages = pages_of(t.posts.size());
      if (tpages > 1) {
        html += "<span class=\"structItem-pageJump\">";
        for (int p = 2; p <= tpages; ++p) html += "<a href=\"" + tpath + "page-" + std::to_string(p) + "\">" + std::to_string(p) + "</a>";
        html += "</span>";
      }
      html += "</div></div><div class=\"structItem-cell structItem-cell--latest\"><a href=\"" + tpath + "latest\" rel=\"nofollow\"><time class=\"structItem-latestDate u-dt\">" +
              utc(t.posts.back().date, "%b %d, %Y") + "</time></a><div class=\"structItem-minor\">" + xf_member(t.posts.back().author) + "</div>"
              "<a href=\"" + tpath + "unread\" class=\"structItem-unread\">Go to first unread</a></div></div>\n";
    }
    html += "</div>\n" + xf_page_nav(path, page, pages) + xf_foot();
    write_file(root, here.substr(1) + (page > 1 ? ".html" : "index.html"), html);
  }
}

// forum_list: the category with its forums, each forum's subforums and newest post; the
// sidebar's new posts, statistics and visitors.
std::string xf_index(const Board& board) {
  std::string html = xf_head("Forums", "/") + "<h1 class=\"p-title-value\">Test Community</h1>\n"
      "<div class=\"block block--category\"><h2 class=\"block-header\"><a href=\"/categories/" + kCategory + "/\">Main category</a>"
      " <a href=\"/.#" + kCategory + "\">#</a></h2><div class=\"block-body\">\n";
  for (const Forum& f : kForums) {
    if (f.parent) continue;
    html += "<div class=\"node node--forum\"><h3 class=\"node-title\"><a href=\"" + xf_forum_path(f) + "\">" + html_escape(f.name) + "</a></h3>";
    for (const Forum& sub : kForums)
      if (sub.parent == f.id) html += "<ol class=\"node-subNodeFlatList\"><li><a href=\"" + xf_forum_path(sub) + "\" class=\"subNodeLink\">" + html_escape(sub.name) + "</a></li></ol>";
    const std::vector<const SiteTopic*> topics = topics_in(board, f.id);
    if (!topics.empty()) {
      const SiteTopic& t = *topics.back();
      html += "<div class=\"node-extra\"><a href=\"" + xf_thread_path(t) + "post-" + t.posts.back().id + "\" class=\"node-extra-title\">" + html_escape(t.title) +
              "</a> " + xf_member(t.posts.back().author) + "</div>";
    }
    html += "</div>\n";
  }
  html += "</div></div>\n<div class=\"p-body-sidebar\"><div class=\"block\"><h3 class=\"block-minorHeader\"><a href=\"/whats-new/posts/\">Latest posts</a></h3>";
  for (std::size_t k = 0; k < 3 && k < board.topics.size(); ++k) {
    const SiteTopic& t = board.topics[board.topics.size() - 1 - k];
    html += "<div class=\"contentRow-main\"><a href=\"" + xf_thread_path(t) + "post-" + t.posts.back().id + "\">" + html_escape(t.title) + "</a> <a href=\"" +
            xf_thread_path(t) + "latest\">Latest</a> <a href=\"" + xf_thread_path(t) + "unread\">Unread</a></div>";
  }
  html += "</div><div class=\"block\"><a href=\"/online/\">Members online</a> <a href=\"/members/\">Members</a> " + xf_member(kAuthors.front()) + "</div>"
          "<a href=\"/forums/-/mark-read?date=1700000000\">Mark forums read</a> <a href=\"/forums/-/index.rss\">RSS</a></div>\n";
  return html + xf_foot();
}

// forums/-/index.rss, the feed PAGE_CONTAINER names in every head: XF\Pub\Controller\Forum's
// getForumRss with no forum (XF\Repository\Thread::findThreadsForRssFeed: the threads with
// a post since the read-marking cut-off, 30 days), ordered by last_post_date, the first
// discussionsPerPage (20); XF\Pub\View\FeedHelper::setupEntryForThread dates each by its
// last post and links the thread (canonical:threads), Laminas's RSS writer prints them.
std::string xf_feed(const Board& board) {
  const std::int64_t cutoff = std::time(nullptr) - 30 * 86400;
  std::vector<std::size_t> threads;
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    if (board.topics[i].posts.back().date > cutoff) threads.push_back(i);
  auto last = [&](std::size_t i) { return board.topics[i].posts.back().date; };
  std::stable_sort(threads.begin(), threads.end(), [&](std::size_t a, std::size_t b) { return last(a) > last(b); });
  if (threads.size() > 20) threads.resize(20);
  auto rfc822 = [](std::int64_t t) { return utc(t, "%a, %d %b %Y %H:%M:%S +0000"); };
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                    "xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\">\n  <channel>\n    <title>Test Community</title>\n"
                    "    <description>Test Community</description>\n    <generator>Test Community</generator>\n    <link>/</link>\n"
                    "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"/forums/-/index.rss\"/>\n";
  for (const std::size_t i : threads) {
    const SiteTopic& t = board.topics[i];
    out += "    <item>\n      <title>" + html_escape(t.title) + "</title>\n      <pubDate>" + rfc822(last(i)) + "</pubDate>\n      <link>" + xf_thread_path(t) +
           "</link>\n      <guid isPermaLink=\"false\">" + t.id + "</guid>\n      <author>invalid@example.com (" + html_escape(t.posts.front().author) + ")</author>\n"
           "      <category domain=\"" + xf_forum_path(forum_by_id(board.topic_forum[i])) + "\"><![CDATA[" + t.forum + "]]></category>\n"
           "      <dc:creator>" + html_escape(t.posts.front().author) + "</dc:creator>\n      <content:encoded><![CDATA[" + paras_html(t.posts.front().text, "<br />") +
           "]]></content:encoded>\n      <slash:comments>" + std::to_string(t.posts.size() - 1) + "</slash:comments>\n    </item>\n";
  }
  return out + "  </channel>\n</rss>\n";
}

}  // namespace

ForumSite write_xenforo_site(const fs::path& root) { return write_board(root, rewrite_xenforo_site); }

void rewrite_xenforo_site(const fs::path& root, ForumSite& site) {
  const Board board = start_writing(root, site);
  site.feeds = {"/forums/-/index.rss"};
  write_file(root, "forums/-/index.rss.xml", xf_feed(board));
  site.traps = {"/members/", "/search/", "/login/", "/register/", "/lost-password/", "/account/", "/posts/", "/post-", "reply",
                "/latest", "order=", "direction=", "prefix_id=", "starter_id=", "last_days=", "_xfToken", "/goto/", "/whats-new/",
                "/misc/", "/unread", "/watch", "/online/", "/help/", "/categories/", "/tags/", "mark-read", "/filters", "post-thread"};
  write_file(root, "index.html", xf_index(board));
  for (const Forum& f : kForums) xf_forum_pages(root, f, board, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i) xf_topic_pages(root, board, i, site);
}

}  // namespace fora::test
