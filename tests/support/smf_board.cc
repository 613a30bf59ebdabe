// SMF 2.1 with its default theme as a guest sees it, written from the engine's own templates
// (SimpleMachines/SMF release-2.1: Themes/default/index.template.php, BoardIndex.template.php,
// MessageIndex.template.php, Display.template.php template_single_post, and the links that
// Sources/Display.php, MessageIndex.php and Subs-BoardIndex.php build): board index, boards
// paged with board=N.OFFSET, topics paged with topic=N.OFFSET. The addresses are the default
// query-string ones (queryless_urls is off). The guest has no cookie yet, so SMF's
// ob_sessrewrite puts PHPSESSID into every link to index.php but the canonical one. Dates are
// the default time format, "%B %d, %Y, %I:%M:%S %p". SMF 2.0's footer also linked the WAP2
// and i-mode views, which 2.0 boards still print: those links are here too.
#include <algorithm>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

const std::string kSessionId = "04de800e92cfd8c87b20137dae7f687f";
const std::string kCategoryName = "General Category";

// $scripturl as a guest's page prints it: "index.php?PHPSESSID=...&amp;" then `query`.
std::string smf_url(const std::string& query) { return "/index.php?PHPSESSID=" + kSessionId + "&amp;" + query; }

std::string smf_time(std::int64_t t) { return utc(t, "%B %d, %Y, %I:%M:%S %p"); }

// The file fora-testserver serves for "/index.php?`query`".
std::string smf_file(const std::string& query) { return "index.php@" + query + ".html"; }

std::string smf_member_link(const std::string& author) {
  const int uid = user_id(author);
  if (uid == 0) return html_escape(author);
  return "<a href=\"" + smf_url("action=profile;u=" + std::to_string(uid)) + "\" title=\"View the profile of " + html_escape(author) + "\">" + html_escape(author) + "</a>";
}

// template_html_above, template_body_above (the guest's user menu and the main menu) and
// theme_linktree; `crumbs` are the linktree's items after the forum's name.
std::string smf_head(const std::string& title, const std::string& canonical, const std::string& board_rss, const std::string& crumbs) {
  return "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\">\n"
         "<link rel=\"stylesheet\" href=\"/Themes/default/css/index.css?smf214_1700000000\">\n"
         "<script>\n\t\tvar smf_theme_url = \"/Themes/default\";\n\t\tvar smf_default_theme_url = \"/Themes/default\";\n"
         "\t\tvar smf_images_url = \"/Themes/default/images\";\n\t\tvar smf_scripturl = \"/index.php?PHPSESSID=" + kSessionId + "&amp;\";\n"
         "\t\tvar smf_session_id = \"" + kSessionId + "\";\n\t</script>\n<title>" + html_escape(title) + "</title>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<link rel=\"canonical\" href=\"" + canonical + "\">\n<link rel=\"help\" href=\"" + smf_url("action=help") + "\">\n"
         "<link rel=\"contents\" href=\"" + smf_url("") + "\">\n<link rel=\"search\" href=\"" + smf_url("action=search") + "\">\n"
         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test Forum - RSS\" href=\"" + smf_url("action=.xml;type=rss2" + board_rss) + "\">\n"
         "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Forum - Atom\" href=\"" + smf_url("action=.xml;type=atom" + board_rss) + "\">\n"
         "</head>\n<body id=\"chrome\" class=\"action_home\">\n<div id=\"footerfix\">\n<div id=\"top_section\">\n<div class=\"inner_wrap\">\n"
         "<ul class=\"floatleft welcome\">\n<li>Welcome to <strong>Test Forum</strong>. Please <a href=\"" + smf_url("action=login") +
         "\" onclick=\"return reqOverlayDiv(this.href, 'Log in', 'login');\">login</a> or <a href=\"" + smf_url("action=signup") + "\">sign up</a>.</li>\n</ul>\n"
         "<form id=\"search_form\" class=\"floatright\" action=\"" + smf_url("action=search2") + "\" method=\"post\" accept-charset=\"UTF-8\">"
         "<input type=\"search\" name=\"search\" value=\"\"><input type=\"submit\" name=\"search2\" value=\"Search\" class=\"button\"></form>\n</div>\n</div>\n"
         "<div id=\"header\"><h1 class=\"forumtitle\"><a id=\"top\" href=\"" + smf_url("") + "\">Test Forum</a></h1></div>\n"
         "<div id=\"wrapper\">\n<div id=\"upper_section\"><div id=\"inner_section\"><div id=\"inner_wrap\" class=\"hide_720\"><div class=\"user\">January 06, 2023, 08:00:00 AM</div></div>\n"
         "<div id=\"main_menu\"><ul class=\"dropmenu menu_nav\">\n"
         "<li class=\"button_home\"><a class=\"active\" href=\"" + smf_url("") + "\"><span class=\"textmenu\">Home</span></a></li>\n"
         "<li class=\"button_help\"><a href=\"" + smf_url("action=help") + "\"><span class=\"textmenu\">Help</span></a></li>\n"
         "<li class=\"button_search\"><a href=\"" + smf_url("action=search") + "\"><span class=\"textmenu\">Search</span></a></li>\n"
         "<li class=\"button_calendar\"><a href=\"" + smf_url("action=calendar") + "\"><span class=\"textmenu\">Calendar</span></a></li>\n"
         "<li class=\"button_login\"><a href=\"" + smf_url("action=login") + "\"><span class=\"textmenu\">Login</span></a></li>\n"
         "<li class=\"button_signup\"><a href=\"" + smf_url("action=signup") + "\"><span class=\"textmenu\">Sign up</span></a></li>\n</ul></div>\n"
         "<div class=\"navigate_section\"><ul>\n<li><a href=\"" + smf_url("") + "\"><span>Test Forum</span></a></li>" + crumbs + "\n</ul></div>\n"
         "</div></div>\n<div id=\"content_section\"><div id=\"main_content_section\">\n";
}

// template_body_below, with the WAP2 and i-mode links of SMF 2.0's footer; `mobile` is the
// page's own query for them.
std::string smf_foot(const std::string& mobile) {
  return "</div></div>\n</div>\n</div>\n<div id=\"footer\"><div class=\"inner_wrap\"><ul>\n"
         "<li class=\"floatright\"><a href=\"" + smf_url("action=help") + "\">Help</a> | <a href=\"" + smf_url("action=agreement") +
         "\">Terms and Rules</a> | <a href=\"#top_section\">Go Up &#9650;</a></li>\n"
         "<li><a id=\"button_wap2\" href=\"" + smf_url(mobile.empty() ? "wap2" : mobile + ";wap2") + "\" class=\"new_win\"><span>WAP2</span></a></li>\n"
         "<li><a id=\"button_imode\" href=\"" + smf_url(mobile.empty() ? "imode" : mobile + ";imode") + "\" class=\"new_win\"><span>i-mode</span></a></li>\n"
         "<li class=\"copyright\"><a href=\"" + smf_url("action=credits") + "\" title=\"License\" class=\"new_win\">SMF 2.1.4 &copy; 2023</a>, "
         "<a href=\"https://www.simplemachines.org\" title=\"Simple Machines\" class=\"new_win\">Simple Machines</a></li>\n</ul></div></div>\n</body>\n</html>\n";
}

std::string smf_crumbs(int board_id) {
  std::string out = "<li><a href=\"" + smf_url("") + "#c1\"><span>" + html_escape(kCategoryName) + "</span></a></li>";
  for (const Forum* f : forum_path(board_id))
    out += "<li><a href=\"" + smf_url("board=" + std::to_string(f->id) + ".0") + "\"><span>" + html_escape(f->name) + "</span></a></li>";
  return out;
}

// constructPageIndex with $settings['page_index'] of index.template.php: `base` + offset.
std::string smf_page_index(const std::string& base, int page, int pages, bool prevnext) {
  std::string out = "<span class=\"pages\">Pages</span>";
  auto at = [&](int p) { return smf_url(base + std::to_string((p - 1) * kPerPage)); };
  if (prevnext && page > 1) out += "<a class=\"nav_page\" href=\"" + at(page - 1) + "\"><span class=\"main_icons previous_page\"></span></a> ";
  for (int p = 1; p <= pages; ++p)
    out += p == page ? "<span class=\"current_page\">" + std::to_string(p) + "</span> "
                     : "<a class=\"nav_page\" href=\"" + at(p) + "\">" + std::to_string(p) + "</a> ";
  if (prevnext && page < pages) out += "<a class=\"nav_page\" href=\"" + at(page + 1) + "\"><span class=\"main_icons next_page\"></span></a> ";
  return out;
}

// template_single_post with the quick buttons a guest sees (quote, report) and the message's
// permalink in its 2.1 form (?msg=M); the quote's header links the quoted message in the
// topic=N.msgM#msgM form.
std::string smf_post(const SiteTopic& t, std::size_t k, int start) {
  const SitePost& p = t.posts[k];
  const int uid = user_id(p.author);
  std::string body;
  if (!p.quote_author.empty()) {
    const SitePost& quoted = t.posts[k - 1];  // the board quotes the post before
    body += "<blockquote class=\"bbc_standard_quote\"><cite><a href=\"" + smf_url("topic=" + t.id + ".msg" + quoted.id + "#msg" + quoted.id) + "\">Quote from: " +
            html_escape(p.quote_author) + " on " + smf_time(quoted.date) + "</a></cite>" + html_escape(p.quote_text) + "</blockquote>";
  }
  body += paras_html(p.text, "<br><br>");
  const std::string subject = (p.opening ? "" : "Re: ") + html_escape(t.title);
  std::string out = "\n<div class=\"windowbg\" id=\"msg" + p.id + "\">\n<div class=\"post_wrapper\">\n<div class=\"poster\">\n<h4>\n";
  if (uid) out += "<span class=\"off\" title=\"Offline\"></span>\n";
  out += smf_member_link(p.author) + "\n</h4>\n<ul class=\"user_info\">\n";
  if (uid)
    out += "<li class=\"membergroup\">Member</li>\n<li class=\"avatar\"><a href=\"" + smf_url("action=profile;u=" + std::to_string(uid)) +
           "\"><img class=\"avatar\" src=\"/avatars/default.png\" alt=\"\"></a></li>\n<li class=\"icons\"><img src=\"/Themes/default/images/membericons/icon.png\" alt=\"*\"></li>\n"
           "<li class=\"postgroup\">Jr. Member</li>\n<li class=\"postcount\">Posts: " + std::to_string(40 + uid) + "</li>\n"
           "<li class=\"profile\"><ol class=\"profile_icons\"><li><a href=\"https://example.org/" + slugify(p.author) +
           "\" title=\"Website\" target=\"_blank\" rel=\"noopener\"><span class=\"main_icons www centericon\" title=\"Website\"></span></a></li></ol></li>\n";
  out += "<li class=\"poster_ip\">Logged</li>\n</ul>\n</div>\n<div class=\"postarea\">\n<div class=\"keyinfo\">\n"
         "<div id=\"subject_" + p.id + "\" class=\"subject_title subject_hidden\">\n<a href=\"" + smf_url("msg=" + p.id) + "\" rel=\"nofollow\">" + subject + "</a>\n</div>\n" +
         (k ? "<span class=\"page_number floatright\">#" + std::to_string(k) + "</span>\n" : "") +
         "<div class=\"postinfo\">\n<span class=\"messageicon\"  style=\"position: absolute; z-index: -1;\"><img src=\"/Themes/default/images/post/xx.png\" alt=\"\"></span>\n"
         "<a href=\"" + smf_url("msg=" + p.id) + "\" rel=\"nofollow\" title=\"" + (k ? "Reply #" + std::to_string(k) + " - " : "") + subject + "\" class=\"smalltext\">" +
         smf_time(p.date) + "</a>\n<span class=\"spacer\"></span>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<span class=\"smalltext modified floatright mvisible\" id=\"modified_" + p.id + "\"><span class=\"lastedit\">Last Edit</span>: " +
           smf_time(p.date + 3600) + " by " + html_escape(p.author) + "</span>\n";
  else
    out += "<span class=\"smalltext modified floatright\" id=\"modified_" + p.id + "\"></span>\n";
  out += "</div>\n<div id=\"msg_" + p.id + "_quick_mod\"></div>\n</div>\n<div class=\"post\">\n<div class=\"inner\" data-msgid=\"" + p.id + "\" id=\"msg_" + p.id + "\">\n" +
         body + "\n</div>\n</div>\n<div class=\"under_message\">\n<ul class=\"floatleft\">\n<li class=\"like_count smalltext\"><a href=\"" +
         smf_url("action=likes;sa=view;ltype=msg;like=" + p.id + ";" + "b4e1a0c2=" + kSessionId) + "\">1 Like</a></li>\n</ul>\n"
         "<ul class=\"quickbuttons quickbuttons_post\">\n<li class=\"quote\"><a href=\"" +
         smf_url("action=post;quote=" + p.id + ";topic=" + t.id + "." + std::to_string(start) + ";last_msg=" + t.posts.back().id) +
         "\"><span class=\"main_icons quote\"></span>Quote</a></li>\n<li class=\"post_options\"><a href=\"javascript:void(0);\">More...</a><ul>\n"
         "<li class=\"report\"><a href=\"" + smf_url("action=reporttm;topic=" + t.id + "." + std::to_string(k) + ";msg=" + p.id) +
         "\"><span class=\"main_icons error\"></span>Report to moderator</a></li>\n</ul></li>\n</ul>\n</div>\n</div>\n<div class=\"moderatorbar\">\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div class=\"signature\" id=\"msg_" + p.id + "_signature\">\nAd astra per aspera &mdash; " + html_escape(p.author) + "\n</div>\n";
  return out + "</div>\n</div>\n</div>\n<hr class=\"post_separator\">\n";
}

// Display.template.php template_main: the topic's head (next and previous topic), its page
// index and buttons (reply, print, notify), its messages.
void smf_topic_pages(const fs::path& root, const SiteTopic& t, int board_id, ForumSite& site) {
  const int pages = pages_of(t.posts.size());
  for (int page = 1; page <= pages; ++page) {
    const int start = (page - 1) * kPerPage;
    const std::string query = "topic=" + t.id + "." + std::to_string(start);
    site.topic_pages.push_back("/index.php?" + query);
    site.topic_page_ids.push_back(t.id);
    const std::string buttons =
        "<div class=\"buttonlist floatright\"><a class=\"button button_strip_reply active\" href=\"" +
        smf_url("action=post;topic=" + t.id + "." + std::to_string(start) + ";last_msg=" + t.posts.back().id) + "\">Reply</a>"
        "<a class=\"button button_strip_print\" href=\"" + smf_url("action=printpage;topic=" + t.id + ".0") + "\" rel=\"nofollow\">Print</a></div>\n";
    const std::string page_index = smf_page_index("topic=" + t.id + ".", page, pages, true) +
                                   " <a class=\"nav_page\" href=\"" + smf_url("topic=" + t.id + ".0;all") + "\">All</a> ";
    std::string html = smf_head(t.title, "/index.php?" + query, ";board=" + std::to_string(board_id),
                                smf_crumbs(board_id) + "<li class=\"last\"><a href=\"" + smf_url("topic=" + t.id + ".0") + "\"><span>" + html_escape(t.title) + "</span></a></li>") +
        "<div id=\"display_head\" class=\"information\">\n<h2 class=\"display_title\">\n<span id=\"top_subject\">" + html_escape(t.title) + "</span>\n</h2>\n"
        "<p>Started by " + html_escape(t.posts.front().author) + ", " + smf_time(t.posts.front().date) + "</p>\n"
        "<span class=\"nextlinks floatright\"><a href=\"" + smf_url("topic=" + t.id + ".0;prev_next=prev#new") + "\">&laquo; previous</a> - <a href=\"" +
        smf_url("topic=" + t.id + ".0;prev_next=next#new") + "\">next &raquo;</a></span>\n<p>0 Members and 1 Guest are viewing this topic.</p>\n</div>\n"
        "<div class=\"pagesection top\">\n" + buttons + "<div class=\"pagelinks floatleft\">\n<a href=\"#bot\" class=\"button\">Go Down</a>\n" + page_index + "\n</div>\n</div>\n"
        "<div id=\"forumposts\">\n<form action=\"" + smf_url("action=quickmod2;topic=" + t.id + "." + std::to_string(start)) + "\" method=\"post\" name=\"quickModForm\" id=\"quickModForm\">\n";
    for (std::size_t k = static_cast<std::size_t>(start); k < std::min(t.posts.size(), static_cast<std::size_t>(start + kPerPage)); ++k)
      html += smf_post(t, k, start);
    html += "</form>\n</div>\n<div class=\"pagesection\">\n" + buttons + "<div class=\"pagelinks floatleft\">\n<a href=\"#main_content_section\" class=\"button\" id=\"bot\">Go Up</a>\n" +
            page_index + "\n</div>\n</div>\n<div id=\"display_jump_to\"></div>\n";
    write_file(root, smf_file(query), html + smf_foot(query));
  }
}

// BoardIndex.template.php's board row (also MessageIndex's child boards): its last post is
// linked as topic=N.msgM#new (Subs-BoardIndex.php).
std::string smf_board_row(const Forum& f, const Board& board) {
  const std::string b = std::to_string(f.id);
  std::string children;
  for (const Forum& sub : kForums)
    if (sub.parent == f.id)
      children += "<a href=\"" + smf_url("board=" + std::to_string(sub.id) + ".0") + "\" title=\"No New Posts (Topics: 6, Posts: 60)\">" + html_escape(sub.name) + "</a>";
  std::string lastpost;
  const auto topics = topics_in(board, f.id);
  if (!topics.empty()) {
    const SiteTopic& t = *topics.back();
    lastpost = "<p><strong>Last post: </strong>by " + smf_member_link(t.posts.back().author) + "<br>in <a href=\"" +
               smf_url("topic=" + t.id + ".msg" + t.posts.back().id + "#new") + "\" title=\"Re: " + html_escape(t.title) + "\">Re: " + html_escape(t.title) + "</a><br>on " +
               smf_time(t.posts.back().date) + "</p>";
  }
  return "<div id=\"board_" + b + "\" class=\"up_contain \">\n<div class=\"board_icon\"><a href=\"" + smf_url("board=" + b + ".0") + "\" class=\"board_off\" title=\"No New Posts\"></a></div>\n"
         "<div class=\"info\"><a class=\"subject mobile_subject\" href=\"" + smf_url("board=" + b + ".0") + "\" id=\"b" + b + "\">" + html_escape(f.name) + "</a>\n"
         "<div class=\"board_description\">About " + html_escape(f.name) + ".</div>\n" +
         (children.empty() ? "" : "<div id=\"board_" + b + "_children\" class=\"children\"><p><strong id=\"child_list_" + b + "\">Child Boards</strong>: " + children + "</p></div>\n") +
         "</div>\n<div class=\"board_stats\"><p>" + std::to_string(topics.size() * 9) + " Posts<br>" + std::to_string(topics.size()) + " Topics</p></div>\n"
         "<div class=\"lastpost\">" + lastpost + "</div>\n</div>\n";
}

// MessageIndex.template.php: child boards, the page index, the sort headers, the topics with
// their pages and last post (a guest's last-post link is the topic's last page, #msgM).
void smf_board_pages(const fs::path& root, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string b = std::to_string(forum.id);
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const int start = (page - 1) * kPerPage;
    const std::string query = "board=" + b + "." + std::to_string(start);
    site.listing_pages.push_back("/index.php?" + query);
    if (page == 1) site.forum_pages[forum.name] = site.listing_pages.back();
    std::string html = smf_head(forum.name, "/index.php?" + query, ";board=" + b, smf_crumbs(forum.id));
    std::string children;
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id) children += smf_board_row(sub, board);
    if (!children.empty())
      html += "<div id=\"board_" + b + "_childboards\" class=\"boardindex_table main_container\">\n<div class=\"cat_bar\"><h3 class=\"catbg\">Child Boards</h3></div>\n" +
              children + "</div>\n";
    const std::string page_index = smf_page_index("board=" + b + ".", page, pages, true);
    const std::string buttons =
        "<div class=\"buttonlist floatright\"><a class=\"button button_strip_new_topic active\" href=\"" + smf_url("action=post;board=" + b + ".0") + "\">New Topic</a>"
        "<a class=\"button button_strip_markread you_sure\" href=\"" + smf_url("action=markasread;sa=board;board=" + b + ".0;b4e1a0c2=" + kSessionId) + "\">Mark read</a></div>\n";
    html += "<div id=\"display_head\" class=\"information\"><h2 class=\"display_title\">" + html_escape(forum.name) + "</h2></div>\n"
            "<div class=\"pagesection\">\n<div class=\"pagelinks floatleft\">\n<a href=\"#bot\" class=\"button\">Go Down</a>\n" + page_index + "\n</div>\n" + buttons + "</div>\n"
            "<div id=\"messageindex\">\n<div id=\"topic_header\" class=\"title_bar\">\n<div class=\"board_icon\"></div>\n<div class=\"info\">"
            "<a href=\"" + smf_url(query + ";sort=subject") + "\">Subject</a> / <a href=\"" + smf_url(query + ";sort=starter") + "\">Started by</a></div>\n"
            "<div class=\"board_stats centertext\"><a href=\"" + smf_url(query + ";sort=replies") + "\">Replies</a> / <a href=\"" + smf_url(query + ";sort=views") + "\">Views</a></div>\n"
            "<div class=\"lastpost\"><a href=\"" + smf_url(query + ";sort=last_post;desc") + "\">Last post<span class=\"main_icons sort_down\"></span></a></div>\n</div>\n"
            "<div id=\"topic_container\">\n";
    for (std::size_t i = static_cast<std::size_t>(start); i < std::min(topics.size(), static_cast<std::size_t>(start + kPerPage)); ++i) {
      const SiteTopic& t = *topics[i];
      const int tpages = pages_of(t.posts.size());
      std::string topic_pages;
      if (tpages > 1) {
        topic_pages = "<span id=\"pages" + t.posts.front().id + "\" class=\"topic_pages\">" + smf_page_index("topic=" + t.id + ".", 0, tpages, false) +
                      "<a class=\"nav_page\" href=\"" + smf_url("topic=" + t.id + ".0;all") + "\">All</a> </span>";
      }
      const int last_start = static_cast<int>((t.posts.size() - 1) / kPerPage) * kPerPage;
      html += "<div class=\"windowbg\">\n<div class=\"board_icon\"><img src=\"/Themes/default/images/post/xx.png\" alt=\"\"></div>\n<div class=\"info info_block\">\n<div >\n"
              "<div class=\"icons floatright\"></div>\n<div class=\"message_index_title\">\n<span class=\"preview\" title=\"\">\n<span id=\"msg_" + t.posts.front().id +
              "\"><a href=\"" + smf_url("topic=" + t.id + ".0") + "\">" + html_escape(t.title) + "</a></span>\n</span>\n</div>\n<p class=\"floatleft\">\nStarted by " +
              smf_member_link(t.posts.front().author) + "\n</p>\n" + topic_pages + "\n</div>\n</div>\n"
              "<div class=\"board_stats centertext\"><p>Replies: " + std::to_string(t.posts.size() - 1) + "<br>Views: " + std::to_string(t.posts.size() * 17) + "</p></div>\n"
              "<div class=\"lastpost\"><p><a href=\"" + smf_url("topic=" + t.id + "." + std::to_string(last_start) + "#msg" + t.posts.back().id) + "\">" +
              smf_time(t.posts.back().date) + "</a><br>by " + smf_member_link(t.posts.back().author) + "</p></div>\n</div>\n";
    }
    html += "</div>\n</div>\n<div class=\"pagesection\">\n<div class=\"pagelinks floatleft\">\n<a href=\"#main_content_section\" class=\"button\" id=\"bot\">Go Up</a>\n" +
            page_index + "\n</div>\n" + buttons + "</div>\n";
    write_file(root, smf_file(query), html + smf_foot(query));
  }
}

// BoardIndex.template.php: the category and its boards, then the info center (recent posts,
// statistics, calendar, who is online).
std::string smf_index(const Board& board) {
  std::string html = smf_head("Test Forum - Index", "/index.php", "", "") +
                     "<div id=\"boardindex_table\" class=\"boardindex_table\">\n<div class=\"main_container\">\n<div class=\"cat_bar \" id=\"category_1\">\n"
                     "<h3 class=\"catbg\"><span id=\"category_1_upshrink\" class=\"toggle_up floatright\" title=\"Hide\"></span><a id=\"c1\"></a>" + html_escape(kCategoryName) + "</h3>\n</div>\n"
                     "<div id=\"category_1_boards\" >\n";
  for (const Forum& f : kForums)
    if (f.parent == 0) html += smf_board_row(f, board);
  const SiteTopic& latest = board.topics.back();
  return html + "</div>\n</div>\n</div>\n<div class=\"roundframe\" id=\"info_center\">\n"
         "<div class=\"sub_bar\"><h4 class=\"subbg\"><a href=\"" + smf_url("action=recent") + "\"><span class=\"main_icons recent_posts\"></span> Recent Posts</a></h4></div>\n"
         "<div id=\"recent_post\" class=\"inline\"><a href=\"" + smf_url("action=recent") + "\">View the most recent posts on the forum.</a> [<a href=\"" +
         smf_url("topic=" + latest.id + ".msg" + latest.posts.back().id + "#new") + "\">Re: " + html_escape(latest.title) + "</a>]</div>\n"
         "<div class=\"sub_bar\"><h4 class=\"subbg\"><a href=\"" + smf_url("action=calendar") + "\"><span class=\"main_icons calendar\"></span> Upcoming Events</a></h4></div>\n"
         "<div class=\"sub_bar\"><h4 class=\"subbg\"><a href=\"" + smf_url("action=stats") + "\" title=\"More detailed statistics\"><span class=\"main_icons stats\"></span> Forum Stats</a></h4></div>\n"
         "<p class=\"inline\">412 Posts in 30 Topics by 8 Members. Latest Member: <strong> " + smf_member_link(kAuthors.back()) + "</strong></p>\n"
         "<div class=\"sub_bar\"><h4 class=\"subbg\"><a href=\"" + smf_url("action=who") + "\"><span class=\"main_icons people\"></span> Users Online</a></h4></div>\n"
         "</div>\n" + smf_foot("");
}

// Sources/News.php (release-2.1) ShowXmlFeed with its default sub-action, getXmlRecent, in
// RSS 2: the newest messages, ORDER BY m.id_msg DESC, `limit` of them (5 unless ;limit=N
// asks for up to 255), each linked as topic=T.msgM#msgM and dated by its pubDate. Written
// with no PHPSESSID: the feed's output skips ob_sessrewrite.
std::string smf_feed(const Board& board, const std::string& query, std::size_t limit) {
  std::vector<std::pair<const SiteTopic*, const SitePost*>> posts;
  for (const SiteTopic& t : board.topics)
    for (const SitePost& p : t.posts) posts.emplace_back(&t, &p);
  std::stable_sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) { return std::stoi(a.second->id) > std::stoi(b.second->id); });
  if (posts.size() > limit) posts.resize(limit);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xml:lang=\"en-US\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n\t<channel>\n"
                    "\t\t<title>Test Forum</title>\n\t\t<link>/index.php</link>\n\t\t<description><![CDATA[Live information from Test Forum]]></description>\n"
                    "\t\t<language>en-US</language>\n\t\t<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"/index.php?" + html_escape(query) + "\" />\n";
  for (const auto& [t, p] : posts) {
    const std::string link = "/index.php?topic=" + t->id + ".msg" + p->id + "#msg" + p->id;
    out += "\t\t<item>\n\t\t\t<title>" + html_escape((p->opening ? "" : "Re: ") + t->title) + "</title>\n\t\t\t<link>" + html_escape(link) + "</link>\n"
           "\t\t\t<description><![CDATA[" + paras_html(p->text, "<br><br>") + "]]></description>\n\t\t\t<category>" + html_escape(t->forum) + "</category>\n"
           "\t\t\t<comments>/index.php?action=post;topic=" + t->id + ".0</comments>\n\t\t\t<pubDate>" + utc(p->date, "%a, %d %b %Y %H:%M:%S GMT") +
           "</pubDate>\n\t\t\t<guid isPermaLink=\"false\">tag:127.0.0.1," + utc(p->date, "%Y-%m-%d") + ":msg=" + p->id + "</guid>\n\t\t</item>\n";
  }
  return out + "\t</channel>\n</rss>\n";
}

}  // namespace

ForumSite write_smf_site(const fs::path& root) { return write_board(root, rewrite_smf_site); }

void rewrite_smf_site(const fs::path& root, ForumSite& site) {
  const Board board = start_writing(root, site);
  // The head's RSS feed (the board's own when a page shows a board is left: one a board),
  // asked for with 50 items (data/profiles/smf.toml says why).
  site.feeds = {"/index.php?action=.xml;type=rss2;limit=50"};
  site.traps = {"action=profile", "action=help", "action=search", "action=post", "action=printpage", "action=login", "action=signup",
                "action=calendar", "action=recent", "action=stats", "action=who", "action=markasread", "action=reporttm", "action=likes",
                "action=credits", "action=agreement", "action=quickmod", "type=atom", "type=rss2;board", "?msg=", ".msg", "sort=", ";desc",
                "prev_next", ";all", "wap2", "imode", "PHPSESSID"};
  for (const std::size_t limit : {std::size_t{5}, std::size_t{50}}) {
    const std::string query = "action=.xml;type=rss2" + (limit == 5 ? std::string() : ";limit=" + std::to_string(limit));
    write_file(root, "index.php@" + query + ".xml", smf_feed(board, query, limit));
  }
  const std::string index = smf_index(board);
  write_file(root, "index.html", index);
  write_file(root, "index.php.html", index);
  for (const Forum& f : kForums) smf_board_pages(root, f, board, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i) smf_topic_pages(root, board.topics[i], board.topic_forum[i], site);
}

}  // namespace fora::test
