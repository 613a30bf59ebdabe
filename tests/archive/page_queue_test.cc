// Tests of PageQueue: the frontier (revisits and listings are tested through update in tests/integration).
#include "archive_test_support.h"

using namespace fora::archive::test_support;

namespace {

class PageQueueTest : public ArchiveTest {};

TEST_F(PageQueueTest, AddPageIsIdempotent) {
  auto a = open_write();
  EXPECT_TRUE(*a->queue().add_page("http://example.com/a", 1));
  EXPECT_FALSE(*a->queue().add_page("http://example.com/a", 2));
  auto s = a->stats();
  EXPECT_EQ(s->pages, 1);
  EXPECT_EQ(s->sites, 1);
}

TEST_F(PageQueueTest, TheCrawlMarkKeepsItsStartUrlsAndSince) {
  auto a = open_write();
  ASSERT_TRUE(a->queue().crawl_mark());
  EXPECT_FALSE(*a->queue().crawl_mark());  // no crawl open
  const fora::archive::PageQueue::CrawlMark mark{{"http://example.com/", "http://example.com/b"}, 1700000000};
  ASSERT_TRUE(a->queue().mark_crawl_open(mark));
  a.reset();
  a = open_write();  // it outlives the writer that set it
  ASSERT_TRUE(*a->queue().crawl_mark());
  EXPECT_EQ(**a->queue().crawl_mark(), mark);
  ASSERT_TRUE(a->queue().mark_crawl_closed());
  EXPECT_FALSE(*a->queue().crawl_mark());
}

}  // namespace
