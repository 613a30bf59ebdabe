// fora-benchsite --out DIR --template PAGE [--threads N] [--seed S] [--change-percent P [--change-time T]]
// Writes a large WordPress-like blog as static files for tools/bench/crawl (and the archive
// and update benches): N threads (default 10,000) with their comments, 50 to a page
// (comment-page-2/ and on, and the comment-page-1/ copy WordPress links to from page 2),
// the home listing with /page/N/, categories and tags with their pages, and on every comment
// the ?replytocom= link that WordPress prints (a trap: the same page again). The markup is
// Twenty Twenty-One's as WordPress 6.1 renders it: the head, header and footer are cut from
// PAGE, a real page of data/sample-site, and the posts, comments and listings follow the
// markup of those pages. Deterministic: the same arguments write the same bytes.
// Also writes DIR/pages.txt (every page a complete crawl must fetch, one path a line) and
// DIR/truth.json (counts), and the WordPress core sitemaps (wp-sitemap.xml, 2,000 posts per
// wp-sitemap-posts-post-N.xml, named in robots.txt) with each post's <lastmod>: when its
// thread last changed, as sitemap plugins (Yoast, Rank Math) and forum engines (XenForo,
// Discourse, vBulletin) print it.
// --change-percent P writes the same site a day later (or at --change-time T, Unix seconds:
// changes a crawler is to see must be later than its visit), for tools/bench/update: P% of
// the threads (spread over all of them, old and new) each get a new comment, an edited
// comment and a deleted one, and one new thread is published; DIR/changes.json lists them.
// --new-comments N writes it a day later as a living blog changes: N new comments on old
// posts (on a post's last comment page, and replies to comments on middle pages) and a new
// post with 3 comments; nothing edited or deleted.
// --busy-post-comments N writes it a day later with N new comments on the post with the most
// comment pages, alternately on its last page and replies on a middle page (then on the
// pages before it), all at the change time.
// Every page names the comments feed (/comments/feed/: the 10 newest comments, as WordPress's
// feed-rss2-comments.php prints them, each linking to its comment page), and a post's pages
// name the post's own (/slug/feed/: its 10 newest comments). --sitemap-lastmod
// publish prints each post's publication date as its <lastmod> (WordPress core's sitemaps,
// which no comment moves), instead of when its thread last changed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// splitmix64: a fixed generator, so the site is the same with every standard library.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
};

constexpr std::string_view kWords[] = {
    "orbit", "launch", "booster", "capsule", "station", "crew", "docking", "engine", "thrust",
    "payload", "mission", "landing", "telemetry", "antenna", "signal", "module", "heat",
    "shield", "parachute", "fairing", "stage", "rocket", "fuel", "oxygen", "methane",
    "kerosene", "pressure", "valve", "leak", "radiator", "coolant", "micrometeorite",
    "debris", "window", "hatch", "spacewalk", "astronaut", "cosmonaut", "engineer",
    "schedule", "delay", "budget", "contract", "review", "test", "failure", "success",
    "anomaly", "investigation", "report", "data", "camera", "image", "lander", "rover",
    "helicopter", "sample", "crater", "dust", "ice", "water", "moon", "mars", "venus",
    "jupiter", "probe", "flyby", "gravity", "trajectory", "burn", "deorbit", "reentry",
    "splashdown", "recovery", "reuse", "pad", "tower", "countdown", "weather", "abort",
    "the", "a", "of", "and", "to", "in", "that", "it", "was", "for", "on", "is", "with",
    "they", "this", "but", "not", "would", "could", "after", "before", "still", "again",
    "really", "probably", "clearly", "seems", "think", "agree", "wonder", "remember",
    "years", "months", "days", "hours", "first", "last", "next", "new", "old", "long"};

constexpr std::string_view kFirst[] = {
    "Edward", "David", "Chris", "Maria", "Anna", "Jay", "Zoë", "Frank", "Marcus", "Ingrid",
    "Ravi", "Priya", "Tom", "Lena", "Kenji", "Sofia", "Olu", "Mateo", "Chloé", "Björn",
    "Aisha", "Pavel", "Grace", "Hugo", "Nina", "Omar", "Ruth", "Sam", "Tara", "Victor"};
constexpr std::string_view kLast[] = {
    "Eastman", "Whitfield", "Solomon", "Webb", "Ångström", "Novak", "Okafor", "Tanaka",
    "Moreau", "Schmidt", "García", "Kowalski", "Larsen", "Patel", "Rossi", "Nakamura",
    "Dubois", "Müller", "Silva", "Ivanova"};

struct Term {
  std::string name, slug;
};

const std::vector<Term> kCategories = {{"Books", "books"},     {"Rockets", "rockets"},
                                       {"Science", "science"}, {"Space", "space"},
                                       {"Policy", "policy"},   {"History", "history"},
                                       {"Mars", "mars-missions"}, {"Stations", "stations"}};

struct Comment {
  int id = 0, parent = 0, depth = 1;
  std::string author;
  std::int64_t date = 0;
  std::string html;  // the comment's paragraphs
};

struct Thread {
  int id = 0;
  std::string title, slug, path;  // path: "/2019/03/14/slug/"
  std::string author;
  std::int64_t date = 0;
  std::vector<int> categories, tags;
  std::string content;            // the post's paragraphs
  std::vector<Comment> comments;  // in page order: each top-level one followed by its replies
  std::vector<std::vector<Comment>> pages;  // comments split into comment pages
};

std::string words(Random& r, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kWords[r.below(std::size(kWords))];
  }
  return out;
}

std::string sentence(Random& r) {
  std::string s = words(r, r.between(8, 20));
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s + ".";
}

std::string paragraph(Random& r, int sentences) {
  std::string p = "<p>";
  for (int i = 0; i < sentences; ++i) p += (i ? " " : "") + sentence(r);
  return p + "</p>\n";
}

std::string person(Random& r) {
  return std::string(kFirst[r.below(std::size(kFirst))]) + " " +
         std::string(kLast[r.below(std::size(kLast))]);
}

std::string slugify(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// `t` in UTC as strftime's `format` writes it.
std::string utc(std::int64_t t, const char* format) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string iso(std::int64_t t) { return utc(t, "%Y-%m-%dT%H:%M:%S+00:00"); }

// As WordPress prints dates: "August 4, 2023", "August 4, 2023 at 12:15 pm".
std::string shown_date(std::int64_t t, bool with_time) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[60];
  std::strftime(buf, sizeof buf, with_time ? "%B %-d, %Y at %-I:%M " : "%B %-d, %Y", &tm);
  return std::string(buf) + (with_time ? (tm.tm_hour < 12 ? "am" : "pm") : "");
}

std::string escape(std::string_view s) {
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

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, std::string_view body) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << body;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// The page around <main>: the template's head and header before it, its footer after, with
// the links to files this site does not have (stylesheets, scripts, oembed, a private page)
// taken out, so that a crawler asks only for pages.
struct Shell {
  std::string before_main, between_main_and_aside, after_aside;
};

std::string drop_lines_with(const std::string& text, std::initializer_list<std::string_view> needles) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    bool drop = false;
    for (auto n : needles) drop = drop || line.find(n) != std::string::npos;
    if (!drop) out += line + "\n";
  }
  return out;
}

Shell read_shell(const fs::path& page) {
  const std::string html = read_file(page);
  const auto main_open = html.find("<main");
  const auto main_body = html.find('>', main_open);
  const auto main_close = html.find("</main>");
  const auto aside_open = html.find("<aside");
  const auto aside_close = html.find("</aside>");
  if (main_open == std::string::npos || main_close == std::string::npos ||
      aside_open == std::string::npos || aside_close == std::string::npos) {
    throw std::runtime_error(page.string() + " is not a Twenty Twenty-One page (no <main>/<aside>)");
  }
  Shell s;
  s.before_main = drop_lines_with(html.substr(0, main_body + 1),
                                  {"<link ", "<script src", "/private-notes/", "wp-json"});
  // The comments feed that WordPress's feed_links() names on every page.
  const auto head_end = s.before_main.find("</head>");
  if (head_end != std::string::npos)
    s.before_main.insert(head_end, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Orbital Notes &raquo; Comments Feed\" href=\"/comments/feed/\" />\n");
  s.between_main_and_aside = html.substr(main_close, aside_open - main_close);
  s.after_aside = drop_lines_with(html.substr(aside_close), {"<script src"});
  return s;
}

class Site {
 public:
  struct Options {
    int threads = 10000;
    std::uint64_t seed = 1;
    double change_percent = 0;
    int new_comments = 0;
    int busy_post_comments = 0;
    std::int64_t change_time = 0;
    bool lastmod_is_publish = false;
  };

  Site(fs::path out, Shell shell, const Options& o)
      : out_(std::move(out)), shell_(std::move(shell)), random_{o.seed} {
    make_tags();
    make_threads(o.threads);
    for (const Thread& t : threads_) last_change_.push_back(o.lastmod_is_publish ? t.date : last_comment_date(t));
    if (o.change_percent > 0) change(o.change_percent, o.change_time);
    if (o.new_comments > 0) live(o.new_comments, o.change_time);
    if (o.busy_post_comments > 0) live_on_busy_post(o.busy_post_comments, o.change_time);
    if (o.lastmod_is_publish)
      for (std::size_t i = 0; i < threads_.size(); ++i) last_change_[i] = threads_[i].date;
  }

  void write() {
    for (std::size_t i = 0; i < threads_.size(); ++i) write_thread(i);
    for (const Thread& t : threads_) write_post_comments_feed(t);
    write_listing("/", "", all_thread_indexes());
    for (std::size_t c = 0; c < kCategories.size(); ++c)
      write_listing("/category/" + kCategories[c].slug + "/", "Category: " + kCategories[c].name,
                    with_term(&Thread::categories, static_cast<int>(c)));
    for (std::size_t t = 0; t < tags_.size(); ++t)
      write_listing("/tag/" + tags_[t].slug + "/", "Tag: " + tags_[t].name,
                    with_term(&Thread::tags, static_cast<int>(t)));
    write_sitemaps();
    write_comments_feed();
    write_file(out_ / "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: /wp-sitemap.xml\n");
    std::string list;
    for (const auto& p : pages_) list += p + "\n";
    write_file(out_ / "pages.txt", list);
    std::size_t comments = 0;
    for (const auto& t : threads_) comments += t.comments.size();
    write_file(out_ / "truth.json",
               "{\"threads\": " + std::to_string(threads_.size()) + ", \"comments\": " +
                   std::to_string(comments) + ", \"pages\": " + std::to_string(pages_.size()) +
                   ", \"bytes\": " + std::to_string(bytes_) + "}\n");
    std::cout << "wrote " << pages_.size() << " pages (" << threads_.size() << " threads, "
              << comments << " comments, " << bytes_ / std::max<std::size_t>(1, pages_.size()) / 1024
              << " KiB mean) to " << out_.string() << "\n";
  }

 private:
  static std::int64_t last_comment_date(const Thread& t) {
    std::int64_t last = t.date;
    for (const Comment& c : t.comments) last = std::max(last, c.date);
    return last;
  }

  // WordPress's order: 25 top-level comments to a page, each with its replies.
  static void paginate(Thread& t) {
    t.pages.clear();
    std::vector<Comment> page;
    int on_page = 0;
    for (const Comment& c : t.comments) {
      if (c.depth == 1) {
        if (on_page >= 25) {
          t.pages.push_back(std::move(page));
          page.clear();
          on_page = 0;
        }
        ++on_page;
      }
      page.push_back(c);
    }
    if (!page.empty() || t.pages.empty()) t.pages.push_back(std::move(page));
  }

  // A new thread at the top of the listings, published `when`, with 3 comments in the half
  // hour after; their ids are appended to `added` (a comma-separated list).
  void publish_new_thread(Random& pick, std::int64_t when, int& next_comment, std::string& added) {
    Thread fresh = threads_.back();
    fresh.id = static_cast<int>(threads_.size()) + 1;
    fresh.date = when;
    fresh.title = "A new post, a day later";
    fresh.slug = "a-new-post-a-day-later";
    fresh.path = "/new/" + fresh.slug + "/";
    fresh.comments.clear();
    for (int i = 0; i < 3; ++i) {
      Comment c;
      c.id = next_comment++;
      c.author = person(pick);
      c.date = when + 600 * (i + 1);
      c.html = paragraph(pick, 2);
      added += (added.empty() ? "" : ", ") + std::to_string(c.id);
      fresh.comments.push_back(std::move(c));
    }
    paginate(fresh);
    threads_.push_back(std::move(fresh));
    last_change_.push_back(when + 1800);
  }

  // The site a day after the last thread: change_percent% of the threads get a comment, an
  // edit and a deletion; one thread is new. changes.json says which.
  void change(double percent, std::int64_t when) {
    Random pick{0x5eed + static_cast<std::uint64_t>(threads_.size())};
    const std::int64_t day_after = when > 0 ? when : threads_.back().date + 86400;
    const std::size_t n = std::max<std::size_t>(1, static_cast<std::size_t>(threads_.size() * percent / 100.0));
    const std::size_t stride = threads_.size() / n;
    std::string changed, added, edited, deleted;
    int next_comment = 50'000'000;
    const auto list = [](std::string& to, const std::string& item) { to += (to.empty() ? "" : ", ") + item; };
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t index = k * stride + static_cast<std::size_t>(pick.below(static_cast<int>(stride)));
      Thread& t = threads_[index];
      list(changed, "\"" + t.path + "\"");
      // An edit and a deletion among the comments there were (a deleted one has no replies).
      if (t.comments.size() >= 2) {
        Comment& e = t.comments[static_cast<std::size_t>(pick.below(static_cast<int>(t.comments.size())))];
        e.html += "<p>Edited a day later: " + words(pick, 10) + ".</p>\n";
        list(edited, std::to_string(e.id));
        for (int tries = 0; tries < 20; ++tries) {
          const std::size_t d = static_cast<std::size_t>(pick.below(static_cast<int>(t.comments.size())));
          const Comment& c = t.comments[d];
          const bool has_replies = d + 1 < t.comments.size() && t.comments[d + 1].parent == c.id;
          if (c.id == e.id || has_replies) continue;
          list(deleted, std::to_string(c.id));
          t.comments.erase(t.comments.begin() + static_cast<std::ptrdiff_t>(d));
          break;
        }
      }
      Comment c;
      c.id = next_comment++;
      c.author = person(pick);
      c.date = day_after - 3600 + static_cast<std::int64_t>(k);
      c.html = paragraph(pick, 2);
      list(added, std::to_string(c.id));
      t.comments.push_back(std::move(c));
      paginate(t);
      last_change_[index] = day_after;
    }
    publish_new_thread(pick, day_after, next_comment, added);
    write_file(out_ / "changes.json", "{\"threads\": [" + changed + "], \"new_thread\": \"" + threads_.back().path +
                                          "\", \"new_comments\": [" + added + "], \"edited\": [" + edited +
                                          "], \"deleted\": [" + deleted + "]}\n");
  }

  // A day later, as a blog lives: `n` new comments on old posts, alternately a new comment
  // on a post's last comment page and a reply to a comment on a middle page (WordPress shows
  // a reply on its parent's page), each on another post; and a new post with 3 comments.
  void live(int n, std::int64_t when) {
    Random pick{0x11fe + static_cast<std::uint64_t>(threads_.size())};
    const std::int64_t day_after = when > 0 ? when : threads_.back().date + 86400;
    std::vector<std::size_t> paged, any;
    for (std::size_t i = 0; i + 1 < threads_.size(); ++i) {
      if (threads_[i].pages.size() >= 3) paged.push_back(i);
      if (!threads_[i].comments.empty()) any.push_back(i);
    }
    std::string added;
    int next_comment = 60'000'000;
    for (int k = 0; k < n; ++k) {
      const bool reply = k % 2 == 1 && !paged.empty();
      std::vector<std::size_t>& from = reply || any.empty() ? paged : any;
      if (from.empty()) break;
      const std::size_t pos = static_cast<std::size_t>(pick.below(static_cast<int>(from.size())));
      const std::size_t index = from[pos];
      for (auto* list : {&paged, &any}) list->erase(std::remove(list->begin(), list->end(), index), list->end());
      Thread& t = threads_[index];
      Comment c;
      c.id = next_comment++;
      c.author = person(pick);
      c.date = day_after - 3600 + 60 * k;
      c.html = paragraph(pick, 2);
      auto at = t.comments.end();
      if (reply) {
        // A top-level comment of a middle page; the reply goes after its existing replies.
        const std::vector<Comment>& middle = t.pages[t.pages.size() / 2];
        const Comment& parent = middle.front();
        c.parent = parent.id;
        c.depth = 2;
        at = std::find_if(t.comments.begin(), t.comments.end(), [&](const Comment& x) { return x.id == parent.id; });
        while (at + 1 != t.comments.end() && (at + 1)->parent == parent.id) ++at;
        ++at;
      }
      added += (added.empty() ? "" : ", ") + std::to_string(c.id);
      t.comments.insert(at, std::move(c));
      paginate(t);
      last_change_[index] = day_after;
    }
    publish_new_thread(pick, day_after, next_comment, added);
    write_file(out_ / "changes.json", "{\"new_thread\": \"" + threads_.back().path + "\", \"new_comments\": [" + added +
                                          "], \"edited\": [], \"deleted\": []}\n");
  }

  // A day later, on the post with the most comment pages: `n` new comments at `when`,
  // alternately on its last page and replies on its middle page (the first
  // one), the page before (the next), and so on. changes.json names the post, the
  // new comments, the pages they are on and every page of the post.
  void live_on_busy_post(int n, std::int64_t when) {
    Random pick{0xb05e + static_cast<std::uint64_t>(threads_.size())};
    const std::int64_t day_after = when > 0 ? when : threads_.back().date + 86400;
    const auto busiest = std::max_element(threads_.begin(), threads_.end(), [](const Thread& a, const Thread& b) {
      return a.pages.size() < b.pages.size();
    });
    Thread& t = *busiest;
    const std::size_t pages_before = t.pages.size();
    std::vector<int> added;
    for (int k = 0; k < n; ++k) {
      Comment c;
      c.id = 70'000'000 + k;
      c.author = person(pick);
      c.date = day_after;  // the feeds list comments of one second newest id first
      c.html = paragraph(pick, 2);
      auto at = t.comments.end();
      if (k % 2 == 1) {
        // The first on the middle page, each next on the page before.
        const std::size_t page = (pages_before / 2 + pages_before - static_cast<std::size_t>(k / 2) % pages_before) % pages_before;
        const Comment& parent = t.pages[page][0];
        c.parent = parent.id;
        c.depth = 2;
        at = std::find_if(t.comments.begin(), t.comments.end(), [&](const Comment& x) { return x.id == parent.id; });
        while (at + 1 != t.comments.end() && (at + 1)->parent == parent.id) ++at;
        ++at;
      }
      added.push_back(c.id);
      t.comments.insert(at, std::move(c));
      paginate(t);
    }
    last_change_[static_cast<std::size_t>(busiest - threads_.begin())] = day_after;
    const auto list = [](const std::vector<std::string>& items) {
      std::string out;
      for (const auto& item : items) out += (out.empty() ? "\"" : ", \"") + item + "\"";
      return "[" + out + "]";
    };
    std::string ids;
    std::vector<std::string> changed, pages;
    for (int id : added) {
      ids += (ids.empty() ? "" : ", ") + std::to_string(id);
      const auto c = std::find_if(t.comments.begin(), t.comments.end(), [&](const Comment& x) { return x.id == id; });
      std::string link = comment_link(t, *c);
      link.erase(link.find('#'));
      if (std::find(changed.begin(), changed.end(), link) == changed.end()) changed.push_back(link);
    }
    pages.push_back(t.path);
    for (std::size_t p = 1; p <= t.pages.size(); ++p) pages.push_back(t.path + "comment-page-" + std::to_string(p) + "/");
    write_file(out_ / "changes.json", "{\"busy_post\": \"" + t.path + "\", \"new_comments\": [" + ids + "]" +
                                          ", \"changed_pages\": " + list(changed) + ", \"post_pages\": " + list(pages) + "}\n");
  }

  // Where WordPress's get_comment_link() points: the comment's page (page 1 is the post's
  // own address when the first page is shown first) and its anchor.
  static std::string comment_link(const Thread& t, const Comment& c) {
    for (std::size_t p = 0; p < t.pages.size(); ++p)
      for (const Comment& on : t.pages[p])
        if (on.id == c.id)
          return t.path + (p == 0 ? "" : "comment-page-" + std::to_string(p + 1) + "/") + "#comment-" + std::to_string(c.id);
    return t.path + "#comment-" + std::to_string(c.id);
  }

  static std::string rfc822(std::int64_t t) { return utc(t, "%a, %d %b %Y %H:%M:%S +0000"); }

  using Commented = std::pair<const Thread*, const Comment*>;

  // A comments feed as wp-includes/feed-rss2-comments.php prints it: the 10 newest of
  // `all` (posts_per_rss; the query takes no page number, class-wp-query.php), newest first,
  // each linking to its comment page (get_comment_link()). `post` is the post of a singular
  // feed (its title and items read "By: NAME"), else null for the whole site's.
  std::string comments_feed(std::vector<Commented> all, const std::string& self, const Thread* post) const {
    const std::size_t n = std::min<std::size_t>(10, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), [](const auto& a, const auto& b) {
      return a.second->date != b.second->date ? a.second->date > b.second->date : a.second->id > b.second->id;
    });
    std::string rss =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"\n\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
        "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\txmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
        "\txmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"\n\t>\n<channel>\n\t<title>\n\t" +
        (post ? "Comments on: " + escape(post->title) : std::string("Comments for Orbital Notes")) + "\t</title>\n"
        "\t<atom:link href=\"" + self + "\" rel=\"self\" type=\"application/rss+xml\" />\n\t<link>" + (post ? post->path : "/") + "</link>\n"
        "\t<description>Notes on spaceflight</description>\n\t<lastBuildDate>" +
        (n ? rfc822(all.front().second->date) : rfc822(post ? post->date : threads_.back().date)) +
        "</lastBuildDate>\n\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n";
    for (std::size_t i = 0; i < n; ++i) {
      const Thread& t = *all[i].first;
      const Comment& c = *all[i].second;
      const std::string link = comment_link(t, c);
      rss += "\t\t<item>\n\t\t\t<title>\n\t\t\t\t" + (post ? "By: " + escape(c.author) : "Comment on " + escape(t.title) + " by " + escape(c.author)) +
             "\t\t\t</title>\n\t\t\t<link>" + link + "</link>\n\n\t\t\t<dc:creator><![CDATA[" + c.author +
             "]]></dc:creator>\n\t\t\t<pubDate>" + rfc822(c.date) + "</pubDate>\n\t\t\t<guid isPermaLink=\"false\">" + link +
             "</guid>\n\t\t\t\t\t<description><![CDATA[" + excerpt_of(c) + "]]></description>\n\t\t<content:encoded><![CDATA[" +
             c.html + "]]></content:encoded>\n\n\t\t</item>\n";
    }
    return rss + "\t</channel>\n</rss>\n";
  }

  // comment_text_rss(): the comment's text without its markup.
  static std::string excerpt_of(const Comment& c) {
    std::string text;
    bool in_tag = false;
    for (char ch : c.html) {
      if (ch == '<') in_tag = true;
      else if (ch == '>') in_tag = false;
      else if (!in_tag && ch != '\n') text += ch;
    }
    return text;
  }

  // /comments/feed/: the site's newest comments.
  void write_comments_feed() {
    std::vector<Commented> all;
    for (const Thread& t : threads_)
      for (const Comment& c : t.comments) all.emplace_back(&t, &c);
    write_file(out_ / "comments/feed/index.xml", comments_feed(std::move(all), "/comments/feed/", nullptr));
  }

  // /slug/feed/: the post's own newest comments, which each of its pages names in its head.
  void write_post_comments_feed(const Thread& t) {
    std::vector<Commented> all;
    for (const Comment& c : t.comments) all.emplace_back(&t, &c);
    write_file(out_ / (t.path.substr(1) + "feed/index.xml"), comments_feed(std::move(all), t.path + "feed/", &t));
  }

  void write_sitemaps() {
    constexpr std::size_t kPerSitemap = 2000;  // WordPress core's wp_sitemaps_get_max_urls()
    std::string index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t first = 0, n = 1; first < threads_.size(); first += kPerSitemap, ++n) {
      const std::string name = "wp-sitemap-posts-post-" + std::to_string(n) + ".xml";
      index += "<sitemap><loc>/" + name + "</loc></sitemap>\n";
      std::string urls = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      for (std::size_t i = first; i < std::min(threads_.size(), first + kPerSitemap); ++i)
        urls += "<url><loc>" + threads_[i].path + "</loc><lastmod>" + iso(last_change_[i]) + "</lastmod></url>\n";
      write_file(out_ / name, urls + "</urlset>\n");
    }
    write_file(out_ / "wp-sitemap.xml", index + "</sitemapindex>\n");
  }

  void make_tags() {
    for (int i = 0; i < 60; ++i) {
      std::string name = std::string(kWords[(i * 7) % 80]) + " " + std::string(kWords[(i * 13 + 5) % 80]);
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      tags_.push_back({name, slugify(name) + "-" + std::to_string(i)});
    }
  }

  void make_threads(int n) {
    std::int64_t date = 1420070400;  // 2015-01-01
    int next_comment = 1;
    for (int i = 0; i < n; ++i) {
      Thread t;
      t.id = i + 1;
      date += random_.between(3 * 3600, 14 * 3600);
      t.date = date;
      std::string title = sentence(random_);
      title.pop_back();
      if (title.size() > 70) title.resize(title.find_last_of(' ', 70));
      t.title = title;
      t.slug = slugify(title) + "-" + std::to_string(t.id);
      std::time_t tt = static_cast<std::time_t>(date);
      std::tm tm{};
      gmtime_r(&tt, &tm);
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "/%04d/%02d/%02d/", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      t.path = prefix + t.slug + "/";
      t.author = person(random_);
      t.categories.push_back(random_.below(static_cast<int>(kCategories.size())));
      if (random_.below(3) == 0) {
        int c = random_.below(static_cast<int>(kCategories.size()));
        if (c != t.categories[0]) t.categories.push_back(c);
      }
      for (int k = random_.between(2, 4); k > 0; --k) {
        int tag = random_.below(static_cast<int>(tags_.size()));
        if (std::find(t.tags.begin(), t.tags.end(), tag) == t.tags.end()) t.tags.push_back(tag);
      }
      for (int p = random_.between(3, 7); p > 0; --p) t.content += paragraph(random_, random_.between(2, 5));
      // About half the threads run past one comment page, a few past several, and one in
      // forty is a popular post of 6 to 12 comment pages.
      const int groups = i % 40 == 20          ? random_.between(130, 300)
                         : random_.below(4) == 0 ? random_.between(0, 4)
                                                 : random_.between(4, 70);
      std::int64_t when = date;
      int on_page = 0;
      std::vector<Comment> page;
      for (int g = 0; g < groups; ++g) {
        std::vector<Comment> group;
        const int replies = random_.below(3) == 0 ? random_.between(1, 2) : 0;
        for (int k = 0; k <= replies; ++k) {
          Comment c;
          c.id = next_comment++;
          c.parent = k == 0 ? 0 : group.front().id;
          c.depth = k == 0 ? 1 : 2;
          c.author = person(random_);
          when += random_.between(60, 7200);
          c.date = when;
          if (k > 0 && random_.below(2) == 0) {
            c.html = "<blockquote><p>" + escape(group.front().author) + " wrote: " +
                     words(random_, 12) + "</p></blockquote>\n";
          }
          for (int p = random_.between(1, 3); p > 0; --p) c.html += paragraph(random_, random_.between(1, 4));
          group.push_back(std::move(c));
        }
        if (on_page >= 25) {  // WordPress pages by top-level comments when threading is on
          t.pages.push_back(std::move(page));
          page.clear();
          on_page = 0;
        }
        ++on_page;
        for (auto& c : group) {
          t.comments.push_back(c);
          page.push_back(std::move(c));
        }
      }
      if (!page.empty() || t.pages.empty()) t.pages.push_back(std::move(page));
      threads_.push_back(std::move(t));
    }
  }

  std::vector<std::size_t> all_thread_indexes() const {
    std::vector<std::size_t> v(threads_.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = v.size() - 1 - i;  // newest first
    return v;
  }

  std::vector<std::size_t> with_term(std::vector<int> Thread::*field, int term) const {
    std::vector<std::size_t> v;
    for (std::size_t i = threads_.size(); i-- > 0;) {
      const auto& terms = threads_[i].*field;
      if (std::find(terms.begin(), terms.end(), term) != terms.end()) v.push_back(i);
    }
    return v;
  }

  std::string term_links(const Thread& t) const {
    std::string s = "<div class=\"post-taxonomies\"><span class=\"cat-links\">Categorized as ";
    for (std::size_t i = 0; i < t.categories.size(); ++i) {
      const auto& c = kCategories[t.categories[i]];
      s += (i ? ", " : "") + std::string("<a href=\"/category/") + c.slug + "/\" rel=\"category tag\">" + c.name + "</a>";
    }
    s += " </span><span class=\"tags-links\">Tagged ";
    for (std::size_t i = 0; i < t.tags.size(); ++i) {
      const auto& g = tags_[t.tags[i]];
      s += (i ? ", " : "") + std::string("<a href=\"/tag/") + g.slug + "/\" rel=\"tag\">" + escape(g.name) + "</a>";
    }
    return s + "</span></div>";
  }

  std::string article_classes(const Thread& t) const {
    std::string s = "post-" + std::to_string(t.id) + " post type-post status-publish format-standard hentry";
    for (int c : t.categories) s += " category-" + kCategories[c].slug;
    for (int g : t.tags) s += " tag-" + tags_[g].slug;
    return s + " entry";
  }

  std::string aside() const {
    std::string s = "<aside class=\"widget-area\">\n\t\t<section id=\"block-3\" class=\"widget widget_block\"><h2>Recent Posts</h2><ul class=\"wp-block-latest-posts__list wp-block-latest-posts\">";
    for (std::size_t i = 0; i < 5 && i < threads_.size(); ++i) {
      const Thread& t = threads_[threads_.size() - 1 - i];
      s += "<li><a class=\"wp-block-latest-posts__post-title\" href=\"" + t.path + "\">" + escape(t.title) + "</a></li>\n";
    }
    s += "</ul></section><section id=\"block-6\" class=\"widget widget_block\"><div class=\"is-layout-flow wp-block-group\"><div class=\"wp-block-group__inner-container\"><h2>Categories</h2><ul class=\"wp-block-categories-list wp-block-categories\">";
    for (std::size_t c = 0; c < kCategories.size(); ++c)
      s += "\t<li class=\"cat-item cat-item-" + std::to_string(c + 2) + "\"><a href=\"/category/" + kCategories[c].slug + "/\">" + kCategories[c].name + "</a>\n</li>\n";
    s += "</ul></div></div></section><section id=\"block-7\" class=\"widget widget_block widget_tag_cloud\"><p class=\"wp-block-tag-cloud\">";
    for (std::size_t g = 0; g < tags_.size(); ++g)
      s += "<a href=\"/tag/" + tags_[g].slug + "/\" class=\"tag-cloud-link tag-link-" + std::to_string(g + 10) + "\" style=\"font-size: 8pt;\" aria-label=\"" + escape(tags_[g].name) + "\">" + escape(tags_[g].name) + "</a>\n";
    return s + "</p></section>\t";
  }

  // A page of the site; `own_feed`, on a post's pages, is the post's comments feed, which
  // feed_links_extra() names after feed_links()' (wp-includes/general-template.php).
  std::string page(const std::string& title, const std::string& main, const std::string& own_feed = "") const {
    std::string head = shell_.before_main;
    const auto a = head.find("<title>"), b = head.find("</title>");
    if (a != std::string::npos && b != std::string::npos)
      head.replace(a + 7, b - a - 7, escape(title) + " &#8211; Orbital Notes");
    if (const auto end = head.find("</head>"); !own_feed.empty() && end != std::string::npos)
      head.insert(end, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Orbital Notes &raquo; " + escape(title) +
                           " Comments Feed\" href=\"" + own_feed + "\" />\n");
    return head + "\n" + main + shell_.between_main_and_aside + aside() + shell_.after_aside;
  }

  void emit(const std::string& path, const std::string& html) {
    write_file(out_ / (path.substr(1) + "index.html"), html);
    pages_.push_back(path);
    bytes_ += html.size();
  }

  std::string comment_html(const Thread& t, const Comment& c) const {
    const std::string id = std::to_string(c.id);
    std::string s = "\t\t<li id=\"comment-" + id + "\" class=\"comment " + (c.id % 2 ? "odd alt" : "even") +
                    " depth-" + std::to_string(c.depth) + "\">\n"
                    "\t\t\t<article id=\"div-comment-" + id + "\" class=\"comment-body\">\n"
                    "\t\t\t\t<footer class=\"comment-meta\">\n\t\t\t\t\t<div class=\"comment-author vcard\">\n"
                    "\t\t\t\t\t\t<img alt='' src='http://0.gravatar.com/avatar/" + std::to_string(static_cast<std::int64_t>(c.id) * 7919) +
                    "?s=60&#038;d=mm&#038;r=g' class='avatar avatar-60 photo' height='60' width='60' loading='lazy' decoding='async'/>"
                    "\t\t\t\t\t\t<b class=\"fn\">" + escape(c.author) + "</b> <span class=\"says\">says:</span>\t\t\t\t\t</div><!-- .comment-author -->\n\n"
                    "\t\t\t\t\t<div class=\"comment-metadata\">\n\t\t\t\t\t\t<a href=\"" + t.path + "#comment-" + id +
                    "\"><time datetime=\"" + iso(c.date) + "\">" + shown_date(c.date, true) +
                    "</time></a>\t\t\t\t\t</div><!-- .comment-metadata -->\n\n\t\t\t\t\t\t\t\t\t</footer><!-- .comment-meta -->\n\n"
                    "\t\t\t\t<div class=\"comment-content\">\n\t\t\t\t\t" + c.html +
                    "\t\t\t\t</div><!-- .comment-content -->\n\n"
                    "\t\t\t\t<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' href='" + t.path +
                    "?replytocom=" + id + "#respond' data-commentid=\"" + id + "\" data-postid=\"" + std::to_string(t.id) +
                    "\" data-belowelement=\"div-comment-" + id + "\" data-respondelement=\"respond\" data-replyto=\"Reply to " +
                    escape(c.author) + "\" aria-label='Reply to " + escape(c.author) + "'>Reply</a></div>\t\t\t</article><!-- .comment-body -->\n";
    return s;
  }

  std::string comment_list(const Thread& t, const std::vector<Comment>& comments) const {
    std::string s = "\t\t<ol class=\"comment-list\">\n";
    for (std::size_t i = 0; i < comments.size(); ++i) {
      const Comment& c = comments[i];
      const bool has_children = i + 1 < comments.size() && comments[i + 1].parent == c.id;
      s += comment_html(t, c);
      if (c.depth == 1 && has_children) {
        s += "\t\t<ol class=\"children\">\n";
        while (i + 1 < comments.size() && comments[i + 1].parent == c.id) {
          s += comment_html(t, comments[++i]) + "\t\t</li><!-- #comment-## -->\n";
        }
        s += "</ol><!-- .children -->\n";
      }
      s += "</li><!-- #comment-## -->\n";
    }
    return s + "\t\t</ol><!-- .comment-list -->\n";
  }

  std::string comment_nav(const Thread& t, std::size_t page_number) const {
    const std::size_t pages = t.pages.size();
    if (pages < 2) return "";
    std::string s = "\n\t<nav class=\"navigation comments-pagination\" aria-label=\"Comments\">\n\t\t<h2 class=\"screen-reader-text\">Comments navigation</h2>\n\t\t<div class=\"nav-links\">";
    if (page_number > 1)
      s += "<a class=\"prev page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(page_number - 1) + "/#comments\">Older comments</a>\n";
    for (std::size_t p = 1; p <= pages; ++p) {
      if (p == page_number) s += "<span aria-current=\"page\" class=\"page-numbers current\">Page " + std::to_string(p) + "</span>\n";
      else s += "<a class=\"page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(p) + "/#comments\">Page " + std::to_string(p) + "</a>\n";
    }
    if (page_number < pages)
      s += "<a class=\"next page-numbers\" href=\"" + t.path + "comment-page-" + std::to_string(page_number + 1) + "/#comments\"><span class=\"nav-next-text\">Newer comments</span></a>";
    return s + "</div>\n\t</nav>\n";
  }

  void write_thread(std::size_t index) {
    const Thread& t = threads_[index];
    for (std::size_t p = 1; p <= t.pages.size(); ++p) {
      std::string main =
          "<article id=\"post-" + std::to_string(t.id) + "\" class=\"" + article_classes(t) + "\">\n\n"
          "\t<header class=\"entry-header alignwide\">\n\t\t<h1 class=\"entry-title\">" + escape(t.title) +
          "</h1>\t\t\t</header><!-- .entry-header -->\n\n\t<div class=\"entry-content\">\n\t\t" + t.content +
          "\t</div><!-- .entry-content -->\n\n\t<footer class=\"entry-footer default-max-width\">\n\t\t<div class=\"posted-by\"><span class=\"posted-on\">Published <time class=\"entry-date published updated\" datetime=\"" +
          iso(t.date) + "\">" + shown_date(t.date, false) + "</time></span><span class=\"byline\">By " + escape(t.author) +
          "</span></div>" + term_links(t) + "\t</footer><!-- .entry-footer -->\n\n\t\t\t\t\n</article><!-- #post-" + std::to_string(t.id) + " -->\n\n"
          "<div id=\"comments\" class=\"comments-area default-max-width show-avatars\">\n\n";
      if (!t.comments.empty()) {
        main += "\t\t\t<h2 class=\"comments-title\">\n\t\t\t\t\t\t\t" + std::to_string(t.comments.size()) +
                " comments\t\t\t\t\t</h2><!-- .comments-title -->\n\n" + comment_list(t, t.pages[p - 1]) + comment_nav(t, p);
      }
      main += "\t\t<div id=\"respond\" class=\"comment-respond\">\n\t\t<h2 id=\"reply-title\" class=\"comment-reply-title\">Leave a comment</h2><form action=\"/wp-comments-post.php\" method=\"post\" id=\"commentform\" class=\"comment-form\" novalidate><p class=\"comment-form-comment\"><label for=\"comment\">Comment <span class=\"required\">*</span></label> <textarea id=\"comment\" name=\"comment\" cols=\"45\" rows=\"5\" maxlength=\"65525\" required></textarea></p><p class=\"form-submit\"><input name=\"submit\" type=\"submit\" id=\"submit\" class=\"submit\" value=\"Post Comment\" /> <input type='hidden' name='comment_post_ID' value='" +
              std::to_string(t.id) + "' id='comment_post_ID' />\n</p></form>\t</div><!-- #respond -->\n\t\n</div><!-- #comments -->\n\n";
      main += "\t<nav class=\"navigation post-navigation\" aria-label=\"Posts\">\n\t\t<h2 class=\"screen-reader-text\">Post navigation</h2>\n\t\t<div class=\"nav-links\">";
      if (index > 0)
        main += "<div class=\"nav-previous\"><a href=\"" + threads_[index - 1].path + "\" rel=\"prev\"><p class=\"meta-nav\">Previous post</p><p class=\"post-title\">" + escape(threads_[index - 1].title) + "</p></a></div>";
      if (index + 1 < threads_.size())
        main += "<div class=\"nav-next\"><a href=\"" + threads_[index + 1].path + "\" rel=\"next\"><p class=\"meta-nav\">Next post</p><p class=\"post-title\">" + escape(threads_[index + 1].title) + "</p></a></div>";
      main += "</div>\n\t</nav>";
      const std::string html = page(t.title, main, t.path + "feed/");
      if (p == 1) emit(t.path, html);
      // Page 1 is also served as comment-page-1/, which page 2 links to.
      if (p > 1 || t.pages.size() > 1) emit(t.path + "comment-page-" + std::to_string(p) + "/", html);
    }
  }

  void write_listing(const std::string& base, const std::string& heading, const std::vector<std::size_t>& ids) {
    constexpr std::size_t kPerPage = 10;
    const std::size_t pages = std::max<std::size_t>(1, (ids.size() + kPerPage - 1) / kPerPage);
    for (std::size_t p = 1; p <= pages; ++p) {
      std::string main;
      if (!heading.empty())
        main += "<header class=\"page-header alignwide\">\n\t<h1 class=\"page-title\">" + escape(heading) + "</h1>\n</header><!-- .page-header -->\n";
      for (std::size_t i = (p - 1) * kPerPage; i < std::min(ids.size(), p * kPerPage); ++i) {
        const Thread& t = threads_[ids[i]];
        std::string excerpt = t.content.substr(3, std::min<std::size_t>(400, t.content.find("</p>") - 3));
        main += "<article id=\"post-" + std::to_string(t.id) + "\" class=\"" + article_classes(t) + "\">\n\n\t\n<header class=\"entry-header\">\n\t<h2 class=\"entry-title default-max-width\"><a href=\"" + t.path + "\">" + escape(t.title) +
                "</a></h2></header><!-- .entry-header -->\n\n\t<div class=\"entry-content\">\n\t\t<p>" + excerpt + "&hellip; <a class=\"more-link\" href=\"" + t.path + "\">Continue reading <span class=\"screen-reader-text\">" + escape(t.title) +
                "</span></a></p>\n\t</div><!-- .entry-content -->\n\n\t<footer class=\"entry-footer default-max-width\">\n\t\t<span class=\"posted-on\">Published <time class=\"entry-date published updated\" datetime=\"" + iso(t.date) + "\">" + shown_date(t.date, false) + "</time></span>" +
                term_links(t) + "\t</footer><!-- .entry-footer -->\n</article><!-- #post-${ID} -->\n\n";
      }
      if (pages > 1) {
        main += "\t<nav class=\"navigation pagination\" aria-label=\"Posts\">\n\t\t<h2 class=\"screen-reader-text\">Posts navigation</h2>\n\t\t<div class=\"nav-links\">";
        auto page_url = [&](std::size_t n) { return n == 1 ? base : base + "page/" + std::to_string(n) + "/"; };
        if (p > 1) main += "<a class=\"prev page-numbers\" href=\"" + page_url(p - 1) + "\">Newer posts</a>\n";
        for (std::size_t n : {std::size_t{1}, p - 1, p, p + 1, pages}) {
          if (n < 1 || n > pages) continue;
          main += n == p ? "<span aria-current=\"page\" class=\"page-numbers current\">" + std::to_string(n) + "</span>\n"
                         : "<a class=\"page-numbers\" href=\"" + page_url(n) + "\">" + std::to_string(n) + "</a>\n";
        }
        if (p < pages) main += "<a class=\"next page-numbers\" href=\"" + page_url(p + 1) + "\">Older posts</a>";
        main += "</div>\n\t</nav>";
      }
      emit(p == 1 ? base : base + "page/" + std::to_string(p) + "/", page(heading.empty() ? "Orbital Notes" : heading, main));
    }
  }

  fs::path out_;
  Shell shell_;
  Random random_;
  std::vector<Term> tags_;
  std::vector<Thread> threads_;
  std::vector<std::string> pages_;
  std::vector<std::int64_t> last_change_;  // per thread: its sitemap <lastmod>
  std::size_t bytes_ = 0;
};

int usage(const std::string& why) {
  std::cerr << "fora-benchsite: " << why
            << "\nusage: fora-benchsite --out DIR --template PAGE [--threads N] [--seed S]\n"
               "                      [--change-percent P | --new-comments N | --busy-post-comments N] [--change-time T]\n"
               "                      [--sitemap-lastmod changed|publish]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out, shell_page;
  Site::Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("option " + arg + " wants a value");
    const std::string value = argv[++i];
    if (arg == "--out") out = value;
    else if (arg == "--template") shell_page = value;
    else if (arg == "--threads") o.threads = std::atoi(value.c_str());
    else if (arg == "--seed") o.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (arg == "--change-percent") o.change_percent = std::atof(value.c_str());
    else if (arg == "--new-comments") o.new_comments = std::atoi(value.c_str());
    else if (arg == "--busy-post-comments") o.busy_post_comments = std::atoi(value.c_str());
    else if (arg == "--change-time") o.change_time = std::atoll(value.c_str());
    else if (arg == "--sitemap-lastmod" && (value == "changed" || value == "publish")) o.lastmod_is_publish = value == "publish";
    else return usage("unknown option or value " + arg + " " + value);
  }
  if (out.empty() || shell_page.empty() || o.threads < 1) return usage("--out and --template are needed");
  try {
    if (o.change_percent < 0 || o.change_percent > 100) return usage("--change-percent is between 0 and 100");
    if ((o.change_percent > 0) + (o.new_comments > 0) + (o.busy_post_comments > 0) > 1)
      return usage("one of --change-percent, --new-comments and --busy-post-comments");
    Site site(out, read_shell(shell_page), o);
    site.write();
  } catch (const std::exception& e) {
    std::cerr << "fora-benchsite: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
