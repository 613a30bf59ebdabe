// Hostile and broken input: the extractor must never crash, and whatever it returns must be
// clean text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <random>
#include <sstream>
#include <thread>

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

bool has_control(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

void expect_clean(const Result<Page>& page) {
  if (!page) {
    EXPECT_EQ(page.error().code, Errc::InvalidArgument);
    return;
  }
  if (!page->thread) return;
  EXPECT_FALSE(has_control(page->thread->title));
  if (page->thread->post) {
    EXPECT_FALSE(has_control(page->thread->post->text));
    EXPECT_FALSE(has_control(page->thread->post->author));
  }
  for (const Entry& e : page->thread->comments) {
    EXPECT_FALSE(has_control(e.text));
    EXPECT_FALSE(has_control(e.author));
  }
}

class Robustness : public ::testing::Test {
 protected:
  void SetUp() override {
    auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    ASSERT_TRUE(e) << e.error().message;
    extractor_ = std::make_unique<Extractor>(std::move(*e));
  }
  std::unique_ptr<Extractor> extractor_;
};

TEST_F(Robustness, EmptyInputIsAnErrorNotACrash) {
  auto page = extractor_->extract("", "http://x.example/");
  EXPECT_FALSE(page);
}

TEST_F(Robustness, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(static_cast<std::size_t>(rng() % 4096), '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    expect_clean(extractor_->extract(bytes, "http://x.example/p/", "text/html; charset=utf-8"));
  }
}

TEST_F(Robustness, HostileMarkupYieldsCleanText) {
  using namespace std::string_literals;  // the page holds a NUL byte
  std::string page =
      "<html><body class='single postid-1'><article class='type-post' id='post-1'>"
      "<h1 class='entry-title'>T\x1b[2Jitle\xE2\x80\xAE</h1></article><ol>"
      "<li class='comment' id='comment-1'><b class='fn'>Ev\x07il</b><div class='comment-content'>"
      "<p>a\x00"s "b\xC2\x9B" "c</p>" + std::string(5000, '<') + "</div></li></ol>";
  auto result = extractor_->extract(page, "http://x.example/");
  ASSERT_TRUE(result);
  ASSERT_TRUE(result->thread);
  EXPECT_EQ(result->thread->title, "T[2Jitle");  // ESC and RLO gone; the rest is inert text
  ASSERT_EQ(result->thread->comments.size(), 1u);
  EXPECT_EQ(result->thread->comments[0].author, "Evil");
  expect_clean(result);
}

TEST_F(Robustness, DeepNestingDoesNotCrash) {
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i) page += "<div><blockquote>";
  page += "deep";
  expect_clean(extractor_->extract(page, "http://x.example/"));
}

TEST_F(Robustness, TruncatedRealPagesNeverCrash) {
  std::filesystem::path file =
      FORA_FIXTURES_DIR "/wordpress-classic/gormulus-wpcom-sagen-duerfen.html";
  if (!std::filesystem::exists(file))
    GTEST_SKIP() << "fixture folder absent: " << FORA_FIXTURES_DIR
                 << " (real pages are not shipped with fora)";
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string html = ss.str();
  for (std::size_t cut = 1; cut < html.size(); cut += 997)
    expect_clean(extractor_->extract(std::string_view(html).substr(0, cut),
                                     "https://gormulus.wordpress.com/p/"));
}

// Every real page cut short at many points, through every reader: a clear result or an
// error, never a crash.
TEST_F(Robustness, TruncatedPagesOfEveryEngineNeverCrash) {
  const std::filesystem::path root = FORA_FIXTURES_DIR;
  if (!std::filesystem::exists(root))
    GTEST_SKIP() << "fixture folder absent: " << root << " (real pages are not shipped with fora)";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string html = ss.str();
    for (std::size_t cut = 1; cut < html.size(); cut += html.size() / 7 + 1)
      expect_clean(extractor_->extract(std::string_view(html).substr(0, cut), "https://f.example/t/1"));
  }
}

TEST_F(Robustness, FiftyMegabytesEndInBoundedTime) {
  std::string page = "<html><body id='phpbb'>";
  const std::string post =
      "<div id='p1' class='post'><div class='postbody'><p class='author'>by <strong>x</strong> "
      "&raquo; Mon Nov 25, 2024 3:14 pm</p><div class='content'>words words words</div></div></div>";
  while (page.size() < (50u << 20)) page += post;
  const auto start = std::chrono::steady_clock::now();
  auto result = extractor_->extract(page, "https://f.example/viewtopic.php?t=1");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  expect_clean(result);
  // Not a timing assertion on a shared machine: a runaway (quadratic) reader takes hours.
  EXPECT_LT(seconds, 600.0);
}

TEST_F(Robustness, HostileStructuredDataAndMailPages) {
  std::string nested_json = "<html><body><script type='application/ld+json'>";
  for (int i = 0; i < 10000; ++i) nested_json += "{\"@type\":\"DiscussionForumPosting\",\"comment\":[";
  nested_json += "</script></body></html>";
  expect_clean(extractor_->extract(nested_json, "https://f.example/"));

  std::string deep_comments = "<html><body><div itemscope itemtype='http://schema.org/DiscussionForumPosting'>";
  for (int i = 0; i < 10000; ++i)
    deep_comments += "<div itemprop='comment' itemscope itemtype='http://schema.org/Comment'><span itemprop='text'>x</span>";
  expect_clean(extractor_->extract(deep_comments, "https://f.example/"));

  std::string mail = "<html><!--X-Message-Id: a\x01b@x -->\n<!--X-Reference: " + std::string(100000, 'r') +
                     " --><body><!--X-Body-of-Message--><pre>";
  for (int i = 0; i < 20000; ++i) mail += "> quoted line\n";
  mail += "On Mon, 1 Jan 2024, \x1b[31mEvil\x1b[0m wrote:\n> x\n</pre></body></html>";
  auto page = extractor_->extract(mail, "https://lists.example/msg1.html");
  expect_clean(page);
  ASSERT_TRUE(page && page->thread);
  const Entry& e = page->thread->post ? *page->thread->post : page->thread->comments.front();
  EXPECT_EQ(e.native_id.find('\x01'), std::string::npos);
}

TEST_F(Robustness, WrongOrMissingCharsetStillYieldsUtf8) {
  // Latin-1 bytes declared as UTF-8, and UTF-8 bytes declared as Latin-1.
  const std::string latin1 = "<html><head><meta charset='utf-8'></head><body id='phpbb'>"
                             "<div id='p1' class='post'><div class='postbody'><div class='content'>caf\xE9</div></div></div></body></html>";
  expect_clean(extractor_->extract(latin1, "https://f.example/viewtopic.php?t=1"));
  const std::string utf8 = "<html><head><meta charset='iso-8859-1'></head><body>caf\xC3\xA9</body></html>";
  expect_clean(extractor_->extract(utf8, "https://f.example/"));
}

// extract() is const and documented as callable from several threads at once.
TEST_F(Robustness, ConcurrentExtractionsAgree) {
  std::filesystem::path file =
      FORA_FIXTURES_DIR "/wordpress-classic/spektrum-scilogs-gendersprache.html";
  if (!std::filesystem::exists(file))
    GTEST_SKIP() << "fixture folder absent: " << FORA_FIXTURES_DIR;
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string html = ss.str();
  const std::string url = "https://scilogs.spektrum.de/engelbart-galaxis/x/";
  auto reference = extractor_->extract(html, url);
  ASSERT_TRUE(reference && reference->thread);
  std::vector<std::size_t> counts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < counts.size(); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 5; ++round) {
        auto page = extractor_->extract(html, url);
        if (page && page->thread && page->thread->comments.size() == reference->thread->comments.size())
          ++counts[i];
      }
    });
  for (std::thread& t : threads) t.join();
  for (std::size_t c : counts) EXPECT_EQ(c, 5u);
}

}  // namespace
}  // namespace fora::extract
