// MyBB 1.8 with its default theme as a guest sees it, written from the engine's own templates
// (mybb/mybb install/resources/mybb_theme.xml: index, forumbit_depth1_cat,
// forumbit_depth2_forum, forumdisplay_threadlist, forumdisplay_thread, showthread, postbit,
// postbit_posturl, postbit_find, postbit_quote, mycode_quote_post, multipage, header, footer)
// and its URL functions (inc/init.php, inc/functions.php get_thread_link, get_post_link,
// multipage, fetch_page_url): board index, a category, forums paged with page=, threads paged
// with page=. The default addresses are the plain ones (showthread.php?tid=N,
// forumdisplay.php?fid=N; the installer turns "search engine friendly URLs" on only where it
// finds mod_rewrite); write_mybb_seo_site() prints the other form (thread-N.html,
// forum-N.html). The dates are the shipped default format, "m-d-Y, h:i A".
#include <algorithm>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

constexpr int kCategory = 1;  // MyBB's top level is a category, itself a forumdisplay page
const std::string kCategoryName = "Test Board";
const std::string kPostKey = "7f3c1e0b2a9d8c6e5f4a3b2c1d0e9f8a";  // my_post_key of the guest's session

// The addresses of inc/init.php, in one of its two forms. `page` 1 is the plain address
// (fetch_page_url drops "&page=1" and "-page-1").
struct MybbUrls {
  bool seo;
  std::string forum(int fid, int page = 1) const {
    const std::string f = std::to_string(fid);
    if (seo) return "forum-" + f + (page > 1 ? "-page-" + std::to_string(page) : "") + ".html";
    return "forumdisplay.php?fid=" + f + (page > 1 ? "&page=" + std::to_string(page) : "");
  }
  std::string thread(const std::string& tid, int page = 1) const {
    if (seo) return "thread-" + tid + (page > 1 ? "-page-" + std::to_string(page) : "") + ".html";
    return "showthread.php?tid=" + tid + (page > 1 ? "&page=" + std::to_string(page) : "");
  }
  std::string thread_action(const std::string& tid, const char* action) const {
    return seo ? "thread-" + tid + "-" + action + ".html" : "showthread.php?tid=" + tid + "&action=" + action;
  }
  std::string thread_post(const std::string& tid, const std::string& pid) const {
    return seo ? "thread-" + tid + "-post-" + pid + ".html" : "showthread.php?tid=" + tid + "&pid=" + pid;
  }
  std::string post(const std::string& pid) const { return seo ? "post-" + pid + ".html" : "showthread.php?pid=" + pid; }
  std::string profile(int uid) const {
    return seo ? "user-" + std::to_string(uid) + ".html" : "member.php?action=profile&uid=" + std::to_string(uid);
  }
  std::string calendar() const { return seo ? "calendar-1.html" : "calendar.php?calendar=1"; }
};

// An address as an href: MyBB escapes its links with htmlspecialchars_uni.
std::string href(const std::string& url) { return html_escape(url); }

// The file fora-testserver serves for `url` (relative to the board's root).
std::string file_of(const std::string& url) {
  const std::size_t q = url.find('?');
  return q == std::string::npos ? url : url.substr(0, q) + "@" + url.substr(q + 1) + ".html";
}

std::string mybb_date(std::int64_t t) { return utc(t, "%m-%d-%Y, %I:%M %p"); }

// A forum's threads as forumdisplay lists them by default: newest last post first.
std::vector<const SiteTopic*> threads_by_last_post(const Board& board, int fid) {
  std::vector<const SiteTopic*> topics = topics_in(board, fid);
  std::stable_sort(topics.begin(), topics.end(), [](const SiteTopic* a, const SiteTopic* b) { return a->posts.back().date > b->posts.back().date; });
  return topics;
}

// headerinclude, header, header_menu_*, header_welcomeblock_guest, nav.
std::string mybb_head(const std::string& title, const std::string& extra_head, const std::string& nav) {
  return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
         "<html xml:lang=\"en\" lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title>" + html_escape(title) + "</title>\n"
         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Latest Threads (RSS 2.0)\" href=\"syndication.php\" />\n"
         "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Latest Threads (Atom 1.0)\" href=\"syndication.php?type=atom1.0\" />\n"
         "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n"
         "<script type=\"text/javascript\" src=\"jscripts/general.js?ver=1827\"></script>\n"
         "<link type=\"text/css\" rel=\"stylesheet\" href=\"cache/themes/theme1/global.css?t=1700000000\" />\n" + extra_head +
         "</head>\n<body>\n<div id=\"container\">\n<a name=\"top\" id=\"top\"></a>\n<div id=\"header\">\n<div id=\"logo\"><div class=\"wrapper\">"
         "<a href=\"index.php\"><img src=\"images/logo.png\" alt=\"Test Board\" title=\"Test Board\" /></a>\n<ul class=\"menu top_links\">\n"
         "<li><a href=\"portal.php\" class=\"portal\">Portal</a></li>\n<li><a href=\"search.php\" class=\"search\">Search</a></li>\n"
         "<li><a href=\"memberlist.php\" class=\"memberlist\">Member List</a></li>\n<li><a href=\"calendar.php\" class=\"calendar\">Calendar</a></li>\n"
         "<li><a href=\"misc.php?action=help\" class=\"help\">Help</a></li>\n</ul>\n</div></div>\n"
         "<div id=\"panel\"><div class=\"upper\"><div class=\"wrapper\">\n<form action=\"search.php\"><fieldset id=\"search\"><input name=\"keywords\" type=\"text\" class=\"textbox\" />"
         "<input value=\"Search\" type=\"submit\" class=\"button\" /><input type=\"hidden\" name=\"action\" value=\"do_search\" /></fieldset></form>\n"
         "<span class=\"welcome\">Hello There, Guest! <a href=\"member.php?action=login\" class=\"login\">Login</a> <a href=\"member.php?action=register\" class=\"register\">Register</a></span>\n"
         "</div></div></div>\n</div>\n<div id=\"content\">\n<div class=\"wrapper\">\n<div class=\"navigation\">\n<a href=\"index.php\">Test Board</a>" + nav +
         "\n</div>\n<br />\n";
}

// footer: the lite ("archive") mode of the page, mark-read, syndication, the team.
std::string mybb_foot(const std::string& archive) {
  return "</div>\n</div>\n<div id=\"footer\">\n<div class=\"upper\"><div class=\"wrapper\">\n<ul class=\"menu bottom_links\">\n"
         "<li><a href=\"showteam.php\">Forum Team</a></li>\n<li><a href=\"contact.php\">Contact Us</a></li>\n"
         "<li><a href=\"https://example.org/\">Test Board</a></li>\n<li><a href=\"#top\">Return to Top</a></li>\n"
         "<li><a href=\"" + href(archive) + "\">Lite (Archive) Mode</a></li>\n<li><a href=\"misc.php?action=markread&amp;my_post_key=" + kPostKey +
         "\">Mark all forums read</a></li>\n<li><a href=\"misc.php?action=syndication\">RSS Syndication</a></li>\n</ul>\n</div></div>\n"
         "<div class=\"lower\"><div class=\"wrapper\"><span id=\"current_time\"><strong>Current time:</strong> 12-06-2026, 08:48 PM</span>\n"
         "<span id=\"copyright\">Powered By <a href=\"https://mybb.com\" target=\"_blank\" rel=\"noopener\">MyBB</a>, &copy; 2002-2026 "
         "<a href=\"https://mybb.com\" target=\"_blank\" rel=\"noopener\">MyBB Group</a>.</span></div></div>\n</div>\n"
         "<img src=\"task.php\" width=\"1\" height=\"1\" alt=\"\" />\n</div>\n</body>\n</html>\n";
}

// nav_bit for the forums above `fid` and itself (the category first).
std::string mybb_nav(const MybbUrls& u, int fid, bool last_active) {
  std::string out = " &rsaquo; <a href=\"" + href(u.forum(kCategory)) + "\">" + html_escape(kCategoryName) + "</a>";
  for (const Forum* f : forum_path(fid))
    out += (last_active && f->id == fid) ? " &rsaquo; <span class=\"active\">" + html_escape(f->name) + "</span>"
                                         : " &rsaquo; <a href=\"" + href(u.forum(f->id)) + "\">" + html_escape(f->name) + "</a>";
  return out;
}

// build_profile_link: a guest's name is not a link.
std::string mybb_profile_link(const MybbUrls& u, const std::string& author) {
  const int uid = user_id(author);
  if (uid == 0) return html_escape(author);
  return "<a href=\"" + href(u.profile(uid)) + "\">" + html_escape(author) + "</a>";
}

// multipage, multipage_page, multipage_page_current, multipage_nextpage; `url(p)` is page p.
template <typename PageUrl>
std::string mybb_multipage(int page, int pages, PageUrl url) {
  if (pages < 2) return "";
  std::string out = "<div class=\"pagination\">\n<span class=\"pages\">Pages (" + std::to_string(pages) + "):</span>\n";
  if (page > 1) out += "<a href=\"" + href(url(page - 1)) + "\" class=\"pagination_previous\">&laquo; Previous</a>";
  for (int p = 1; p <= pages; ++p)
    out += p == page ? " <span class=\"pagination_current\">" + std::to_string(p) + "</span>\n"
                     : "<a href=\"" + href(url(p)) + "\" class=\"pagination_page\">" + std::to_string(p) + "</a>\n";
  if (page < pages) out += "<a href=\"" + href(url(page + 1)) + "\" class=\"pagination_next\">Next &raquo;</a>\n";
  return out + "</div>\n";
}

// postbit (the default horizontal layout) with postbit_posturl, postbit_author_user,
// postbit_reputation_formatted_link, postbit_editedby, postbit_signature and the buttons a
// guest sees (find, email, PM, quote, multi-quote, report).
std::string mybb_post(const MybbUrls& u, const SiteTopic& t, std::size_t k) {
  const SitePost& p = t.posts[k];
  const int uid = user_id(p.author);
  const std::string ustr = std::to_string(uid);
  std::string message;
  if (!p.quote_author.empty()) {
    // mycode_quote_post with postbit_gotopost: [quote="name" pid="M" dateline="D"]
    const SitePost& quoted = t.posts[k - 1];  // the board quotes the post before
    const std::string& pid = quoted.id;
    message += "<blockquote class=\"mycode_quote\"><cite><span> (" + mybb_date(quoted.date) + ")</span>" +
               html_escape(p.quote_author) + " Wrote:  <a href=\"" + href(u.post(pid)) + "#pid" + pid + "\" class=\"quick_jump\"></a></cite>" +
               html_escape(p.quote_text) + "</blockquote><br />\n";
  }
  message += paras_html(p.text, "<br />\n<br />\n");
  std::string out = "\n<a name=\"pid" + p.id + "\" id=\"pid" + p.id + "\"></a>\n<div class=\"post \" style=\"\" id=\"post_" + p.id + "\">\n<div class=\"post_author\">\n";
  if (uid)
    out += "<div class=\"author_avatar\"><a href=\"" + href(u.profile(uid)) + "\"><img src=\"images/default_avatar.png\" alt=\"\" width=\"70\" height=\"70\" /></a></div>\n";
  out += "<div class=\"author_information\">\n<strong><span class=\"largetext\">" + mybb_profile_link(u, p.author) + "</span></strong> "
         "<img src=\"images/buddy_offline.png\" title=\"Offline\" alt=\"Offline\" class=\"buddy_status\" /><br />\n<span class=\"smalltext\">" +
         (uid ? "Member<br />\n<img src=\"images/star.png\" border=\"0\" alt=\"*\" />" : "Unregistered<br />") + "\n</span>\n</div>\n<div class=\"author_statistics\">\n";
  if (uid)
    out += "Posts: " + std::to_string(40 + uid) + "<br />\nThreads: " + std::to_string(uid % 7) + "<br />\nJoined: Dec 2017\n<br />Reputation: <a href=\"reputation.php?uid=" +
           ustr + "\"><strong class=\"reputation_positive\">" + std::to_string(uid % 5) + "</strong></a>\n";
  else
    out += "&nbsp;\n";
  out += "</div>\n</div>\n<div class=\"post_content\">\n<div class=\"post_head\">\n<div class=\"float_right\" style=\"vertical-align: top\">\n"
         "<strong><a href=\"" + href(u.thread_post(t.id, p.id)) + "#pid" + p.id + "\" title=\"" + (p.opening ? "" : "RE: ") + html_escape(t.title) + "\">#" +
         std::to_string(k + 1) + "</a></strong>\n</div>\n<span class=\"post_date\">" + mybb_date(p.date) + " <span class=\"post_edit\" id=\"edited_by_" + p.id + "\">";
  if (std::stoi(p.id) % 9 == 0)
    out += "<span class=\"edited_post\">(This post was last modified: " + mybb_date(p.date + 3600) + " by " + mybb_profile_link(u, p.author) + ".)</span>";
  out += "</span></span>\n</div>\n<div class=\"post_body scaleimages\" id=\"pid_" + p.id + "\">\n" + message + "\n</div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div class=\"signature scaleimages\">\nAd astra per aspera &mdash; " + html_escape(p.author) + "\n</div>\n";
  out += "<div class=\"post_meta\" id=\"post_meta_" + p.id + "\">\n<div class=\"float_right\">\n</div>\n</div>\n</div>\n"
         "<div class=\"post_controls\">\n<div class=\"postbit_buttons author_buttons float_left\">\n";
  if (uid)
    out += "<a href=\"member.php?action=emailuser&amp;uid=" + ustr + "\" title=\"Send this user an email\" class=\"postbit_email\"><span>Email</span></a>"
           "<a href=\"private.php?action=send&amp;uid=" + ustr + "\" title=\"Send this user a private message\" class=\"postbit_pm\"><span>PM</span></a>"
           "<a href=\"search.php?action=finduser&amp;uid=" + ustr + "\" title=\"Find all posts by this user\" class=\"postbit_find\"><span>Find</span></a>\n";
  out += "</div>\n<div class=\"postbit_buttons post_management_buttons float_right\">\n"
         "<a href=\"newreply.php?tid=" + t.id + "&amp;replyto=" + p.id + "\" title=\"Quote this message in a reply\" class=\"postbit_quote postbit_mirage\"><span>Reply</span></a>"
         "<a href=\"javascript:void(0)\" onclick=\"Thread.multiQuote(" + p.id + "); return false;\" style=\"display: none;\" id=\"multiquote_link_" + p.id +
         "\" title=\"Quote this post\" class=\"postbit_multiquote postbit_mirage\"><span id=\"multiquote_" + p.id + "\">Quote</span></a>"
         "<a href=\"javascript:void(0)\" onclick=\"Report.reportPost(" + p.id + "); return false;\" title=\"Report this post to a moderator\" class=\"postbit_report\"><span>Report</span></a>\n"
         "</div>\n</div>\n</div>\n";
  return out;
}

void mybb_thread_pages(const fs::path& root, const MybbUrls& u, const SiteTopic& t, int fid, ForumSite& site) {
  const int pages = pages_of(t.posts.size());
  auto page_url = [&](int p) { return u.thread(t.id, p); };
  for (int page = 1; page <= pages; ++page) {
    const std::string here = u.thread(t.id, page);
    site.topic_pages.push_back("/" + here);
    site.topic_page_ids.push_back(t.id);
    const std::size_t first = static_cast<std::size_t>((page - 1) * kPerPage);
    const std::string first_pid = t.posts[first].id;
    std::string html = mybb_head(t.title, "", mybb_nav(u, fid, false) + " &rsaquo; <span class=\"active\">" + html_escape(t.title) + "</span>") +
        "<div class=\"float_left\">\n" + mybb_multipage(page, pages, page_url) + "</div>\n<div class=\"float_right\">\n"
        "<a href=\"newreply.php?tid=" + t.id + "\" class=\"button new_reply_button\"><span>New Reply</span></a>&nbsp;\n</div>\n"
        "<div style=\"margin-top: 6px; padding-right: 10px;\" class=\"float_right\"><div class=\"inline_rating\"><ul class=\"star_rating\" id=\"rating_thread_" + t.id + "\">"
        "<li><a class=\"one_star\" title=\"1 star out of 5\" href=\"./ratethread.php?tid=" + t.id + "&amp;rating=1&amp;my_post_key=" + kPostKey + "\">1</a></li></ul></div></div>\n"
        "<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder tfixed clear\">\n<tr>\n<td class=\"thead\">\n<div class=\"float_right\">\n"
        "<span class=\"smalltext\"><strong><a href=\"showthread.php?mode=threaded&amp;tid=" + t.id + "&amp;pid=" + first_pid + "#pid" + first_pid +
        "\">Threaded Mode</a></strong></span>\n</div>\n<div>\n<strong>" + html_escape(t.title) + "</strong>\n</div>\n</td>\n</tr>\n"
        "<tr><td id=\"posts_container\">\n<div id=\"posts\">\n";
    for (std::size_t k = first; k < std::min(first + kPerPage, t.posts.size()); ++k)
      html += mybb_post(u, t, k);
    html += "</div>\n</td></tr>\n<tr>\n<td class=\"tfoot\">\n<div class=\"float_right\">\n<form action=\"search.php\" method=\"post\">"
            "<input type=\"hidden\" name=\"action\" value=\"thread\" /><input type=\"hidden\" name=\"tid\" value=\"" + t.id + "\" />"
            "<input type=\"text\" name=\"keywords\" value=\"Enter Keywords\" class=\"textbox\" size=\"25\" /><input type=\"submit\" class=\"button\" value=\"Search Thread\" /></form>\n</div>\n"
            "<div>\n<strong>&laquo; <a href=\"" + href(u.thread_action(t.id, "nextoldest")) + "\">Next Oldest</a> | <a href=\"" +
            href(u.thread_action(t.id, "nextnewest")) + "\">Next Newest</a> &raquo;</strong>\n</div>\n</td>\n</tr>\n</table>\n"
            "<div class=\"float_left\">\n" + mybb_multipage(page, pages, page_url) + "</div>\n<br class=\"clear\" />\n"
            "<div class=\"float_left\">\n<ul class=\"thread_tools\">\n<li class=\"printable\"><a href=\"printthread.php?tid=" + t.id + "\">View a Printable Version</a></li>\n"
            "<li class=\"sendthread\"><a href=\"sendthread.php?tid=" + t.id + "\">Send this Thread to a Friend</a></li>\n"
            "<li class=\"subscription_add\"><a href=\"usercp.php?action=addsubscription&amp;tid=" + t.id + "&amp;my_post_key=" + kPostKey + "\">Subscribe to this thread</a></li>\n"
            "</ul>\n</div>\n<br class=\"clear\" />\n<span class=\"smalltext\">Users browsing this thread: 1 Guest(s)</span>\n";
    write_file(root, file_of(here), html + mybb_foot("archive/index.php?thread-" + t.id + ".html"));
  }
}

// forumbit_depth2_forum with forumbit_depth2_forum_lastpost (its last post's thread).
std::string mybb_forumbit(const MybbUrls& u, const Forum& f, const Board& board) {
  std::string subforums;
  for (const Forum& sub : kForums)
    if (sub.parent == f.id)
      subforums += "<br />Sub Forums: <a href=\"" + href(u.forum(sub.id)) + "\" title=\"\">" + html_escape(sub.name) + "</a>";
  std::string lastpost = "<div style=\"text-align: center;\">Never</div>";
  const auto topics = topics_in(board, f.id);
  if (const SiteTopic* newest = newest_in(board, f.id)) {
    const SiteTopic& t = *newest;
    lastpost = "<span class=\"smalltext\">\n<a href=\"" + href(u.thread_action(t.id, "lastpost")) + "\" title=\"" + html_escape(t.title) + "\"><strong>" +
               html_escape(t.title) + "</strong></a>\n<br />" + mybb_date(t.posts.back().date) + "<br />by " + mybb_profile_link(u, t.posts.back().author) + "</span>";
  }
  return "<tr>\n<td class=\"trow1\" align=\"center\" width=\"1\"><span class=\"forum_status forum_off ajax_mark_read\" title=\"No New Posts\" id=\"mark_read_" +
         std::to_string(f.id) + "\"></span></td>\n<td class=\"trow1\">\n<strong><a href=\"" + href(u.forum(f.id)) + "\">" + html_escape(f.name) +
         "</a></strong><div class=\"smalltext\">About " + html_escape(f.name) + "." + subforums + "</div>\n</td>\n"
         "<td class=\"trow1\" align=\"center\" style=\"white-space: nowrap\">" + std::to_string(topics.size()) + "</td>\n"
         "<td class=\"trow1\" align=\"center\" style=\"white-space: nowrap\">" + std::to_string(topics.size() * 9) + "</td>\n"
         "<td class=\"trow1\" align=\"right\" style=\"white-space: nowrap\">" + lastpost + "</td>\n</tr>\n";
}

// forumbit_depth1_cat: the category and its forums, as the index and the category's own page
// print them.
std::string mybb_category(const MybbUrls& u, const Board& board) {
  std::string out = "<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<thead>\n<tr>\n<td class=\"thead\" colspan=\"5\">\n"
                    "<div class=\"expcolimage\"><img src=\"images/collapse.png\" id=\"cat_1_img\" class=\"expander\" alt=\"[-]\" title=\"[-]\" /></div>\n"
                    "<div><strong><a href=\"" + href(u.forum(kCategory)) + "\">" + html_escape(kCategoryName) + "</a></strong><br /><div class=\"smalltext\"></div></div>\n"
                    "</td>\n</tr>\n</thead>\n<tbody style=\"\" id=\"cat_1_e\">\n";
  for (const Forum& f : kForums)
    if (f.parent == 0) out += mybb_forumbit(u, f, board);
  return out + "</tbody>\n</table>\n<br />\n";
}

// forumdisplay with forumdisplay_subforums, forumdisplay_threadlist (its sort links and
// sort form), forumdisplay_thread (who posted, last post, its pages).
void mybb_forum_pages(const fs::path& root, const MybbUrls& u, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = threads_by_last_post(board, forum.id);
  const std::string fid = std::to_string(forum.id);
  const int pages = pages_of(topics.size());
  const std::string rss = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Latest Threads in " + html_escape(forum.name) +
                          " (RSS 2.0)\" href=\"syndication.php?fid=" + fid + "\" />\n"
                          "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Latest Threads in " + html_escape(forum.name) +
                          " (Atom 1.0)\" href=\"syndication.php?type=atom1.0&amp;fid=" + fid + "\" />\n";
  for (int page = 1; page <= pages; ++page) {
    const std::string here = u.forum(forum.id, page);
    site.listing_pages.push_back("/" + here);
    if (page == 1) site.forum_pages[forum.name] = site.listing_pages.back();
    // $sorturl: the forum's address at this page, then datecut and prefix.
    const std::string sorturl = href(u.forum(forum.id, page)) + (u.seo ? "?" : "&amp;") + "datecut=9999&amp;prefix=0";
    std::string html = mybb_head("Test Board - " + forum.name, rss, mybb_nav(u, forum.id, true));
    std::string subforums;
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id) subforums += mybb_forumbit(u, sub, board);
    if (!subforums.empty())
      html += "<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<tr>\n<td class=\"thead\" colspan=\"5\" align=\"center\"><strong>Sub Forums in &nbsp;'" +
              html_escape(forum.name) + "'</strong></td>\n</tr>\n" + subforums + "</table>\n<br />\n";
    const std::string multipage = mybb_multipage(page, pages, [&](int p) { return u.forum(forum.id, p); });
    html += "<div class=\"float_left\">\n" + multipage + "</div>\n<div class=\"float_right\">\n<a href=\"newthread.php?fid=" + fid +
            "\" class=\"button new_thread_button\"><span>Post Thread</span></a>\n</div>\n"
            "<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder clear\">\n<tr>\n<td class=\"thead\" colspan=\"6\">\n<div class=\"float_right\">\n"
            "<span class=\"smalltext\"><strong><a href=\"misc.php?action=markread&amp;fid=" + fid + "&amp;my_post_key=" + kPostKey + "\">Mark this forum read</a></strong></span>\n"
            "</div>\n<div>\n<strong>" + html_escape(forum.name) + "</strong>\n</div>\n</td>\n</tr>\n<tr>\n"
            "<td class=\"tcat\" colspan=\"3\" width=\"66%\"><span class=\"smalltext\"><strong><a href=\"" + sorturl + "&amp;sortby=subject&amp;order=asc\">Thread</a>  / "
            "<a href=\"" + sorturl + "&amp;sortby=starter&amp;order=asc\">Author</a> </strong></span></td>\n"
            "<td class=\"tcat\" align=\"center\" width=\"7%\"><span class=\"smalltext\"><strong><a href=\"" + sorturl + "&amp;sortby=replies&amp;order=desc\">Replies</a> </strong></span></td>\n"
            "<td class=\"tcat\" align=\"center\" width=\"7%\"><span class=\"smalltext\"><strong><a href=\"" + sorturl + "&amp;sortby=views&amp;order=desc\">Views</a> </strong></span></td>\n"
            "<td class=\"tcat\" align=\"right\" width=\"20%\"><span class=\"smalltext\"><strong><a href=\"" + sorturl +
            "&amp;sortby=lastpost&amp;order=desc\">Last Post</a> <span class=\"smalltext\">[<a href=\"" + sorturl + "&amp;sortby=lastpost&amp;order=asc\">asc</a>]</span></strong></span></td>\n</tr>\n";
    for (std::size_t i = static_cast<std::size_t>((page - 1) * kPerPage); i < std::min(topics.size(), static_cast<std::size_t>(page * kPerPage)); ++i) {
      const SiteTopic& t = *topics[i];
      const int tpages = pages_of(t.posts.size());
      std::string thread_pages;
      if (tpages > 1) {
        thread_pages = " <span class=\"smalltext\">(Pages: ";
        for (int p = 1; p <= tpages; ++p) thread_pages += "<a href=\"" + href(u.thread(t.id, p)) + "\">" + std::to_string(p) + "</a> ";
        thread_pages += ")</span>";
      }
      const std::string bg = i % 2 ? "trow2" : "trow1";
      html += "<tr class=\"inline_row\">\n<td align=\"center\" class=\"" + bg + " forumdisplay_regular\" width=\"2%\"><span class=\"thread_status newfolder\" title=\"New posts.\">&nbsp;</span></td>\n"
              "<td align=\"center\" class=\"" + bg + " forumdisplay_regular\" width=\"2%\">&nbsp;</td>\n<td class=\"" + bg + " forumdisplay_regular\">\n<div>\n"
              "<span> <a href=\"" + href(u.thread_action(t.id, "newpost")) + "\"><img src=\"images/jump.png\" alt=\"Go to first unread post\" title=\"Go to first unread post\" /></a> "
              "<span class=\" subject_new\" id=\"tid_" + t.id + "\"><a href=\"" + href(u.thread(t.id)) + "\">" + html_escape(t.title) + "</a></span>" + thread_pages + "</span>\n"
              "<div><span class=\"author smalltext\">" + mybb_profile_link(u, t.posts.front().author) + ", </span><span class=\"thread_start_datetime smalltext\">" +
              mybb_date(t.posts.front().date) + "</span></div>\n</div>\n</td>\n"
              "<td align=\"center\" class=\"" + bg + " forumdisplay_regular\"><a href=\"misc.php?action=whoposted&tid=" + t.id + "\" onclick=\"MyBB.whoPosted(" + t.id +
              "); return false;\">" + std::to_string(t.posts.size() - 1) + "</a></td>\n"
              "<td align=\"center\" class=\"" + bg + " forumdisplay_regular\">" + std::to_string(t.posts.size() * 17) + "</td>\n"
              "<td class=\"" + bg + " forumdisplay_regular\" style=\"white-space: nowrap; text-align: right;\">\n<span class=\"lastpost smalltext\">" +
              mybb_date(t.posts.back().date) + "<br />\n<a href=\"" + href(u.thread_action(t.id, "lastpost")) + "\">Last Post</a>: " +
              mybb_profile_link(u, t.posts.back().author) + "</span>\n</td>\n</tr>\n";
    }
    html += "<tr>\n<td class=\"tfoot\" align=\"right\" colspan=\"6\">\n<form action=\"forumdisplay.php\" method=\"get\">\n<input type=\"hidden\" name=\"fid\" value=\"" + fid +
            "\" />\n<select name=\"sortby\"><option value=\"subject\">Sort by: Subject</option><option value=\"lastpost\" selected=\"selected\">Sort by: Last Post</option></select>\n"
            "<select name=\"order\"><option value=\"asc\">Order: Ascending</option><option value=\"desc\" selected=\"selected\">Order: Descending</option></select>\n"
            "<select name=\"datecut\"><option value=\"1\">From: Today</option><option value=\"9999\" selected=\"selected\">From: Beginning</option></select>\n"
            "<input type=\"submit\" class=\"button\" value=\"Go\" />\n</form>\n</td>\n</tr>\n</table>\n<div class=\"float_left\">\n" + multipage + "</div>\n"
            "<div class=\"float_right\" style=\"margin-top: 4px;\">\n<a href=\"newthread.php?fid=" + fid + "\" class=\"button new_thread_button\"><span>Post Thread</span></a>\n</div>\n"
            "<br class=\"clear\" />\n<div class=\"float_right\" style=\"text-align: right;\">\n<form action=\"search.php\"><input type=\"text\" class=\"textbox\" name=\"keywords\" />"
            "<input type=\"hidden\" name=\"action\" value=\"do_search\" /><input type=\"hidden\" name=\"forums[]\" value=\"" + fid + "\" /></form><br />\n</div>\n<br class=\"clear\" />\n";
    write_file(root, file_of(here), html + mybb_foot("archive/index.php?forum-" + fid + ".html"));
  }
}

// index with index_boardstats (who's online, statistics).
std::string mybb_index(const MybbUrls& u, const Board& board) {
  return mybb_head("Test Board", "", "") + mybb_category(u, board) +
         "<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<thead>\n<tr>\n<td class=\"thead\">\n<div><strong>Board Statistics</strong></div>\n</td>\n</tr>\n</thead>\n"
         "<tbody style=\"\" id=\"boardstats_e\">\n<tr>\n<td class=\"tcat\"><span class=\"smalltext\"><strong>Who's Online</strong> [<a href=\"online.php\">Complete List</a>]</span></td>\n</tr>\n"
         "<tr>\n<td class=\"trow1\"><span class=\"smalltext\">Our members have made a total of 412 posts in 30 threads.<br />We currently have 8 members registered.<br />"
         "Please welcome our newest member, " + mybb_profile_link(u, kAuthors.back()) + "<br /></span></td>\n</tr>\n"
         "<tr>\n<td class=\"tfoot\" style=\"text-align: right\">\n<span class=\"smalltext\">\n<a href=\"stats.php\">View Forum Statistics</a> | <a href=\"" +
         href(u.calendar()) + "\">Calendar</a>\n</span>\n</td>\n</tr>\n</tbody>\n</table>\n<br />\n" + mybb_foot("archive/index.php");
}

// The category's own forumdisplay page: its forums, no threads.
void mybb_category_page(const fs::path& root, const MybbUrls& u, const Board& board, ForumSite& site) {
  const std::string here = u.forum(kCategory);
  site.listing_pages.push_back("/" + here);
  write_file(root, file_of(here),
             mybb_head("Test Board - " + kCategoryName, "", " &rsaquo; <span class=\"active\">" + html_escape(kCategoryName) + "</span>") +
                 mybb_category(u, board) + mybb_foot("archive/index.php?forum-1.html"));
}

// syndication.php (mybb/mybb; 1.8's is 1.2's with get_input): RSS 2.0 of the newest threads,
// ORDER BY t.dateline DESC, 20 unless &limit= asks for up to 50, each linked as
// get_thread_link (showthread.php?tid=N, thread-N.html) and dated by the thread's start
// (class_feedgeneration.php). It names
// new threads only: a reply on an old one shows in the forum list's last post columns.
std::string mybb_feed(const MybbUrls& u, const Board& board) {
  std::vector<const SiteTopic*> threads;
  for (const SiteTopic& t : board.topics) threads.push_back(&t);
  std::stable_sort(threads.begin(), threads.end(), [](const SiteTopic* a, const SiteTopic* b) { return a->posts.front().date > b->posts.front().date; });
  if (threads.size() > 20) threads.resize(20);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\t<channel>\n"
                    "\t\t<title><![CDATA[Test Board - All Forums]]></title>\n\t\t<link><![CDATA[/]]></link>\n"
                    "\t\t<description><![CDATA[Test Board - /]]></description>\n\t\t<generator><![CDATA[MyBB]]></generator>\n";
  for (const SiteTopic* t : threads)
    out += "\t\t<item>\n\t\t\t<title><![CDATA[" + t->title + "]]></title>\n\t\t\t<link>/" + u.thread(t->id) + "</link>\n\t\t\t<pubDate>" +
           utc(t->posts.front().date, "%a, %d %b %Y %H:%M:%S +0000") + "</pubDate>\n\t\t\t<guid isPermaLink=\"false\">/" + u.thread(t->id) +
           "</guid>\n\t\t\t<description><![CDATA[" + paras_html(t->posts.front().text, "<br />") + "]]></description>\n\t\t</item>\n";
  return out + "\t</channel>\n</rss>\n";
}

void write_mybb(const fs::path& root, bool seo, ForumSite& site) {
  const MybbUrls u{seo};
  const Board board = start_writing(root, site);
  site.feeds = {"/syndication.php"};
  write_file(root, "syndication.php.xml", mybb_feed(u, board));
  site.traps = {"member.php", "reputation.php", "search.php", "misc.php", "newreply.php", "newthread.php", "printthread.php",
                "sendthread.php", "report.php", "archive/", "memberlist.php", "calendar", "private.php", "online.php", "stats.php",
                "showteam.php", "portal.php", "contact.php", "usercp.php", "ratethread.php", "pid=", "action=", "sortby=",
                "order=", "datecut=", "mode=", "user-", "post-", "-lastpost", "-newpost", "-nextoldest", "-nextnewest"};
  const std::string index = mybb_index(u, board);
  write_file(root, "index.html", index);
  write_file(root, "index.php.html", index);
  mybb_category_page(root, u, board, site);
  for (const Forum& f : kForums) mybb_forum_pages(root, u, f, board, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i) mybb_thread_pages(root, u, board.topics[i], board.topic_forum[i], site);
}

}  // namespace

void rewrite_mybb_site(const fs::path& root, ForumSite& site) { write_mybb(root, false, site); }
void rewrite_mybb_seo_site(const fs::path& root, ForumSite& site) { write_mybb(root, true, site); }
ForumSite write_mybb_site(const fs::path& root) { return write_board(root, rewrite_mybb_site); }
ForumSite write_mybb_seo_site(const fs::path& root) { return write_board(root, rewrite_mybb_seo_site); }

}  // namespace fora::test
