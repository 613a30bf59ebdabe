// fora-testserver's contract, checked with raw HTTP over a socket (a real client would clean
// up "..", which is exactly what must be tested here).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <fstream>

#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Sends `requests` (complete HTTP requests) on one connection, returns all that comes back
// until the server closes it (the last request should say Connection: close).
std::string exchange(unsigned short port, const std::string& requests) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
  asio::write(socket, asio::buffer(requests));
  std::string out;
  boost::system::error_code ec;
  asio::read(socket, asio::dynamic_buffer(out), ec);  // until EOF
  return out;
}

std::string request(const std::string& method, const std::string& target, bool close = true) {
  return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
         (close ? "Connection: close\r\n" : "") + "\r\n";
}

class TestServerTest : public ::testing::Test {
 protected:
  TestServerTest() {
    site_.write("index.html", "home");
    site_.write("a b/page.html", "spaced");
    site_.write("feed/index.xml", "<rss/>");
    site_.write("robots.txt", "User-agent: *\n");
    site_.write("style.css", "body{}");
    site_.write("data.bin", "\x01\x02");
    site_.write("img.png", "png");
    site_.write("viewtopic.php@t=7&start=10.html", "page two");
    site_.write("index.php.html", "board index");
    site_.write("t/slug/12.html", "topic");
  }
  std::string get(const std::string& target) {
    return exchange(server_.port(), request("GET", target));
  }

  TempDir site_;
  TestServer server_{site_.path()};
};

TEST_F(TestServerTest, ServesIndexHtmlForASlashPath) {
  const std::string r = get("/");
  EXPECT_EQ(r.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << r;
  EXPECT_NE(r.find("Content-Type: text/html; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(r.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_TRUE(r.ends_with("\r\n\r\nhome"));
}

TEST_F(TestServerTest, FallsBackToIndexXml) {
  const std::string r = get("/feed/");
  EXPECT_EQ(r.rfind("HTTP/1.1 200", 0), 0u) << r;
  EXPECT_NE(r.find("Content-Type: application/xml\r\n"), std::string::npos);
  EXPECT_TRUE(r.ends_with("<rss/>"));
}

TEST_F(TestServerTest, RedirectsAFolderToItsSlashForm) {
  const std::string r = get("/feed?x=1");
  EXPECT_EQ(r.rfind("HTTP/1.1 301", 0), 0u) << r;
  EXPECT_NE(r.find("Location: /feed/?x=1\r\n"), std::string::npos) << r;
}

TEST_F(TestServerTest, ServesAPageThatIsAlsoAFolderFromItsHtmlFile) {
  site_.write("forum/channel.html", "channel");
  site_.write("forum/channel/12-topic.html", "topic");
  EXPECT_TRUE(get("/forum/channel").ends_with("channel"));
  EXPECT_TRUE(get("/forum/channel/12-topic").ends_with("topic"));
}

TEST_F(TestServerTest, IgnoresTheQueryAndDecodesThePath) {
  const std::string r = get("/a%20b/page.html?replytocom=5");
  EXPECT_TRUE(r.ends_with("spaced")) << r;
  EXPECT_EQ(server_.requests(), std::vector<std::string>{"GET /a%20b/page.html?replytocom=5 200"});
}

TEST_F(TestServerTest, ServesSavedDynamicPagesByQuery) {
  EXPECT_TRUE(get("/viewtopic.php?t=7&start=10").ends_with("page two"));
  EXPECT_EQ(get("/viewtopic.php?t=7&start=20").rfind("HTTP/1.1 404", 0), 0u);
  EXPECT_EQ(get("/viewtopic.php").rfind("HTTP/1.1 404", 0), 0u);
}

TEST_F(TestServerTest, ServesExtensionlessAddressesFromTheirHtmlFile) {
  const std::string r = get("/t/slug/12");
  EXPECT_TRUE(r.ends_with("topic")) << r;
  EXPECT_NE(r.find("Content-Type: text/html; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_TRUE(get("/index.php").ends_with("board index"));
}

TEST_F(TestServerTest, RejectsDotDotAndNul) {
  for (const char* target :
       {"/../etc/passwd", "/feed/../../x", "/%2e%2e/x", "/a%00b", "/%zz", "relative"}) {
    const std::string r = get(target);
    EXPECT_EQ(r.rfind("HTTP/1.1 400", 0), 0u) << target << "\n" << r;
  }
}

TEST_F(TestServerTest, MissingIsA404WithAnHtmlBody) {
  const std::string r = get("/nope/");
  EXPECT_EQ(r.rfind("HTTP/1.1 404", 0), 0u) << r;
  EXPECT_NE(r.find("text/html"), std::string::npos);
  EXPECT_NE(r.find("<html>"), std::string::npos);
  EXPECT_EQ(get("/nope.html").rfind("HTTP/1.1 404", 0), 0u);
}

TEST_F(TestServerTest, HeadSendsHeadersWithoutBody) {
  const std::string r = exchange(server_.port(), request("HEAD", "/robots.txt"));
  EXPECT_EQ(r.rfind("HTTP/1.1 200", 0), 0u) << r;
  EXPECT_NE(r.find("Content-Length: 14\r\n"), std::string::npos) << r;
  EXPECT_NE(r.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_TRUE(r.ends_with("\r\n\r\n")) << r;
}

TEST_F(TestServerTest, OtherMethodsAreRefused) {
  const std::string r = exchange(server_.port(), request("POST", "/"));
  EXPECT_EQ(r.rfind("HTTP/1.1 405", 0), 0u) << r;
}

TEST_F(TestServerTest, ContentTypesByExtension) {
  EXPECT_NE(get("/style.css").find("Content-Type: text/css\r\n"), std::string::npos);
  EXPECT_NE(get("/img.png").find("Content-Type: image/png\r\n"), std::string::npos);
  EXPECT_NE(get("/data.bin").find("Content-Type: application/octet-stream\r\n"), std::string::npos);
}

TEST_F(TestServerTest, KeepsConnectionsAlive) {
  const std::string r =
      exchange(server_.port(), request("GET", "/", false) + request("GET", "/robots.txt"));
  EXPECT_EQ(r.find("HTTP/1.1 200"), 0u);
  EXPECT_NE(r.find("HTTP/1.1 200", 10), std::string::npos) << r;
  EXPECT_EQ(server_.requests(), (std::vector<std::string>{"GET / 200", "GET /robots.txt 200"}));
}

TEST_F(TestServerTest, LogCanBeCleared) {
  get("/");
  server_.clear_requests();
  get("/robots.txt");
  EXPECT_EQ(server_.requests(), std::vector<std::string>{"GET /robots.txt 200"});
}

TEST_F(TestServerTest, ExitsZeroOnSigterm) {
  const RunResult r = server_.stop();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.out.rfind("listening on 127.0.0.1:", 0), 0u);
}

TEST(TestServerUsage, MissingRootExitsTwoWithAMessage) {
  const RunResult r = run({FORA_TESTSERVER_BIN});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--root"), std::string::npos) << r.err;
  const RunResult missing = run({FORA_TESTSERVER_BIN, "--root", "/nonexistent/fora"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(Subprocess, CapturesExitCodeStdoutStderrAndEnvironment) {
  const RunResult r =
      run({"sh", "-c", "echo out; echo err >&2; echo $FORA_X; exit 3"}, {{"FORA_X", "set"}});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "out\nset\n");
  EXPECT_EQ(r.err, "err\n");
}

TEST(Subprocess, KillsAChildThatOverstays) {
  const RunResult r = run(SpawnOptions{{"sleep", "30"}, {}, {}}, std::chrono::milliseconds(200));
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, 128 + 9);
}

TEST(Subprocess, ReportsAProgramThatCannotStart) {
  EXPECT_THROW(run({"/nonexistent/fora-program"}), std::runtime_error);
}

}  // namespace
}  // namespace fora::test
