// phpBB 3.3 with its default style, prosilver, as a guest sees it (the markup of the real
// pages in ../shared/fixtures/real/phpbb): board index, forums paged with start=, topics.
#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "support/board_markup.h"

namespace fora::test {
namespace {

using namespace board;
namespace fs = std::filesystem;

// ---- phpBB 3 (prosilver) ------------------------------------------------------------

const std::string kSid = "acc6afbad2e0eae5f42d5eebaae7a1b1";

// overall_header.html's feed links with every feed on (3.0's feed.php; 3.1+ routes the same
// feeds through app.php/feed/...): the newest posts, news, forums, new and active topics, and
// the feed of the forum or topic a page shows.
std::string phpbb_feed_links(const std::string& section) {
  auto link = [](const std::string& title, const std::string& query) {
    return "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Feed - " + title + "\" href=\"./feed.php" + query + "\">\n";
  };
  std::string out = link("Test Board", "") + link("News", "?mode=news") + link("All forums", "?mode=forums") +
                    link("New Topics", "?mode=topics") + link("Active Topics", "?mode=topics_active");
  if (section == "viewforum" || section == "viewtopic") out += link("Forum", "?f=2");
  if (section == "viewtopic") out += link("Topic", "?f=2&amp;t=7");
  return out;
}

std::string phpbb_head(const std::string& title, const std::string& section) {
  return "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en-gb\">\n<head>\n<meta charset=\"utf-8\" />\n<title>" +
         html_escape(title) + " - Test Board</title>\n<link href=\"./styles/prosilver/theme/stylesheet.css?assets_version=3\" rel=\"stylesheet\">\n" + phpbb_feed_links(section) + "</head>\n"
         "<body id=\"phpbb\" class=\"nojs notouch section-" + section + " ltr \">\n<div id=\"wrap\" class=\"wrap\">\n"
         "<div class=\"navbar\"><ul class=\"nav-main linklist\"><li><a href=\"./faq.php?sid=" + kSid + "\">FAQ</a></li>"
         "<li><a href=\"./ucp.php?mode=login&amp;sid=" + kSid + "\">Login</a></li><li><a href=\"./ucp.php?mode=register&amp;sid=" + kSid + "\">Register</a></li>"
         "<li><a href=\"./search.php?search_id=active_topics&amp;sid=" + kSid + "\">Active topics</a></li>"
         "<li><a href=\"./search.php?search_id=unanswered&amp;sid=" + kSid + "\">Unanswered topics</a></li>"
         "<li><a href=\"./search.php?sid=" + kSid + "\">Advanced search</a></li>"
         "<li><a href=\"/app.php/help/faq?sid=" + kSid + "\">FAQ</a></li>"
         "<li><a href=\"./app.php/feed?sid=" + kSid + "\">Feed</a></li>"
         "<li><a href=\"./memberlist.php?mode=team&amp;sid=" + kSid + "\">The team</a></li></ul>\n"
         "<ul id=\"nav-breadcrumbs\" class=\"nav-breadcrumbs linklist navlinks\"><li class=\"breadcrumbs\"><span class=\"crumb\"><a href=\"./index.php?sid=" + kSid + "\">Board index</a></span>";
}

std::string phpbb_crumbs(int forum_id) {
  std::string out;
  for (const Forum& f : kForums)
    if (f.id == forum_id) {
      if (f.parent) out += phpbb_crumbs(f.parent);
      out += "<span class=\"crumb\"><a href=\"./viewforum.php?f=" + std::to_string(f.id) + "&amp;sid=" + kSid + "\">" + html_escape(f.name) + "</a></span>";
    }
  return out;
}

std::string phpbb_pagination(const std::string& base, int page, int pages, std::size_t count, const char* noun) {
  std::string out = "<div class=\"pagination\">\n" + std::to_string(count) + " " + noun + "\n";
  if (pages > 1) {
    out += "<ul>";
    for (int p = 1; p <= pages; ++p) {
      const std::string href = base + (p > 1 ? "&amp;start=" + std::to_string((p - 1) * kPerPage) : "") + "&amp;sid=" + kSid;
      if (p == page) out += "<li class=\"active\"><span>" + std::to_string(p) + "</span></li>";
      else out += "<li><a class=\"button\" href=\"" + href + "\" role=\"button\">" + std::to_string(p) + "</a></li>";
    }
    if (page < pages)
      out += "<li class=\"arrow next\"><a class=\"button button-icon-only\" href=\"" + base + "&amp;start=" +
             std::to_string(page * kPerPage) + "&amp;sid=" + kSid + "\" rel=\"next\" role=\"button\">Next</a></li>";
    out += "</ul>";
  } else {
    out += "&bull; Page <strong>1</strong> of <strong>1</strong>";
  }
  return out + "</div>\n";
}

std::string phpbb_foot() {
  return "<div class=\"navbar\"><a href=\"./ucp.php?mode=delete_cookies&amp;sid=" + kSid + "\">Delete cookies</a> <a href=\"./memberlist.php?mode=contactadmin&amp;sid=" + kSid +
         "\">Contact us</a> <a href=\"./ucp.php?mode=privacy&amp;sid=" + kSid + "\">Privacy</a> <a href=\"./ucp.php?mode=terms&amp;sid=" + kSid + "\">Terms</a></div>\n"
         "<div class=\"copyright\">Powered by <a href=\"https://www.phpbb.com/\">phpBB</a>&reg; Forum Software &copy; phpBB Limited</div>\n</div>\n</body>\n</html>\n";
}

std::string phpbb_user(const std::string& author) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"username\">" + html_escape(author) + "</span>";
  return "<a href=\"./memberlist.php?mode=viewprofile&amp;u=" + std::to_string(u) + "&amp;sid=" + kSid +
         "\" class=\"username\">" + html_escape(author) + "</a>";
}

std::string phpbb_post(const SiteTopic& t, const SitePost& p, bool odd) {
  const std::string printed = utc(p.date, "%a %b %d, %Y %I:%M %p");
  std::string lower_ampm = printed;
  lower_ampm.replace(lower_ampm.size() - 2, 2, printed.substr(printed.size() - 2) == "AM" ? "am" : "pm");
  std::string content;
  if (!p.quote_author.empty()) {
    content += "<blockquote><div><cite>" + phpbb_user(p.quote_author) + " wrote: <a href=\"./viewtopic.php?p=" +
               p.id + "&amp;sid=" + kSid + "#p" + p.id + "\" data-post-id=\"" + p.id + "\">&uarr;</a><span class=\"responsive-hide\">" +
               html_escape(lower_ampm) + "</span></cite>" + html_escape(p.quote_text) + "</div></blockquote>";
  }
  content += paras_html(p.text, "<br>\n<br>\n");
  std::string out = "<div id=\"p" + p.id + "\" class=\"post has-profile " + (odd ? "bg1" : "bg2") + "\">\n<div class=\"inner\">\n"
      "<dl class=\"postprofile\" id=\"profile" + p.id + "\">\n<dt class=\"has-profile-rank no-avatar\">" + phpbb_user(p.author) + "</dt>\n"
      "<dd class=\"profile-rank\">Member</dd>\n<dd class=\"profile-posts\"><strong>Posts:</strong> <a href=\"./search.php?author_id=" +
      std::to_string(user_id(p.author)) + "&amp;sr=posts&amp;sid=" + kSid + "\">" + std::to_string(40 + user_id(p.author)) + "</a></dd>\n"
      "<dd class=\"profile-joined\"><strong>Joined:</strong> Sun Dec 17, 2017 11:18 am</dd>\n</dl>\n"
      "<div class=\"postbody\">\n<div id=\"post_content" + p.id + "\">\n"
      "<h3" + (p.opening ? " class=\"first\"" : "") + "><a href=\"./viewtopic.php?p=" + p.id + "&amp;sid=" + kSid + "#p" + p.id + "\">" +
      (p.opening ? "" : "Re: ") + html_escape(t.title) + "</a></h3>\n"
      "<ul class=\"post-buttons\"><li><a href=\"./posting.php?mode=quote&amp;p=" + p.id + "&amp;sid=" + kSid +
      "\" title=\"Reply with quote\" class=\"button button-icon-only\"><span>Quote</span></a></li>"
      "<li><a href=\"./mcp.php?i=main&amp;mode=post_details&amp;p=" + p.id + "\" class=\"button\"><span>Details</span></a></li></ul>\n"
      "<p class=\"author\"><a class=\"unread\" href=\"./viewtopic.php?p=" + p.id + "&amp;sid=" + kSid + "#p" + p.id +
      "\" title=\"Post\"><span class=\"imageset icon_post_target\">Post</span></a><span class=\"responsive-hide\">by <strong>" +
      phpbb_user(p.author) + "</strong> &raquo; </span>" + html_escape(lower_ampm) + " </p>\n"
      "<div class=\"content\">" + content + "</div>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<div class=\"notice\">Last edited by " + phpbb_user(p.author) + " on " + html_escape(utc(p.date + 3600, "%a %b %d, %Y %I:%M %p")) +
           ", edited 1 time in total.</div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div id=\"sig" + p.id + "\" class=\"signature\">Ad astra per aspera &mdash; " + html_escape(p.author) + "</div>\n";
  return out + "</div>\n</div>\n<div class=\"back2top\"><a href=\"#top\" class=\"top\" title=\"Top\">Top</a></div>\n</div>\n</div>\n<hr class=\"divider\" />\n";
}

void phpbb_topic_pages(const fs::path& root, const SiteTopic& t, int forum_id, ForumSite& site) {
  const int pages = pages_of(t.posts.size());
  const std::string f = std::to_string(forum_id);
  const std::string base = "./viewtopic.php?t=" + t.id;
  for (int page = 1; page <= pages; ++page) {
    const std::string query = "t=" + t.id + (page > 1 ? "&start=" + std::to_string((page - 1) * kPerPage) : "");
    site.topic_pages.push_back("/viewtopic.php?" + query);
    site.topic_page_ids.push_back(t.id);
    std::string html = phpbb_head(t.title, "viewtopic") + phpbb_crumbs(forum_id) + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
        "<h2 class=\"topic-title\"><a href=\"" + base + "&amp;sid=" + kSid + "\">" + html_escape(t.title) + "</a></h2>\n"
        "<div class=\"action-bar bar-top\">\n<a href=\"./posting.php?mode=reply&amp;f=" + f + "&amp;t=" + t.id + "&amp;sid=" + kSid +
        "\" class=\"button\" title=\"Post a reply\"><span>Post Reply</span></a>\n"
        "<div class=\"dropdown-container topic-tools\"><ul><li><a href=\"./memberlist.php?mode=email&amp;t=" + t.id + "&amp;sid=" + kSid +
        "\" title=\"E-mail friend\">E-mail friend</a></li><li><a href=\"./viewtopic.php?t=" + t.id + "&amp;sid=" + kSid +
        "&amp;view=print\" title=\"Print view\">Print view</a></li></ul></div>\n"
        "<div class=\"search-box\"><form method=\"get\" action=\"./search.php\"><input type=\"hidden\" name=\"t\" value=\"" + t.id + "\" /></form></div>\n" +
        phpbb_pagination(base, page, pages, t.posts.size(), "posts") + "</div>\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += phpbb_post(t, t.posts[static_cast<std::size_t>(k)], k % 2 != 0);
    html += "<div class=\"action-bar bar-bottom\">" + phpbb_pagination(base, page, pages, t.posts.size(), "posts") + "</div>\n"
            "<div class=\"action-bar actions-jump\"><a href=\"./viewtopic.php?t=" + t.id + "&amp;view=previous&amp;sid=" + kSid +
            "\">Previous topic</a> <a href=\"./download/file.php?id=" + t.id + "&amp;sid=" + kSid + "\">diagram.png</a> <a href=\"./viewtopic.php?t=" + t.id + "&amp;view=next&amp;sid=" + kSid + "\">Next topic</a>"
            " <a href=\"./viewtopic.php?t=" + t.id + "&amp;hilit=soyuz&amp;sid=" + kSid + "\">soyuz</a>"
            " <a href=\"./viewtopic.php?t=" + t.id + "&amp;sk=t&amp;sd=a&amp;st=0\">Sort</a></div>\n</div>\n" + phpbb_foot();
    write_file(root, "viewtopic.php@" + query + ".html", html);
  }
}

void phpbb_forum_pages(const fs::path& root, const Forum& forum, const Board& board, int writes, ForumSite& site) {
  const std::vector<const SiteTopic*> topics = topics_in(board, forum.id);
  const std::string f = std::to_string(forum.id);
  const std::string base = "./viewforum.php?f=" + f;
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    std::string html = phpbb_head(forum.name, "viewforum") + phpbb_crumbs(forum.id) + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
        "<h2 class=\"forum-title\"><a href=\"" + base + "&amp;sid=" + kSid + "\">" + html_escape(forum.name) + "</a></h2>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        html += "<div class=\"forabg\"><ul class=\"topiclist forums\"><li class=\"row\"><dl class=\"row-item forum_read\"><dt><div class=\"list-inner\">"
                "<a href=\"./viewforum.php?f=" + std::to_string(sub.id) + "&amp;sid=" + kSid + "\" class=\"forumtitle\">" + html_escape(sub.name) + "</a></div></dt></dl></li></ul></div>\n";
    html += "<div class=\"action-bar bar-top\"><a href=\"./posting.php?mode=post&amp;f=" + f + "&amp;sid=" + kSid + "\" class=\"button\">New Topic</a>" +
            phpbb_pagination(base, page, pages, topics.size(), "topics") + "</div>\n<div class=\"forumbg\"><ul class=\"topiclist topics\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      html += "<li class=\"row\"><dl class=\"row-item topic_read\"><dt><div class=\"list-inner\"><a href=\"./viewtopic.php?t=" + t.id +
              "&amp;sid=" + kSid + "\" class=\"topictitle\">" + html_escape(t.title) + "</a><div class=\"topic-poster\">by " + phpbb_user(t.posts.front().author) + "</div>";
      const int tpages = pages_of(t.posts.size());
      if (tpages > 1) {
        html += "<div class=\"pagination\"><ul>";
        for (int p = 1; p <= tpages; ++p)
          html += "<li><a class=\"button\" href=\"./viewtopic.php?t=" + t.id + (p > 1 ? "&amp;start=" + std::to_string((p - 1) * kPerPage) : "") +
                  "&amp;sid=" + kSid + "\">" + std::to_string(p) + "</a></li>";
        html += "</ul></div>";
      }
      // Views move with every reader's visit (here: with every write of the board).
      html += "</div></dt><dd class=\"posts\">" + std::to_string(t.posts.size() - 1) + " <dfn>Replies</dfn></dd><dd class=\"views\">" +
              std::to_string(t.posts.size() * 17 + static_cast<std::size_t>(writes)) + " <dfn>Views</dfn></dd>"
              "<dd class=\"lastpost\"><span><dfn>Last post </dfn>by " + phpbb_user(t.posts.back().author) + " <a href=\"./viewtopic.php?p=" + t.posts.back().id +
              "&amp;sid=" + kSid + "#p" + t.posts.back().id + "\" title=\"Go to last post\">&rarr;</a><br />" +
              html_escape(utc(t.posts.back().date, "%a %b %d, %Y %I:%M %p")) + "</span></dd></dl></li>\n";
    }
    html += "</ul></div>\n<a href=\"./viewforum.php?hash=0bd4b1ac&amp;f=" + f + "&amp;mark=topics&amp;mark_time=1700000000\">Mark topics read</a>\n"
            "<form method=\"get\" action=\"./viewforum.php\"><a href=\"./viewforum.php?f=" + f + "&amp;st=0&amp;sk=t&amp;sd=d\">Sort</a></form>\n</div>\n" + phpbb_foot();
    const std::string query = "f=" + f + (page > 1 ? "&start=" + std::to_string((page - 1) * kPerPage) : "");
    site.listing_pages.push_back("/viewforum.php?" + query);
    if (page == 1) site.forum_pages[forum.name] = site.listing_pages.back();
    write_file(root, "viewforum.php@" + query + ".html", html);
  }
}

std::string phpbb_index() {
  std::string html = phpbb_head("Index page", "index") + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
      "<div class=\"forabg\"><ul class=\"topiclist forums\">\n";
  for (const Forum& f : kForums)
    if (f.parent == 0)
      html += "<li class=\"row\"><dl class=\"row-item forum_read\"><dt><div class=\"list-inner\"><a href=\"./viewforum.php?f=" + std::to_string(f.id) +
              "&amp;sid=" + kSid + "\" class=\"forumtitle\">" + html_escape(f.name) + "</a></div></dt></dl></li>\n";
  return html + "</ul></div>\n<a href=\"./viewonline.php?sid=" + kSid + "\">Who is online</a>\n</div>\n" + phpbb_foot();
}

// feed.xml.twig: an Atom feed whose entries link to a post of a topic.
struct FeedEntry {
  const SiteTopic* topic;
  const SitePost* post;
};

std::string phpbb_feed(const std::string& title, const std::string& self, const std::vector<FeedEntry>& entries) {
  auto atom_date = [](std::int64_t t) { return utc(t, "%Y-%m-%dT%H:%M:%S+00:00"); };
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-gb\">\n"
                    "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + self + "\" />\n<title>Test Board</title>\n<subtitle>" + title +
                    "</subtitle>\n<link href=\"./index.php\" />\n<updated>" + atom_date(entries.empty() ? 0 : entries.front().post->date) +
                    "</updated>\n<author><name><![CDATA[Test Board]]></name></author>\n<id>" + self + "</id>\n";
  for (const FeedEntry& e : entries) {
    const std::string link = "./viewtopic.php?t=" + e.topic->id + "&amp;p=" + e.post->id + "#p" + e.post->id;
    out += "<entry>\n<author><name><![CDATA[" + e.post->author + "]]></name></author>\n<updated>" + atom_date(e.post->date) +
           "</updated>\n<published>" + atom_date(e.post->date) + "</published>\n<id>" + link + "</id>\n<link href=\"" + link +
           "\"/>\n<title type=\"html\"><![CDATA[" + e.topic->forum + " &bull; " + (e.post->opening ? "" : "Re: ") + e.topic->title +
           "]]></title>\n<content type=\"html\" xml:base=\"" + link + "\"><![CDATA[" + paras_html(e.post->text, "<br>") +
           "]]></content>\n</entry>\n";
  }
  return out + "</feed>\n";
}

// The newest posts (feed.php), the newest topics (?mode=topics) and the topics with a post in
// the last 7 days, newest last post first (?mode=topics_active: phpbb/feed/topics_active.php),
// 15 entries each (feed_limit).
void phpbb_feeds(const fs::path& root, const Board& board) {
  constexpr std::size_t kLimit = 15;
  auto newest_first = [](std::vector<FeedEntry>& v) {
    std::stable_sort(v.begin(), v.end(), [](const FeedEntry& a, const FeedEntry& b) { return a.post->date > b.post->date; });
    if (v.size() > kLimit) v.resize(kLimit);
  };
  std::vector<FeedEntry> posts, topics, active;
  const std::int64_t week_ago = std::time(nullptr) - 7 * 86400;
  for (const SiteTopic& t : board.topics) {
    if (t.posts.empty()) continue;
    for (const SitePost& p : t.posts) posts.push_back({&t, &p});
    topics.push_back({&t, &t.posts.front()});
    if (t.posts.back().date > week_ago) active.push_back({&t, &t.posts.back()});
  }
  newest_first(posts);
  newest_first(topics);
  newest_first(active);
  write_file(root, "feed.php.xml", phpbb_feed("Newest posts", "./feed.php", posts));
  write_file(root, "feed.php@mode=topics.xml", phpbb_feed("New Topics", "./feed.php?mode=topics", topics));
  write_file(root, "feed.php@mode=topics_active.xml", phpbb_feed("Active Topics", "./feed.php?mode=topics_active", active));
}

}  // namespace

ForumSite write_phpbb_site(const fs::path& root) { return write_board(root, rewrite_phpbb_site); }

void rewrite_phpbb_site(const fs::path& root, ForumSite& site) {
  static int writes = 0;
  ++writes;
  const Board board = start_writing(root, site);
  site.feeds = {"/feed.php", "/feed.php?mode=topics", "/feed.php?mode=topics_active"};
  site.traps = {"posting.php", "memberlist.php", "ucp.php", "search.php", "mcp.php", "faq.php",
                "viewonline.php", "viewtopic.php?p=", "view=next", "view=previous", "view=print", "hilit=", "app.php", "download/",
                "mark=", "sk=", "sid="};
  write_file(root, "index.html", phpbb_index());
  write_file(root, "index.php.html", phpbb_index());
  phpbb_feeds(root, board);
  for (const Forum& f : kForums) phpbb_forum_pages(root, f, board, writes, site);
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    phpbb_topic_pages(root, board.topics[i], board.topic_forum[i], site);
}

}  // namespace fora::test
