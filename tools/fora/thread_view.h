// A thread's posts and comments as a conversation: who replied to whom, in the order the page
// shows them. `fora show` prints an entry with the entries it replies to and the replies to
// it, or (--thread) the whole thread indented by depth.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "fora/archive/thread_store.h"

namespace fora::cli {

class ThreadView {
 public:
  // `entries`: one thread's (ThreadStore::thread_entries), which must outlive the view.
  explicit ThreadView(const std::vector<archive::StoredEntry>& entries);

  struct Line {
    const archive::StoredEntry* entry;
    int depth;  // 0 for the post (and an entry whose parent the thread lacks), +1 a reply level
  };
  // Page order: the post(s) first, then each top-level comment followed by its replies, depth
  // first; siblings by date, then id. An entry replying to one the thread lacks is top level.
  const std::vector<Line>& lines() const { return lines_; }
  // The index in lines() of the entry with catalog id `id`; lines().size() when absent.
  std::size_t find(std::int64_t id) const;
  // The entries line `at` replies to, nearest first: its parent comment, that one's, … and the
  // thread's post for a comment (a top-level comment replies to the post).
  std::vector<std::size_t> parents(std::size_t at) const;
  // The direct replies to line `at`, in page order.
  std::vector<std::size_t> replies(std::size_t at) const;
  // The lines [first, last) of the `context` entries either side of line `at`, and `at`;
  // every line when there is no `context` (or no line `at`).
  std::pair<std::size_t, std::size_t> around(std::size_t at, std::optional<std::size_t> context) const;

 private:
  std::vector<Line> lines_;
  std::vector<std::size_t> parent_;  // by line: the line it replies to; lines_.size() for none
};

}  // namespace fora::cli
