#include "blog_model.h"

#include <algorithm>
#include <cctype>

namespace fora::bench {

namespace {

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

std::int64_t last_comment_date(const Thread& t) {
  std::int64_t last = t.date;
  for (const Comment& c : t.comments) last = std::max(last, c.date);
  return last;
}

// WordPress's order: 25 top-level comments to a page, each with its replies.
void paginate(Thread& t) {
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

}  // namespace

const std::vector<Term> kCategories = {{"Books", "books"},     {"Rockets", "rockets"},
                                       {"Science", "science"}, {"Space", "space"},
                                       {"Policy", "policy"},   {"History", "history"},
                                       {"Mars", "mars-missions"}, {"Stations", "stations"}};

std::string comment_link(const Thread& t, const Comment& c) {
  for (std::size_t p = 0; p < t.pages.size(); ++p)
    for (const Comment& on : t.pages[p])
      if (on.id == c.id)
        return t.path + (p == 0 ? "" : "comment-page-" + std::to_string(p + 1) + "/") + "#comment-" + std::to_string(c.id);
  return t.path + "#comment-" + std::to_string(c.id);
}

Blog::Blog(const Options& o) : random_{o.seed} {
  make_tags();
  make_threads(o.threads);
  for (const Thread& t : threads_) last_change_.push_back(o.lastmod_is_publish ? t.date : last_comment_date(t));
  if (o.change_percent > 0) change(o.change_percent, o.change_time);
  if (o.new_comments > 0) live(o.new_comments, o.change_time);
  if (o.busy_post_comments > 0) live_on_busy_post(o.busy_post_comments, o.change_time);
  if (o.lastmod_is_publish)
    for (std::size_t i = 0; i < threads_.size(); ++i) last_change_[i] = threads_[i].date;
}

void Blog::make_tags() {
  for (int i = 0; i < 60; ++i) {
    std::string name = std::string(kWords[(i * 7) % 80]) + " " + std::string(kWords[(i * 13 + 5) % 80]);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    tags_.push_back({name, slugify(name) + "-" + std::to_string(i)});
  }
}

void Blog::make_threads(int n) {
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
    t.path = utc(date, "/%Y/%m/%d/") + t.slug + "/";
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
          c.html = "<blockquote><p>" + html_escape(group.front().author) + " wrote: " +
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

// A new thread at the top of the listings, published `when`, with 3 comments in the half
// hour after; their ids are appended to `added` (a comma-separated list).
void Blog::publish_new_thread(Random& pick, std::int64_t when, int& next_comment, std::string& added) {
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
void Blog::change(double percent, std::int64_t when) {
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
  changes_ = "{\"threads\": [" + changed + "], \"new_thread\": \"" + threads_.back().path +
             "\", \"new_comments\": [" + added + "], \"edited\": [" + edited +
             "], \"deleted\": [" + deleted + "]}\n";
}

// A day later, as a blog lives: `n` new comments on old posts, alternately a new comment
// on a post's last comment page and a reply to a comment on a middle page (WordPress shows
// a reply on its parent's page), each on another post; and a new post with 3 comments.
void Blog::live(int n, std::int64_t when) {
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
  changes_ = "{\"new_thread\": \"" + threads_.back().path + "\", \"new_comments\": [" + added +
             "], \"edited\": [], \"deleted\": []}\n";
}

// A day later, on the post with the most comment pages: `n` new comments at `when`,
// alternately on its last page and replies on its middle page (the first
// one), the page before (the next), and so on. changes.json names the post, the
// new comments, the pages they are on and every page of the post.
void Blog::live_on_busy_post(int n, std::int64_t when) {
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
  changes_ = "{\"busy_post\": \"" + t.path + "\", \"new_comments\": [" + ids + "]" +
             ", \"changed_pages\": " + list(changed) + ", \"post_pages\": " + list(pages) + "}\n";
}

}  // namespace fora::bench
