// vBulletin 4.2 with its default style as a guest without a session cookie sees it, in the
// engine's Standard URL form (forumdisplay.php?f=N, showthread.php?t=N&page=2; the other
// forms, showthread.php?N-slug and showthread.php/N-slug, print the same links under other
// spellings): forum home, forums paged with page=, threads paged with page=. The markup is
// that of the real vB 4 pages in ../shared/fixtures/real/vbulletin (vb4-bob-dorr-dies.html,
// drwindows-zufall-problemloesungen.html): li.postcontainer#post_N, span.postdate, the
// bbcode_container quote, blockquote.lastedited, the pagination form with its hidden t, the
// thread tools and display modes; the forum list and thread list follow vB 4's FORUMHOME
// forumbit and threadbit templates (li.threadbit#thread_N, a.title#thread_title_N, the
// per-thread page links, "who posted", last-post links and the sort links of the list head).
#include <algorithm>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

// A guest without a cookie gets the session id on every link (s=, 32 hex digits).
const std::string kSession = "ab674f49ef3d7c4d29ea7aadec5860a8";

// `href` (a query already escaped with &amp;) with the session id, before any fragment.
std::string vb_link(const std::string& href) {
  const std::size_t hash = href.find('#');
  const std::string base = href.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : href.substr(hash);
  return base + (base.find('?') == std::string::npos ? "?" : "&amp;") + "s=" + kSession + fragment;
}

std::string vb_date(std::int64_t t) {
  return utc(t, "%m-%d-%Y") + ",&nbsp;<span class=\"time\">" + utc(t, "%I:%M %p") + "</span>";
}

std::string vb_head(const std::string& title, const std::string& script, const std::string& canonical, int forum_id) {
  std::string out =
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" dir=\"ltr\" lang=\"en\" id=\"vbulletin_html\">\n<head>\n"
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n<meta name=\"generator\" content=\"vBulletin 4.2.5\" />\n"
      "<script type=\"text/javascript\">\nvar SESSIONURL = \"s=" + kSession + "&\";\nvar SECURITYTOKEN = \"guest\";\nvar THIS_SCRIPT = \"" + script + "\";\n</script>\n"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test Board RSS Feed\" href=\"external.php?type=RSS2\" />\n";
  if (forum_id)
    out += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test Board - " + html_escape(forum_by_id(forum_id).name) +
           " - RSS Feed\" href=\"external.php?type=RSS2&amp;forumids=" + std::to_string(forum_id) + "\" />\n";
  if (!canonical.empty()) out += "<link rel=\"canonical\" href=\"" + canonical + "\" />\n";
  out += "<title>" + html_escape(title) + "</title>\n</head>\n<body>\n<div class=\"above_body\">\n<div id=\"header\" class=\"floatcontainer doc_header\">"
         "<div><a name=\"top\" href=\"" + vb_link("forum.php") + "\" class=\"logo-image\"><img src=\"images/misc/vbulletin4_logo.png\" alt=\"Test Board\" /></a></div>\n"
         "<div id=\"toplinks\" class=\"toplinks\"><ul class=\"nouser\"><li><a href=\"" + vb_link("register.php") + "\" rel=\"nofollow\">Register</a></li>"
         "<li><a rel=\"help\" href=\"" + vb_link("faq.php") + "\">Help</a></li>"
         "<li><form id=\"navbar_loginform\" action=\"login.php?do=login\" method=\"post\"><a href=\"" + vb_link("login.php?do=lostpw") + "\">Forgot your password?</a></form></li></ul></div>\n"
         "<div id=\"navbar\" class=\"navbar\"><ul id=\"navtabs\" class=\"navtabs floatcontainer\">"
         "<li class=\"selected\"><a class=\"navtab\" href=\"" + vb_link("forum.php") + "\">Forum</a><ul class=\"floatcontainer\">"
         "<li><a href=\"" + vb_link("search.php?do=getdaily&amp;contenttype=vBForum_Post") + "\">Today's Posts</a></li>"
         "<li><a href=\"" + vb_link("forumdisplay.php?do=markread&amp;markreadhash=guest") + "\" onclick=\"return mark_forums_read();\">Mark Forums Read</a></li>"
         "<li class=\"popupmenu\"><a href=\"javascript://\" class=\"popupctrl\">Community</a><ul class=\"popupbody popuphover\">"
         "<li><a href=\"" + vb_link("group.php") + "\">Groups</a></li><li><a href=\"" + vb_link("album.php") + "\">Albums</a></li>"
         "<li><a href=\"" + vb_link("memberlist.php") + "\">Member List</a></li></ul></li>"
         "<li><a href=\"" + vb_link("calendar.php") + "\">Calendar</a></li>"
         "<li class=\"popupmenu\"><a href=\"javascript://\" class=\"popupctrl\">Forum Actions</a><ul class=\"popupbody popuphover\">"
         "<li><a href=\"" + vb_link("forumdisplay.php?do=markread&amp;markreadhash=guest") + "\">Mark Forums Read</a></li></ul></li>"
         "<li class=\"popupmenu\"><a href=\"javascript://\" class=\"popupctrl\">Quick Links</a><ul class=\"popupbody popuphover\">"
         "<li><a href=\"" + vb_link("search.php?do=getdaily&amp;contenttype=vBForum_Post") + "\">Today's Posts</a></li>"
         "<li><a href=\"" + vb_link("showgroups.php") + "\" rel=\"nofollow\">View Site Leaders</a></li>"
         "<li><a href=\"" + vb_link("activity.php") + "\">What's New?</a></li>"
         "<li><a href=\"" + vb_link("online.php") + "\">Who's Online</a></li></ul></li></ul></li>"
         "<li><a class=\"navtab\" href=\"" + vb_link("search.php?do=getnew&amp;contenttype=vBForum_Post") + "\" accesskey=\"2\">What's New?</a></li>"
         "<li><a class=\"navtab\" href=\"" + vb_link("blog.php") + "\">Blogs</a></li></ul>\n"
         "<div id=\"globalsearch\" class=\"globalsearch\"><form action=\"search.php?do=process\" method=\"post\" id=\"navbar_search\" class=\"navbar_search\">"
         "<input type=\"hidden\" name=\"s\" value=\"" + kSession + "\" /><input type=\"hidden\" name=\"securitytoken\" value=\"guest\" />"
         "<input type=\"hidden\" name=\"do\" value=\"process\" /><span class=\"textboxcontainer\"><input type=\"text\" value=\"\" name=\"query\" class=\"textbox\" /></span></form>"
         "<ul class=\"navbar_advanced_search\"><li><a href=\"" + vb_link("search.php") + "\" accesskey=\"4\">Advanced Search</a></li></ul></div>\n</div>\n</div>\n";
  return out;
}

std::string vb_breadcrumb(int forum_id, const std::string& last) {
  std::string crumbs;
  for (int id = forum_id; id;) {
    const Forum& f = forum_by_id(id);
    crumbs = "<li class=\"navbit\"><a href=\"" + vb_link("forumdisplay.php?f=" + std::to_string(f.id)) + "\">" + html_escape(f.name) + "</a></li>\n" + crumbs;
    id = f.parent;
  }
  return "<div id=\"breadcrumb\" class=\"breadcrumb\"><ul class=\"floatcontainer\">\n"
         "<li class=\"navbithome\"><a href=\"" + vb_link("index.php") + "\" accesskey=\"1\"><img src=\"images/misc/navbit-home.png\" alt=\"Home\" /></a></li>\n"
         "<li class=\"navbit\"><a href=\"" + vb_link("forum.php") + "\">Forum</a></li>\n" + crumbs +
         "<li class=\"navbit lastnavbit\"><span>" + html_escape(last) + "</span></li>\n</ul><hr /></div>\n</div>\n<div class=\"body_wrapper\">\n";
}

std::string vb_foot(int forum_id) {
  std::string out = "</div>\n<div id=\"footer\" class=\"floatcontainer footer\"><form action=\"forum.php\" method=\"get\" id=\"footer_select\" class=\"footer_select\"></form>"
                    "<ul id=\"footer_links\" class=\"footer_links\"><li><a href=\"" + vb_link("sendmessage.php") + "\" rel=\"nofollow\" accesskey=\"9\">Contact Us</a></li>"
                    "<li><a href=\"https://www.example.org/\">Test Board</a></li>";
  out += "<li><a href=\"" + vb_link(forum_id ? "archive/index.php/f-" + std::to_string(forum_id) + ".html" : "archive/index.php") + "\">Archive</a></li>"
         "<li><a href=\"" + vb_link("privacy.php") + "\">Privacy Statement</a></li><li><a href=\"#top\" onclick=\"document.location.hash='top'; return false;\">Top</a></li></ul>"
         "</div>\n<div id=\"footer_copyright\" class=\"shade footer_copyright\">Powered by <a href=\"https://www.vbulletin.com\" id=\"vbulletinlink\">vBulletin&reg;</a> Version 4.2.5"
         " <br />Copyright &copy; 2026 vBulletin Solutions, Inc. All rights reserved.</div>\n</body>\n</html>\n";
  return out;
}

std::string vb_member(const std::string& author, const char* css) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"" + std::string(css) + " guest\">" + html_escape(author) + "</span>";
  return "<a href=\"" + vb_link("member.php?u=" + std::to_string(u)) + "\" class=\"" + css + "\">" + html_escape(author) + "</a>";
}

// The page navigation vB 4 prints above and below a list (its pagenav template): the pages
// near this one, next, last and a jump form with the hidden fields of the address.
std::string vb_pagenav(const std::string& base, const char* key, const std::string& id, int page, int pages, const char* where) {
  if (pages < 2) return "";
  auto href = [&](int p) { return vb_link(base + (p > 1 ? "&amp;page=" + std::to_string(p) : "")); };
  std::string out = "<div id=\"pagination_" + std::string(where) + "\" class=\"pagination_" + where + "\">\n<form action=\"" +
                    vb_link(base + "&amp;page=" + std::to_string(std::min(page + 1, pages))) +
                    "\" method=\"get\" class=\"pagination popupmenu nohovermenu\">\n<input type=\"hidden\" name=\"" + key + "\" value=\"" + id +
                    "\" /><input type=\"hidden\" name=\"s\" value=\"" + kSession + "\" />\n<span><a href=\"javascript://\" class=\"popupctrl\">Page " +
                    std::to_string(page) + " of " + std::to_string(pages) + "</a></span>\n";
  if (page > 1)
    out += "<span class=\"first_last\"><a rel=\"start\" href=\"" + href(1) + "\" title=\"First Page\">First</a></span>"
           "<span class=\"prev_next\"><a rel=\"prev\" href=\"" + href(page - 1) + "\" title=\"Prev Page\">Prev</a></span>";
  for (int p = 1; p <= pages; ++p)
    out += p == page ? "<span class=\"selected\"><a href=\"javascript://\">" + std::to_string(p) + "</a></span>"
                     : "<span><a href=\"" + href(p) + "\">" + std::to_string(p) + "</a></span>";
  if (page < pages)
    out += "<span class=\"prev_next\"><a rel=\"next\" href=\"" + href(page + 1) + "\" title=\"Next Page\">Next</a></span>"
           "<span class=\"first_last\"><a href=\"" + href(pages) + "\" title=\"Last Page\">Last</a></span>";
  return out + "\n<ul class=\"popupbody popuphover\"><li class=\"formsubmit jumptopage\"><label>Jump to page: <input type=\"text\" name=\"page\" size=\"4\" /></label>"
               " <input type=\"submit\" class=\"button\" value=\"Go\" /></li></ul>\n</form>\n</div>\n";
}

// One post as vB 4's postbit_legacy prints it (see the fixtures named above).
std::string vb_post(const SiteTopic& t, const SitePost& p, int postcount) {
  const std::string u = std::to_string(user_id(p.author));
  std::string body;
  if (!p.quote_author.empty())
    body += "<div class=\"bbcode_container\">\n<div class=\"bbcode_quote\">\n<div class=\"quote_container\">\n<div class=\"bbcode_quote_container\"></div>\n"
            "<div class=\"bbcode_postedby\"><img src=\"images/misc/quote_icon.png\" alt=\"Quote\" /> Originally Posted by <strong>" + html_escape(p.quote_author) +
            "</strong> <a href=\"" + vb_link("showthread.php?p=" + std::to_string(std::stoi(p.id) - 1) + "#post" + std::to_string(std::stoi(p.id) - 1)) +
            "\" rel=\"nofollow\"><img class=\"inlineimg\" src=\"images/buttons/viewpost-right.png\" alt=\"View Post\" /></a></div>\n"
            "<div class=\"message\">" + html_escape(p.quote_text) + "</div>\n</div>\n</div>\n</div>";
  body += paras_html(p.text, "<br />\n<br />\n");
  std::string userinfo;
  if (user_id(p.author))
    userinfo = "<div class=\"popupmenu memberaction\"><a class=\"username offline popupctrl\" href=\"" + vb_link("member.php?u=" + u) + "\" title=\"" +
               html_escape(p.author) + " is offline\"><strong>" + html_escape(p.author) + "</strong></a>\n<ul class=\"popupbody popuphover memberaction_body\">"
               "<li class=\"left\"><a href=\"" + vb_link("member.php?u=" + u) + "\" class=\"siteicon_profile\">View Profile</a></li>"
               "<li class=\"right\"><a href=\"" + vb_link("search.php?do=finduser&amp;userid=" + u + "&amp;contenttype=vBForum_Post&amp;showposts=1") +
               "\" class=\"siteicon_forum\" rel=\"nofollow\">View Forum Posts</a></li>"
               "<li class=\"left\"><a href=\"" + vb_link("private.php?do=newpm&amp;u=" + u) + "\" class=\"siteicon_message\" rel=\"nofollow\">Private Message</a></li>"
               "<li class=\"right\"><a href=\"" + vb_link("blog.php?u=" + u) + "\" class=\"siteicon_blog\" rel=\"nofollow\">View Blog Entries</a></li></ul>\n</div>";
  else
    userinfo = "<span class=\"username guest\">" + html_escape(p.author) + "</span>";
  std::string out =
      "<li class=\"postbitlegacy postbitim postcontainer old\" id=\"post_" + p.id + "\">\n<div class=\"posthead\">\n<span class=\"postdate old\">"
      "<span class=\"date\">" + vb_date(p.date) + "</span></span>\n<span class=\"nodecontrols\"><a name=\"post" + p.id + "\" href=\"" +
      vb_link("showthread.php?t=" + t.id + "&amp;p=" + p.id + "&amp;viewfull=1#post" + p.id) + "\" class=\"postcounter\">#" + std::to_string(postcount) +
      "</a><a id=\"postcount" + p.id + "\" name=\"" + std::to_string(postcount) + "\"></a>"
      " <a href=\"" + vb_link("showpost.php?p=" + p.id + "&amp;postcount=" + std::to_string(postcount)) + "\" rel=\"nofollow\">Permalink</a></span>\n</div>\n"
      "<div class=\"postdetails\">\n<div class=\"userinfo\">\n<div class=\"username_container\">\n" + userinfo + "\n</div>\n"
      "<span class=\"usertitle\">" + (user_id(p.author) ? "Senior Member" : "Guest") + "</span>\n";
  if (user_id(p.author))
    out += "<a class=\"postuseravatar\" href=\"" + vb_link("member.php?u=" + u) + "\" title=\"" + html_escape(p.author) + " is offline\"><img src=\"customavatars/avatar" + u +
           "_1.gif\" alt=\"" + html_escape(p.author) + "'s Avatar\" /></a>\n<hr />\n<dl class=\"userinfo_extra\"><dt>Join Date</dt> <dd>Jan 2020</dd><dt>Posts</dt> <dd>" +
           std::to_string(200 + user_id(p.author)) + "</dd></dl>\n";
  out += "</div>\n<div class=\"postbody\">\n<div class=\"postrow has_after_content\">\n<h2 class=\"title icon\">" + (p.opening ? html_escape(t.title) : "") +
         "</h2>\n<div class=\"content\">\n<div id=\"post_message_" + p.id + "\">\n<blockquote class=\"postcontent restore \">\n" + body +
         "\n</blockquote>\n</div>\n</div>\n</div>\n<div class=\"after_content\">\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<!-- edit note -->\n<blockquote class=\"postcontent lastedited\">Last edited by " + html_escape(p.author) + "; " + utc(p.date + 3600, "%m-%d-%Y") +
           " at <span class=\"time\">" + utc(p.date + 3600, "%I:%M %p") + "</span>.</blockquote>\n<!-- / edit note -->\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<blockquote class=\"signature restore\"><div class=\"signaturecontainer\">Ad astra per aspera &mdash; " + html_escape(p.author) + "</div></blockquote>\n";
  out += "</div>\n<div class=\"cleardiv\"></div>\n</div>\n</div>\n<div class=\"postfoot\"><div class=\"textcontrols floatcontainer\"><span class=\"postcontrols\">"
         "<a id=\"qrwq_" + p.id + "\" class=\"newreply\" href=\"" + vb_link("newreply.php?do=newreply&amp;p=" + p.id) + "\" rel=\"nofollow\" title=\"Reply With Quote\">"
         "<img id=\"quoteimg_" + p.id + "\" src=\"clear.gif\" alt=\"Reply With Quote\" /> Reply With Quote</a></span>"
         "<span class=\"postlinking\"><a href=\"" + vb_link("report.php?p=" + p.id) + "\" rel=\"nofollow\" title=\"Report Post\"><img src=\"images/buttons/report-40b.png\" alt=\"Report Post\" /></a>"
         " <a href=\"" + vb_link("reputation.php?p=" + p.id) + "\" rel=\"nofollow\" id=\"reputation_" + p.id + "\">Reputation</a></span></div></div>\n<hr />\n</li>\n";
  return out;
}

std::string vb_thread_link(const SiteTopic& t, int page) {
  return "showthread.php?t=" + t.id + (page > 1 ? "&amp;page=" + std::to_string(page) : "");
}

void vb_topic_pages(const fs::path& root, const SiteTopic& t, int forum_id, const SiteTopic* older, const SiteTopic* newer, ForumSite& site) {
  const int pages = pages_of(t.posts.size());
  const std::string f = std::to_string(forum_id);
  const std::string base = "showthread.php?t=" + t.id;
  for (int page = 1; page <= pages; ++page) {
    const std::string query = "t=" + t.id + (page > 1 ? "&page=" + std::to_string(page) : "");
    site.topic_pages.push_back("/showthread.php?" + query);
    site.topic_page_ids.push_back(t.id);
    std::string html = vb_head(t.title + (page > 1 ? " - Page " + std::to_string(page) : ""), "showthread", vb_thread_link(t, page), forum_id) +
        vb_breadcrumb(forum_id, t.title) + "<div id=\"above_postlist\" class=\"above_postlist\">\n"
        "<a href=\"" + vb_link("newreply.php?do=newreply&amp;noquote=1&amp;p=" + t.posts.back().id) + "\" class=\"newcontent_textcontrol\" id=\"newreplylink_top\"><span>+</span> Reply to Thread</a>\n" +
        vb_pagenav(base, "t", t.id, page, pages, "top") + "<div id=\"postpagestats_above\" class=\"postpagestats\">Results " +
        std::to_string((page - 1) * kPerPage + 1) + " to " + std::to_string(std::min<std::size_t>(page * kPerPage, t.posts.size())) + " of " +
        std::to_string(t.posts.size()) + "</div>\n</div>\n<div id=\"pagetitle\" class=\"pagetitle\"><h1>Thread: <span class=\"threadtitle\"><a href=\"" +
        vb_link(vb_thread_link(t, page)) + "\" title=\"Reload this Page\">" + html_escape(t.title) + "</a></span></h1></div>\n"
        "<div id=\"thread_controls\" class=\"thread_controls toolsmenu\"><ul id=\"postlist_popups\" class=\"postlist_popups popupgroup\">"
        "<li class=\"popupmenu\" id=\"threadtools\"><h6><a class=\"popupctrl\" href=\"javascript://\">Thread Tools</a></h6><ul class=\"popupbody popuphover\">"
        "<li><a href=\"" + vb_link("printthread.php?t=" + t.id + "&amp;pp=10&amp;page=" + std::to_string(page)) + "\" accesskey=\"3\" rel=\"nofollow\">Show Printable Version</a></li>"
        "<li><a href=\"" + vb_link("sendmessage.php?do=sendtofriend&amp;t=" + t.id) + "\" rel=\"nofollow\">Email this Page&hellip;</a></li>"
        "<li><a href=\"" + vb_link("subscription.php?do=addsubscription&amp;t=" + t.id) + "\" rel=\"nofollow\">Subscribe to this Thread&hellip;</a></li></ul></li>"
        "<li class=\"popupmenu searchthread menusearch\" id=\"searchthread\"><form action=\"search.php\" method=\"post\"><div class=\"advancedsearchlink\"><a href=\"" +
        vb_link("search.php?search_type=1&amp;searchthreadid=" + t.id + "&amp;contenttype=vBForum_Post") + "\">Advanced Search</a></div>"
        "<input type=\"hidden\" name=\"searchthreadid\" value=\"" + t.id + "\" /></form></li>"
        "<li class=\"popupmenu\" id=\"displaymodes\"><h6><a class=\"popupctrl\" href=\"javascript://\">Display</a></h6><ul class=\"popupbody popuphover\">"
        "<li><label>Linear Mode</label></li><li><a href=\"" + vb_link(base + "&amp;mode=hybrid") + "\"> Switch to Hybrid Mode</a></li>"
        "<li><a href=\"" + vb_link("showthread.php?p=" + t.posts.front().id + "&amp;mode=threaded#post" + t.posts.front().id) + "\"> Switch to Threaded Mode</a></li></ul></li>"
        "</ul></div>\n<div id=\"postlist\" class=\"postlist restrain\">\n<ol id=\"posts\" class=\"posts\" start=\"1\">\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += vb_post(t, t.posts[static_cast<std::size_t>(k)], k + 1);
    html += "</ol>\n</div>\n<div id=\"below_postlist\" class=\"noinlinemod below_postlist\">\n" + vb_pagenav(base, "t", t.id, page, pages, "bottom") +
            "</div>\n<div id=\"thread_info\" class=\"thread_info block\"><div class=\"navlinks\"><strong>&laquo;</strong> <a href=\"" +
            vb_link(base + "&amp;goto=nextoldest") + "\" rel=\"nofollow\">Previous Thread</a> | <a href=\"" + vb_link(base + "&amp;goto=nextnewest") +
            "\" rel=\"nofollow\">Next Thread</a> <strong>&raquo;</strong></div>\n<a href=\"" + vb_link(base + "&amp;goto=newpost") + "\">First Unread</a>\n"
            "<h4 class=\"threadinfohead blockhead\">Similar Threads</h4><ol class=\"similarthreads\">";
    for (const SiteTopic* other : {older, newer})
      if (other)
        html += "<li class=\"floatcontainer\"><div class=\"titleblock\"><h6><a href=\"" + vb_link("showthread.php?t=" + other->id) + "\" title=\"\">" +
                html_escape(other->title) + "</a></h6><div class=\"starter_forum\">By " + vb_member(other->posts.front().author, "username") + " in forum <a href=\"" +
                vb_link("forumdisplay.php?f=" + f) + "\">" + html_escape(forum_by_id(forum_id).name) + "</a></div></div></li>";
    html += "</ol>\n<div class=\"options_block_container\"><div class=\"options_block\"><h4 class=\"collapse blockhead options_correct\">Posting Permissions</h4>"
            "<a href=\"" + vb_link("misc.php?do=bbcode") + "\" target=\"_blank\">BB code</a> is <strong>On</strong> <a href=\"" + vb_link("misc.php?do=showsmilies") +
            "\" target=\"_blank\">Smilies</a> are <strong>On</strong> <a href=\"" + vb_link("misc.php?do=bbcode") + "#imgcode\" target=\"_blank\">[IMG]</a> code is <strong>On</strong>"
            " <a href=\"" + vb_link("misc.php?do=showrules") + "\" target=\"_blank\">Forum Rules</a></div></div>\n</div>\n" + vb_foot(0);
    write_file(root, "showthread.php@" + query + ".html", html);
  }
}

// The list head's sort links and the display options form of vB 4's FORUMDISPLAY.
std::string vb_sort_links(const std::string& f) {
  std::string out = "<div class=\"threadlisthead table\"><div><span class=\"threadinfo\"><span class=\"threadtitle\">";
  for (const auto& [sort, label] : std::initializer_list<std::pair<const char*, const char*>>{
           {"title", "Title"}, {"postusername", "Started By"}, {"lastpost", "Last Post"}, {"replycount", "Replies"}, {"views", "Views"}})
    out += "<a href=\"" + vb_link("forumdisplay.php?f=" + f + "&amp;sort=" + sort + "&amp;order=asc") + "\" rel=\"nofollow\">" + label + "</a> ";
  out += "</span></span></div></div>\n<form id=\"forum_display_options\" action=\"forumdisplay.php\" method=\"get\" class=\"forum_display_options\">"
         "<input type=\"hidden\" name=\"f\" value=\"" + f + "\" /><select name=\"daysprune\"><option value=\"-1\" selected=\"selected\">Beginning</option></select></form>\n"
         "<a href=\"" + vb_link("forumdisplay.php?f=" + f + "&amp;pp=20&amp;sort=lastpost&amp;order=desc&amp;daysprune=-1") + "\">Show Threads from Beginning</a> "
         "<a href=\"" + vb_link("forumdisplay.php?f=" + f + "&amp;daysprune=30") + "\">Last Month</a>\n";
  return out;
}

void vb_forum_pages(const fs::path& root, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string f = std::to_string(forum.id);
  const std::string base = "forumdisplay.php?f=" + f;
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string query = "f=" + f + (page > 1 ? "&page=" + std::to_string(page) : "");
    site.listing_pages.push_back("/forumdisplay.php?" + query);
    if (page == 1) site.forum_pages[forum.name] = site.listing_pages.back();
    std::string html = vb_head(forum.name + (page > 1 ? " - Page " + std::to_string(page) : ""), "forumdisplay",
                               base + (page > 1 ? "&amp;page=" + std::to_string(page) : ""), forum.id) +
                       vb_breadcrumb(forum.parent, forum.name) + "<div id=\"pagetitle\"><h1 class=\"pagetitle\">Forum: <a href=\"" + vb_link(base) + "\">" +
                       html_escape(forum.name) + "</a></h1></div>\n";
    std::string subforums;
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        subforums += "<li id=\"forum" + std::to_string(sub.id) + "\" class=\"forumbit_post old L2\"><div class=\"forumrow table\"><div class=\"foruminfo td\">"
                     "<h2 class=\"forumtitle\"><a href=\"" + vb_link("forumdisplay.php?f=" + std::to_string(sub.id)) + "\">" + html_escape(sub.name) + "</a></h2></div></div></li>\n";
    if (!subforums.empty())
      html += "<div id=\"forumbits\" class=\"forumbits\"><div class=\"forumhead\"><h2><span class=\"forumtitle\">Sub-Forums</span></h2></div><ol>\n" + subforums + "</ol></div>\n";
    html += "<div id=\"above_threadlist\" class=\"above_threadlist\"><a href=\"" + vb_link("newthread.php?do=newthread&amp;f=" + f) +
            "\" class=\"newcontent_textcontrol\" rel=\"nofollow\"><span>+</span> Post New Thread</a>\n" + vb_pagenav(base, "f", f, page, pages, "top") + "</div>\n"
            "<div id=\"threadlist\" class=\"threadlist\">\n" + vb_sort_links(f) + "<ol id=\"threads\" class=\"threads\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      const int tpages = pages_of(t.posts.size());
      html += "<li class=\"threadbit hot\" id=\"thread_" + t.id + "\"><div class=\"rating0 nonsticky\"><div class=\"threadinfo\" title=\"\"><div class=\"inner\">"
              "<h3 class=\"threadtitle\"><a id=\"thread_gotonew_" + t.id + "\" href=\"" + vb_link("showthread.php?t=" + t.id + "&amp;goto=newpost") +
              "\" class=\"iconlink\"><img class=\"gotonewpost\" src=\"images/buttons/firstnew.png\" alt=\"Go to first new post\" /></a> "
              "<a title=\"\" class=\"title\" href=\"" + vb_link("showthread.php?t=" + t.id) + "\" id=\"thread_title_" + t.id + "\">" + html_escape(t.title) + "</a></h3>\n"
              "<div class=\"threadmeta\"><div class=\"author\"><span class=\"label\">Started by&nbsp;" + vb_member(t.posts.front().author, "username understate") +
              ",&nbsp;" + utc(t.posts.front().date, "%m-%d-%Y %I:%M %p") + "</span>\n";
      if (tpages > 1) {
        html += "<dl class=\"pagination\" id=\"pagination_threadbit_" + t.id + "\"><dt class=\"label\">" + std::to_string(tpages) +
                " Pages <span class=\"separator\">&bull;</span></dt><dd>";
        for (int p = 1; p <= tpages; ++p) html += "<span><a href=\"" + vb_link(vb_thread_link(t, p)) + "\">" + std::to_string(p) + "</a></span> ";
        html += "</dd></dl>\n";
      }
      html += "</div></div></div></div></div>\n<ul class=\"threadstats td alt\" title=\"\"><li>Replies: <a href=\"" + vb_link("misc.php?do=whoposted&amp;t=" + t.id) +
              "\" onclick=\"who(" + t.id + "); return false;\" class=\"understate\">" + std::to_string(t.posts.size() - 1) + "</a></li><li>Views: " +
              std::to_string(t.posts.size() * 17) + "</li></ul>\n<dl class=\"threadlastpost td\"><dt class=\"lastpostby hidden\">Last Post By</dt>"
              "<dd><div class=\"popupmenu memberaction\">" + vb_member(t.posts.back().author, "username offline popupctrl") + "</div></dd>"
              "<dd>" + utc(t.posts.back().date, "%m-%d-%Y") + ", <span class=\"time\">" + utc(t.posts.back().date, "%I:%M %p") + "</span>"
              " <a href=\"" + vb_link("showthread.php?t=" + t.id + "&amp;p=" + t.posts.back().id + "#post" + t.posts.back().id) +
              "\" class=\"lastpostdate understate\" title=\"Go to last post\"><img src=\"images/buttons/lastpost-right.png\" alt=\"Go to last post\" /></a></dd></dl>\n</li>\n";
    }
    html += "</ol>\n</div>\n<div id=\"below_threadlist\" class=\"noinlinemod below_threadlist\">" + vb_pagenav(base, "f", f, page, pages, "bottom") + "</div>\n"
            "<div class=\"forum_info\"><a href=\"" + vb_link("forumdisplay.php?do=markread&amp;f=" + f + "&amp;markreadhash=guest") + "\">Mark This Forum Read</a> "
            "<a href=\"" + vb_link("subscription.php?do=addsubscription&amp;f=" + f) + "\">Subscribe to this Forum</a> "
            "<a href=\"" + vb_link("announcement.php?f=" + f) + "\">Announcements</a></div>\n" + vb_foot(forum.id);
    write_file(root, "forumdisplay.php@" + query + ".html", html);
  }
}

// The forum home (FORUMHOME with its forumbit_level1/2 templates and the "What's Going On?"
// box).
std::string vb_index(const Board& board) {
  std::string html = vb_head("Test Board", "index", "", 0) + "<div id=\"breadcrumb\" class=\"breadcrumb\"><ul class=\"floatcontainer\">"
                     "<li class=\"navbithome\"><a href=\"" + vb_link("index.php") + "\" accesskey=\"1\">Home</a></li><li class=\"navbit lastnavbit\"><span>Forum</span></li>"
                     "</ul><hr /></div>\n</div>\n<div class=\"body_wrapper\">\n<ol id=\"forums\" class=\"floatcontainer\">\n";
  for (const Forum& f : kForums) {
    if (f.parent != 0) continue;
    const std::vector<const SiteTopic*> topics = topics_in(board, f.id);
    const SiteTopic& last = *topics.back();
    html += "<li id=\"forum" + std::to_string(f.id) + "\" class=\"forumbit_post old L2\"><div class=\"forumrow table\"><div class=\"foruminfo td\">"
            "<div class=\"forumdata\"><div class=\"datacontainer\"><div class=\"titleline\"><h2 class=\"forumtitle\"><a href=\"" +
            vb_link("forumdisplay.php?f=" + std::to_string(f.id)) + "\">" + html_escape(f.name) + "</a></h2></div>";
    std::string subs;
    for (const Forum& sub : kForums)
      if (sub.parent == f.id)
        subs += "<li class=\"subforum\"><a href=\"" + vb_link("forumdisplay.php?f=" + std::to_string(sub.id)) + "\" class=\"old\">" + html_escape(sub.name) + "</a></li>";
    if (!subs.empty()) html += "<div class=\"subforums\"><h4 class=\"subforums\">Sub-Forums:</h4><ol class=\"subforumlist commalist\">" + subs + "</ol></div>";
    html += "</div></div></div>\n<h4 class=\"nocss_label\">Forum Actions:</h4><ul class=\"forumactionlinks td\"><li class=\"forumactionlink\"><a href=\"" +
            vb_link("forumdisplay.php?do=markread&amp;f=" + std::to_string(f.id) + "&amp;markreadhash=guest") + "\">Mark This Forum Read</a></li>"
            "<li class=\"forumactionlink\"><a href=\"" + vb_link("forumdisplay.php?f=" + std::to_string(f.id) + "&amp;daysprune=-1") + "\">Show Threads from Beginning</a></li></ul>\n"
            "<div class=\"forumlastpost td\"><p class=\"lastposttitle\"><a href=\"" + vb_link("showthread.php?t=" + last.id + "&amp;goto=newpost") +
            "\" class=\"threadtitle\" title=\"Go to first unread post in thread '" + html_escape(last.title) + "'\">" + html_escape(last.title) + "</a> <a href=\"" +
            vb_link("showthread.php?p=" + last.posts.back().id + "#post" + last.posts.back().id) + "\"><img title=\"Go to last post\" src=\"images/buttons/lastpost-right.png\" alt=\"Go to last post\" /></a></p>"
            "<div class=\"lastpostby\">by <div class=\"popupmenu memberaction\">" + vb_member(last.posts.back().author, "username offline popupctrl") + "</div></div>"
            "<p class=\"lastpostdate\">" + utc(last.posts.back().date, "%m-%d-%Y") + ", <span class=\"time\">" + utc(last.posts.back().date, "%I:%M %p") +
            "</span></p></div>\n</div></li>\n";
  }
  html += "</ol>\n<div id=\"wgo\" class=\"collapse wgo_block block\"><h2 class=\"blockhead\">What's Going On?</h2><div class=\"blockbody formcontrols floatcontainer\">"
          "<div id=\"wgo_onlineusers\" class=\"wgo_subblock section\"><h3 class=\"blocksubhead\"><a href=\"" + vb_link("online.php") + "\">Currently Active Users</a></h3>"
          "<ol class=\"commalist\"><li>" + vb_member("Edward", "username") + "</li></ol></div>"
          "<div id=\"wgo_stats\" class=\"wgo_subblock section\"><h3 class=\"blocksubhead\">Test Board Statistics</h3><dl>Welcome to our newest member, " +
          vb_member("astro_nut", "username") + "</dl></div>"
          "<div id=\"wgo_calendar\" class=\"wgo_subblock section\"><h3 class=\"blocksubhead\"><a href=\"" + vb_link("calendar.php?do=getinfo&amp;day=2023-1-2") +
          "\">Today's Events</a></h3></div></div></div>\n"
          "<div id=\"pagetitle\"><a href=\"" + vb_link("forumdisplay.php?do=markread&amp;markreadhash=guest") + "\">Mark Forums Read</a> <a href=\"" +
          vb_link("showgroups.php") + "\">View Site Leaders</a> <a href=\"external.php?type=RSS2\">RSS</a></div>\n";
  return html + vb_foot(0);
}

// external.php (vBulletin 4.2.1, as PHPSocialNetwork/phpfastcache keeps it in support/):
// RSS 2 of the threads of every forum a guest sees, `externalcount` (15) of them, newest
// thread first (ORDER BY thread.dateline DESC) or, with &lastpost=1, newest last post first
// and dated by it. Each item links the thread's first unread post,
// showthread.php?t=N&goto=newpost, without a session id.
std::string vb_feed(const Board& board, bool lastpost) {
  std::vector<std::size_t> threads;
  for (std::size_t i = 0; i < board.topics.size(); ++i) threads.push_back(i);
  auto dated = [&](std::size_t i) { return lastpost ? board.topics[i].posts.back().date : board.topics[i].posts.front().date; };
  std::stable_sort(threads.begin(), threads.end(), [&](std::size_t a, std::size_t b) { return dated(a) > dated(b); });
  if (threads.size() > 15) threads.resize(15);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\r\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\r\n\t<channel>\r\n\t\t<title>Test Board</title>\r\n\t\t<link>/</link>\r\n"
                    "\t\t<description>A board about spaceflight</description>\r\n\t\t<language>en</language>\r\n";
  for (const std::size_t i : threads) {
    const SiteTopic* t = &board.topics[i];
    const SitePost& p = lastpost ? t->posts.back() : t->posts.front();
    out += "\t\t<item>\r\n\t\t\t<title>" + html_escape(t->title) + "</title>\r\n\t\t\t<link>/showthread.php?t=" + t->id + "&amp;goto=newpost</link>\r\n"
           "\t\t\t<pubDate>" + utc(dated(i), "%a, %d %b %Y %H:%M:%S") + " GMT</pubDate>\r\n\t\t\t<description>" + html_escape(t->posts.front().text) + "</description>\r\n"
           "\t\t\t<category domain=\"/forumdisplay.php?f=" + std::to_string(board.topic_forum[i]) + "\">" + html_escape(t->forum) + "</category>\r\n"
           "\t\t\t<dc:creator>" + html_escape(p.author) + "</dc:creator>\r\n\t\t\t<guid isPermaLink=\"true\">/showthread.php?t=" + t->id + "</guid>\r\n\t\t</item>\r\n";
  }
  return out + "\t</channel>\r\n</rss>\r\n";
}

}  // namespace

ForumSite write_vbulletin_site(const fs::path& root) { return write_board(root, rewrite_vbulletin_site); }

void rewrite_vbulletin_site(const fs::path& root, ForumSite& site) {
  const Board board = start_writing(root, site);
  // The head's feed of the whole board, asked for by last post (data/profiles/vbulletin.toml).
  site.feeds = {"/external.php?type=RSS2&lastpost=1"};
  write_file(root, "external.php@type=RSS2.xml", vb_feed(board, false));
  write_file(root, "external.php@type=RSS2&lastpost=1.xml", vb_feed(board, true));
  site.traps = {"forum.php", "index.php", "member.php", "memberlist.php", "search.php", "newreply.php", "newthread.php", "report.php",
                "reputation.php", "showpost.php", "printthread.php", "archive/", "misc.php", "sendmessage.php", "subscription.php",
                "calendar.php", "faq.php", "online.php", "private.php", "login.php", "register.php", "goto=", "p=", "mode=", "sort=",
                "order=", "daysprune=", "pp=", "do=markread", "s=", "announcement.php", "showgroups.php", "activity.php", "blog.php"};
  const std::string index = vb_index(board);
  write_file(root, "index.html", index);
  write_file(root, "forum.php.html", index);
  write_file(root, "index.php.html", index);
  for (const Forum& f : kForums) vb_forum_pages(root, f, board, site);
  for (const Forum& f : kForums) {
    const std::vector<const SiteTopic*> topics = topics_in(board, f.id);
    for (std::size_t i = 0; i < topics.size(); ++i)
      vb_topic_pages(root, *topics[i], f.id, i ? topics[i - 1] : nullptr, i + 1 < topics.size() ? topics[i + 1] : nullptr, site);
  }
}

}  // namespace fora::test
