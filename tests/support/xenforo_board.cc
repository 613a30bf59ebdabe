// XenForo 2 with its default style as a guest sees it (the markup of the real pages in
// ../shared/fixtures/real/xenforo): forum list, forums and threads paged with page-N.
#include <algorithm>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

// ---- XenForo 2 ----------------------------------------------------------------------

const std::string kXfToken = "1499113436,8d4b44da51107c625c458332cccdd981";

std::string xf_head(const std::string& title, const std::string& canonical) {
  return "<!DOCTYPE html>\n<html id=\"XF\" lang=\"en-US\" dir=\"LTR\" data-app=\"public\" data-template=\"thread_view\" class=\"has-no-js template-thread_view\">\n<head>\n"
         "<meta charset=\"utf-8\" />\n<title>" + esc(title) + " | Test Community</title>\n<link rel=\"canonical\" href=\"" + canonical + "\" />\n"
         "<meta property=\"og:title\" content=\"" + esc(title) + "\" />\n</head>\n<body data-template=\"thread_view\">\n<div class=\"p-pageWrapper\" id=\"top\">\n"
         "<nav class=\"p-nav\"><a href=\"/\">Forums</a> <a href=\"/whats-new/\">What's new</a> <a href=\"/members/\">Members</a> <a href=\"/search/\">Search</a>"
         " <a href=\"/login/\">Log in</a> <a href=\"/register/\">Register</a> <a href=\"/misc/style?style_id=2&amp;_xfToken=" + kXfToken + "\">Style</a></nav>\n";
}

std::string xf_foot() {
  return "<footer class=\"p-footer\"><a href=\"/help/terms/\">Terms and rules</a> <a href=\"https://xenforo.com\">Community platform by XenForo&reg;</a></footer>\n</div>\n</body>\n</html>\n";
}

std::string xf_member(const std::string& author) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"username \" dir=\"auto\">" + esc(author) + "</span>";
  return "<a href=\"/members/" + slugify(author) + "." + std::to_string(u) + "/\" class=\"username \" dir=\"auto\" data-user-id=\"" + std::to_string(u) +
         "\" data-xf-init=\"member-tooltip\">" + esc(author) + "</a>";
}

std::string xf_thread_path(const SiteTopic& t) { return "/threads/" + slugify(t.title) + "." + t.id + "/"; }

std::string xf_page_nav(const std::string& base, int page, int pages) {
  if (pages < 2) return "";
  std::string out = "<div class=\"pageNav\"><ul class=\"pageNav-main\">";
  for (int p = 1; p <= pages; ++p)
    out += std::string("<li class=\"pageNav-page") + (p == page ? " pageNav-page--current" : "") + "\"><a href=\"" + base +
           (p > 1 ? "page-" + std::to_string(p) : "") + "\">" + std::to_string(p) + "</a></li>";
  out += "</ul>";
  if (page < pages) out += "<a href=\"" + base + "page-" + std::to_string(page + 1) + "\" class=\"pageNav-jump pageNav-jump--next\">Next</a>";
  return out + "</div>\n";
}

std::string xf_post(const SiteTopic& t, const SitePost& p) {
  const std::string path = xf_thread_path(t);
  std::string body;
  if (!p.quote_author.empty())
    body += "<blockquote data-attributes=\"member: " + std::to_string(user_id(p.quote_author)) + "\" data-quote=\"" + esc(p.quote_author) +
            "\" data-source=\"post: " + p.id + "\" class=\"bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch\">\n"
            "<div class=\"bbCodeBlock-title\"><a href=\"/goto/post?id=" + p.id + "\" class=\"bbCodeBlock-sourceJump\" rel=\"nofollow\">" + esc(p.quote_author) +
            " said:</a></div>\n<div class=\"bbCodeBlock-content\"><div class=\"bbCodeBlock-expandContent js-expandContent \">" + esc(p.quote_text) +
            "</div><div class=\"bbCodeBlock-expandLink js-expandLink\"><a role=\"button\" tabindex=\"0\">Click to expand...</a></div></div>\n</blockquote>";
  body += paras_html(p.text, "<br />\n<br />\n");
  std::string out =
      "<article class=\"message message--post js-post js-inlineModContainer" + std::string(p.opening ? " message-threadStarterPost" : "") +
      "\" data-author=\"" + esc(p.author) + "\" data-content=\"post-" + p.id + "\" id=\"js-post-" + p.id + "\">\n"
      "<span class=\"u-anchorTarget\" id=\"post-" + p.id + "\"></span>\n<div class=\"message-inner\">\n<div class=\"message-cell message-cell--user\">\n"
      "<section class=\"message-user\"><div class=\"message-userDetails\"><h4 class=\"message-name\">" + xf_member(p.author) + "</h4>"
      "<h5 class=\"userTitle message-userTitle\" dir=\"auto\">Well-known member</h5></div>"
      "<div class=\"message-userExtras\"><dl class=\"pairs pairs--justified\"><dt>Messages</dt><dd>" + std::to_string(100 + user_id(p.author)) + "</dd></dl></div></section>\n</div>\n"
      "<div class=\"message-cell message-cell--main\">\n<div class=\"message-main js-quickEditTarget\">\n"
      "<header class=\"message-attribution message-attribution--split\"><ul class=\"message-attribution-main listInline \"><li class=\"u-concealed\">"
      "<a href=\"" + path + "post-" + p.id + "\" rel=\"nofollow\"><time class=\"u-dt\" dir=\"auto\" datetime=\"" + strftime_utc(p.date, "%Y-%m-%dT%H:%M:%S+0000") +
      "\" data-time=\"" + std::to_string(p.date) + "\" data-date-string=\"" + strftime_utc(p.date, "%b %d, %Y") + "\" title=\"" +
      strftime_utc(p.date, "%b %d, %Y at %I:%M %p") + "\">" + strftime_utc(p.date, "%b %d, %Y") + "</time></a></li></ul>"
      "<ul class=\"message-attribution-opposite message-attribution-opposite--list \"><li><a href=\"" + path + "post-" + p.id + "\" rel=\"nofollow\">#" +
      p.id + "</a></li></ul></header>\n<div class=\"message-content js-messageContent\">\n<div class=\"message-userContent lbContainer js-lbContainer \">\n"
      "<article class=\"message-body js-selectToQuote\">\n<div class=\"bbWrapper\">" + body + "</div>\n<div class=\"js-selectToQuoteEnd\">&nbsp;</div>\n</article>\n</div>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<div class=\"message-lastEdit\">Last edited: <time class=\"u-dt\" dir=\"auto\" datetime=\"" + strftime_utc(p.date + 3600, "%Y-%m-%dT%H:%M:%S+0000") +
           "\">" + strftime_utc(p.date + 3600, "%b %d, %Y") + "</time></div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<aside class=\"message-signature\"><div class=\"bbWrapper\">Ad astra per aspera &mdash; " + esc(p.author) + "</div></aside>\n";
  out += "</div>\n<footer class=\"message-footer\"><div class=\"message-actionBar actionBar\"><div class=\"actionBar-set actionBar-set--external\">"
         "<a href=\"/posts/" + p.id + "/react?reaction_id=1\" class=\"reaction\">Like</a> <a href=\"" + path + "reply?quote=" + p.id +
         "\" class=\"actionBar-action actionBar-action--reply\">Reply</a></div><div class=\"actionBar-set actionBar-set--internal\">"
         "<a href=\"/posts/" + p.id + "/report\" class=\"actionBar-action actionBar-action--report\">Report</a></div></div></footer>\n"
         "</div>\n</div>\n</div>\n</article>\n";
  return out;
}

void xf_topic_pages(const fs::path& root, const SiteTopic& t, ForumSite& site) {
  const std::string path = xf_thread_path(t);
  const int pages = pages_of(t.posts.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = path + (page > 1 ? "page-" + std::to_string(page) : "");
    site.topic_pages.push_back(here);
    std::string html = xf_head(t.title, here) +
        "<div class=\"p-body-header\"><div class=\"p-title \"><h1 class=\"p-title-value\">" + esc(t.title) + "</h1></div></div>\n"
        "<div class=\"block-outer\">" + xf_page_nav(path, page, pages) + "<a href=\"" + path + "unread\">Jump to new</a> <a href=\"" + path +
        "watch\">Watch</a> <a href=\"" + path + "latest\">Latest</a></div>\n<div class=\"block-body js-replyNewMessageContainer\">\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += xf_post(t, t.posts[static_cast<std::size_t>(k)]);
    html += "</div>\n" + xf_page_nav(path, page, pages) + "<form action=\"" + path + "add-reply\" method=\"post\"></form>\n" + xf_foot();
    write_file(root, here.substr(1) + (page > 1 ? ".html" : "index.html"), html);
  }
}

std::string xf_forum_path(const Forum& f) { return "/forums/" + f.slug + "." + std::to_string(f.id) + "/"; }

void xf_forum_pages(const fs::path& root, const Forum& forum, const Board& board, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string path = xf_forum_path(forum);
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = path + (page > 1 ? "page-" + std::to_string(page) : "");
    site.listing_pages.push_back(here);
    std::string html = xf_head(forum.name, here) + "<h1 class=\"p-title-value\">" + esc(forum.name) + "</h1>\n<a href=\"" + path +
                       "post-thread\">Post thread</a> <a href=\"" + path + "?order=title&amp;direction=asc\">Title A-Z</a>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        html += "<div class=\"node node--forum\"><h3 class=\"node-title\"><a href=\"" + xf_forum_path(sub) + "\">" + esc(sub.name) + "</a></h3></div>\n";
    html += xf_page_nav(path, page, pages) + "<div class=\"structItemContainer\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      const std::string tpath = xf_thread_path(t);
      html += "<div class=\"structItem structItem--thread\"><div class=\"structItem-title\"><a href=\"" + tpath + "\">" + esc(t.title) + "</a></div>"
              "<div class=\"structItem-minor\">" + xf_member(t.posts.front().author) + "</div>";
      const int tpages = pages_of(t.posts.size());
      for (int p = 2; p <= tpages; ++p) html += " <a href=\"" + tpath + "page-" + std::to_string(p) + "\">" + std::to_string(p) + "</a>";
      html += " <a href=\"" + tpath + "latest\">Latest</a></div>\n";
    }
    html += "</div>\n" + xf_foot();
    write_file(root, here.substr(1) + (page > 1 ? ".html" : "index.html"), html);
  }
}

std::string xf_index() {
  std::string html = xf_head("Forums", "/") + "<h1 class=\"p-title-value\">Test Community</h1>\n";
  for (const Forum& f : kForums)
    if (f.parent == 0)
      html += "<div class=\"node node--forum\"><h3 class=\"node-title\"><a href=\"" + xf_forum_path(f) + "\">" + esc(f.name) + "</a></h3></div>\n";
  return html + xf_foot();
}

}  // namespace

ForumSite write_xenforo_site(const fs::path& root) {
  const Board board = make_board();
  ForumSite site;
  site.topics = board.topics;
  site.listing_pages = {"/"};
  site.feeds = {"/forums/-/index.rss"};
  site.traps = {"/members/", "/search/", "/login/", "/register/", "/posts/", "/post-", "reply",
                "/latest", "order=", "_xfToken", "/goto/", "/whats-new/", "/misc/", "/unread", "/watch"};
  write_file(root, "index.html", xf_index());
  for (const Forum& f : kForums) xf_forum_pages(root, f, board, site);
  for (const SiteTopic& t : board.topics) xf_topic_pages(root, t, site);
  return site;
}

}  // namespace fora::test
