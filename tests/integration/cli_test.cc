// The command line itself: help, version, archive location, and errors that name what was
// wrong with a non-zero exit.
#include <gtest/gtest.h>

#include "fora_run.h"
#include "support/temp_dir.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

TEST(Cli, VersionAndHelpAreUseful) {
  auto v = run({FORA_BIN, "--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("fora ", 0), 0u) << v.out;
  auto h = run({FORA_BIN, "--help"});
  EXPECT_EQ(h.exit_code, 0);
  for (const char* cmd : {"crawl", "index", "search", "show", "stats"}) {
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
  EXPECT_NE(r.err.find("fora index"), std::string::npos) << r.err;
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

}  // namespace
}  // namespace fora::test
