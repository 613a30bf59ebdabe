// vBulletin 5 Connect and 6 with the default style as a guest sees them, with the friendly
// addresses they ship with: the home page "/" (the "Forums" page, its home route, holding
// the channel list) and the root channel /forum, channels /forum/<category>/<channel>(/pageN),
// topics /forum/<channel path>/<nodeid>-<slug>(/pageN), where a topic is its starter node
// (its id is the first post's). The markup follows vB 6.0.6's own templates as kept in the
// repository Codefollows/vb666 (core/install/vbulletin-style.xml; vB 5 prints the same post
// markup in its l-row layout, see the real vB 5.5.2 page
// ../shared/fixtures/real/vbulletin/fandompost-isekai-quartet.html and
// tests/extract/pages/SOURCES.md): page_header and the default header navbar of
// core/install/functions_installupgrade.php, display_Forums, display_Forums_list and
// display_Forums_item (the channel lists), widget_subchannelsdisplay, widget_channeldisplay
// with conversation_toolbar and toolbar_filter_menu (a channel's topics), display_Topics and
// display_Topics_item (one topic row), pagenav, widget_conversationdisplay and
// display_contenttype_threadview_header/_footer, conversation_userinfo, userlink,
// bbcode_quote, conversation_posthistory, conversation_signature (one post). The routes are
// those of core/install/vbulletin-routes.xml (member, search, advanced_search, lostpw,
// register, help, contact-us, online, memberlist, node, privatemessage, ...). vB prints
// absolute addresses under its base URL; written here from the root, which is the same link.
#include <algorithm>
#include <cctype>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

// The category the forums sit in, as vB 5's installer makes one ("Main Category").
const Forum kCategory = {12, "Main Category", "main-category", 0, 0};

std::string vb5_date(std::int64_t t) { return utc(t, "%m-%d-%Y, %I:%M %p"); }
std::string vb5_iso(std::int64_t t) { return utc(t, "%Y-%m-%dT%H:%M:%S+00:00"); }

// The address of a channel: its parents' slugs under /forum (vB5_Route_Channel).
std::string channel_path(int forum_id) {
  if (forum_id == kCategory.id) return "/forum/" + kCategory.slug;
  std::string out = "/forum/" + kCategory.slug;
  for (const Forum* f : forum_path(forum_id)) out += "/" + f->slug;
  return out;
}

// A topic is its starter node: its id is the first post's.
const std::string& node_of(const SiteTopic& t) { return t.posts.front().id; }

std::string topic_path(const SiteTopic& t, int forum_id) { return channel_path(forum_id) + "/" + node_of(t) + "-" + slugify(t.title); }

// vB's "searchJSON" addresses: the JSON, URL-encoded as vb:urlencode writes it.
std::string search_json(const std::string& json) {
  std::string out = "/search?searchJSON=";
  for (unsigned char c : json) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else if (c == ' ') out += '+';
    else {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string member_path(const std::string& author) { return "/member/" + std::to_string(user_id(author)) + "-" + slugify(author); }

// userlink: a member's name links to the profile; a guest's is the bare name.
std::string vb5_userlink(const std::string& author, bool schema) {
  const int u = user_id(author);
  if (u == 0) return html_escape(author);
  return "<a href=\"" + member_path(author) + "\" class=\"\"" + (schema ? " itemprop=\"url\"" : "") + " data-vbnamecard=\"" + std::to_string(u) + "\">" +
         (schema ? "<span itemprop=\"name\">" + html_escape(author) + "</span>" : html_escape(author)) + "</a>";
}

// avatar: the profile link around core/image.php's picture, a guest's default picture.
std::string vb5_avatar(const std::string& author, const char* css) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"" + std::string(css) + "\"><img src=\"/images/default/default_avatar_large.png\" alt=\"" + html_escape(author) + "\" /></span>";
  return "<a href=\"" + member_path(author) + "\" class=\"" + css + "\"><img src=\"/core/image.php?userid=" + std::to_string(u) + "&amp;thumb=1\" alt=\"" +
         html_escape(author) + "\" title=\"" + html_escape(author) + "\" /></a>";
}

// page_header: the head (canonical, the headlinks prev/next of a paged list, the RSS feeds
// of the site and of the channel), the header navbar and the login links of a guest, the
// breadcrumbs (`crumbs`: address and title of each channel above the page).
std::string vb5_head(const std::string& title, const std::string& canonical, const std::vector<std::pair<std::string, std::string>>& crumbs,
                     int rss_node, const std::string& prev = "", const std::string& next = "") {
  std::string out =
      "<!DOCTYPE html>\n<html id=\"htmlTag\" xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\" dir=\"ltr\">\n<head>\n"
      "<meta charset=\"utf-8\" />\n<meta property=\"og:site_name\" content=\"Test Board\" />\n";
  if (!canonical.empty()) out += "<link rel=\"canonical\" href=\"" + canonical + "\" />\n";
  if (!prev.empty()) out += "<link rel=\"prev\" href=\"" + prev + "\" />\n";
  if (!next.empty()) out += "<link rel=\"next\" href=\"" + next + "\" />\n";
  out += "<title>" + html_escape(title) + " - Test Board</title>\n<meta name=\"generator\" content=\"vBulletin 6.0.6\" />\n"
         "<link rel=\"alternate\" title=\"Test Board\" type=\"application/rss+xml\" href=\"/external?type=rss2\" />\n";
  if (rss_node)
    out += "<link rel=\"alternate\" title=\"Test Board -- " + html_escape(forum_by_id(rss_node).name) + "\" type=\"application/rss+xml\" href=\"/external?type=rss2&amp;nodeid=" +
           std::to_string(rss_node) + "\" />\n";
  out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"/css.php?styleid=1&amp;td=ltr&amp;sheet=css_reset.css,css_unreset.css,css_utilities.css&amp;ts=1715998252\" />\n"
         "<link rel=\"stylesheet\" type=\"text/css\" href=\"/css.php?styleid=1&amp;td=ltr&amp;sheet=css_b_post_column.css,css_b_channel_nav.css&amp;ts=1715998252\" />\n"
         "<script type=\"text/javascript\" src=\"/js/header-rollup-606.js\"></script>\n</head>\n"
         "<body id=\"vb-page-body\" class=\"l-desktop vb-page view-mode logged-out\" itemscope itemtype=\"https://schema.org/WebPage\" data-styleid=\"0\">\n"
         "<div id=\"outer-wrapper\">\n<div id=\"wrapper\">\n<header class=\"b-top-menu__background b-top-menu__background--sitebuilder js-top-menu-sitebuilder\">\n"
         "<div id=\"header\" class=\"noselect\"><div class=\"site-logo header-edit-box\"><a href=\"/\"><img src=\"/images/misc/vbulletin5_logo.png\" alt=\"Test Board\" /></a></div>\n"
         "<nav id=\"main-navbar-wrapper\"><ul id=\"channel-tabbar\" class=\"h-clearfix js-channel-tabbar\">"
         "<li class=\"current section-item\"><a class=\"h-left navbar_home\" href=\"/\">Home</a>"
         "<ul class=\"h-clear h-hide-on-small\">"
         "<li><a class=\"navbar_newtopics\" href=\"" + search_json("{\"view\":\"topic\",\"unread_only\":1,\"sort\":{\"lastcontent\":\"desc\"},\"exclude_type\":[\"vBForum_PrivateMessage\"]}") + "\">New Topics</a></li>"
         "<li><a class=\"navbar_todays_posts\" href=\"" + search_json("{\"last\":{\"from\":\"lastDay\"},\"view\":\"topic\",\"starter_only\": 1,\"sort\":{\"lastcontent\":\"desc\"},\"exclude_type\":[\"vBForum_PrivateMessage\"]}") + "\">Today's Posts</a></li>"
         "<li><a class=\"navbar_whos_online\" href=\"/online\">Who's Online</a></li>"
         "<li><a class=\"navbar_member_list\" href=\"/memberlist\">Member List</a></li>"
         "<li><a class=\"navbar_calendar\" href=\"/calendar\">Calendar</a></li></ul></li></ul></nav>\n"
         "<div id=\"searchbox\"><form id=\"searchForm\" action=\"/search\" method=\"get\"><input type=\"text\" name=\"q\" /></form>"
         "<a href=\"/advanced_search\">Advanced Search</a></div>\n"
         "<div id=\"top-menu\"><a href=\"/auth/login-form\" class=\"b-button b-button--special js-login-button\">Log in</a> "
         "<a href=\"/register\" class=\"b-button\">Sign Up</a> <a href=\"/lostpw\">Forgot password?</a></div>\n"
         "<form action=\"/activity/get\" method=\"post\" class=\"h-hide\"></form></div>\n</header>\n"
         "<nav class=\"breadcrumbs-wrapper\"><ul id=\"breadcrumbs\" class=\"h-clearfix\" itemprop=\"breadcrumb\">"
         "<li class=\"crumb\"><a class=\"crumb-link h-flex-valign-center\" href=\"/\"><span class=\"h-hide-imp\">Home</span></a></li>";
  for (const auto& [href, name] : crumbs)
    out += "<li class=\"crumb\">" + (href.empty() ? "<span>" + html_escape(name) + "</span>" : "<a class=\"crumb-link\" href=\"" + href + "\">" + html_escape(name) + "</a>") + "</li>";
  return out + "</ul></nav>\n<main id=\"content\">\n<div class=\"canvas-layout-container js-canvas-layout-container\">\n";
}

// page_footer and the default footer navbar.
std::string vb5_foot() {
  return "</div>\n</main>\n<footer id=\"footer\"><div id=\"footer-tabbar\"><a href=\"#topic-module-top\" class=\"scrollToTop\">Go to top</a></div>"
         "<ul class=\"nav-list h-right\"><li><a href=\"/help\">Help</a></li><li><a href=\"/contact-us\" rel=\"nofollow\">Contact Us</a></li>"
         "<li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms-of-service\">Terms</a></li></ul>\n"
         "<p class=\"h-margin-top-l\">Powered by <a href=\"https://www.vbulletin.com\" id=\"vbulletinlink\">vBulletin&reg;</a> Version 6.0.6 "
         "<br />Copyright &copy; 2026 MH Sub I, LLC dba vBulletin. All rights reserved.</p>\n"
         "<p class=\"h-margin-top-l\">All times are GMT. This page was generated at 10:00 AM.</p></footer>\n</div>\n</div>\n</body>\n</html>\n";
}

// pagenav: previous, the pages, next; with their addresses where the caller's template asks
// for them (addHref: the toolbar's copy in a channel, both copies in a topic), and the
// current page as js-pagenav-current-button (the profile's later_page).
std::string vb5_pagenav(const std::string& base, int page, int pages, bool hrefs) {
  auto href = [&](int p) { return hrefs ? " href=\"" + base + (p > 1 ? "/page" + std::to_string(p) : "") + "\"" : std::string(); };
  std::string out = std::string("<div class=\"pagenav-container h-clearfix noselect") + (pages == 1 ? " h-hide" : "") +
                    "\">\n<div class=\"js-pagenav pagenav h-right js-shrink-event-parent\" data-baseurl=\"" + base + "\">\n";
  out += page > 1 ? "<a class=\"js-pagenav-button js-pagenav-prev-button b-button b-button--secondary js-shrink-event-child\" data-page=\"" +
                        std::to_string(page - 1) + "\"" + href(page - 1) + " tabindex=\"0\">Previous</a>\n"
                  : "<a class=\"js-pagenav-button js-pagenav-prev-button b-button b-button--secondary h-hide-imp js-shrink-event-child\" data-page=\"0\"" +
                        std::string(hrefs ? " href=\"\"" : "") + " tabindex=\"0\">Previous</a>\n";
  if (pages > 1)
    for (int p = 1; p <= pages; ++p)
      out += "<a class=\"js-pagenav-button b-button b-button--narrow js-shrink-event-child" +
             std::string(p == page ? " b-button--primary page js-pagenav-current-button" : " b-button--secondary") +
             (p == 1 ? " js-pagenav-first-button" : p == pages ? " js-pagenav-last-button" : "") + "\" data-page=\"" + std::to_string(p) + "\"" + href(p) +
             " tabindex=\"0\">" + std::to_string(p) + "</a>\n";
  out += page < pages ? "<a class=\"js-pagenav-button js-pagenav-next-button b-button b-button--secondary js-shrink-event-child\" data-page=\"" +
                            std::to_string(page + 1) + "\"" + href(page + 1) + " tabindex=\"0\">Next</a>\n"
                      : "<a class=\"js-pagenav-button js-pagenav-next-button b-button b-button--secondary h-hide-imp js-shrink-event-child\" data-page=\"0\"" +
                            std::string(hrefs ? " href=\"\"" : "") + " tabindex=\"0\">Next</a>\n";
  return out + "</div>\n</div>\n";
}

// display_Forums_item: a channel's row (title, its feed, counts, newest post with its
// starter's address and ?p= of the post).
std::string vb5_forum_row(const Board& board, const Forum& f, const char* level) {
  // A channel's counts and last post are its subchannels' too (node.totalcount and
  // lastcontent, which vB carries up to every parent with each new post).
  std::size_t count = 0, posts = 0;
  for (std::size_t i = 0; i < board.topics.size(); ++i) {
    const std::vector<const Forum*> path = forum_path(board.topic_forum[i]);
    if (std::none_of(path.begin(), path.end(), [&](const Forum* above) { return above->id == f.id; })) continue;
    ++count;
    posts += board.topics[i].posts.size();
  }
  const std::string id = std::to_string(f.id);
  bool has_sub = false;
  for (const Forum& sub : kForums) has_sub = has_sub || sub.parent == f.id;
  std::string out = "<tr class=\"forum-item " + std::string(level) + (has_sub ? " has-subchannels" : "") + "\" id=\"forum" + id + "\" data-channel-id=\"" + id +
                    "\">\n<td class=\"cell-forum\"><div class=\"forum-wrapper\"><div class=\"forum-info forum-info-has-rss\">"
                    "<span class=\"icon b-icon-fa b-icon-fa--forumicon fa-solid fa-comments read h-left\" title=\"No New Posts\"></span>"
                    "<a href=\"" + channel_path(f.id) + "\" class=\"forum-title\">" + html_escape(f.name) + "</a><div class=\"forum-desc\">All about " + html_escape(f.name) +
                    "</div></div><a href=\"/external?type=rss2&amp;nodeid=" + id + "\" title=\"View this forum's RSS feed\" class=\"h-right\">"
                    "<span class=\"b-icon b-icon__rss\"></span></a></div></td>\n"
                    "<td class=\"topics-count\">" + std::to_string(count) + "</td><td class=\"posts-count\">" + std::to_string(posts) + "</td>\n<td class=\"lastpost\"><div class=\"lastpost-wrapper\">";
  if (const SiteTopic* newest = newest_in(board, f.id)) {
    const SiteTopic& last = *newest;
    const SitePost& p = last.posts.back();
    const std::string by = user_id(p.author) ? "by <a href=\"" + member_path(p.author) + "\">" + html_escape(p.author) + "</a>" : "by Guest";
    out += vb5_avatar(p.author, "avatar") + "<div class=\"lastpost-info\"><div class=\"lastpost-title-wrapper ellipsis\"><a href=\"" + topic_path(last, board.topic_forum[static_cast<std::size_t>(newest - board.topics.data())]) + "?p=" +
           p.id + "#post" + p.id + "\" class=\"lastpost-title\">" + html_escape(last.title) + "</a></div><div class=\"lastpost-by\">" + by +
           "</div><div class=\"lastpost-date post-date\">" + vb5_date(p.date) + "</div></div>";
  }
  return out + "</div></td>\n</tr>\n";
}

// display_Forums with display_Forums_list: the category's header row, then each of its
// forums with their subforums in a "Sub-Forums" row; or (widget_subchannelsdisplay) the
// channels under `parent`.
std::string vb5_forum_list(const Board& board, int parent) {
  std::string out = "<table class=\"forum-list-container stretch\">\n<tr class=\"forum-list-header\"><th class=\"header-forum\"><span>" +
                    std::string(parent == kCategory.id || parent == 0 ? "Forums" : "Sub-Forums") +
                    "</span></th><th class=\"header-topics\"><span>Topics</span></th><th class=\"header-posts\"><span>Posts</span></th>"
                    "<th class=\"header-lastpost\"><span>Last Post</span></th></tr>\n";
  if (parent == 0)
    out += "<tr class=\"category-header\" id=\"forum" + std::to_string(kCategory.id) + "\"><td colspan=\"4\"><a class=\"category\" data-nodeid=\"" +
           std::to_string(kCategory.id) + "\" href=\"" + channel_path(kCategory.id) + "\">" + html_escape(kCategory.name) + "</a></td></tr>\n";
  const int level_of = parent == kCategory.id ? 0 : parent;  // the category's forums are the top level
  for (const Forum& f : kForums) {
    if (f.parent != level_of) continue;
    out += vb5_forum_row(board, f, level_of ? "sub" : "main");
    std::string subs;
    for (const Forum& sub : kForums)
      if (sub.parent == f.id)
        subs += "<td class=\"subforum-item\" data-channel-id=\"" + std::to_string(sub.id) + "\"><div class=\"subforum-info\">"
                "<span class=\"icon b-icon-fa b-icon-fa--16 fa-solid fa-message read\" title=\"No New Posts\"></span><a href=\"" + channel_path(sub.id) +
                "\" class=\"subforum-title\">" + html_escape(sub.name) + "</a> <span class=\"counts\">(" + std::to_string(topics_in(board, sub.id).size()) + ")</span></div></td>";
    if (!subs.empty())
      out += "<tr class=\"subforum-list\"><td colspan=\"4\"><div class=\"subforum-header h-clear\">Sub-Forums</div><table><tr>" + subs + "</tr></table></td></tr>\n";
  }
  return out + "</table>\n<div class=\"list-footer\"><a href=\"#\" class=\"markchannelsread b-button\">Mark Channels Read</a></div>\n";
}

// The home page ("/", the "Forums" page of the home route) and the root channel /forum
// both show the whole channel list; the category's page lists its forums.
std::string vb5_forum_home(const Board& board, const std::string& canonical, const std::vector<std::pair<std::string, std::string>>& crumbs, int parent) {
  return vb5_head(parent ? kCategory.name : "Forum", canonical, crumbs, 0) +
         "<div class=\"b-module canvas-widget forum-list-widget\" id=\"widget_3\"><div class=\"widget-header\"><h1 class=\"module-title\">" +
         html_escape(parent ? kCategory.name : "Forum") + "</h1></div><div class=\"widget-content\">\n" + vb5_forum_list(board, parent) + "</div></div>\n" + vb5_foot();
}

// toolbar_filter_menu: vB prints the sort and filter choices as radio inputs in a form its
// script reads, and then puts the choice in the address (?filter_sort=...&filter_order=...,
// data-allow-history); the addresses that script makes are written here as the links a
// guest meets when such an address is shared or linked, which show the page already read.
std::string vb5_filters(const std::string& base) {
  std::string out = "<div class=\"conversation-toolbar-wrapper top h-clear scrolltofixed-floating scrolltofixed-top\" data-allow-history=\"1\">"
                    "<div class=\"conversation-toolbar\"><ul class=\"toolset-right\"><li class=\"toolbar-filter\">"
                    "<form action=\"\" method=\"post\" class=\"toolbar-filter-overlay\"><input type=\"hidden\" name=\"view\" value=\"topic\" />"
                    "<input type=\"hidden\" name=\"nolimit\" value=\"1\" />";
  for (const char* name : {"filter_time=time_all", "filter_time=time_today", "filter_time=time_lastweek", "filter_time=time_lastmonth",
                           "filter_show=show_all", "filter_show=vBForum_Text", "filter_show=vBForum_Gallery", "filter_sort=lastcontent",
                           "filter_sort=created", "filter_sort=replies", "filter_sort=title", "filter_sort=author", "filter_sort=votes",
                           "filter_order=desc", "filter_order=asc", "filter_prefix=-1", "filter_prefix=-2", "filter_has_answer=1"}) {
    const std::string pair(name);
    const std::size_t eq = pair.find('=');
    out += "<label><input type=\"radio\" name=\"" + pair.substr(0, eq) + "\" value=\"" + pair.substr(eq + 1) + "\" /><a href=\"" + base + "?" + pair +
           "\">" + pair.substr(eq + 1) + "</a></label>";
  }
  return out + "<a href=\"" + base + "?filter_sort=title&amp;filter_order=asc&amp;filter_time=time_lastmonth\">Title, last month</a>"
               "<label class=\"no-filter-option\"><a href=\"/advanced_search\">Advanced</a></label></form></li></ul></div></div>\n";
}

// display_Topics_item: one topic of a channel's list.
std::string vb5_topic_row(const SiteTopic& t, int forum_id) {
  const SitePost& first = t.posts.front();
  const SitePost& last = t.posts.back();
  const std::string url = topic_path(t, forum_id);
  auto by = [](const std::string& author) {
    return user_id(author) ? "by <a href=\"" + member_path(author) + "\" data-vbnamecard=\"" + std::to_string(user_id(author)) + "\">" + html_escape(author) + "</a>"
                           : "by " + html_escape(author);
  };
  std::string out = "<tr class=\"topic-item unread js-topic-item\" data-lastcontent=\"" + std::to_string(last.date) + "\" data-node-id=\"" + node_of(t) +
                    "\" data-channel-id=\"" + std::to_string(forum_id) + "\">\n<td class=\"cell-topic-image js-full-height\"><div class=\"topic-avatar\">" +
                    vb5_avatar(first.author, "avatar") + "</div></td>\n<td class=\"cell-topic js-cell-topic\"><div class=\"topic-wrapper js-topic-wrapper h-wordwrap\">";
  if (std::stoi(node_of(t)) % 5 == 0)
    out += "<a class=\"topic-prefix js-topic-prefix\" href=\"" + search_json("{\"prefix\":[\"question\"]}") + "\">Question</a> ";
  out += "<a href=\"" + url + "\" class=\"topic-title js-topic-title\">" + html_escape(t.title) + "</a><div class=\"topic-by h-hide-on-large\">" + by(first.author) +
         "</div></div>\n<div class=\"topic-info h-clear h-hide-on-small\">Started by " +
         (user_id(first.author) ? "<a href=\"" + member_path(first.author) + "\">" + html_escape(first.author) + "</a>" : html_escape(first.author)) + ", " + vb5_date(first.date) +
         "</div></td>\n<td class=\"cell-icons\"></td>\n<td class=\"cell-count\"><div class=\"posts-count\">" + std::to_string(t.posts.size() - 1) +
         " responses</div><div class=\"views-count\">" + std::to_string(t.posts.size() * 17) + " views</div><div class=\"votes-count\">0 likes</div></td>\n"
         "<td class=\"cell-lastpost\"><span class=\"h-hide-on-large\">Last Post</span>" + vb5_avatar(last.author, "avatar") +
         "<div class=\"lastpost-by\">" + by(last.author) + "</div><div class=\"go-to-last-post-container\"><span class=\"post-date\">" + vb5_date(last.date) +
         "</span> <a href=\"" + url + "?p=" + last.id + "#post" + last.id + "\" class=\"go-to-last-post\" title=\"Go to last post\">"
         "<span class=\"b-icon-fa b-icon-fa--16 fa-solid fa-angles-right\" aria-hidden=\"true\"></span></a></div></td>\n</tr>\n";
  return out;
}

// A channel's pages: widget_subchannelsdisplay above widget_channeldisplay's topic tab
// (its toolbar with the filter menu and the pagenav with addresses, the topics, the pagenav
// without them, "mark this channel read").
void vb5_channel_pages(const fs::path& root, const Board& board, const Forum& forum, ForumSite& site) {
  // The default order, filter_sort=lastcontent, newest first.
  std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  std::stable_sort(topics.begin(), topics.end(), [](const SiteTopic* a, const SiteTopic* b) { return a->posts.back().date > b->posts.back().date; });
  const std::string base = channel_path(forum.id);
  std::vector<std::pair<std::string, std::string>> crumbs = {{"/forum", "Forum"}, {channel_path(kCategory.id), kCategory.name}};
  for (const Forum* f : forum_path(forum.parent)) crumbs.emplace_back(channel_path(f->id), f->name);
  crumbs.emplace_back("", forum.name);
  const int pages = pages_of(topics.size());
  auto address = [&](int p) { return p > 1 ? base + "/page" + std::to_string(p) : base; };
  for (int page = 1; page <= pages; ++page) {
    site.listing_pages.push_back(address(page));
    if (page == 1) site.forum_pages[forum.name] = address(page);
    std::string html = vb5_head(forum.name + (page > 1 ? " - Page " + std::to_string(page) : ""), address(page), crumbs, forum.id,
                                page > 1 ? address(page - 1) : "", page < pages ? address(page + 1) : "");
    bool has_sub = false;
    for (const Forum& sub : kForums) has_sub = has_sub || sub.parent == forum.id;
    if (has_sub)
      html += "<div class=\"b-module canvas-widget subchannel-widget widget-no-border widget-no-header\" id=\"widget_4\"><div class=\"widget-content\">\n" +
              vb5_forum_list(board, forum.id) + "</div></div>\n";
    html += "<div class=\"b-module canvas-widget channel-content-widget forum-channel-content-widget default-widget\" id=\"widget_5\" data-node-id=\"" +
            std::to_string(forum.id) + "\">\n<div class=\"widget-header\"><h1 class=\"module-title\">" + html_escape(forum.name) + "</h1></div>\n<div class=\"widget-content\">"
            "<div class=\"channel-conversation-list-wrapper block widget-tabs ui-tabs h-clear\"><a id=\"channel-module-top\" class=\"anchor js-module-top-anchor\"></a>"
            "<div class=\"blockhead widget-tabs-nav\"><ul class=\"ui-tabs-nav b-comp-menu-horizontal js-module-tab-menu\" data-allow-history=\"1\">"
            "<li class=\"ui-tabs-active\"><a href=\"#topic-tab\">Topics</a></li><li><a href=\"#activity-stream-tab\">Latest Activity</a></li>"
            "<li><a href=\"#subscribed-tab\">My Subscriptions</a></li><li><a href=\"#media-tab\">Photos</a></li></ul></div>\n"
            "<div class=\"blockbody widget-tabs-panel h-clearfix\"><div id=\"activity-stream-tab\" class=\"h-hide\"></div>\n<div id=\"topic-tab\" class=\"\">\n" +
            vb5_filters(base) + "<div class=\"h-show-on-xsmall h-right h-margin-top-l js-under-toolbar-pagenav h-margin-bottom-m\">" +
            vb5_pagenav(base, page, pages, true) + "</div>\n<table class=\"topic-list-container conversation-list\">\n<thead class=\"topic-list-header\"><tr>"
            "<th class=\"header-topic-image\"></th><th class=\"header-topic\"><span>Topic</span></th><th class=\"header-icons\"></th><th class=\"header-stats\">"
            "<span>Statistics</span></th><th class=\"header-lastpost\"><span>Last Post</span></th></tr></thead>\n<tbody class=\"topic-list h-clear \">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i)
      html += vb5_topic_row(*topics[static_cast<std::size_t>(i)], forum.id);
    html += "</tbody>\n</table>\n" + vb5_pagenav(base, page, pages, false) +
            "<div class=\"list-footer\"><a href=\"#\" class=\"js-markread b-button\" data-action=\"markRead\">Mark this channel read</a></div>\n"
            "</div>\n<div id=\"media-tab\" class=\"media-tab h-hide\"></div>\n</div></div></div>\n</div>\n" + vb5_foot();
    write_file(root, address(page).substr(1) + ".html", html);
  }
}

// bbcode_quote: "Originally posted by NAME" with the link to the quoted post.
std::string vb5_quote(const std::string& url, const SitePost& p) {
  const std::string quoted = std::to_string(std::stoi(p.id) - 1);  // every quote is of the post before
  return "<div class=\"bbcode_container\">\n<div class=\"bbcode_quote\">\n<div class=\"quote_container\">\n"
         "<div class=\"bbcode_quote_container b-icon-fa b-icon-fa--24 fa-solid fa-quote-left\"></div>\n<div class=\"bbcode_postedby\">\n"
         "Originally posted by <strong>" + html_escape(p.quote_author) + "</strong>\n<a href=\"" + url + "?p=" + quoted + "#post" + quoted +
         "\" rel=\"nofollow\" title=\"View Post\" class=\"animate-scroll\"><span class=\"b-icon-fa b-icon-fa--16 fa-solid fa-angles-right\" aria-hidden=\"true\"></span></a>\n"
         "</div>\n<div class=\"message\">" + html_escape(p.quote_text) + "</div>\n</div>\n</div>\n</div>\n";
}

// display_contenttype_threadview_header/_footer with conversation_userinfo: one post.
std::string vb5_post(const SiteTopic& t, const std::string& url, const SitePost& p, int position) {
  const std::string self = p.opening ? url + "#post" + p.id : url + "?p=" + p.id + "#post" + p.id;
  const int u = user_id(p.author);
  std::string out =
      "<li data-node-id=\"" + p.id + "\" data-node-publishdate=\"" + std::to_string(p.date) +
      "\" class=\"b-post js-post js-comment-entry__parent h-restore--on-preview b-post--text" + (p.opening ? " b-post--first js-conversation-starter" : " js-conversation-reply") +
      " h-left h-clear js-slideshow__gallery-node js-poll__parent \" itemscope itemtype=\"https://schema.org/" + (p.opening ? "DiscussionForumPosting" : "Comment") + "\">\n"
      "<a id=\"post" + p.id + "\" class=\"anchor\"></a>\n<meta itemprop=\"url\" content=\"" + self + "\" />\n<meta itemprop=\"publishDate\" content=\"" + vb5_iso(p.date) +
      "\" />\n<div class=\"b-post__grid-container\">\n<div class=\"b-post__userinfo-wrapper h-hide--on-preview\">\n<div class=\"userinfo b-userinfo b-post__hide-when-deleted\">\n" +
      vb5_avatar(p.author, "b-avatar b-avatar--l b-avatar--thread") + "\n<div class=\"b-userinfo__details\">\n<div class=\"author h-text-size--14\" itemprop=\"author\" itemscope "
      "itemtype=\"https://schema.org/Person\">\n<strong>\n" + vb5_userlink(p.author, true) + "\n</strong>\n</div>\n<div class=\"usertitle\">" +
      (u ? "Senior Member" : "Guest") + "</div>\n<ul class=\"b-userinfo__additional-info-block h-margin-top-xl\">";
  if (u)
    out += "<li class=\"b-userinfo__additional-info\"><label>Join Date:</label> <span>Jan 2020</span></li><li class=\"b-userinfo__additional-info\"><label>Posts:</label> <span>" +
           std::to_string(200 + u) + "</span></li>";
  out += "</ul>\n</div>\n</div>\n</div>\n<div class=\"js-post__content-wrapper b-post__body-wrapper h-restore--on-preview\">\n<div class=\"b-post__body h-restore--on-preview h-padding-16\">\n"
         "<div class=\"b-post__content js-post__content\">\n<hr class=\"b-divider--section\" />\n<div class=\"b-media h-hide--on-preview\">\n<div class=\"b-media__img--rev\">"
         "<a class=\"b-post__count js-show-post-link\" href=\"" + self + "\">#" + std::to_string(position) + "</a></div>\n<div class=\"b-media__body\">";
  if (p.opening) out += "<h2 class=\"b-post__title js-post-title b-post__hide-when-deleted\" itemprop=\"headline\">" + html_escape(t.title) + "</h2>";
  out += "<div class=\"b-post__timestamp\"><time itemprop=\"dateCreated\" datetime='" + vb5_iso(p.date) + "'>" + vb5_date(p.date) + "</time></div>\n</div>\n</div>\n"
         "<div class=\"b-post__hide-when-deleted\">\n<div class=\"OLD__post-content h-padding-vert-xl\">\n<div class=\"js-post__content-text restore h-wordwrap\" itemprop=\"text\">\n" +
         (p.quote_author.empty() ? "" : vb5_quote(url, p)) + paras_html(p.text, "<br />\n<br />\n") + "\n</div>\n</div>\n";
  if (std::stoi(p.id) % 7 == 0)  // an attachment (filedata/fetch)
    out += "<div class=\"b-post-attachments\"><ul><li><a href=\"/filedata/fetch?id=" + std::to_string(std::stoi(p.id) + 5000) + "&amp;d=1672653600\">"
           "<img src=\"/filedata/fetch?id=" + std::to_string(std::stoi(p.id) + 5000) + "&amp;type=thumb\" alt=\"orbit.jpg\" /></a></li></ul></div>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<div class=\"b-post__edit h-margin-vert-l\">Last edited by " + vb5_userlink(p.author, false) + "; <span class=\"time\">" + vb5_date(p.date + 3600) +
           "</span>.</div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div class=\"post-signature restore\">Ad astra per aspera &mdash; " + html_escape(p.author) + "</div>\n";
  const std::string shared = "https://forum.example" + self;  // the share links name the post's absolute address
  out += "</div>\n</div>\n</div>\n<div class=\"h-flex-spacer h-margin-top-16\"></div>\n<div class=\"b-post__footer h-hide--on-preview\">\n"
         "<ul class=\"b-post__footer__postinfo js-post-info\"></ul>\n<div class=\"b-post__footer__bottom-bar\">\n"
         "<div class=\"b-reactions js-reactions\" data-nodeid=\"" + p.id + "\"><span class=\"b-reactions__count js-reactions-count\">0</span></div>\n"
         "<div class=\"b-post__footer__controls-wrapper\"><ul class=\"h-left js-post-controls b-post-controls\">"
         "<li class=\"b-post-control js-post-control__quote\" data-nodeid=\"" + p.id + "\" title=\"Quote\"><span class=\"b-post-control__label\">Quote</span></li>"
         "<li class=\"b-post-control js-post-control__share\"><a href=\"https://www.facebook.com/sharer/sharer.php?u=" + shared + "\" target=\"_blank\">Facebook</a> "
         "<a href=\"https://twitter.com/intent/tweet?text=&amp;url=" + shared + "\" target=\"_blank\">Twitter</a></li></ul></div>\n</div>\n</div>\n"
         "<div class=\"edit-conversation-container\"></div>\n</div>\n</div>\n</li><!-- /end .b-post -->\n";
  return out;
}

// widget_conversationdisplay: a topic's pages, with its tabs (?view=thread, stream, media),
// tags (search?searchJSON={"tag":...}) and pagenav above and below the posts.
void vb5_topic_pages(const fs::path& root, const SiteTopic& t, int forum_id, ForumSite& site) {
  const std::string url = topic_path(t, forum_id);
  std::vector<std::pair<std::string, std::string>> crumbs = {{"/forum", "Forum"}, {channel_path(kCategory.id), kCategory.name}};
  for (const Forum* f : forum_path(forum_id)) crumbs.emplace_back(channel_path(f->id), f->name);
  crumbs.emplace_back("", t.title);
  const int pages = pages_of(t.posts.size());
  auto address = [&](int p) { return p > 1 ? url + "/page" + std::to_string(p) : url; };
  for (int page = 1; page <= pages; ++page) {
    site.topic_pages.push_back(address(page));
    site.topic_page_ids.push_back(t.id);
    std::string html = vb5_head(t.title + (page > 1 ? " - Page " + std::to_string(page) : ""), address(page), crumbs, forum_id,
                                page > 1 ? address(page - 1) : "", page < pages ? address(page + 1) : "") +
        "<div class=\"b-module canvas-widget default-widget conversation-content-widget forum-conversation-content-widget widget-tabs widget-no-border\" id=\"widget_5\">\n"
        "<div class=\"widget-header h-clearfix\"><div class=\"module-title h-left main-header-title\"><h1 class=\"main-title js-main-title hide-on-editmode\">" + html_escape(t.title) +
        "</h1></div>\n<div class=\"widget-tabs-nav h-clear\"><a id=\"topic-module-top\" class=\"anchor js-module-top-anchor\"></a><ul class=\"ui-tabs-nav hide-on-editmode\">"
        "<li><a href=\"" + url + "?view=thread\" data-href=\"" + url + "?view=thread\">Posts</a></li><li><a href=\"" + url + "?view=stream\" data-href=\"" + url +
        "?view=stream\">Latest Activity</a></li><li><a href=\"#media-view-tab\" data-href=\"" + url + "?view=media\">Photos</a></li></ul></div></div>\n"
        "<div class=\"widget-content tab widget-tabs-panel\"><div id=\"thread-view-tab\" class=\"conversation-view conversation-thread-view\">\n"
        "<div class=\"conversation-toolbar-wrapper top h-clearfix h-margin-bottom-l\"><div class=\"conversation-toolbar\">" + vb5_pagenav(url, page, pages, true) +
        "</div></div>\n<div class=\"conversation-content\"><ul class=\"conversation-list list-container h-clearfix thread-view\">\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += vb5_post(t, url, t.posts[static_cast<std::size_t>(k)], k + 1);
    html += "</ul></div>\n<div class=\"conversation-toolbar-wrapper bottom h-clearfix\">" + vb5_pagenav(url, page, pages, true) + "</div>\n</div></div>\n"
            "<div class=\"b-tags\">Tags: <a href=\"" + search_json("{\"tag\":[\"" + slugify(forum_by_id(forum_id).name) + "\"]}") + "\">" +
            slugify(forum_by_id(forum_id).name) + "</a> <a href=\"" + search_json("{\"tag\":[\"soyuz\"]}") + "\">soyuz</a></div>\n</div>\n" + vb5_foot();
    write_file(root, address(page).substr(1) + ".html", html);
  }
}

// vB 5/6's feed, /external (vB 6.0.6's vB5_Frontend_Controller_External, Codefollows/vb666
// includes/vb5/frontend/controller/external.php, which answers 304 to If-None-Match with
// If-Modified-Since; the lists are vB_External_Export::getItemList and formatItems and
// vB_External_Export_Rss_2, read in a public copy of vB 5.2.3's classes, whose repository
// the code search does not name; the vb666 snapshot holds no core/vb/):
// type=rss2 lists topic starters, newest first (starter_only, sort publishdate); with
// &lastpost=1 it lists the activity view by last post instead (sort last_post DESC), each
// item the topic's starter node (formatItems: external_nodeid = starter), linked by its
// absolute address (getAbsoluteNodeUrl: the topic's first page) and dated by its newest post.
// The count defaults to 500 (setOptionsData).
std::string vb5_feed(const Board& board, bool lastpost) {
  std::vector<std::size_t> topics;
  for (std::size_t i = 0; i < board.topics.size(); ++i) topics.push_back(i);
  auto dated = [&](std::size_t i) { return lastpost ? board.topics[i].posts.back().date : board.topics[i].posts.front().date; };
  std::stable_sort(topics.begin(), topics.end(), [&](std::size_t a, std::size_t b) { return dated(a) > dated(b); });
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\t<channel>\n\t\t<title>Test Board</title>\n\t\t<link><![CDATA[/]]></link>\n"
                    "\t\t<description>A board about spaceflight</description>\n\t\t<language>en</language>\n\t\t<generator>vBulletin</generator>\n\t\t<ttl>60</ttl>\n";
  for (const std::size_t i : topics) {
    const SiteTopic& t = board.topics[i];
    const SitePost& p = lastpost ? t.posts.back() : t.posts.front();
    const std::string url = topic_path(t, board.topic_forum[i]);
    out += "\t\t<item>\n\t\t\t<title>" + html_escape(t.title) + "</title>\n\t\t\t<link><![CDATA[" + url + "]]></link>\n\t\t\t<pubDate>" +
           utc(dated(i), "%a, %d %b %Y %H:%M:%S") + " GMT</pubDate>\n\t\t\t<description>" + html_escape(p.text) + "</description>\n"
           "\t\t\t<category domain=\"" + channel_path(board.topic_forum[i]) + "\">" + html_escape(t.forum) + "</category>\n\t\t\t<dc:creator>" + html_escape(p.author) +
           "</dc:creator>\n\t\t\t<guid isPermaLink=\"true\">" + url + "</guid>\n\t\t</item>\n";
  }
  return out + "\t</channel>\n</rss>\n";
}

}  // namespace

ForumSite write_vbulletin5_site(const fs::path& root) { return write_board(root, rewrite_vbulletin5_site); }

void rewrite_vbulletin5_site(const fs::path& root, ForumSite& site) {
  const Board board = start_writing(root, site);
  // The home page and the root channel both list the channels (an administrator may give
  // the home page other widgets, so neither can be left aside); the category lists its
  // forums under an address like theirs.
  site.listing_pages = {"/", "/forum", channel_path(kCategory.id)};
  // The head's feed, asked for by last post (data/profiles/vbulletin.toml).
  site.feeds = {"/external?type=rss2&lastpost=1"};
  write_file(root, "external@type=rss2.xml", vb5_feed(board, false));
  write_file(root, "external@type=rss2&lastpost=1.xml", vb5_feed(board, true));
  site.traps = {"/member/", "/search", "/advanced_search", "/auth/", "/register", "/lostpw", "/help", "/contact-us", "/privacy", "/terms-of-service",
                "/online", "/memberlist", "/calendar", "/activity", "/privatemessage", "/node/", "/filedata/", "/css.php", "/js/", "/core/image.php",
                "/images/", "?p=", "view=", "filter_", "goto=", "nodeid="};
  write_file(root, "index.html", vb5_forum_home(board, "/", {}, 0));
  write_file(root, "forum.html", vb5_forum_home(board, "/forum", {{"", "Forum"}}, 0));
  write_file(root, channel_path(kCategory.id).substr(1) + ".html",
             vb5_forum_home(board, channel_path(kCategory.id), {{"/forum", "Forum"}, {"", kCategory.name}}, kCategory.id));
  for (const Forum& f : kForums) vb5_channel_pages(root, board, f, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i) vb5_topic_pages(root, board.topics[i], board.topic_forum[i], site);
}

}  // namespace fora::test
