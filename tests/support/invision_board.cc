// Invision Community 4 with its default theme as a guest sees it, with friendly, rewritten
// URLs (/forum/N-slug/, /topic/N-slug/page/2/; without the rewrite IPS 4 prints the same
// paths after index.php?): board index, forums paged with page/N/, topics paged with page/N/.
// The markup is that of the real IPS 4 page in ../shared/fixtures/real/invision
// (neowin-hello-everyone.html): article#elComment_N with its cAuthorPane, the ipsComment_meta
// permalink and <time>, data-role="commentContent", blockquote.ipsQuote with its
// data-ipsquote-username and citation, the edit line marked data-excludequote, the
// memberSignature, the ipsPagination list, ipsBreadcrumb and h1.ipsType_pageTitle; the forum
// and topic lists follow IPS 4's forums index and forum view (ipsDataItem rows, the sortby
// menu, getNewComment/getLastComment links, per-topic page links).
#include <algorithm>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

const std::string kCsrf = "0f4b1c7d9e2a3b5c6d7e8f9a0b1c2d3e";

std::string ips_forum_path(const Forum& f) { return "/forum/" + std::to_string(f.id) + "-" + f.slug + "/"; }
std::string ips_topic_path(const SiteTopic& t) { return "/topic/" + t.id + "-" + slugify(t.title) + "/"; }
std::string ips_page(const std::string& path, int page) { return path + (page > 1 ? "page/" + std::to_string(page) + "/" : ""); }

std::string ips_profile(const std::string& author) {
  return "/profile/" + std::to_string(user_id(author)) + "-" + slugify(author) + "/";
}

std::string ips_time(std::int64_t t) {
  return "<time datetime=\"" + utc(t, "%Y-%m-%dT%H:%M:%SZ") + "\" title=\"" + utc(t, "%m/%d/%Y %I:%M  %p") +
         "\" data-short=\"3 yr\">" + utc(t, "%B %d, %Y") + "</time>";
}

std::string ips_member(const std::string& author) {
  if (user_id(author) == 0) return html_escape(author);
  return "<a href=\"" + ips_profile(author) + "\" data-ipsHover data-ipsHover-target=\"" + ips_profile(author) + "?do=hovercard\" title=\"Go to " +
         html_escape(author) + "'s profile\" class=\"ipsType_break\">" + html_escape(author) + "</a>";
}

std::string ips_head(const std::string& title, const std::string& canonical, const std::string& page_controller) {
  return "<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) + " - Test Community</title>\n"
         "<meta property=\"og:title\" content=\"" + html_escape(title) + "\">\n" +
         (canonical.empty() ? "" : "<meta property=\"og:url\" content=\"" + canonical + "\">\n<link rel=\"canonical\" href=\"" + canonical + "\" />\n") +
         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test Community topics\" href=\"/rss/1-test-community-topics.xml/\" />\n"
         "<link rel=\"manifest\" href=\"/manifest.webmanifest/\">\n</head>\n"
         "<body class=\"ipsApp ipsApp_front ipsJS_none ipsClearfix\" data-controller=\"core.front.core.app\" data-message=\"\" data-pageApp=\"forums\" "
         "data-pageLocation=\"front\" data-pageModule=\"forums\" data-pageController=\"" + page_controller + "\">\n"
         "<a href=\"#elContent\" class=\"ipsHide\" title=\"Go to main content on this page\" accesskey=\"m\">Jump to content</a>\n<div id=\"ipsLayout_header\" class=\"ipsClearfix\">\n"
         "<header><div class=\"ipsLayout_container\"><a href=\"/\" id=\"elLogo\" accesskey=\"1\"><img src=\"/uploads/logo.png\" alt=\"Test Community\"></a>\n"
         "<ul id=\"elUserNav\" class=\"ipsList_inline cSignedOut ipsResponsive_showDesktop\"><li id=\"elSignInLink\"><a href=\"/login/\" data-ipsMenu-closeOnClick=\"false\" data-ipsMenu id=\"elUserSignIn\">Existing user? Sign In</a></li>"
         "<li><a href=\"/register/\" data-ipsDialog data-ipsDialog-size=\"narrow\" data-ipsDialog-title=\"Sign Up\" id=\"elRegisterButton\" class=\"ipsButton ipsButton_normal ipsButton_primary\">Sign Up</a></li></ul>\n"
         "<div id=\"elSignInLink_menu\" class=\"ipsMenu ipsHide\"><form accept-charset=\"utf-8\" method=\"post\" action=\"/login/\"><input type=\"hidden\" name=\"csrfKey\" value=\"" + kCsrf +
         "\"><a href=\"/lostpassword/\" data-ipsDialog data-ipsDialog-title=\"Forgot your password?\">Forgot your password?</a></form></div>\n</div></header>\n"
         "<nav data-controller=\"core.front.core.navBar\" class=\"ipsNavBar_noSubBars ipsResponsive_showDesktop\"><div class=\"ipsNavBar_primary ipsLayout_container ipsNavBar_noSubBars\"><ul data-role=\"primaryNavBar\" class=\"ipsClearfix\">"
         "<li id=\"elNavSecondary_1\" data-role=\"navBarItem\" data-navApp=\"core\" data-navExt=\"CustomItem\"><a href=\"/\" data-navItem-id=\"1\" data-navDefault>Browse</a>"
         "<ul class=\"ipsNavBar_secondary\" data-role=\"secondaryNavBar\"><li><a href=\"/\">Forums</a></li><li><a href=\"/calendar/\">Calendar</a></li>"
         "<li><a href=\"/guidelines/\">Guidelines</a></li><li><a href=\"/staff/\">Staff</a></li><li><a href=\"/online/\">Online Users</a></li>"
         "<li><a href=\"/leaderboard/\">Leaderboard</a></li></ul></li>"
         "<li><a href=\"/discover/\">Activity</a><ul class=\"ipsNavBar_secondary ipsHide\"><li><a href=\"/discover/\">All Activity</a></li>"
         "<li><a href=\"/search/\">Search</a></li></ul></li></ul>"
         "<div id=\"elSearchWrapper\" class=\"ipsPos_right\"><form accept-charset=\"utf-8\" action=\"/search/?do=quicksearch\" method=\"post\"><input type=\"search\" id=\"elSearchField\" name=\"q\"></form></div>"
         "</div></nav>\n</div>\n<main id=\"ipsLayout_body\" class=\"ipsLayout_container\">\n<div id=\"ipsLayout_contentArea\"><div id=\"ipsLayout_contentWrapper\"><div id=\"ipsLayout_mainArea\">\n"
         "<a id=\"elContent\"></a>\n";
}

std::string ips_breadcrumb(int forum_id, const char* where) {
  std::string crumbs;
  for (int id = forum_id; id;) {
    const Forum& f = forum_by_id(id);
    crumbs = "<li><a href=\"" + ips_forum_path(f) + "\"><span>" + html_escape(f.name) + " <i class=\"fa fa-angle-right\"></i></span></a></li>\n" + crumbs;
    id = f.parent;
  }
  return "<nav class=\"ipsBreadcrumb ipsBreadcrumb_" + std::string(where) + " ipsFaded_withHover\">\n<ul class=\"ipsList_inline ipsPos_right\">"
         "<li><a data-action=\"defaultStream\" class=\"ipsType_light\" href=\"/discover/\"><i class=\"fa fa-newspaper-o\"></i> <span>All Activity</span></a></li></ul>\n"
         "<ul data-role=\"breadcrumbList\">\n<li><a title=\"Home\" href=\"/\"><span><i class=\"fa fa-home\"></i> Home <i class=\"fa fa-angle-right\"></i></span></a></li>\n" +
         crumbs + "</ul>\n</nav>\n";
}

std::string ips_foot() {
  return "</div></div></div>\n" + ips_breadcrumb(0, "bottom") + "</main>\n<footer id=\"ipsLayout_footer\" class=\"ipsClearfix\"><div class=\"ipsLayout_container\">"
         "<ul class=\"ipsList_inline ipsType_center ipsSpacer_top\" id=\"elFooterLinks\">"
         "<li><a href=\"#elNavLang_menu\" id=\"elNavLang\" data-ipsMenu>Language</a><ul id=\"elNavLang_menu\" class=\"ipsMenu ipsHide\"><li class=\"ipsMenu_item ipsMenu_itemChecked\">"
         "<a href=\"/?app=core&amp;module=system&amp;controller=language&amp;id=1&amp;csrfKey=" + kCsrf + "\">English (USA)</a></li></ul></li>"
         "<li><a href=\"#elNavTheme_menu\" id=\"elNavTheme\" data-ipsMenu>Theme</a><ul id=\"elNavTheme_menu\" class=\"ipsMenu ipsHide\"><li class=\"ipsMenu_item\">"
         "<a href=\"/?app=core&amp;module=system&amp;controller=theme&amp;id=2&amp;csrfKey=" + kCsrf + "\">Dark</a></li></ul></li>"
         "<li><a href=\"/privacy/\">Privacy Policy</a></li><li><a rel=\"nofollow\" href=\"/contact/\" data-ipsdialog>Contact Us</a></li>"
         "<li><a rel=\"nofollow\" href=\"/cookies/\">Cookies</a></li></ul>\n"
         "<p id=\"elCopyright\"><span id=\"elCopyrightTag\">Test Community</span> <a rel=\"nofollow\" title=\"Invision Community\" href=\"https://www.invisioncommunity.com/\">Powered by Invision Community</a></p>"
         "</div></footer>\n</body>\n</html>\n";
}

// IPS 4's pagination template (ipsPagination with first/prev/pages/next/last and the jump menu).
std::string ips_pagination(const std::string& path, int page, int pages, const char* fragment) {
  if (pages < 2) return "";
  auto href = [&](int p) { return ips_page(path, p) + fragment; };
  std::string out = "<ul class=\"ipsPagination\" id=\"elPagination_" + std::to_string(page) + "\" data-ipsPagination-seoPagination=\"true\" data-pages=\"" +
                    std::to_string(pages) + "\" data-ipsPagination data-ipsPagination-pages=\"" + std::to_string(pages) + "\">\n";
  if (page > 1)
    out += "<li class=\"ipsPagination_first\"><a href=\"" + href(1) + "\" rel=\"first\" data-page=\"1\" title=\"First page\"><i class=\"fa fa-angle-double-left\"></i></a></li>"
           "<li class=\"ipsPagination_prev\"><a href=\"" + href(page - 1) + "\" rel=\"prev\" data-page=\"" + std::to_string(page - 1) + "\" title=\"Previous page\">Prev</a></li>\n";
  for (int p = 1; p <= pages; ++p)
    out += std::string("<li class=\"ipsPagination_page") + (p == page ? " ipsPagination_active" : "") + "\"><a href=\"" + href(p) + "\" data-page=\"" +
           std::to_string(p) + "\">" + std::to_string(p) + "</a></li>";
  if (page < pages)
    out += "\n<li class=\"ipsPagination_next\"><a href=\"" + href(page + 1) + "\" rel=\"next\" data-page=\"" + std::to_string(page + 1) + "\" title=\"Next page\">Next</a></li>"
           "<li class=\"ipsPagination_last\"><a href=\"" + href(pages) + "\" rel=\"last\" data-page=\"" + std::to_string(pages) + "\" title=\"Last page\"><i class=\"fa fa-angle-double-right\"></i></a></li>";
  return out + "\n<li class=\"ipsPagination_pageJump\"><a href=\"#\" data-ipsMenu data-ipsMenu-closeOnClick=\"false\" data-ipsMenu-appendTo=\"#elPagination_" +
         std::to_string(page) + "\" id=\"elPagination_" + std::to_string(page) + "_jump\">Page " + std::to_string(page) + " of " + std::to_string(pages) +
         " &nbsp;<i class=\"fa fa-caret-down\"></i></a></li>\n</ul>\n";
}

// One post as IPS 4's forums/front/topics/postContainer and post templates print it.
std::string ips_post(const SiteTopic& t, const SitePost& p) {
  const std::string path = ips_topic_path(t);
  const std::string permalink = path + "?do=findComment&amp;comment=" + p.id;
  const int u = user_id(p.author);
  std::string body;
  if (!p.quote_author.empty())
    body += "<blockquote class=\"ipsQuote\" data-ipsquote=\"\" data-ipsquote-contentapp=\"forums\" data-ipsquote-contentclass=\"forums_Topic\" data-ipsquote-contentcommentid=\"" +
            std::to_string(std::stoi(p.id) - 1) + "\" data-ipsquote-contentid=\"" + t.id + "\" data-ipsquote-contenttype=\"forums\" data-ipsquote-timestamp=\"" +
            std::to_string(p.date - 5820) + "\" data-ipsquote-userid=\"" + std::to_string(user_id(p.quote_author)) + "\" data-ipsquote-username=\"" + html_escape(p.quote_author) +
            "\">\n<div class=\"ipsQuote_citation\">1 hour ago, " + html_escape(p.quote_author) + " said:</div>\n<div class=\"ipsQuote_contents\">\n<p>" + html_escape(p.quote_text) +
            "</p>\n</div>\n</blockquote>\n";
  body += "<p>" + paras_html(p.text, "</p>\n<p>") + "</p>\n";
  if (std::stoi(p.id) % 9 == 0)
    body += "<span class=\"ipsType_reset ipsType_medium ipsType_light\" data-excludequote>\n<strong>Edited " + ips_time(p.date + 3600) + " by " + html_escape(p.author) +
            "</strong>\n</span>\n";
  std::string out =
      "<a id=\"comment-" + p.id + "\"></a>\n<article id=\"elComment_" + p.id + "\" class=\"cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear ipsColumns ipsColumns_noSpacing ipsColumns_collapsePhone\">\n"
      "<div class=\"cAuthorPane_mobile ipsResponsive_showPhone\"><div class=\"cAuthorPane_photo\"><div class=\"cAuthorPane_photoWrap\">" +
      (u ? "<a href=\"" + ips_profile(p.author) + "\" rel=\"nofollow\" data-ipsHover data-ipsHover-width=\"370\" class=\"ipsUserPhoto ipsUserPhoto_large\" title=\"Go to " +
               html_escape(p.author) + "'s profile\"><img src=\"/uploads/av-" + std::to_string(u) + ".png\" alt=\"" + html_escape(p.author) + "\"></a>"
         : std::string("<span class=\"ipsUserPhoto ipsUserPhoto_large\"><img src=\"/uploads/default_photo.png\" alt=\"\"></span>")) +
      "</div></div></div>\n"
      "<aside class=\"ipsComment_author cAuthorPane ipsColumn ipsColumn_medium ipsResponsive_hidePhone\">\n"
      "<h3 class=\"ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break\"><strong>" + ips_member(p.author) + "</strong></h3>\n"
      "<ul class=\"cAuthorPane_info ipsList_reset\">\n<li data-role=\"group\">" + (u ? "Members" : "Guests") + "</li>\n";
  if (u)
    out += "<li data-role=\"stats\" class=\"ipsMargin_top\"><ul class=\"ipsList_reset ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:center ipsGap_row:2 cAuthorPane_stats\">"
           "<li><a href=\"" + ips_profile(p.author) + "content/\" title=\"" + std::to_string(100 + u) + " posts\" class=\"ipsType_blendLinks\"><i class=\"fa fa-comment\"></i> " +
           std::to_string(100 + u) + "</a></li></ul></li>\n"
           "<li data-role=\"reputation-badge\"><a href=\"" + ips_profile(p.author) + "reputation/\" data-ipsTooltip title=\"Member's total reputation\">"
           "<span class=\"ipsRepBadge ipsRepBadge_positive\"><i class=\"fa fa-plus-circle\"></i> " + std::to_string(10 + u) + "</span></a></li>\n";
  out += "</ul>\n</aside>\n<div class=\"ipsColumn ipsColumn_fluid ipsMargin:none\">\n"
         "<div id=\"comment-" + p.id + "_wrap\" data-controller=\"core.front.core.comment\" data-commentApp=\"forums\" data-commentType=\"forums\" data-commentID=\"" + p.id +
         "\" data-quoteData=\"{&quot;userid&quot;:" + std::to_string(u) + ",&quot;username&quot;:&quot;" + html_escape(p.author) + "&quot;,&quot;timestamp&quot;:" +
         std::to_string(p.date) + ",&quot;contentapp&quot;:&quot;forums&quot;,&quot;contenttype&quot;:&quot;forums&quot;,&quot;contentid&quot;:" + t.id +
         ",&quot;contentclass&quot;:&quot;forums_Topic&quot;,&quot;contentcommentid&quot;:" + p.id + "}\" class=\"ipsComment_content ipsType_medium\">\n"
         "<div class=\"ipsComment_meta ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:between ipsFlex-fd:row-reverse\">\n"
         "<div class=\"ipsType_light ipsType_reset ipsType_blendLinks ipsComment_toolWrap\"><ul class=\"ipsList_inline ipsComment_tools\">"
         "<li><a href=\"" + path + "?do=reportComment&amp;comment=" + p.id + "\" data-ipsDialog data-ipsDialog-remoteSubmit data-ipsDialog-size=\"medium\" data-ipsDialog-flashMessage=\"Thanks for your report.\""
         " data-ipsDialog-title=\"Report post\" data-action=\"reportComment\" title=\"Report this content\">Report</a></li>"
         "<li><a class=\"ipsType_blendLinks\" href=\"" + permalink + "\" data-ipsTooltip title=\"Share this post\" data-ipsMenu data-ipsMenu-closeOnClick=\"false\" id=\"elSharePost_" + p.id +
         "\" data-role=\"shareComment\"><i class=\"fa fa-share-alt\"></i></a></li></ul></div>\n"
         "<div class=\"ipsType_reset ipsResponsive_hidePhone\"><a href=\"" + permalink + "\" rel=\"nofollow\" class=\"ipsType_blendLinks\">Posted " + ips_time(p.date) + "</a>"
         "<span class=\"ipsResponsive_hidePhone\"></span></div>\n</div>\n"
         "<div class=\"cPost_contentWrap\">\n<div data-role=\"commentContent\" class=\"ipsType_normal ipsType_richText ipsPadding_bottom ipsContained\" data-controller=\"core.front.core.lightboxedImages\">\n" +
         body + "</div>\n"
         "<div class=\"ipsItemControls\"><div data-controller=\"core.front.core.reaction\" class=\"ipsItemControls_right ipsClearfix\"><div class=\"ipsReact ipsPos_right\">"
         "<div class=\"ipsReact_blurb\" data-role=\"reactionBlurb\"><ul class=\"ipsReact_reactions\"><li class=\"ipsReact_reactCount\"><a href=\"" + path +
         "?do=showReactionsComment&amp;comment=" + p.id + "&amp;reaction=1\" data-ipsDialog data-ipsDialog-size=\"medium\" data-ipsDialog-title=\"See who reacted to this\" data-ipsTooltip title=\"Like\">"
         "<span><img src=\"/uploads/reactions/react_like.png\" alt=\"Like\"></span> <span>1</span></a></li></ul>"
         "<div class=\"ipsReact_overview ipsType_blendLinks\"><a href=\"" + path + "?do=showReactionsComment&amp;comment=" + p.id +
         "\" data-ipsDialog data-ipsDialog-size=\"medium\">1 person reacted</a></div></div></div></div>"
         "<ul class=\"ipsComment_controls ipsClearfix ipsItemControls_left\" data-role=\"commentControls\"><li data-ipsQuote-editor=\"topic_comment\" data-ipsQuote-target=\"#comment-" +
         p.id + "\" class=\"ipsJS_show\"><button class=\"ipsButton ipsButton_light ipsButton_verySmall ipsButton_narrow cMultiQuote ipsHide\" data-action=\"multiQuoteComment\" data-ipsTooltip"
         " data-ipsQuote-multiQuote data-mqId=\"mq" + p.id + "\" title=\"MultiQuote\"><i class=\"fa fa-plus\"></i></button></li>"
         "<li data-ipsQuote-editor=\"topic_comment\" data-ipsQuote-target=\"#comment-" + p.id + "\" class=\"ipsJS_show\"><a href=\"#\" data-action=\"quoteComment\" data-ipsQuote-singleQuote>Quote</a></li>"
         "</ul></div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div data-role=\"memberSignature\" class=\"ipsResponsive_hidePhone\"><hr class=\"ipsHr\"><div data-ipsSignature data-ipsSignature-memberId=\"" + std::to_string(u) +
           "\" class=\"ipsType_normal ipsType_richText ipsContained ipsType_medium\"><p>Ad astra per aspera &mdash; " + html_escape(p.author) + "</p></div></div>\n";
  out += "</div>\n<div class=\"ipsMenu ipsMenu_wide ipsHide cPostShareMenu\" id=\"elSharePost_" + p.id + "_menu\"><div class=\"ipsPad\"><h4 class=\"ipsType_sectionHead\">Share this post</h4>"
         "<hr class=\"ipsHr\"><h5 class=\"ipsType_normal ipsType_reset\">Link to post</h5><input type=\"text\" value=\"" + permalink + "\" class=\"ipsField_fullWidth\">"
         "<ul class=\"ipsList_inline ipsList_noSpacing ipsClearfix\" data-controller=\"core.front.core.sharelink\"><li><a href=\"https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fexample.org" +
         path + "%3Fdo%3DfindComment%26comment%3D" + p.id + "\" class=\"cShareLink cShareLink_facebook\" target=\"_blank\" rel=\"noopener\">Facebook</a></li></ul></div></div>\n"
         "</div>\n</div>\n</article>\n";
  return out;
}

void ips_topic_pages(const fs::path& root, const SiteTopic& t, int forum_id, ForumSite& site) {
  const std::string path = ips_topic_path(t);
  const Forum& forum = forum_by_id(forum_id);
  const int pages = pages_of(t.posts.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = ips_page(path, page);
    site.topic_pages.push_back(here);
    std::string html = ips_head(t.title + (page > 1 ? " - Page " + std::to_string(page) : "") + " - " + forum.name, here, "topic") + ips_breadcrumb(forum_id, "top") +
        "<div class=\"ipsPageHeader ipsResponsive_pull ipsBox ipsPadding sm:ipsPadding:half ipsMargin_bottom\"><div class=\"ipsFlex ipsFlex-ai:center ipsFlex-fw:wrap ipsGap:4\">"
        "<div class=\"ipsFlex-flex:11\"><h1 class=\"ipsType_pageTitle ipsContained_container\"><span class=\"ipsType_break ipsContained\"><span>" + html_escape(t.title) + "</span></span></h1></div>"
        "<div class=\"ipsFlex-flex:00 ipsType_light\"><a href=\"/login/\" class=\"ipsFollow ipsPos_middle ipsButton ipsButton_light ipsButton_verySmall\" data-role=\"followButton\">Follow</a></div></div>\n"
        "<p class=\"ipsType_reset ipsType_blendLinks\"><span class=\"ipsType_normal\">By " + ips_member(t.posts.front().author) + ", <span class=\"ipsType_light\">" +
        ips_time(t.posts.front().date) + " in <a href=\"" + ips_forum_path(forum) + "\">" + html_escape(forum.name) + "</a></span></span></p></div>\n"
        "<div class=\"ipsClearfix\"><ul class=\"ipsToolList ipsToolList_horizontal ipsClearfix ipsSpacer_both\">"
        "<li class=\"ipsToolList_primaryAction\"><a href=\"" + path + "#replyForm\" class=\"ipsButton ipsButton_medium ipsButton_important\" rel=\"nofollow\">Reply to this topic</a></li>"
        "<li class=\"ipsResponsive_hidePhone\"><a href=\"" + ips_forum_path(forum) + "?do=add\" rel=\"nofollow\" class=\"ipsButton ipsButton_link ipsButton_medium ipsButton_fullWidth\">Start new topic</a></li></ul></div>\n"
        "<div data-controller=\"core.front.core.commentFeed,forums.front.topic.view, core.front.core.ignoredComments\" data-baseURL=\"" + path + "\" data-lastPage data-feedID=\"topic-" + t.id +
        "\" class=\"cTopic ipsClear ipsSpacer_top\">\n<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\"><div class=\"ipsButtonRow ipsPos_right\"><a href=\"" + path +
        "?do=getNewComment\" class=\"ipsButton ipsButton_light ipsButton_verySmall\">Go to first unread post</a></div>" + ips_pagination(path, page, pages, "#comments") + "</div>\n"
        "<div data-role=\"commentFeed\" data-controller=\"core.front.core.moderation\">\n<form action=\"" + path + "?csrfKey=" + kCsrf + "&amp;do=multimodComment\" method=\"post\" data-ipsPageAction data-role=\"moderationTools\">\n"
        "<a id=\"comments\"></a>\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += ips_post(t, t.posts[static_cast<std::size_t>(k)]);
    html += "</form>\n</div>\n<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\">" + ips_pagination(path, page, pages, "#comments") + "</div>\n"
            "<a id=\"replyForm\"></a>\n<div data-role=\"replyArea\" class=\"cTopicPostArea ipsBox ipsResponsive_pull ipsPadding cTopicPostArea_noSize ipsSpacer_top\">"
            "<h2 class=\"ipsType_pageTitle\">Create an account or sign in to comment</h2><a href=\"/register/\" class=\"ipsButton ipsButton_primary ipsButton_small\">Register a new account</a>"
            " <a href=\"/login/?ref=" + std::string("aHR0cDovL2V4YW1wbGUub3JnL3RvcGljLw==") + "\" class=\"ipsButton ipsButton_primary ipsButton_small\">Sign In Now</a></div>\n"
            "<div class=\"ipsResponsive_noFloat ipsResponsive_showPhone\"><ul class=\"ipsPager ipsSpacer_top\"><li class=\"ipsPager_prev\"><a href=\"" + ips_forum_path(forum) +
            "\" title=\"Go to " + html_escape(forum.name) + "\" rel=\"parent\"><span class=\"ipsPager_type\">Go to topic listing</span></a></li></ul></div>\n"
            "<div class=\"ipsGrid ipsGrid_collapsePhone ipsPager ipsClearfix ipsSpacer_top ipsContained\"><a href=\"" + path + "?do=getLastComment\">Go to last post</a></div>\n"
            "<div class=\"ipsResponsive_noFloat\"><ul class=\"ipsList_inline ipsType_light\"><li><a href=\"https://twitter.com/share?url=http%3A%2F%2Fexample.org" + path +
            "\" class=\"cShareLink cShareLink_twitter\" target=\"_blank\" rel=\"nofollow noopener\">Twitter</a></li></ul></div>\n</div>\n" + ips_foot();
    write_file(root, here.substr(1) + "index.html", html);
  }
}

// The forum view's sort menu (sortby and sortdirection, the first page and any other).
std::string ips_sort_menu(const std::string& path) {
  std::string out = "<ul id=\"elSortByMenu_menu\" class=\"ipsMenu ipsMenu_auto ipsHide\">";
  for (const auto& [key, label] : std::initializer_list<std::pair<const char*, const char*>>{
           {"last_post", "Recently Updated"}, {"title", "Title"}, {"start_date", "Start Date"}, {"posts", "Most Replies"}, {"views", "Most Viewed"}})
    out += "<li class=\"ipsMenu_item\" data-ipsMenuValue=\"" + std::string(key) + "\"><a href=\"" + path + "?sortby=" + key + "&amp;sortdirection=" +
           (std::string(key) == "title" ? "asc" : "desc") + "\" rel=\"nofollow\">" + label + "</a></li>";
  return out + "<li class=\"ipsMenu_item\"><a href=\"" + path + "?advancedSearchForm=1\" rel=\"nofollow\" data-ipsDialog>Custom</a></li></ul>\n";
}

void ips_forum_pages(const fs::path& root, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string path = ips_forum_path(forum);
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = ips_page(path, page);
    site.listing_pages.push_back(here);
    std::string html = ips_head(forum.name + (page > 1 ? " - Page " + std::to_string(page) : ""), here, "forums") + ips_breadcrumb(forum.parent, "top") +
        "<div class=\"ipsPageHeader ipsClearfix\"><header class=\"ipsSpacer_bottom\"><h1 class=\"ipsType_pageTitle\">" + html_escape(forum.name) + "</h1></header>"
        "<ul class=\"ipsToolList ipsToolList_horizontal ipsClearfix ipsSpacer_both\"><li class=\"ipsToolList_primaryAction\"><a class=\"ipsButton ipsButton_medium ipsButton_important ipsButton_fullWidth\" href=\"" +
        path + "?do=add\" title=\"Start a new topic in this forum\" rel=\"nofollow noindex\">Start new topic</a></li></ul></div>\n";
    std::string subforums;
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        subforums += "<li class=\"cForumRow ipsDataItem ipsDataItem_responsivePhoto ipsClearfix\" data-forumID=\"" + std::to_string(sub.id) + "\"><div class=\"ipsDataItem_main\">"
                     "<h4 class=\"ipsDataItem_title ipsType_large ipsType_break\"><a href=\"" + ips_forum_path(sub) + "\">" + html_escape(sub.name) + "</a></h4></div></li>\n";
    if (!subforums.empty())
      html += "<section class=\"ipsBox ipsSpacer_bottom\"><h2 class=\"ipsType_sectionTitle ipsType_reset\">Subforums</h2><ol class=\"ipsDataList ipsDataList_large ipsDataList_zebra ipsClear\" data-role=\"forums\">\n" +
              subforums + "</ol></section>\n";
    html += "<div class=\"ipsBox\" data-baseurl=\"" + path + "\" data-resort=\"listResort\" data-controller=\"core.global.core.table, forums.front.forum.forumPage\" data-tableID=\"topics\">\n"
            "<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\" data-role=\"tablePagination\">" + ips_pagination(path, page, pages, "") +
            "<ul class=\"ipsButtonRow ipsPos_right ipsClearfix\"><li><a href=\"#elSortByMenu_menu\" id=\"elSortByMenu_topics\" data-role=\"sortButton\" data-ipsMenu data-ipsMenu-activeClass=\"ipsButtonRow_active\" data-ipsMenu-selectable=\"radio\">Sort By</a>" +
            ips_sort_menu(path) + "</li><li><a href=\"/?app=core&amp;module=system&amp;controller=markread&amp;do=markread&amp;id=" + std::to_string(forum.id) + "&amp;csrfKey=" + kCsrf +
            "\" data-action=\"markAsRead\" title=\"Mark forum as read\">Mark forum as read</a></li></ul></div>\n"
            "<ol class=\"ipsClear ipsDataList cForumTopicTable cTopicList\" id=\"elTable_topics\" data-role=\"tableRows\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      const std::string tpath = ips_topic_path(t);
      const int tpages = pages_of(t.posts.size());
      html += "<li class=\"ipsDataItem ipsDataItem_responsivePhoto ipsDataItem_unread\" data-rowID=\"" + t.id + "\">\n<div class=\"ipsDataItem_icon ipsPos_top\"><a href=\"" + tpath +
              "?do=getNewComment\" data-ipsTooltip title=\"Go to first unread post\"><span class=\"ipsItemStatus\"><i class=\"fa fa-comment\"></i></span></a></div>\n"
              "<div class=\"ipsDataItem_main\"><h4 class=\"ipsDataItem_title ipsContained_container\"><span class=\"ipsType_break ipsContained\"><a href=\"" + tpath +
              "\" title=\"" + html_escape(t.title) + "\" data-ipsHover data-ipsHover-target=\"" + tpath + "?preview=1\" data-ipsHover-timeout=\"1.5\"><span>" + html_escape(t.title) + "</span></a></span>";
      if (tpages > 1) {
        html += "<span class=\"ipsPagination ipsPagination_mini\" id=\"elTablePagination_topics_" + t.id + "\">";
        for (int p = 1; p <= tpages; ++p)
          html += "<span class=\"ipsPagination_page\"><a href=\"" + ips_page(tpath, p) + "\" data-ipsTooltip title=\"Go to page " + std::to_string(p) + "\">" + std::to_string(p) + "</a></span>";
        html += "<span class=\"ipsPagination_last\"><a href=\"" + ips_page(tpath, tpages) + "\" data-ipsTooltip title=\"Go to last page\">Last</a></span></span>";
      }
      html += "</h4><div class=\"ipsDataItem_meta ipsType_reset ipsType_light ipsType_blendLinks\"><span>By " + ips_member(t.posts.front().author) + ", </span>" +
              ips_time(t.posts.front().date) + "</div></div>\n"
              "<ul class=\"ipsDataItem_stats\"><li data-statType=\"forums_comments\"><span class=\"ipsDataItem_stats_number\">" + std::to_string(t.posts.size() - 1) +
              "</span> <span class=\"ipsDataItem_stats_type\">replies</span></li><li data-statType=\"num_views\"><span class=\"ipsDataItem_stats_number\">" +
              std::to_string(t.posts.size() * 17) + "</span> <span class=\"ipsDataItem_stats_type\">views</span></li></ul>\n"
              "<ul class=\"ipsDataItem_lastPoster ipsDataItem_withPhoto ipsType_blendLinks\"><li>" + ips_member(t.posts.back().author) + "</li>"
              "<li class=\"ipsType_light\"><a href=\"" + tpath + "?do=getLastComment\" title=\"Go to last post\" class=\"ipsType_blendLinks\">" + ips_time(t.posts.back().date) +
              "</a></li></ul>\n</li>\n";
    }
    html += "</ol>\n<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\" data-role=\"tablePagination\">" + ips_pagination(path, page, pages, "") + "</div>\n</div>\n"
            "<div class=\"ipsResponsive_noFloat\"><a href=\"/forum/" + std::to_string(forum.id) + "-" + forum.slug + ".xml/\" class=\"ipsButton ipsButton_veryLight ipsButton_small\" title=\"Subscribe to this forum's RSS\">RSS</a></div>\n" +
            ips_foot();
    write_file(root, here.substr(1) + "index.html", html);
  }
}

// The forums index (forums/front/index/index with its forumRow rows and last-post links).
std::string ips_index(const Board& board) {
  std::string html = ips_head("Forums", "/", "index") + ips_breadcrumb(0, "top") +
                     "<div class=\"ipsPageHeader ipsClearfix\"><h1 class=\"ipsType_pageTitle\">Forums</h1></div>\n"
                     "<section class=\"cForumList ipsBox ipsResponsive_pull\" data-controller=\"core.global.core.table, forums.front.forum.forumList\" data-baseURL=\"\">\n"
                     "<ol class=\"ipsList_reset cForumList\" data-role=\"forums\">\n<li data-categoryID=\"1\" class=\"cForumRow ipsClearfix\">"
                     "<h2 class=\"ipsType_sectionTitle ipsType_reset cForumTitle\"><a href=\"#\" class=\"ipsPos_right ipsJS_show ipsType_noUnderline cForumToggle\" data-action=\"toggleCategory\">Toggle</a>Test Community</h2>\n"
                     "<ol class=\"ipsDataList ipsDataList_large ipsDataList_zebra\" data-role=\"forums\">\n";
  for (const Forum& f : kForums) {
    if (f.parent != 0) continue;
    const SiteTopic& last = *topics_in(board, f.id).back();
    html += "<li class=\"cForumRow ipsDataItem ipsDataItem_responsivePhoto ipsClearfix\" data-forumID=\"" + std::to_string(f.id) + "\">\n"
            "<div class=\"ipsDataItem_icon ipsDataItem_category\"><span class=\"ipsItemStatus ipsItemStatus_large cForumIcon_normal\"><i class=\"fa fa-comments\"></i></span></div>\n"
            "<div class=\"ipsDataItem_main\"><h4 class=\"ipsDataItem_title ipsType_large ipsType_break\"><a href=\"" + ips_forum_path(f) + "\">" + html_escape(f.name) + "</a></h4>";
    std::string subs;
    for (const Forum& sub : kForums)
      if (sub.parent == f.id) subs += "<li class=\"ipsDataItem_unread\"><a href=\"" + ips_forum_path(sub) + "\">" + html_escape(sub.name) + "</a></li>";
    if (!subs.empty()) html += "<ul class=\"ipsDataItem_subList ipsList_inline\">" + subs + "</ul>";
    html += "</div>\n<div class=\"ipsDataItem_stats ipsDataItem_statsLarge\"><dl><dt class=\"ipsDataItem_stats_number\">" + std::to_string(f.topics) +
            "</dt><dd class=\"ipsDataItem_stats_type ipsType_light\">posts</dd></dl></div>\n"
            "<ul class=\"ipsDataItem_lastPoster ipsDataItem_withPhoto\"><li class=\"ipsPhotoPanel\"><ul><li class=\"ipsDataItem_lastPoster__title\"><a href=\"" + ips_topic_path(last) +
            "?do=getNewComment\" class=\"ipsType_break ipsContained\" title=\"" + html_escape(last.title) + "\">" + html_escape(last.title) + "</a></li>"
            "<li class=\"ipsType_light ipsType_blendLinks\">By " + ips_member(last.posts.back().author) + "</li><li class=\"ipsType_light\"><a href=\"" + ips_topic_path(last) +
            "?do=getLastComment\" title=\"Go to last post\" class=\"ipsType_blendLinks\">" + ips_time(last.posts.back().date) + "</a></li></ul></li></ul>\n"
            "<div class=\"ipsDataItem_modCheck\"><a href=\"/forum/" + std::to_string(f.id) + "-" + f.slug + ".xml/\" title=\"RSS\">RSS</a></div>\n</li>\n";
  }
  html += "</ol>\n</li>\n</ol>\n</section>\n"
          "<a href=\"/?app=core&amp;module=system&amp;controller=markread&amp;do=markread&amp;csrfKey=" + kCsrf + "\" data-action=\"markSiteRead\">Mark site read</a>\n"
          "<div class=\"ipsWidget\"><h3 class=\"ipsWidget_title ipsType_reset\">Who's Online</h3><ul class=\"ipsList_inline\"><li>" + ips_member("Edward") +
          "</li></ul><a href=\"/online/\">See all online users</a></div>\n"
          "<div class=\"ipsWidget\"><h3 class=\"ipsWidget_title ipsType_reset\">Top Posters</h3><a href=\"/leaderboard/\">Leaderboard</a> <a href=\"/staff/\">Staff</a>"
          " <a href=\"/calendar/2023/1/\">January 2023</a> <a href=\"/calendar/event/3-launch-day/\">Launch day</a></div>\n";
  return html + ips_foot();
}

}  // namespace

ForumSite write_invision_site(const fs::path& root) {
  const Board board = make_board();
  ForumSite site;
  site.topics = board.topics;
  site.listing_pages = {"/"};
  site.feeds = {"/rss/1-test-community-topics.xml/"};
  site.traps = {"/profile/", "/search/", "/login/", "/register/", "/discover/", "/online/", "/staff/", "/leaderboard/", "/calendar/",
                "do=", "sortby=", "csrfKey", "app=core", "/guidelines/", "/privacy/", "/contact/", "/cookies/", "/lostpassword/",
                "preview=", "advancedSearchForm", "manifest.webmanifest"};
  for (const Forum& f : kForums) site.traps.push_back(ips_forum_path(f).substr(0, ips_forum_path(f).size() - 1) + ".xml");
  write_file(root, "index.html", ips_index(board));
  for (const Forum& f : kForums) ips_forum_pages(root, f, board, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i) ips_topic_pages(root, board.topics[i], board.topic_forum[i], site);
  return site;
}

}  // namespace fora::test
