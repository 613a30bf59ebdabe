#include "support/forum_site.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace fora::test {
namespace {

namespace fs = std::filesystem;

// ---- the board: forums, topics, posts (engine-neutral) ------------------------------

struct Forum {
  int id;
  std::string name;
  std::string slug;
  int parent;  // 0: top level
  int topics;
};

const std::vector<Forum> kForums = {
    {2, "Launch Vehicles", "launch-vehicles", 0, 12},
    {3, "Space Stations", "space-stations", 0, 8},
    {5, "Soyuz and Progress", "soyuz-and-progress", 3, 6},
    {4, "Off Topic", "off-topic", 0, 4},
};

const std::vector<std::string> kAuthors = {
    "Edward", "Chris Hadfield", "Zoë Ångström", "David Eastman", "Li Wei",
    "Siobhán O'Brien", "Anna-Lena Müller", "astro_nut"};
const std::string kGuest = "Gast Günter";  // posts without an account

const std::vector<std::string> kWords = {
    "soyuz", "leak", "radiator", "coolant", "orbit", "docking", "hatch", "crew", "module",
    "pressure", "thermal", "launch", "booster", "fairing", "telemetry", "antenna", "solar",
    "array", "micrometeorite", "debris", "station", "progress", "engine", "valve", "test",
    "window", "schedule", "mission", "capsule", "landing", "parachute", "heat", "shield"};

const std::vector<std::string> kTitles = {
    "Coolant leak on the docked capsule", "Booster recovery statistics", "Thermal blankets and debris",
    "Why the hatch seals take so long", "Telemetry dropouts during ascent", "Solar array degradation",
    "Parachute tests in the desert", "Heat shield inspections", "Docking port assignments",
    "Pressure checks after the leak", "Engine valve anomalies", "Antenna pointing after separation",
    "Launch window arithmetic", "Progress cargo manifests", "Crew rotation schedule"};

constexpr std::int64_t kStart = 1672653600;  // 2023-01-02T10:00:00Z
constexpr int kPerPage = 10;                 // posts per topic page, topics per forum page

std::string sentence(std::mt19937& rng) {
  std::string s;
  const int n = 6 + static_cast<int>(rng() % 8);
  for (int i = 0; i < n; ++i) {
    std::string w = kWords[rng() % kWords.size()];
    if (i == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    s += (i ? " " : "") + w;
  }
  return s + ".";
}

std::string paragraphs(std::mt19937& rng) {
  std::string text;
  const int n = 1 + static_cast<int>(rng() % 3);
  for (int p = 0; p < n; ++p) {
    std::string para = sentence(rng);
    if (rng() % 2) para += " " + sentence(rng);
    text += (p ? "\n" : "") + para;
  }
  return text;
}

struct Board {
  std::vector<SiteTopic> topics;
  std::vector<int> topic_forum;  // forum id of each topic
};

Board make_board() {
  std::mt19937 rng(20241125);
  Board board;
  int topic_id = 7, post_id = 1001;
  for (const Forum& f : kForums) {
    for (int i = 0; i < f.topics; ++i, ++topic_id) {
      SiteTopic t;
      t.id = std::to_string(topic_id);
      t.title = kTitles[static_cast<std::size_t>(topic_id) % kTitles.size()] + " (" + std::to_string(topic_id) + ")";
      t.forum = f.name;
      const int posts = 2 + (topic_id * 7) % 23;
      for (int k = 0; k < posts; ++k, ++post_id) {
        SitePost p;
        p.id = std::to_string(post_id);
        p.author = (post_id % 13 == 0) ? kGuest : kAuthors[rng() % kAuthors.size()];
        p.date = kStart + (topic_id - 7) * 3 * 86400 + k * 97 * 60;
        p.text = paragraphs(rng);
        p.opening = k == 0;
        if (k > 0 && k % 4 == 3) {  // every fourth reply quotes the post before it
          const SitePost& prev = t.posts.back();
          p.quote_author = prev.author;
          p.quote_text = prev.text.substr(0, prev.text.find('\n'));
        }
        t.posts.push_back(std::move(p));
      }
      board.topics.push_back(std::move(t));
      board.topic_forum.push_back(f.id);
    }
  }
  return board;
}

// ---- rendering helpers --------------------------------------------------------------

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#039;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string paras_html(const std::string& text, const char* between) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (start) out += between;
    out += esc(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string strftime_utc(std::int64_t t, const char* format) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[128];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

int user_id(const std::string& author) {
  for (std::size_t i = 0; i < kAuthors.size(); ++i)
    if (kAuthors[i] == author) return 50 + static_cast<int>(i);
  return 0;
}

std::string slugify(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void write_file(const fs::path& root, const std::string& relative, const std::string& contents) {
  const fs::path file = root / relative;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

int pages_of(std::size_t n) { return static_cast<int>((n + kPerPage - 1) / kPerPage); }

// ---- phpBB 3 (prosilver) ------------------------------------------------------------

const std::string kSid = "acc6afbad2e0eae5f42d5eebaae7a1b1";

std::string phpbb_head(const std::string& title, const std::string& section) {
  return "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en-gb\">\n<head>\n<meta charset=\"utf-8\" />\n<title>" +
         esc(title) + " - Test Board</title>\n<link href=\"./styles/prosilver/theme/stylesheet.css?assets_version=3\" rel=\"stylesheet\">\n</head>\n"
         "<body id=\"phpbb\" class=\"nojs notouch section-" + section + " ltr \">\n<div id=\"wrap\" class=\"wrap\">\n"
         "<div class=\"navbar\"><ul class=\"nav-main linklist\"><li><a href=\"./faq.php?sid=" + kSid + "\">FAQ</a></li>"
         "<li><a href=\"./ucp.php?mode=login&amp;sid=" + kSid + "\">Login</a></li><li><a href=\"./ucp.php?mode=register&amp;sid=" + kSid + "\">Register</a></li>"
         "<li><a href=\"./search.php?search_id=active_topics&amp;sid=" + kSid + "\">Active topics</a></li>"
         "<li><a href=\"./memberlist.php?mode=team&amp;sid=" + kSid + "\">The team</a></li></ul>\n"
         "<ul id=\"nav-breadcrumbs\" class=\"nav-breadcrumbs linklist navlinks\"><li class=\"breadcrumbs\"><span class=\"crumb\"><a href=\"./index.php?sid=" + kSid + "\">Board index</a></span>";
}

std::string phpbb_crumbs(int forum_id) {
  std::string out;
  for (const Forum& f : kForums)
    if (f.id == forum_id) {
      if (f.parent) out += phpbb_crumbs(f.parent);
      out += "<span class=\"crumb\"><a href=\"./viewforum.php?f=" + std::to_string(f.id) + "&amp;sid=" + kSid + "\">" + esc(f.name) + "</a></span>";
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
  return "<div class=\"copyright\">Powered by <a href=\"https://www.phpbb.com/\">phpBB</a>&reg; Forum Software &copy; phpBB Limited</div>\n</div>\n</body>\n</html>\n";
}

std::string phpbb_user(const std::string& author) {
  const int u = user_id(author);
  if (u == 0) return "<span class=\"username\">" + esc(author) + "</span>";
  return "<a href=\"./memberlist.php?mode=viewprofile&amp;u=" + std::to_string(u) + "&amp;sid=" + kSid +
         "\" class=\"username\">" + esc(author) + "</a>";
}

std::string phpbb_post(const SiteTopic& t, const SitePost& p, bool odd) {
  const std::string printed = strftime_utc(p.date, "%a %b %d, %Y %I:%M %p");
  std::string lower_ampm = printed;
  lower_ampm.replace(lower_ampm.size() - 2, 2, printed.substr(printed.size() - 2) == "AM" ? "am" : "pm");
  std::string content;
  if (!p.quote_author.empty()) {
    content += "<blockquote><div><cite>" + phpbb_user(p.quote_author) + " wrote: <a href=\"./viewtopic.php?p=" +
               p.id + "&amp;sid=" + kSid + "#p" + p.id + "\" data-post-id=\"" + p.id + "\">&uarr;</a><span class=\"responsive-hide\">" +
               esc(lower_ampm) + "</span></cite>" + esc(p.quote_text) + "</div></blockquote>";
  }
  content += paras_html(p.text, "<br>\n<br>\n");
  std::string out = "<div id=\"p" + p.id + "\" class=\"post has-profile " + (odd ? "bg1" : "bg2") + "\">\n<div class=\"inner\">\n"
      "<dl class=\"postprofile\" id=\"profile" + p.id + "\">\n<dt class=\"has-profile-rank no-avatar\">" + phpbb_user(p.author) + "</dt>\n"
      "<dd class=\"profile-rank\">Member</dd>\n<dd class=\"profile-posts\"><strong>Posts:</strong> <a href=\"./search.php?author_id=" +
      std::to_string(user_id(p.author)) + "&amp;sr=posts&amp;sid=" + kSid + "\">" + std::to_string(40 + user_id(p.author)) + "</a></dd>\n"
      "<dd class=\"profile-joined\"><strong>Joined:</strong> Sun Dec 17, 2017 11:18 am</dd>\n</dl>\n"
      "<div class=\"postbody\">\n<div id=\"post_content" + p.id + "\">\n"
      "<h3" + (p.opening ? " class=\"first\"" : "") + "><a href=\"./viewtopic.php?p=" + p.id + "&amp;sid=" + kSid + "#p" + p.id + "\">" +
      (p.opening ? "" : "Re: ") + esc(t.title) + "</a></h3>\n"
      "<ul class=\"post-buttons\"><li><a href=\"./posting.php?mode=quote&amp;p=" + p.id + "&amp;sid=" + kSid +
      "\" title=\"Reply with quote\" class=\"button button-icon-only\"><span>Quote</span></a></li>"
      "<li><a href=\"./mcp.php?i=main&amp;mode=post_details&amp;p=" + p.id + "\" class=\"button\"><span>Details</span></a></li></ul>\n"
      "<p class=\"author\"><a class=\"unread\" href=\"./viewtopic.php?p=" + p.id + "&amp;sid=" + kSid + "#p" + p.id +
      "\" title=\"Post\"><span class=\"imageset icon_post_target\">Post</span></a><span class=\"responsive-hide\">by <strong>" +
      phpbb_user(p.author) + "</strong> &raquo; </span>" + esc(lower_ampm) + " </p>\n"
      "<div class=\"content\">" + content + "</div>\n";
  if (std::stoi(p.id) % 9 == 0)
    out += "<div class=\"notice\">Last edited by " + phpbb_user(p.author) + " on " + esc(strftime_utc(p.date + 3600, "%a %b %d, %Y %I:%M %p")) +
           ", edited 1 time in total.</div>\n";
  if (p.author == "Edward" || p.author == "Li Wei")
    out += "<div id=\"sig" + p.id + "\" class=\"signature\">Ad astra per aspera &mdash; " + esc(p.author) + "</div>\n";
  return out + "</div>\n</div>\n<div class=\"back2top\"><a href=\"#top\" class=\"top\" title=\"Top\">Top</a></div>\n</div>\n</div>\n<hr class=\"divider\" />\n";
}

void phpbb_topic_pages(const fs::path& root, const SiteTopic& t, int forum_id, ForumSite& site) {
  const int pages = pages_of(t.posts.size());
  const std::string f = std::to_string(forum_id);
  const std::string base = "./viewtopic.php?f=" + f + "&amp;t=" + t.id;
  for (int page = 1; page <= pages; ++page) {
    const std::string query = "f=" + f + "&t=" + t.id + (page > 1 ? "&start=" + std::to_string((page - 1) * kPerPage) : "");
    site.topic_pages.push_back("/viewtopic.php?" + query);
    std::string html = phpbb_head(t.title, "viewtopic") + phpbb_crumbs(forum_id) + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
        "<h2 class=\"topic-title\"><a href=\"" + base + "&amp;sid=" + kSid + "\">" + esc(t.title) + "</a></h2>\n"
        "<div class=\"action-bar bar-top\">\n<a href=\"./posting.php?mode=reply&amp;f=" + f + "&amp;t=" + t.id + "&amp;sid=" + kSid +
        "\" class=\"button\" title=\"Post a reply\"><span>Post Reply</span></a>\n"
        "<div class=\"search-box\"><form method=\"get\" action=\"./search.php\"><input type=\"hidden\" name=\"t\" value=\"" + t.id + "\" /></form></div>\n" +
        phpbb_pagination(base, page, pages, t.posts.size(), "posts") + "</div>\n";
    for (int k = (page - 1) * kPerPage; k < std::min<int>(page * kPerPage, static_cast<int>(t.posts.size())); ++k)
      html += phpbb_post(t, t.posts[static_cast<std::size_t>(k)], k % 2 != 0);
    html += "<div class=\"action-bar bar-bottom\">" + phpbb_pagination(base, page, pages, t.posts.size(), "posts") + "</div>\n"
            "<div class=\"action-bar actions-jump\"><a href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id + "&amp;view=previous&amp;sid=" + kSid +
            "\">Previous topic</a> <a href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id + "&amp;view=next&amp;sid=" + kSid + "\">Next topic</a>"
            " <a href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id + "&amp;hilit=soyuz&amp;sid=" + kSid + "\">soyuz</a>"
            " <a href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id + "&amp;sk=t&amp;sd=a&amp;st=0\">Sort</a></div>\n</div>\n" + phpbb_foot();
    write_file(root, "viewtopic.php@" + query + ".html", html);
  }
}

void phpbb_forum_pages(const fs::path& root, const Forum& forum, const Board& board, int writes) {
  std::vector<const SiteTopic*> topics;
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    if (board.topic_forum[i] == forum.id) topics.push_back(&board.topics[i]);
  const std::string f = std::to_string(forum.id);
  const std::string base = "./viewforum.php?f=" + f;
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    std::string html = phpbb_head(forum.name, "viewforum") + phpbb_crumbs(forum.id) + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
        "<h2 class=\"forum-title\"><a href=\"" + base + "&amp;sid=" + kSid + "\">" + esc(forum.name) + "</a></h2>\n";
    for (const Forum& sub : kForums)
      if (sub.parent == forum.id)
        html += "<div class=\"forabg\"><ul class=\"topiclist forums\"><li class=\"row\"><dl class=\"row-item forum_read\"><dt><div class=\"list-inner\">"
                "<a href=\"./viewforum.php?f=" + std::to_string(sub.id) + "&amp;sid=" + kSid + "\" class=\"forumtitle\">" + esc(sub.name) + "</a></div></dt></dl></li></ul></div>\n";
    html += "<div class=\"action-bar bar-top\"><a href=\"./posting.php?mode=post&amp;f=" + f + "&amp;sid=" + kSid + "\" class=\"button\">New Topic</a>" +
            phpbb_pagination(base, page, pages, topics.size(), "topics") + "</div>\n<div class=\"forumbg\"><ul class=\"topiclist topics\">\n";
    for (int i = (page - 1) * kPerPage; i < std::min<int>(page * kPerPage, static_cast<int>(topics.size())); ++i) {
      const SiteTopic& t = *topics[static_cast<std::size_t>(i)];
      html += "<li class=\"row\"><dl class=\"row-item topic_read\"><dt><div class=\"list-inner\"><a href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id +
              "&amp;sid=" + kSid + "\" class=\"topictitle\">" + esc(t.title) + "</a><div class=\"topic-poster\">by " + phpbb_user(t.posts.front().author) + "</div>";
      const int tpages = pages_of(t.posts.size());
      if (tpages > 1) {
        html += "<div class=\"pagination\"><ul>";
        for (int p = 1; p <= tpages; ++p)
          html += "<li><a class=\"button\" href=\"./viewtopic.php?f=" + f + "&amp;t=" + t.id + (p > 1 ? "&amp;start=" + std::to_string((p - 1) * kPerPage) : "") +
                  "&amp;sid=" + kSid + "\">" + std::to_string(p) + "</a></li>";
        html += "</ul></div>";
      }
      // Views move with every reader's visit (here: with every write of the board).
      html += "</div></dt><dd class=\"posts\">" + std::to_string(t.posts.size() - 1) + " <dfn>Replies</dfn></dd><dd class=\"views\">" +
              std::to_string(t.posts.size() * 17 + static_cast<std::size_t>(writes)) + " <dfn>Views</dfn></dd>"
              "<dd class=\"lastpost\"><span><dfn>Last post </dfn>by " + phpbb_user(t.posts.back().author) + " <a href=\"./viewtopic.php?p=" + t.posts.back().id +
              "&amp;sid=" + kSid + "#p" + t.posts.back().id + "\" title=\"Go to last post\">&rarr;</a><br />" +
              esc(strftime_utc(t.posts.back().date, "%a %b %d, %Y %I:%M %p")) + "</span></dd></dl></li>\n";
    }
    html += "</ul></div>\n<a href=\"./viewforum.php?hash=0bd4b1ac&amp;f=" + f + "&amp;mark=topics&amp;mark_time=1700000000\">Mark topics read</a>\n"
            "<form method=\"get\" action=\"./viewforum.php\"><a href=\"./viewforum.php?f=" + f + "&amp;st=0&amp;sk=t&amp;sd=d\">Sort</a></form>\n</div>\n" + phpbb_foot();
    const std::string query = "f=" + f + (page > 1 ? "&start=" + std::to_string((page - 1) * kPerPage) : "");
    write_file(root, "viewforum.php@" + query + ".html", html);
  }
}

std::string phpbb_index() {
  std::string html = phpbb_head("Index page", "index") + "</li></ul>\n</div>\n<div id=\"page-body\" class=\"page-body\">\n"
      "<div class=\"forabg\"><ul class=\"topiclist forums\">\n";
  for (const Forum& f : kForums)
    if (f.parent == 0)
      html += "<li class=\"row\"><dl class=\"row-item forum_read\"><dt><div class=\"list-inner\"><a href=\"./viewforum.php?f=" + std::to_string(f.id) +
              "&amp;sid=" + kSid + "\" class=\"forumtitle\">" + esc(f.name) + "</a></div></dt></dl></li>\n";
  return html + "</ul></div>\n<a href=\"./viewonline.php?sid=" + kSid + "\">Who is online</a>\n</div>\n" + phpbb_foot();
}

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

void xf_forum_pages(const fs::path& root, const Forum& forum, const Board& board) {
  std::vector<const SiteTopic*> topics;
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    if (board.topic_forum[i] == forum.id) topics.push_back(&board.topics[i]);
  const std::string path = xf_forum_path(forum);
  const int pages = pages_of(topics.size());
  for (int page = 1; page <= pages; ++page) {
    const std::string here = path + (page > 1 ? "page-" + std::to_string(page) : "");
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

std::size_t ForumSite::post_count() const {
  std::size_t n = 0;
  for (const SiteTopic& t : topics) n += t.posts.size();
  return n;
}

ForumSite forum_board() {
  ForumSite site;
  site.topics = make_board().topics;
  return site;
}

ForumSite write_phpbb_site(const fs::path& root) {
  ForumSite site = forum_board();
  rewrite_phpbb_site(root, site);
  return site;
}

void rewrite_phpbb_site(const fs::path& root, ForumSite& site) {
  static int writes = 0;
  ++writes;
  Board board;
  board.topics = site.topics;
  for (const SiteTopic& t : site.topics) {
    const auto forum = std::find_if(kForums.begin(), kForums.end(), [&](const Forum& f) { return f.name == t.forum; });
    if (forum == kForums.end()) throw std::runtime_error("no forum " + t.forum + " on the board");
    board.topic_forum.push_back(forum->id);
  }
  if (fs::exists(root))
    for (const auto& entry : fs::directory_iterator(root)) fs::remove_all(entry.path());
  site.topic_pages.clear();
  site.traps = {"posting.php", "memberlist.php", "ucp.php", "search.php", "mcp.php", "faq.php",
                "viewonline.php", "viewtopic.php?p=", "view=next", "view=previous", "hilit=",
                "mark=", "sk=", "sid="};
  write_file(root, "index.html", phpbb_index());
  write_file(root, "index.php.html", phpbb_index());
  for (const Forum& f : kForums) phpbb_forum_pages(root, f, board, writes);
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    phpbb_topic_pages(root, board.topics[i], board.topic_forum[i], site);
}

ForumSite write_xenforo_site(const fs::path& root) {
  const Board board = make_board();
  ForumSite site;
  site.topics = board.topics;
  site.traps = {"/members/", "/search/", "/login/", "/register/", "/posts/", "/post-", "reply",
                "/latest", "order=", "_xfToken", "/goto/", "/whats-new/", "/misc/", "/unread", "/watch"};
  write_file(root, "index.html", xf_index());
  for (const Forum& f : kForums) xf_forum_pages(root, f, board);
  for (const SiteTopic& t : board.topics) xf_topic_pages(root, t, site);
  return site;
}

}  // namespace fora::test
