// Pages that fight the parser, through the real `fora` binary: what `fora extract` reads of
// a page nested a hundred thousand levels deep and says of it, what it refuses to read at
// all (over the page cap, no page), and what a crawl of such a page records.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "fora_run.h"
#include "support/hostile_pages.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kPageCap = 32u << 20;  // the page cap README.md states

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(HostilePages, ExtractReadsADeepCommentWholeAndWarnsOnStderr) {
  TempDir dir;
  const HostilePage truth =
      wordpress_page_with_deep_comment(read_sample_post(FORA_SOURCE_DIR), 5, 2, 100000);
  const fs::path page = dir.path() / "deep.html";
  write_file(page, truth.html);
  const std::string url = "http://127.0.0.1/2022/12/16/deep/";

  auto lines = run({FORA_BIN, "extract", "--json", "--url", url, page.string()});
  ASSERT_EQ(lines.exit_code, 0) << lines.err;
  auto entries = json_lines(lines.out);  // stdout stays JSON lines: the warning is on stderr
  ASSERT_EQ(entries.size(), 1 + truth.comments.size());
  for (std::size_t i = 0; i < truth.comments.size(); ++i) {
    EXPECT_EQ(entries[i + 1]["native_id"], truth.comments[i].id);
    EXPECT_NE(entries[i + 1]["text"].get<std::string>().find(truth.comments[i].word), std::string::npos);
  }
  EXPECT_NE(lines.err.find("warning: "), std::string::npos) << lines.err;
  EXPECT_NE(lines.err.find("nested deeper than"), std::string::npos) << lines.err;

  auto links = run({FORA_BIN, "extract", "--links", "--url", url, page.string()});
  ASSERT_EQ(links.exit_code, 0) << links.err;
  for (const WordPressComment& c : truth.comments)
    EXPECT_NE(links.out.find("http://127.0.0.1" + c.link), std::string::npos) << c.link;
}

TEST(HostilePages, ExtractRefusesAPageOverTheCapBeforeReadingIt) {
  TempDir dir;
  const fs::path big = dir.path() / "big.html";
  { std::ofstream(big, std::ios::binary) << "<html><body>"; }
  fs::resize_file(big, kPageCap + 1);  // sparse: nothing to read would fit in a test's time
  auto r = run({FORA_BIN, "extract", big.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("larger than 32 MiB"), std::string::npos) << r.err;

  // No size to look at: read up to the cap, then refused all the same.
  auto zero = run({FORA_BIN, "extract", "/dev/zero"});
  EXPECT_EQ(zero.exit_code, 2) << zero.err;
  EXPECT_NE(zero.err.find("larger than 32 MiB"), std::string::npos) << zero.err;

  // At the cap it is read (and found no web page: all NUL).
  fs::resize_file(big, kPageCap);
  auto at_cap = run({FORA_BIN, "extract", big.string()});
  EXPECT_EQ(at_cap.err.find("larger than"), std::string::npos) << at_cap.err;
}

TEST(HostilePages, ExtractSaysABinaryFileIsNoWebPage) {
  TempDir dir;
  std::string bytes;
  unsigned state = 11;
  for (int i = 0; i < 50000; ++i) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>(state >> 24);
  }
  write_file(dir.path() / "x.jpg", bytes);
  auto r = run({FORA_BIN, "extract", (dir.path() / "x.jpg").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("not a web page"), std::string::npos) << r.err;
}

// Mail archive pages whose header line, reply link or index link is a megabyte long:
// std::regex, which recurses a level a character, overflowed the stack on each. They are
// read like any other (the message's own words), and the link is left as a trap.
TEST(HostilePages, MailPagesWithAMegabyteLineAreReadWithoutACrash) {
  TempDir dir;
  const std::string big(1 << 20, 'x');
  const std::string message = "Message-ID: &lt;m1@example.org&gt;\n\nThe words of the message.";
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"public-inbox.html", "<html><body><pre id=\"b\">From: " + big + " &lt;a@b&gt;\nSubject: " + big +
                                "\nDate: Mon, 7 Dec 2026 01:00:00 +0000\n" + message + "</pre><pre>From: " + big +
                                " @ 2026-12-07  1:00 UTC (permalink / raw)</pre></body></html>"},
      {"pipermail.html", "<html><head><link rel=\"made\" href=\"mailto:a@b?In-Reply-To=" + big + "\"></head><body><h1>" +
                             big + "</h1><!--beginarticle--><pre>The words of the message.</pre><!--endarticle--></body></html>"},
      {"mhonarc.html", "<html><head><!-- MHonArc v2.6.19 --></head><body><a href=\"/" + big + ".html\">x</a></body></html>"}};
  for (const auto& [name, html] : pages) {
    write_file(dir.path() / name, html);
    auto r = run({FORA_BIN, "extract", "--url", "http://127.0.0.1/list/" + name, (dir.path() / name).string()});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err.substr(0, 400);
    if (name != "mhonarc.html") {
      EXPECT_NE(r.out.find("The words of the message."), std::string::npos) << name;
    }
  }
}

// A crawl reads the deep page whole, archives every comment and says in its log and its
// summary that a page was read in part.
TEST(HostilePages, CrawlCountsAPageReadInPartAndKeepsItsComments) {
  TempDir site, archive, logs;
  const std::string deep_path = "/2022/12/16/deep/";
  const HostilePage truth =
      wordpress_page_with_deep_comment(read_sample_post(FORA_SOURCE_DIR), 5, 2, 100000);
  write_file(site.path() / "2022/12/16/deep/index.html", truth.html);
  write_file(site.path() / "index.html", "<html><body><a href=\"" + deep_path + "\">deep</a></body></html>");
  TestServer server(site.path());
  const fs::path log = logs.path() / "crawl.log";
  auto r = run({FORA_BIN, "--archive", archive.path().string(), "crawl", "--delay", "0", "--max-depth", "1",
                "--json", "--log", log.string(), server.url("/")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["read_in_part"], 1);
  EXPECT_EQ(summary["comments"], static_cast<int>(truth.comments.size()));
  std::ifstream in(log);
  std::string line, deep_line;
  while (std::getline(in, line))
    if (line.find(deep_path) != std::string::npos) deep_line = line;
  EXPECT_NE(deep_line.find("read in part: "), std::string::npos) << deep_line;
  EXPECT_NE(deep_line.find("nested deeper than"), std::string::npos) << deep_line;
}

}  // namespace
}  // namespace fora::test
