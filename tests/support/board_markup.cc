#include "support/board_markup.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <stdexcept>

namespace fora::test::board {

namespace fs = std::filesystem;

// ---- the board: forums, topics, posts (engine-neutral) ------------------------------

const std::vector<Forum> kForums = {
    {2, "Launch Vehicles", "launch-vehicles", 0, 12},
    {3, "Space Stations", "space-stations", 0, 8},
    {5, "Soyuz and Progress", "soyuz-and-progress", 3, 6},
    {4, "Off Topic", "off-topic", 0, 4},
};

const std::vector<std::string> kAuthors = {
    "Edward", "Chris Hadfield", "Zoë Ångström", "David Eastman", "Li Wei",
    "Siobhán O'Brien", "Anna-Lena Müller", "astro_nut"};

namespace {

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

}  // namespace

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

std::string paras_html(const std::string& text, const char* between) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (start) out += between;
    out += html_escape(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

int user_id(const std::string& author) {
  for (std::size_t i = 0; i < kAuthors.size(); ++i)
    if (kAuthors[i] == author) return 50 + static_cast<int>(i);
  return 0;
}

void write_file(const fs::path& root, const std::string& relative, const std::string& contents) {
  const fs::path file = root / relative;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

int pages_of(std::size_t n) { return static_cast<int>((n + kPerPage - 1) / kPerPage); }

Board board_of(const ForumSite& site) {
  Board board;
  board.topics = site.topics;
  for (const SiteTopic& t : site.topics) {
    const auto forum = std::find_if(kForums.begin(), kForums.end(), [&](const Forum& f) { return f.name == t.forum; });
    if (forum == kForums.end()) throw std::runtime_error("no forum " + t.forum + " on the board");
    board.topic_forum.push_back(forum->id);
  }
  return board;
}

std::vector<const SiteTopic*> topics_in(const Board& board, int forum_id) {
  std::vector<const SiteTopic*> topics;
  for (std::size_t i = 0; i < board.topics.size(); ++i)
    if (board.topic_forum[i] == forum_id) topics.push_back(&board.topics[i]);
  return topics;
}

const SiteTopic* newest_in(const Board& board, int forum_id) {
  const SiteTopic* newest = nullptr;
  for (std::size_t i = 0; i < board.topics.size(); ++i) {
    const std::vector<const Forum*> path = forum_path(board.topic_forum[i]);
    const bool inside = std::any_of(path.begin(), path.end(), [&](const Forum* f) { return f->id == forum_id; });
    if (inside && (!newest || board.topics[i].posts.back().date > newest->posts.back().date)) newest = &board.topics[i];
  }
  return newest;
}

const Forum& forum_by_id(int id) {
  for (const Forum& f : kForums)
    if (f.id == id) return f;
  throw std::runtime_error("no forum " + std::to_string(id) + " on the board");
}

std::vector<const Forum*> forum_path(int id) {
  std::vector<const Forum*> path;
  for (; id; id = path.front()->parent) path.insert(path.begin(), &forum_by_id(id));
  return path;
}

Board start_writing(const fs::path& root, ForumSite& site) {
  Board board = board_of(site);
  clear_folder(root);
  site.topic_pages.clear();
  site.topic_page_ids.clear();
  site.listing_pages = {"/"};
  site.forum_pages.clear();
  return board;
}

ForumSite write_board(const fs::path& root, void (*rewrite)(const fs::path&, ForumSite&)) {
  ForumSite site = forum_board();
  rewrite(root, site);
  return site;
}

void clear_folder(const fs::path& root) {
  if (fs::exists(root))
    for (const auto& entry : fs::directory_iterator(root)) fs::remove_all(entry.path());
}

}  // namespace fora::test::board
