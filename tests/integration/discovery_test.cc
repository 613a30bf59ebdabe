// How a crawl finds pages that no <a href> names (the sitemaps robots.txt lists, indexes and
// gzip-compressed ones among them; a page's canonical address), and how it keeps a site
// that answers every address with the same page from growing the crawl without end.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

// The paths the server answered, robots.txt aside, sorted.
std::vector<std::string> fetched(const TestServer& server) {
  std::vector<std::string> out;
  for (const std::string& line : server.requests()) {
    std::string target = line.substr(line.find(' ') + 1);
    target = target.substr(0, target.find(' '));
    if (target != "/robots.txt") out.push_back(target);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The --log lines about `path`.
std::vector<std::string> log_lines(const std::filesystem::path& log, const std::string& url) {
  std::vector<std::string> out;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);)
    if (line.find(" " + url + " ") != std::string::npos) out.push_back(line);
  return out;
}

std::string page(const std::string& body) { return "<html><body>" + body + "</body></html>"; }

TEST(Discovery, SitemapsThatRobotsTxtNamesGzippedOrNot) {
  TempDir site, archive, logs;
  site.write("index.html", page("<a href='/t/1.html'>1</a>"));
  site.write("t/1.html", page("one"));
  site.write("hidden/2.html", page("two"));
  site.write("hidden/3.html", page("three"));
  site.write("hidden/4.html", page("four"));
  TestServer server(site.path());
  site.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + server.url("/sitemap-index.xml") + "\n");
  site.write("sitemap-index.xml",
             "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             "<sitemap><loc>" + server.url("/posts.xml.gz") + "</loc></sitemap>"
             "<sitemap><loc>" + server.url("/pages.xml") + "</loc></sitemap>"
             "<sitemap><loc>" + server.url("/bomb.xml.gz") + "</loc></sitemap></sitemapindex>");
  const std::string posts =
      "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<url><loc>" + server.url("/hidden/2.html") + "</loc></url>"
      "<url><loc>" + server.url("/hidden/3.html") + "</loc></url></urlset>";
  site.write("posts.xml", posts);
  ASSERT_EQ(run({"gzip", "-9", (site.path() / "posts.xml").string()}).exit_code, 0);
  site.write("pages.xml", "<urlset><url><loc>" + server.url("/hidden/4.html") + "</loc></url></urlset>");
  // 60 MiB of zeros in about 60 KiB: past the 50 MiB a sitemap may hold.
  const std::string bomb = (site.path() / "bomb.xml.gz").string();
  ASSERT_EQ(run({"sh", "-c", "head -c 62914560 /dev/zero | gzip -9 > '" + bomb + "'"}).exit_code, 0);

  const auto log = logs.path() / "crawl.log";
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", "--log", log.string(), server.url("/")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  EXPECT_EQ(fetched(server),
            (std::vector<std::string>{"/", "/bomb.xml.gz", "/hidden/2.html", "/hidden/3.html", "/hidden/4.html",
                                      "/pages.xml", "/posts.xml.gz", "/sitemap-index.xml", "/t/1.html"}));
  const auto bomb_lines = log_lines(log, server.url("/bomb.xml.gz"));
  ASSERT_EQ(bomb_lines.size(), 1u);
  EXPECT_NE(bomb_lines[0].find("sitemap or feed not read: gzip data inflates past 50 MiB"), std::string::npos)
      << bomb_lines[0];
}

TEST(Discovery, ACanonicalAddressIsFollowed) {
  TempDir site, archive;
  site.write("index.html", page("<a href='/a.html?ref=home'>a</a>"));
  site.write("a.html", "<html><head><link rel='canonical' href='/b.html'></head><body>a</body></html>");
  site.write("b.html", page("b"));
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", server.url("/")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/", "/a.html?ref=home", "/b.html"}));
}

// /fault/soft-404/ANY answers every address below it with one page that links to a/, b/ and
// c/ relative to itself: without a rule, 3 + 9 + 27 + ... addresses until the growth traps
// stop it. Only the first copy's links are followed.
TEST(Discovery, CopiesOfAPageDoNotGrowTheCrawl) {
  TempDir site, archive, logs;
  site.write("index.html", page("<a href='/fault/soft-404/'>missing</a>"));
  TestServer server(site.path(), {"--faults"});
  const auto log = logs.path() / "crawl.log";
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--log", log.string(), server.url("/")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/", "/fault/soft-404/", "/fault/soft-404/a/",
                                                       "/fault/soft-404/b/", "/fault/soft-404/c/"}));
  const auto copy = log_lines(log, server.url("/fault/soft-404/b/"));
  ASSERT_EQ(copy.size(), 1u);
  EXPECT_NE(copy[0].find("a copy of a page seen under another URL: links not followed"), std::string::npos)
      << copy[0];
}

// A copy found by a later run is a copy too: the archive holds the first one's bytes. A
// second crawl that starts at another address of the soft 404 asks for it and nothing more.
TEST(Discovery, ACopyOfAPageAnEarlierRunFetchedIsACopy) {
  TempDir site, archive;
  site.write("index.html", page("<a href='/fault/soft-404/'>missing</a>"));
  TestServer server(site.path(), {"--faults"});
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", server.url("/")}).exit_code, 0);
  server.clear_requests();
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", server.url("/fault/soft-404/elsewhere/")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/fault/soft-404/elsewhere/"}));
}

}  // namespace
}  // namespace fora::test
