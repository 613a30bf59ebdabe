// The command line itself: help, version, archive location, and errors that name what was
// wrong with a non-zero exit.
#include <gtest/gtest.h>

#include <fstream>

#include "fora_run.h"
#include "support/forum_site.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

TEST(Cli, VersionAndHelpAreUseful) {
  auto v = run({FORA_BIN, "--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("fora ", 0), 0u) << v.out;
  auto h = run({FORA_BIN, "--help"});
  EXPECT_EQ(h.exit_code, 0);
  for (const char* cmd : {"crawl", "index", "search", "show", "stats", "extract", "profiles", "log"}) {
    EXPECT_NE(h.out.find(cmd), std::string::npos) << cmd;
  }
  auto sh = run({FORA_BIN, "search", "--help"});
  EXPECT_NE(sh.out.find("author:"), std::string::npos) << "search --help shows the query syntax";
}

TEST(Cli, UnknownCommandIsUsageError) {
  EXPECT_EQ(run({FORA_BIN, "frobnicate"}).exit_code, 2);
  EXPECT_EQ(run({FORA_BIN}).exit_code, 2);
}

TEST(Cli, SearchWithoutArchiveSaysWhatToDo) {
  TempDir dir;
  auto r = fora(dir.path() / "none", {"search", "soyuz"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no archive"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fora crawl"), std::string::npos) << r.err;
  auto s = fora(dir.path() / "none", {"stats"});
  EXPECT_EQ(s.exit_code, 3);
  EXPECT_NE(s.err.find("no archive"), std::string::npos) << s.err;
}

TEST(Cli, BadStartUrlIsRejectedBeforeAnythingIsWritten) {
  TempDir dir;
  auto r = fora(dir.path() / "a", {"crawl", "not a url"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("not a url"), std::string::npos) << r.err;
  auto f = fora(dir.path() / "a", {"crawl", "ftp://127.0.0.1/"});
  EXPECT_EQ(f.exit_code, 2) << f.err;
}

TEST(Cli, ArchiveLocationFollowsEnvironment) {
  TempDir dir;
  // An unreachable port: the crawl fails fast but still creates the archive where it should.
  const std::string url = "http://127.0.0.1:9/";
  auto by_env = run({FORA_BIN, "crawl", "--delay", "0", url}, {{"FORA_ARCHIVE", (dir.path() / "env").string()}});
  EXPECT_TRUE(fs::exists(dir.path() / "env" / "catalog.db")) << by_env.err;
  auto by_xdg = run({FORA_BIN, "crawl", "--delay", "0", url},
                    {{"FORA_ARCHIVE", ""}, {"XDG_DATA_HOME", (dir.path() / "xdg").string()}});
  EXPECT_TRUE(fs::exists(dir.path() / "xdg" / "fora" / "catalog.db")) << by_xdg.err;
  EXPECT_TRUE(fs::is_directory(dir.path() / "xdg" / "fora" / "snapshots"));
  EXPECT_TRUE(fs::is_directory(dir.path() / "xdg" / "fora" / "index"));
}

TEST(Cli, ShowUnknownIdIsNotFound) {
  TempDir dir;
  (void)fora(dir.path(), {"crawl", "--delay", "0", "http://127.0.0.1:9/"});
  auto r = fora(dir.path(), {"show", "424242"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("424242"), std::string::npos) << r.err;
}

// An ID or a count is plain decimal digits within range: CLI11 alone read 0x10 as 16, 010 as
// 8, -1 as the largest size_t, "" as 0, and clamped 99999999999999999999 to the largest int64.
TEST(Cli, MalformedIdsAndNumbersAreRefusedNamingThem) {
  TempDir dir;
  (void)fora(dir.path(), {"crawl", "--delay", "0", "http://127.0.0.1:9/"});
  for (const std::string id : {"99999999999999999999", "9223372036854775808", "0x10", "", "1e3", "+5",
                               " 7", "12abc", "-0"}) {
    auto r = fora(dir.path(), {"show", "--", id});
    EXPECT_EQ(r.exit_code, 2) << "show '" << id << "': " << r.err;
    EXPECT_NE(r.err.find(id.empty() ? "''" : id), std::string::npos) << r.err;
  }
  // Leading zeros are decimal, not octal.
  auto octal = fora(dir.path(), {"show", "010"});
  EXPECT_EQ(octal.exit_code, 3) << octal.err;
  EXPECT_NE(octal.err.find("ID 10"), std::string::npos) << octal.err;
  EXPECT_NE(fora(dir.path(), {"show", "9223372036854775807"}).exit_code, 2) << "the largest ID is an ID";

  // Each with the value the message must name.
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
      {{"search", "--limit", "0x10", "soyuz"}, "0x10"},
      {{"search", "--limit=-1", "soyuz"}, "-1"},
      {{"search", "--offset", "1e2", "soyuz"}, "1e2"},
      {{"search", "-n", "99999999999999999999999", "soyuz"}, "99999999999999999999999"},
      {{"log", "-n", "0x3"}, "0x3"},
      {{"compact", "--level", "0x13"}, "0x13"},
      {{"crawl", "--delay", "nan", "http://127.0.0.1:9/"}, "nan"},
      {{"crawl", "--delay", "0x1p3", "http://127.0.0.1:9/"}, "0x1p3"},
      {{"crawl", "--max-pages", "1e3", "http://127.0.0.1:9/"}, "1e3"},
      {{"update", "--delay=-1"}, "-1"}};
  for (const auto& [args, value] : bad) {
    auto r = fora(dir.path(), args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << ": " << r.err;
    EXPECT_NE(r.err.find("'" + value + "'"), std::string::npos) << r.err;
  }
}

// fora extract on a page saved from a generated phpBB board (tests/support/forum_site.h):
// what the generator wrote is what extract reports, as text, as JSON lines, and as links.
TEST(Cli, ExtractReadsAFileAndAUrlAndSaysWhichReaderAndWhy) {
  TempDir site;
  const ForumSite board = write_phpbb_site(site.path());
  const SiteTopic& topic = board.topics.front();
  const fs::path page = site.path() / ("viewtopic.php@t=" + topic.id + ".html");
  const std::string url = "http://127.0.0.1/viewtopic.php?t=" + topic.id;

  auto text = run({FORA_BIN, "extract", "--url", url, page.string()}, {{"NO_COLOR", "1"}});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("reader: profile:phpbb"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("why: "), std::string::npos);
  EXPECT_NE(text.out.find(topic.title), std::string::npos);

  auto lines = json_lines(run({FORA_BIN, "extract", "--json", "--url", url, page.string()}).out);
  const std::size_t on_page = std::min<std::size_t>(topic.posts.size(), 10);
  ASSERT_EQ(lines.size(), on_page);
  EXPECT_EQ(lines[0]["type"], "post");
  EXPECT_EQ(lines[0]["native_id"], topic.posts[0].id);
  EXPECT_EQ(lines[0]["author"], topic.posts[0].author);
  EXPECT_EQ(lines[0]["date_precision"], "no-zone");  // phpBB prints board time without a zone
  EXPECT_EQ(lines[0]["v"], 1);

  auto links = run({FORA_BIN, "extract", "--links", "--url", url, page.string()});
  EXPECT_EQ(links.out.find("posting.php"), std::string::npos) << links.out;
  EXPECT_EQ(links.out.find("sid="), std::string::npos) << links.out;

  TestServer server(site.path());
  auto fetched = run({FORA_BIN, "extract", "--json", server.url("/viewtopic.php?t=" + topic.id)});
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err;
  EXPECT_EQ(json_lines(fetched.out).size(), on_page);
  EXPECT_EQ(run({FORA_BIN, "extract", server.url("/no-such-page")}).exit_code, 1);
  EXPECT_EQ(run({FORA_BIN, "extract", "/no/such/file.html"}).exit_code, 3);
}

TEST(Cli, CrawlLogsEachRequestSummarisesAsJsonAndFailsWhenNothingCame) {
  TempDir site, archive, logs;
  const ForumSite board = write_phpbb_site(site.path());
  TestServer server(site.path());
  const fs::path log = logs.path() / "crawl.log";
  auto r = run({FORA_BIN, "--archive", archive.path().string(), "crawl", "--delay", "0", "--json", "--log",
                log.string(), server.url("/")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t first_requests = server.requests().size();
  const json summary = json::parse(r.out);
  EXPECT_EQ(summary["thread_pages"], board.topic_pages.size());
  EXPECT_EQ(summary["outcomes"]["thread page"], board.topic_pages.size());
  EXPECT_EQ(summary["hosts"].size(), 1u);
  std::ifstream in(log);
  std::size_t lines = 0, threads = 0;
  for (std::string line; std::getline(in, line); ++lines)
    if (line.find("thread page (profile:phpbb)") != std::string::npos) ++threads;
  EXPECT_EQ(lines, server.requests().size()) << "one line per request";
  EXPECT_EQ(threads, board.topic_pages.size());

  // phpBB prints board time without a zone: show says how much of the date the page gave.
  auto shown = run({FORA_BIN, "--archive", archive.path().string(), "show", "2"}, {{"NO_COLOR", "1"}});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("(no-zone)"), std::string::npos) << shown.out;
  ASSERT_EQ(run({FORA_BIN, "--archive", archive.path().string(), "index"}).exit_code, 0);
  auto hits = json_lines(run({FORA_BIN, "--archive", archive.path().string(), "search", "--json", "type:post"}).out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["date_precision"], "no-zone");
  // A search never loads libcurl (and the libraries it pulls in): loading them was most of a
  // search's time. The crawl above did load it, when it first fetched.
  auto loaded = run({FORA_BIN, "--archive", archive.path().string(), "search", "--count", "type:post"},
                    {{"LD_DEBUG", "files"}});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_NE(loaded.err.find("libxapian.so"), std::string::npos) << "LD_DEBUG=files names what is loaded";
  EXPECT_EQ(loaded.err.find("libcurl.so"), std::string::npos) << loaded.err;

  const std::size_t before_quiet = server.requests().size();
  auto quiet = run({FORA_BIN, "--archive", archive.path().string(), "crawl", "-q", "--delay", "0", server.url("/")});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_TRUE(quiet.out.empty()) << quiet.out;

  // Port 1 on the loopback refuses connections: nothing can be fetched.
  auto nothing = run({FORA_BIN, "--archive", archive.path().string(), "crawl", "--timeout", "5", "http://127.0.0.1:1/"});
  EXPECT_EQ(nothing.exit_code, 1) << nothing.out << nothing.err;
  EXPECT_NE(nothing.err.find("nothing could be fetched"), std::string::npos) << nothing.err;

  // Each run is in the log, newest first, with what it did and how it ended.
  auto logged = run({FORA_BIN, "--archive", archive.path().string(), "log", "--json"});
  ASSERT_EQ(logged.exit_code, 0) << logged.err;
  const auto runs = json_lines(logged.out);
  ASSERT_EQ(runs.size(), 4u) << logged.out;
  EXPECT_EQ(runs[0]["exit_code"], 1);
  EXPECT_NE(runs[0]["outcome"].get<std::string>().find("nothing could be fetched"), std::string::npos);
  EXPECT_EQ(runs[0]["command"], "--archive " + archive.path().string() + " crawl --timeout 5 http://127.0.0.1:1/");
  EXPECT_EQ(runs[1]["outcome"], "ok");
  EXPECT_EQ(runs[1]["pages_fetched"], server.requests().size() - before_quiet);
  EXPECT_EQ(runs[1]["new"], 0);
  EXPECT_EQ(runs[1]["edited"], 0);
  EXPECT_EQ(runs[2]["command"], "--archive " + archive.path().string() + " index");
  EXPECT_EQ(runs[3]["pages_fetched"], first_requests);
  EXPECT_EQ(runs[3]["new"], board.post_count());
  EXPECT_EQ(runs[3]["edited"], 0);
  for (const auto& one : runs) {
    EXPECT_FALSE(one["ended"].is_null());
    EXPECT_GE(one["ended"].get<std::string>(), one["started"].get<std::string>());  // ISO 8601 UTC sorts as text
  }
  auto table = run({FORA_BIN, "--archive", archive.path().string(), "log", "-n", "1"});
  EXPECT_NE(table.out.find("crawl --timeout 5 http://127.0.0.1:1/: exit 1: nothing could be fetched"),
            std::string::npos) << table.out;
}

TEST(Cli, ProfilesListsWhereEachCameFromAndABrokenOneIsNamed) {
  TempDir config;
  auto listed = run({FORA_BIN, "profiles"}, {{"XDG_CONFIG_HOME", config.path().string()}});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  for (const char* name : {"phpbb", "xenforo", "vbulletin", "discourse", "wordpress"})
    EXPECT_NE(listed.out.find(std::string(name) + "  "), std::string::npos) << name;
  config.write("fora/profiles/mine.toml", "name = 'mine'\n[comment]\nnodes = \"//li[\"\n");
  auto broken = run({FORA_BIN, "profiles"}, {{"XDG_CONFIG_HOME", config.path().string()}});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("mine.toml:3: key 'comment.nodes'"), std::string::npos) << broken.err;
}

}  // namespace
}  // namespace fora::test
