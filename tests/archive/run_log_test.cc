// Tests of RunLog: what each run did.
#include "archive_test_support.h"

using namespace fora::archive::test_support;

namespace {

class RunLogTest : public ArchiveTest {};

TEST_F(RunLogTest, ARunCountsThePostsAndCommentsItAddedAndEdited) {
  auto a = open_write();
  ASSERT_TRUE(a->runs().start_run("crawl http://example.com/", 100));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 101));
  ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second, edited"}}), 102));
  // A page that fails to merge counts nothing.
  auto bad = thread_page({{"3", "third"}});
  bad.thread_id.clear();
  ASSERT_FALSE(a->threads().store_thread_page("example.com", bad, 103));
  ASSERT_TRUE(a->runs().finish_run(7, 1, 0, "ok", 104));
  ASSERT_TRUE(a->runs().start_run("crawl http://example.com/ again", 200));  // killed: never finished
  auto runs = a->runs().latest(10);
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_FALSE((*runs)[0].ended_at);
  const auto& r = (*runs)[1];
  EXPECT_EQ(r.command, "crawl http://example.com/");
  EXPECT_EQ(r.started_at, 100);
  EXPECT_EQ(r.ended_at, 104);
  EXPECT_EQ(r.pages_fetched, 7);
  EXPECT_EQ(r.errors, 1);
  EXPECT_EQ(r.entries_new, 3);  // the post and two comments
  EXPECT_EQ(r.entries_edited, 1);
  EXPECT_EQ(r.outcome, "ok");
}

}  // namespace
