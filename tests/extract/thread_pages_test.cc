// Threads across pages: a real page read under the address of its thread's first page and
// under the address of a later page names the same thread (id and first-page URL), and a later
// page of a forum topic carries no opening post. The addresses are each engine's own paging
// scheme (phpBB start=, vBulletin /pageN, XenForo page-N, Discourse ?page=, SMF
// topic=N.OFFSET, MyBB thread-N-page-K, IPS /page/N/, Vanilla /pN, NodeBB ?page=,
// Flarum ?page=, HN &p=).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

struct Case {
  const char* page;
  const char* first;  // the thread's first page
  const char* later;  // a later page of it
  bool forum;         // the opening post is the first post of page 1 only
};

const Case kCases[] = {
    {"phpbb/openoffice-compatibility-msoffice.html", "https://f.example/viewtopic.php?f=5&t=82202",
     "https://f.example/viewtopic.php?f=5&t=82202&start=30", true},
    {"vbulletin/fandompost-isekai-quartet.html", "https://f.example/forum/a/b/727744-isekai-quartet-discussion-thread",
     "https://f.example/forum/a/b/727744-isekai-quartet-discussion-thread/page2", true},
    {"xenforo/macrumors-se-or-11.html", "https://f.example/threads/se-or-11.2231616/",
     "https://f.example/threads/se-or-11.2231616/page-2", true},
    {"discourse/letsencrypt-longer-chain.html", "https://f.example/t/x/212419",
     "https://f.example/t/x/212419?page=2", true},
    {"smf/bpdfamily-silent-treatment.html", "https://f.example/index.php?topic=343886.0",
     "https://f.example/index.php?topic=343886.15", true},
    {"mybb/mybb-community-thread-222085.html", "https://f.example/thread-222085.html",
     "https://f.example/thread-222085-page-2.html", true},
    {"invision/kerbal-forum-end.html", "https://f.example/topic/225132-if-the-forum-comes-to-an-end-soon/",
     "https://f.example/topic/225132-if-the-forum-comes-to-an-end-soon/page/2/", true},
    {"vanilla/bitdefender-disable-notification.html", "https://f.example/en/discussion/81455/how-to-disable-notification",
     "https://f.example/en/discussion/81455/how-to-disable-notification/p2", false},
    {"nodebb/nodebb-community-chat-design.html", "https://f.example/topic/13803/new-desing-for-nodebb-chat",
     "https://f.example/topic/13803/new-desing-for-nodebb-chat?page=2", true},
    {"flarum/flarum-types-of-threads.html", "https://f.example/d/2068-types-of-threads",
     "https://f.example/d/2068-types-of-threads?page=2", true},
    {"hackernews/hn-career-ladders-2018.html", "https://news.example/item?id=16909056",
     "https://news.example/item?id=16909056&p=2", false},
};

class ThreadPages : public ::testing::TestWithParam<Case> {
 protected:
  static Page read(const std::string& file, const std::string& url) {
    static auto extractor = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    EXPECT_TRUE(extractor);
    std::ifstream in(std::filesystem::path(FORA_FIXTURES_DIR) / file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto page = extractor->extract(bytes.str(), url, "text/html");
    EXPECT_TRUE(page && page->thread) << file;
    return page ? std::move(*page) : Page{};
  }
};

TEST_P(ThreadPages, LaterPagesNameTheSameThread) {
  const Case& c = GetParam();
  if (!std::filesystem::exists(std::filesystem::path(FORA_FIXTURES_DIR) / c.page))
    GTEST_SKIP() << "fixture absent: " << FORA_FIXTURES_DIR << "/" << c.page;
  const Page first = read(c.page, c.first);
  const Page later = read(c.page, c.later);
  ASSERT_TRUE(first.thread && later.thread);
  EXPECT_EQ(first.thread->thread_id, later.thread->thread_id);
  EXPECT_EQ(first.thread->thread_url, later.thread->thread_url);
  EXPECT_TRUE(first.thread->post.has_value());
  if (c.forum) {
    EXPECT_FALSE(later.thread->post.has_value()) << "a later page has no opening post";
    // Its first post is a reply like the others, so nothing is lost.
    EXPECT_EQ(later.thread->comments.size(), first.thread->comments.size() + 1);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ThreadPages, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& c) {
                           std::string name = c.param.page;
                           name = name.substr(0, name.find('/'));
                           return name;
                         });

}  // namespace
}  // namespace fora::extract
