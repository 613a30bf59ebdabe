// What every generated board shares (tests/support/forum_site.h): the forums, authors and
// posts of one deterministic board, and the helpers each engine's markup is written with.
// Each engine's pages live in a file of their own (phpbb_board.cc, xenforo_board.cc, ...),
// written from that engine's real templates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "site_text.h"
#include "support/forum_site.h"

namespace fora::test::board {

struct Forum {
  int id;
  std::string name;
  std::string slug;
  int parent;  // 0: top level
  int topics;
};

extern const std::vector<Forum> kForums;
extern const std::vector<std::string> kAuthors;
constexpr int kPerPage = 10;  // posts per topic page, topics per forum page

struct Board {
  std::vector<SiteTopic> topics;
  std::vector<int> topic_forum;  // forum id of each topic
};

Board make_board();
// The board of `site`'s topics; throws when a topic names a forum the board lacks.
Board board_of(const ForumSite& site);
// The topics of forum `forum_id`, in board order.
std::vector<const SiteTopic*> topics_in(const Board& board, int forum_id);
const Forum& forum_by_id(int id);
// The topic with the newest post in forum `forum_id` or its subforums (a forum row's "last
// post", which the engines keep for the forum and every forum above it); null when empty.
const SiteTopic* newest_in(const Board& board, int forum_id);
// Forum `id` and the forums above it, the top one first (a breadcrumb's forums).
std::vector<const Forum*> forum_path(int id);

// HTML-escaped text, and a time in UTC as strftime's format writes it, as every generated
// site prints them (tools/bench/site/site_text.h).
using site::html_escape;
using site::utc;
using site::slugify;
// `text`'s paragraphs (split at "\n"), escaped and joined by `between`.
std::string paras_html(const std::string& text, const char* between);
int user_id(const std::string& author);  // 0 for the guest
int pages_of(std::size_t n);  // pages of kPerPage items

// Writes `contents` at `relative` under `root`, making folders.
void write_file(const std::filesystem::path& root, const std::string& relative, const std::string& contents);
// Empties `root` (a board written again replaces what it held).
void clear_folder(const std::filesystem::path& root);
// A board written again: `root` emptied, `site`'s pages forgotten (the front page "/" is its
// first listing page), its topics as a Board.
Board start_writing(const std::filesystem::path& root, ForumSite& site);
// The generated board, written by `rewrite` under `root`.
ForumSite write_board(const std::filesystem::path& root, void (*rewrite)(const std::filesystem::path&, ForumSite&));

}  // namespace fora::test::board
