// ThreadView over hand-made threads: page order, depth, parents and replies, and damaged
// parent links (a loop, a parent the thread lacks) that must lose no entry.
#include "thread_view.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fora::cli {
namespace {

archive::StoredEntry entry(std::int64_t id, const std::string& kind, const std::string& native, const std::string& parent,
                           std::int64_t published) {
  archive::StoredEntry e;
  e.id = id;
  e.kind = kind;
  e.entry.native_id = native;
  e.entry.parent_id = parent;
  e.entry.published = published;
  return e;
}

std::vector<std::pair<std::int64_t, int>> order(const ThreadView& v) {
  std::vector<std::pair<std::int64_t, int>> out;
  for (const auto& line : v.lines()) out.emplace_back(line.entry->id, line.depth);
  return out;
}

std::vector<std::int64_t> ids(const ThreadView& v, const std::vector<std::size_t>& lines) {
  std::vector<std::int64_t> out;
  for (std::size_t k : lines) out.push_back(v.lines()[k].entry->id);
  return out;
}

// A post; comments a (t=10) and b (t=20) at the top; c (t=30) replies to a, d (t=15) to c.
// Listed in catalog order, not page order.
TEST(ThreadView, RepliesFollowTheirParentDepthFirstSiblingsByDate) {
  const std::vector<archive::StoredEntry> thread = {
      entry(5, "comment", "d", "c", 15), entry(2, "comment", "a", "", 10), entry(3, "comment", "b", "", 20),
      entry(4, "comment", "c", "a", 30), entry(1, "post", "p", "", 1)};
  const ThreadView v(thread);
  EXPECT_EQ(order(v), (std::vector<std::pair<std::int64_t, int>>{{1, 0}, {2, 1}, {4, 2}, {5, 3}, {3, 1}}));
  EXPECT_EQ(ids(v, v.parents(v.find(5))), (std::vector<std::int64_t>{4, 2, 1}));
  EXPECT_EQ(ids(v, v.replies(v.find(1))), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(ids(v, v.replies(v.find(2))), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(v.parents(v.find(1)).empty());
  EXPECT_EQ(v.find(99), v.lines().size());
}

// A mail archive's messages can all be "posts" replying to each other by Message-ID; a native
// id shared by a post and a comment names the comment (as the catalog reads it).
TEST(ThreadView, AParentIdNamesACommentBeforeAPost) {
  const std::vector<archive::StoredEntry> thread = {entry(1, "post", "x", "", 1), entry(2, "comment", "x", "", 2),
                                                    entry(3, "comment", "y", "x", 3)};
  const ThreadView v(thread);
  EXPECT_EQ(ids(v, v.parents(v.find(3))), (std::vector<std::int64_t>{2, 1}));
}

TEST(ThreadView, DamagedParentLinksLoseNoEntry) {
  // b and c reply to each other; e replies to an entry the thread does not hold.
  const std::vector<archive::StoredEntry> thread = {entry(1, "post", "p", "", 1), entry(2, "comment", "b", "c", 2),
                                                    entry(3, "comment", "c", "b", 3), entry(4, "comment", "e", "gone", 4),
                                                    entry(5, "comment", "s", "s", 5)};
  const ThreadView v(thread);
  ASSERT_EQ(v.lines().size(), thread.size());
  for (const auto& e : thread) EXPECT_LT(v.find(e.id), v.lines().size()) << e.id;
  EXPECT_EQ(ids(v, v.parents(v.find(4))), (std::vector<std::int64_t>{1})) << "top level, under the post";
  EXPECT_LE(v.parents(v.find(2)).size(), thread.size()) << "a loop ends";
  EXPECT_EQ(ids(v, v.parents(v.find(5))), (std::vector<std::int64_t>{1})) << "replying to itself is top level";
}

}  // namespace
}  // namespace fora::cli
