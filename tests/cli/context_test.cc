// command_name(): the command a run's line names, read back from the line main() writes.
#include "context.h"

#include <gtest/gtest.h>

namespace fora::cli {
namespace {

TEST(CommandName, IsTheFirstWordThatIsNoGlobalOptionNorItsValue) {
  EXPECT_EQ(command_name("crawl --delay 0 http://127.0.0.1:8080/"), "crawl");
  EXPECT_EQ(command_name("--archive /tmp/a update --quiet"), "update");
  EXPECT_EQ(command_name("--archive crawl --profiles update index"), "index");  // values named like commands
  EXPECT_EQ(command_name("--archive '/tmp/my crawl' import crawl.warc"), "import");  // a quoted value with a space
  EXPECT_EQ(command_name("--archive=/tmp/a crawl http://x/"), "crawl");
  EXPECT_EQ(command_name("--archive /tmp/a"), "");
  EXPECT_EQ(command_name(""), "");
}

}  // namespace
}  // namespace fora::cli
