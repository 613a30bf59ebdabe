// The crawl against fora-testserver's fault mode: each misbehaviour a real server shows,
// met by the real binary. The crawl must end by itself, archive every good page, and say in
// its log line what became of each bad one (retried, given up, not followed, not read).
#include <gtest/gtest.h>

#include <fstream>
#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

// The --log file: for each URL, the outcome of every line about it, in order.
std::map<std::string, std::vector<std::string>> read_log(const std::filesystem::path& file,
                                                         const std::string& base) {
  std::map<std::string, std::vector<std::string>> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string time, status, bytes, ms, url;
    fields >> time >> status >> bytes >> ms >> url;
    std::string outcome;
    std::getline(fields, outcome);
    if (!outcome.empty() && outcome.front() == ' ') outcome.erase(0, 1);
    if (url.rfind(base, 0) == 0) url.erase(0, base.size());
    out[url].push_back(status + " " + bytes + " " + outcome);
  }
  return out;
}

// How many times the server was asked for `target`.
std::size_t asked(const TestServer& server, const std::string& target) {
  std::size_t n = 0;
  for (const std::string& line : server.requests())
    if (line.rfind("GET " + target + " ", 0) == 0) ++n;
  return n;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += "\n  " + l;
  return s;
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(Faults, TheCrawlSurvivesEachAndArchivesWhatIsGood) {
  TempDir site, archive, logs;
  const std::vector<std::string> faults = {
      "/fault/slow-first-byte?ms=300", "/fault/slow-body?ms=1000", "/fault/reset", "/fault/truncated",
      "/fault/wrong-length", "/fault/flaky", "/fault/busy?after=1", "/fault/too-many?after=1", "/fault/loop",
      "/fault/elsewhere", "/fault/to-file", "/fault/to-ftp", "/fault/gzip-bomb", "/fault/big?mb=40",
      "/fault/binary", "/fault/bad-utf8", "/fault/cp1252", "/fault/calendar?year=2024&month=5"};
  std::string index = "<html><body><a href='/good.html'>good</a>";
  for (const auto& f : faults) {
    std::string href = f;
    for (std::size_t at; (at = href.find('&')) != std::string::npos && href.compare(at, 5, "&amp;") != 0;)
      href.replace(at, 1, "&amp;");
    index += " <a href='" + href + "'>" + f + "</a>";
  }
  site.write("index.html", index + "</body></html>");
  site.write("good.html", "<html><body><p>A good page.</p><a href='/'>home</a></body></html>");
  // A real gzip bomb: 100 MiB of zeros in about 100 KiB.
  const std::string bomb = (site.path() / "gzip-bomb.gz").string();
  ASSERT_EQ(run({"sh", "-c", "head -c 104857600 /dev/zero | gzip -9 > '" + bomb + "'"}).exit_code, 0);
  TestServer server(site.path(), {"--faults"});

  const auto log = logs.path() / "crawl.log";
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", "--timeout", "4", "--retries", "1",
                                                "--json", "--log", log.string(), server.url("/")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  // The summary counts each kind of outcome under one name.
  const json summary = json::parse(crawl.out);
  EXPECT_EQ(summary["outcomes"]["retry"], 6) << summary.dump();
  EXPECT_EQ(summary["outcomes"]["redirect off the web, not followed"], 2) << summary.dump();
  EXPECT_EQ(summary["outcomes"]["redirect out of scope, not followed"], 1) << summary.dump();
  EXPECT_EQ(summary["outcomes"]["content-encoded"], 1) << summary.dump();
  auto outcomes = read_log(log, server.base_url());
  auto last = [&](const std::string& target) {
    const auto& lines = outcomes[target];
    return lines.empty() ? std::string("(never fetched)") : lines.back();
  };

  // Good pages, and the faults that still give a page, are archived.
  for (const char* ok : {"/", "/good.html", "/fault/slow-first-byte?ms=300", "/fault/binary",
                         "/fault/bad-utf8", "/fault/cp1252"})
    EXPECT_TRUE(starts(last(ok), "200 ")) << ok << joined(outcomes[ok]);
  EXPECT_TRUE(starts(last("/fault/wrong-length"), "200 300 ")) << joined(outcomes["/fault/wrong-length"]);

  // Transient failures are tried again once, then given up with the reason.
  for (const char* broken : {"/fault/slow-body?ms=1000", "/fault/reset", "/fault/truncated"}) {
    const auto& lines = outcomes[broken];
    ASSERT_EQ(lines.size(), 2u) << broken << joined(lines);
    EXPECT_NE(lines[0].find("retry 1 of 1"), std::string::npos) << broken << joined(lines);
    EXPECT_NE(lines[1].find("error: "), std::string::npos) << broken << joined(lines);
  }
  // 500, 503 and 429 once, then 200: the page is archived after one retry, and 503/429 waited
  // for their Retry-After.
  for (const char* once : {"/fault/flaky", "/fault/busy?after=1", "/fault/too-many?after=1"}) {
    const auto& lines = outcomes[once];
    ASSERT_EQ(lines.size(), 2u) << once << joined(lines);
    EXPECT_NE(lines[0].find("retry 1 of 1"), std::string::npos) << once << joined(lines);
    EXPECT_TRUE(starts(lines[1], "200 ")) << once << joined(lines);
  }
  EXPECT_NE(outcomes["/fault/busy?after=1"][0].find("HTTP 503"), std::string::npos);
  EXPECT_NE(outcomes["/fault/too-many?after=1"][0].find("HTTP 429"), std::string::npos);

  // Redirects: a loop ends because each address is fetched once; leaving the site, or the
  // web, is recorded and not followed.
  EXPECT_EQ(asked(server, "/fault/loop"), 1u);
  EXPECT_EQ(asked(server, "/fault/loop2"), 1u);
  EXPECT_NE(last("/fault/elsewhere").find("redirect out of scope, not followed: http://other-host.invalid/page"),
            std::string::npos) << last("/fault/elsewhere");
  EXPECT_NE(last("/fault/to-file").find("not followed: file:///etc/passwd"), std::string::npos) << last("/fault/to-file");
  EXPECT_NE(last("/fault/to-ftp").find("not followed: ftp://127.0.0.1/x"), std::string::npos) << last("/fault/to-ftp");

  // The gzip bomb is archived as it came (about 100 KiB), never unpacked.
  const std::string bombed = last("/fault/gzip-bomb");
  EXPECT_NE(bombed.find("content-encoded (gzip)"), std::string::npos) << bombed;
  std::istringstream bomb_fields(bombed);
  std::string status;
  std::size_t bytes = 0;
  bomb_fields >> status >> bytes;
  EXPECT_LT(bytes, 1u << 20) << bombed;

  // A page above the body cap (32 MiB) is given up, not retried, and named.
  EXPECT_NE(last("/fault/big?mb=40").find("larger than"), std::string::npos) << joined(outcomes["/fault/big?mb=40"]);
  EXPECT_EQ(outcomes["/fault/big?mb=40"].size(), 1u);

  // The endless calendar is a trap: never entered.
  EXPECT_EQ(asked(server, "/fault/calendar?year=2024&month=5"), 0u);
  for (const std::string& line : server.requests()) EXPECT_EQ(line.find("calendar"), std::string::npos) << line;

  // Nothing was fetched twice but what was retried.
  std::map<std::string, int> requests;
  for (const std::string& line : server.requests()) ++requests[line.substr(0, line.rfind(' '))];
  for (const auto& [request, n] : requests) {
    const bool retried = request.find("slow-body") != std::string::npos || request.find("reset") != std::string::npos ||
                         request.find("truncated") != std::string::npos || request.find("flaky") != std::string::npos ||
                         request.find("busy") != std::string::npos || request.find("too-many") != std::string::npos;
    EXPECT_EQ(n, retried ? 2 : 1) << request;
  }
}

// A redirect chain without end (/fault/redir/N -> N+1) is followed 20 hops, in all, across
// the queue: the 20th target's redirect is logged as a trap and counted, not followed.
class RedirectChain : public ::testing::Test {
 protected:
  void SetUp() override { site.write("index.html", "<html><body><a href='/fault/redir/0'>on</a></body></html>"); }
  // How many of /fault/redir/0, 1, ... the server was asked for, each asked once.
  std::size_t chain_asked(const TestServer& server) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < 100; ++i) {
      const std::size_t k = asked(server, "/fault/redir/" + std::to_string(i));
      EXPECT_LE(k, 1u) << i;
      if (k == 0) break;
      ++n;
    }
    return n;
  }
  static std::int64_t captures(const std::filesystem::path& archive) {
    const RunResult stats = fora(archive, {"stats", "--json"});
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    return json::parse(stats.out)["captures"].get<std::int64_t>();
  }
  TempDir site, archive, logs;
};

TEST_F(RedirectChain, IsFollowed20HopsThenLoggedAsATrap) {
  TestServer server(site.path(), {"--faults"});
  const auto log = logs.path() / "crawl.log";
  const RunResult r = fora(archive.path(), {"crawl", "--delay", "0", "--json", "--log", log.string(), server.url("/")});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(chain_asked(server), 21u) << "/fault/redir/0 and the 20 redirects after it";
  EXPECT_EQ(json::parse(r.out)["traps"], 1) << r.out;
  // Every answer is archived: robots.txt, the index page, the 21 redirects.
  EXPECT_EQ(captures(archive.path()), static_cast<std::int64_t>(server.requests().size()));
  EXPECT_EQ(server.requests().size(), 23u);
  auto outcomes = read_log(log, server.base_url());
  ASSERT_FALSE(outcomes["/fault/redir/20"].empty());
  EXPECT_NE(outcomes["/fault/redir/20"].back().find("trap: a redirect chain longer than 20 hops, not followed: " +
                                                    server.url("/fault/redir/21")),
            std::string::npos)
      << joined(outcomes["/fault/redir/20"]);
  EXPECT_EQ(outcomes["/fault/redir/19"].back().find("trap"), std::string::npos) << joined(outcomes["/fault/redir/19"]);
}

// The hops travel with the queued URL through the catalog: a crawl stopped in the middle of
// the chain and resumed follows it no further than one that ran through.
TEST_F(RedirectChain, CountsAcrossAResumedCrawl) {
  TestServer server(site.path(), {"--faults"});
  const auto log = logs.path() / "crawl.log";
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--max-pages", "10", server.url("/")}).exit_code, 0);
  EXPECT_EQ(chain_asked(server), 9u) << "the index page and /fault/redir/0 to 8";
  const RunResult resumed = fora(archive.path(), {"crawl", "--delay", "0", "--log", log.string(), server.url("/")});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_NE(resumed.out.find("resumed an interrupted crawl"), std::string::npos) << resumed.out;
  EXPECT_EQ(chain_asked(server), 21u);
  EXPECT_NE(resumed.out.find("crawl traps: 1"), std::string::npos) << resumed.out;
  auto outcomes = read_log(log, server.base_url());
  ASSERT_FALSE(outcomes["/fault/redir/20"].empty());
  EXPECT_NE(outcomes["/fault/redir/20"].back().find("trap: a redirect chain longer than 20 hops"), std::string::npos)
      << joined(outcomes["/fault/redir/20"]);
}

// A small site under each robots.txt misbehaviour.
class RobotsFault : public ::testing::Test {
 protected:
  void SetUp() override {
    site.write("index.html", "<html><body><a href='/public.html'>p</a> <a href='/private/x.html'>x</a></body></html>");
    site.write("public.html", "<html><body>public</body></html>");
    site.write("private/x.html", "<html><body>private</body></html>");
  }
  RunResult crawl(const TestServer& server) {
    return fora(archive.path(), {"crawl", "--delay", "0", "--retries", "1", "--log",
                                 (logs.path() / "crawl.log").string(), server.url("/")});
  }
  TempDir site, archive, logs;
};

// RFC 9309: an unreachable robots.txt (5xx after the retries) means nothing is fetched, and
// it is asked again later: the pages stay queued, and the same command fetches them once
// robots.txt answers.
TEST_F(RobotsFault, ServerErrorMeansNothingFetchedUntilItAnswers) {
  TestServer server(site.path(), {"--robots", "500:2"});
  crawl(server);
  EXPECT_EQ(asked(server, "/robots.txt"), 2u);
  EXPECT_EQ(asked(server, "/"), 0u);
  auto outcomes = read_log(logs.path() / "crawl.log", server.base_url());
  ASSERT_FALSE(outcomes["/"].empty());
  EXPECT_NE(outcomes["/"].back().find("robots.txt unreachable, left queued"), std::string::npos)
      << joined(outcomes["/"]);

  ASSERT_EQ(crawl(server).exit_code, 0);
  EXPECT_EQ(asked(server, "/robots.txt"), 3u);
  EXPECT_EQ(asked(server, "/"), 1u);
  EXPECT_EQ(asked(server, "/public.html"), 1u);
}

// The same with more of the host queued than its window holds: what waits in the catalog
// stays there, and the crawl ends (it must not read the same queued pages back forever).
TEST_F(RobotsFault, ServerErrorLeavesAWindowedQueueAloneAndEnds) {
  TestServer server(site.path(), {"--robots", "500:2"});
  TempDir lists;
  const auto from = lists.write("urls.txt", server.url("/") + "\n" + server.url("/public.html") + "\n" +
                                                server.url("/private/x.html") + "\n" + server.url("/a.html") + "\n");
  const RunResult r = run({"timeout", "60", FORA_BIN, "--archive", archive.path().string(), "crawl", "--delay", "0",
                           "--retries", "1", "--frontier-window", "2", "--from", from.string()});
  EXPECT_NE(r.exit_code, 124) << "the crawl did not end";
  EXPECT_EQ(asked(server, "/robots.txt"), 2u);
  EXPECT_EQ(server.requests().size(), 2u);
  ASSERT_EQ(crawl(server).exit_code, 0);  // robots.txt answers now
  EXPECT_EQ(asked(server, "/public.html"), 1u);
  EXPECT_EQ(asked(server, "/private/x.html"), 1u);
}

TEST_F(RobotsFault, DisallowAllIsObeyed) {
  TestServer server(site.path(), {"--robots", "disallow-all"});
  crawl(server);
  EXPECT_EQ(server.requests(), std::vector<std::string>{"GET /robots.txt 200"});
}

TEST_F(RobotsFault, AHugeFileIsReadUpToItsLimitAndTheCrawlGoesOn) {
  TestServer server(site.path(), {"--robots", "huge"});
  ASSERT_EQ(crawl(server).exit_code, 0);
  EXPECT_EQ(asked(server, "/public.html"), 1u);
  EXPECT_EQ(asked(server, "/private/x.html"), 1u);
}

// RFC 9309 §2.5: a robots.txt above the body cap is read up to its first 500 KiB, not
// taken as unreachable; its rules there apply, and one past them does not.
TEST_F(RobotsFault, AFileAboveTheBodyCapIsReadUpTo500KiB) {
  TestServer server(site.path(), {"--robots", "vast"});
  ASSERT_EQ(crawl(server).exit_code, 0);
  EXPECT_EQ(asked(server, "/robots.txt"), 1u);
  EXPECT_EQ(asked(server, "/"), 1u);
  EXPECT_EQ(asked(server, "/public.html"), 1u) << "its Disallow stands past the first 500 KiB";
  EXPECT_EQ(asked(server, "/private/x.html"), 0u) << "the file's first lines disallow /private/";
  auto outcomes = read_log(logs.path() / "crawl.log", server.base_url());
  ASSERT_FALSE(outcomes["/robots.txt"].empty());
  EXPECT_EQ(outcomes["/robots.txt"].back().rfind("200 " + std::to_string(500 * 1024) + " robots.txt", 0), 0u)
      << joined(outcomes["/robots.txt"]);
}

TEST_F(RobotsFault, ARedirectIsFollowedAndItsRulesApply) {
  TestServer server(site.path(), {"--robots", "redirect"});
  ASSERT_EQ(crawl(server).exit_code, 0);
  EXPECT_EQ(asked(server, "/fault/robots-moved"), 1u);
  EXPECT_EQ(asked(server, "/public.html"), 1u);
  EXPECT_EQ(asked(server, "/private/x.html"), 0u) << "robots.txt at its new address disallows /private/";
}

// robots.txt is trusted for --robots-max-age seconds (a day by default), then read again.
TEST_F(RobotsFault, IsReadAgainWhenOlderThanItsMaxAge) {
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0.6", "--robots-max-age", "1", server.url("/")}).exit_code, 0);
  EXPECT_GE(asked(server, "/robots.txt"), 2u);
  EXPECT_EQ(asked(server, "/public.html"), 1u);
  EXPECT_EQ(asked(server, "/private/x.html"), 1u);
}

// A host that does not resolve fails alone; the other site is crawled all the same.
TEST_F(RobotsFault, AnUnresolvableHostDoesNotStopTheOthers) {
  TestServer server(site.path());
  const RunResult r = fora(archive.path(), {"crawl", "--delay", "0", "--log", (logs.path() / "crawl.log").string(),
                                            "http://fora-test-host.invalid/", server.url("/")});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(asked(server, "/public.html"), 1u);
  auto outcomes = read_log(logs.path() / "crawl.log", "");
  const auto& robots = outcomes["http://fora-test-host.invalid/robots.txt"];
  ASSERT_FALSE(robots.empty());
  EXPECT_NE(robots.back().find("error: "), std::string::npos) << joined(robots);
}

// Several sites from --from FILE: each has its own queue and politeness, so a slow one (each
// page 3 s late) holds up no other.
TEST(ManySites, ASlowHostDoesNotStallTheOthers) {
  TempDir slow_site, fast_site, archive, logs;
  std::string slow_index = "<html><body>";
  for (int i = 0; i < 4; ++i)
    slow_index += "<a href='/fault/slow-first-byte?ms=3000&amp;n=" + std::to_string(i) + "'>slow</a> ";
  slow_site.write("index.html", slow_index + "</body></html>");
  std::string fast_index = "<html><body>";
  for (int i = 0; i < 10; ++i) {
    fast_index += "<a href='/p" + std::to_string(i) + ".html'>p</a> ";
    fast_site.write("p" + std::to_string(i) + ".html", "<html><body>page</body></html>");
  }
  fast_site.write("index.html", fast_index + "</body></html>");
  TestServer slow(slow_site.path(), {"--faults"});
  TestServer fast(fast_site.path());
  const auto list = logs.path() / "sites.txt";
  std::ofstream(list) << "# the sites\n" << slow.url("/") << "\n\n" << fast.url("/") << "  # the fast one\n";
  const auto log = logs.path() / "crawl.log";
  const RunResult r = fora(archive.path(), {"crawl", "--delay", "0", "--per-host", "1", "--from", list.string(),
                                            "--log", log.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // The log in order: every fast page comes before the second slow page (3 s after the first).
  std::vector<std::string> order;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) order.push_back(line);
  std::size_t slow_pages = 0, fast_pages = 0;
  for (const std::string& line : order) {
    if (line.find("slow-first-byte") != std::string::npos) ++slow_pages;
    if (line.find(fast.base_url() + "/p") != std::string::npos) {
      ++fast_pages;
      EXPECT_LE(slow_pages, 1u) << "a fast page waited for the slow host:\n" << line;
    }
  }
  EXPECT_EQ(fast_pages, 10u);
  EXPECT_EQ(slow_pages, 4u);
}

// How far a crawl goes: --max-depth counts links from the start URL, --scope prefix keeps to
// the start folder, --exclude drops what a pattern finds.
class CrawlLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    site.write("index.html", "<html><body><a href='/a.html'>a</a> <a href='/blog/x.html'>x</a></body></html>");
    site.write("a.html", "<html><body><a href='/b.html'>b</a></body></html>");
    site.write("b.html", "<html><body><a href='/c.html'>c</a></body></html>");
    site.write("c.html", "<html><body>c</body></html>");
    site.write("blog/x.html", "<html><body><a href='/blog/y.html'>y</a> <a href='/a.html'>a</a></body></html>");
    site.write("blog/y.html", "<html><body>y</body></html>");
  }
  std::vector<std::string> fetched(const TestServer& server) {
    std::vector<std::string> out;
    for (const std::string& line : server.requests())
      if (line.find("robots.txt") == std::string::npos) out.push_back(line.substr(4, line.rfind(' ') - 4));
    std::sort(out.begin(), out.end());
    return out;
  }
  TempDir site, archive;
};

TEST_F(CrawlLimits, MaxDepthCountsLinksFromTheStart) {
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--max-depth", "1", server.url("/")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/", "/a.html", "/blog/x.html"}));
}

TEST_F(CrawlLimits, PrefixScopeKeepsToTheStartFolder) {
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--scope", "prefix", server.url("/blog/x.html")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/blog/x.html", "/blog/y.html"}));
}

TEST_F(CrawlLimits, ExcludeDropsWhatThePatternFinds) {
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--exclude", "/(a|blog/y)\\.html$", server.url("/")}).exit_code, 0);
  EXPECT_EQ(fetched(server), (std::vector<std::string>{"/", "/blog/x.html"}));
}

TEST_F(CrawlLimits, ABadPatternIsAnErrorNamingIt) {
  const RunResult r = fora(archive.path(), {"crawl", "--include", "([", "http://127.0.0.1:9/"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--include '(['"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace fora::test
