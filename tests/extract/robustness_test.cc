// Hostile and broken input: the extractor must never crash, and whatever it returns must be
// clean text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
