// Pages that fight the parser: deep nesting, bytes before the markup, binary bodies, and
// pages of more elements than a page of their size should hold. Every page is generated
// here; what the generator wrote is what fora must read (or say it did not).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "fora/extract/extractor.h"
#include "support/hostile_pages.h"

namespace fora::extract {
namespace {

using test::HostilePage;

constexpr const char* kUrl =
    "http://127.0.0.1/2022/12/16/russian-official-soyuz-leak-possibly-caused-by-micrometeorite-hit/";

class ParserLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    ASSERT_TRUE(e) << e.error().message;
    extractor_ = std::make_unique<Extractor>(std::move(*e));
    sample_ = test::read_sample_post(FORA_SOURCE_DIR);
    ASSERT_FALSE(sample_.empty());
  }

  static bool has_link(const Page& page, const std::string& path) {
    return std::any_of(page.links.begin(), page.links.end(),
                       [&](const Url& u) { return u.str() == std::string("http://127.0.0.1") + path; });
  }

  // Every comment the generator wrote, with its words, and every link of theirs.
  static void expect_every_comment(const Result<Page>& page, const HostilePage& truth) {
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_TRUE(page->thread);
    ASSERT_EQ(page->thread->comments.size(), truth.comments.size());
    for (std::size_t i = 0; i < truth.comments.size(); ++i) {
      EXPECT_EQ(page->thread->comments[i].native_id, truth.comments[i].id);
      EXPECT_NE(page->thread->comments[i].text.find(truth.comments[i].word), std::string::npos)
          << page->thread->comments[i].text;
      EXPECT_TRUE(has_link(*page, truth.comments[i].link)) << truth.comments[i].link;
    }
  }

  std::unique_ptr<Extractor> extractor_;
  std::string sample_;
};

TEST_F(ParserLimits, TenThousandNestedDivsInOneCommentLoseNothing) {
  const HostilePage truth = test::wordpress_page_with_deep_comment(sample_, 5, 2, 10000);
  auto page = extractor_->extract(truth.html, kUrl);
  expect_every_comment(page, truth);
  EXPECT_TRUE(page && page->warnings.empty());
}

// Past the depth bound the elements are kept flat: still every word and every link, and a
// warning says the page was not read as it stands.
TEST_F(ParserLimits, HundredThousandNestedDivsAreReadFlatWithAWarning) {
  const HostilePage truth = test::wordpress_page_with_deep_comment(sample_, 5, 2, 100000);
  auto page = extractor_->extract(truth.html, kUrl);
  expect_every_comment(page, truth);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_NE(page->warnings[0].find("nested deeper than"), std::string::npos) << page->warnings[0];
}

// A page no reader claims is walked for its listing rows (listing_rows.h) too.
TEST_F(ParserLimits, AListingNestedAHundredThousandDeepKeepsItsLinks) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += i % 1000 == 0 ? "<div><a href=\"/t/" + std::to_string(i) + "\">t</a>" : "<div>";
  html += "</body></html>";
  auto page = extractor_->extract(html, "http://127.0.0.1/");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->links.size(), 100u);
  EXPECT_EQ(page->rows.size(), 100u);
}

TEST_F(ParserLimits, BytesBeforeTheMarkupAreSkipped) {
  const HostilePage truth = test::wordpress_page_with_deep_comment(sample_, 4, -1, 0);
  for (const std::string& prefix :
       {std::string(1, '\0'), std::string(64, '\0'), std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB\xBF\0\0", 5),
        std::string("Warning: Cannot modify header information in /var/www/x.php on line 3\n"),
        std::string("\r\n\r\n \t")}) {
    auto page = extractor_->extract(prefix + truth.html, kUrl);
    expect_every_comment(page, truth);
  }
}

// UTF-16 with its byte order mark, whatever the server's header says.
TEST_F(ParserLimits, Utf16WithAByteOrderMarkIsRead) {
  const HostilePage truth = test::wordpress_page_with_deep_comment(sample_, 3, -1, 0);
  std::string ascii;  // the sample's few non-ASCII letters do not matter here
  for (char c : truth.html) ascii += static_cast<unsigned char>(c) < 0x80 ? c : '?';
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : ascii) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  expect_every_comment(extractor_->extract(le, kUrl, "text/html; charset=utf-8"), truth);
  expect_every_comment(extractor_->extract(be, kUrl), truth);
}

TEST_F(ParserLimits, ABinaryBodyIsNotAWebPage) {
  std::string binary;
  unsigned state = 7;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1103515245u + 12345u;
    binary += static_cast<char>(state >> 24);
  }
  for (const std::string& body : {binary, std::string(1 << 20, '\0'), "\x89PNG\r\n\x1a\n" + binary}) {
    auto page = extractor_->extract(body, "http://127.0.0.1/x");
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, Errc::InvalidArgument);
    EXPECT_NE(page.error().message.find("not a web page"), std::string::npos) << page.error().message;
  }
}

// A page of more elements than its size allows is read up to the budget: what was read is
// kept (its first link), what follows is not (its last), and a warning says so.
TEST_F(ParserLimits, TooManyElementsStopTheParseWithAWarning) {
  auto page = extractor_->extract(test::tiny_paragraphs(4u << 20), "http://127.0.0.1/");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_TRUE(has_link(*page, "/first"));
  EXPECT_FALSE(has_link(*page, "/last"));
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_NE(page->warnings[0].find("more elements than"), std::string::npos) << page->warnings[0];
}

// The budget is per page: a small page of the same markup is read whole.
TEST_F(ParserLimits, ASmallPageOfTinyElementsIsReadWhole) {
  auto page = extractor_->extract(test::tiny_paragraphs(256u << 10), "http://127.0.0.1/");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_TRUE(has_link(*page, "/first"));
  EXPECT_TRUE(has_link(*page, "/last"));
  EXPECT_TRUE(page->warnings.empty());
}

// Real pages are read whole: no limit is anywhere near them.
TEST_F(ParserLimits, RealPagesGetNoWarning) {
  const std::filesystem::path root = FORA_FIXTURES_DIR;
  if (!std::filesystem::exists(root))
    GTEST_SKIP() << "fixture folder absent: " << root << " (real pages are not shipped with fora)";
  int pages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto page = extractor_->extract(ss.str(), "https://f.example/t/1");
    ASSERT_TRUE(page) << entry.path();
    EXPECT_TRUE(page->warnings.empty()) << entry.path() << ": " << page->warnings.front();
    ++pages;
  }
  EXPECT_GT(pages, 0);
}

}  // namespace
}  // namespace fora::extract
