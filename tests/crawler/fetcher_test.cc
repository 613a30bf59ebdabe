// Fetcher against the real fora-testserver (and, for failures, against sockets that refuse
// or never answer), all on 127.0.0.1.
#include "fora/crawler/fetcher.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <ctime>
#include <map>

#include "fora/archive/http_message.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::crawler {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

class FetcherTest : public ::testing::Test {
 protected:
  FetcherTest() {
    site_.write("page.html", "<html><body>Soyuz</body></html>\n");
    site_.write("dir/index.html", "folder index\n");
    site_.write("big.txt", std::string(100 * 1024, 'x'));
    for (int i = 0; i < 50; ++i)
      site_.write("p/" + std::to_string(i) + ".txt", "body " + std::to_string(i));
    server_ = std::make_unique<test::TestServer>(site_.path());
  }

  // Fetches one URL and runs the loop until its callback has run.
  Result<archive::Response> fetch_one(const std::string& url, FetcherOptions options = {},
                                      std::size_t keep_first = 0) {
    Fetcher fetcher(io_, std::move(options));
    std::optional<Result<archive::Response>> out;
    int calls = 0;
    fetcher.fetch(url, [&](Result<archive::Response> r) {
      ++calls;
      out.emplace(std::move(r));
    }, {}, keep_first);
    run_until([&] { return out.has_value(); });
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(fetcher.in_flight(), 0u);
    if (!out) return make_error(Errc::Internal, "callback never ran");
    return *out;
  }

  // Runs the loop until `done()` holds, failing after 20 s.
  template <typename Pred>
  void run_until(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    io_.restart();
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      io_.run_for(std::chrono::milliseconds(50));
      io_.restart();
    }
    ASSERT_TRUE(done()) << "timed out waiting for the fetches";
  }

  test::TempDir site_;
  std::unique_ptr<test::TestServer> server_;
  asio::io_context io_;
};

// A TCP port on 127.0.0.1 with nobody listening.
unsigned short closed_port(asio::io_context& io) {
  tcp::acceptor a(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  const unsigned short port = a.local_endpoint().port();
  a.close();
  return port;
}

TEST_F(FetcherTest, KeepsTheRequestAndTheChunksAsTheyWent) {
  test::TestServer faults(site_.path(), {"--faults"});
  auto r = fetch_one(faults.url("/fault/chunked"), {.user_agent = "fora-test/1"});
  ASSERT_TRUE(r) << r.error().message;
  // The request as curl sent it, for the WARC request record.
  EXPECT_TRUE(r->request.starts_with("GET /fault/chunked HTTP/1.1\r\n")) << r->request;
  EXPECT_NE(r->request.find("\r\nUser-Agent: fora-test/1\r\n"), std::string::npos) << r->request;
  EXPECT_TRUE(r->request.ends_with("\r\n\r\n"));
  // The body as received keeps its chunks; the body is the page they carry.
  EXPECT_TRUE(r->body.starts_with("<!DOCTYPE html>")) << r->body.substr(0, 40);
  EXPECT_TRUE(r->body.ends_with("</html>\n") || r->body.ends_with("</html>")) << r->body.substr(r->body.size() - 20);
  EXPECT_EQ(r->body.find("\r\n2bc\r\n"), std::string::npos);
  EXPECT_TRUE(r->body_as_received.starts_with("2bc\r\n")) << r->body_as_received.substr(0, 10);
  EXPECT_TRUE(r->body_as_received.ends_with("\r\n0\r\n\r\n"));
  EXPECT_EQ(*archive::dechunk(r->body_as_received), r->body);
  EXPECT_GT(r->body.size(), 1400u);

  // An unchunked answer keeps one copy only.
  auto plain = fetch_one(server_->url("/page.html"));
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->body_as_received.empty());
  EXPECT_FALSE(plain->request.empty());
}

TEST_F(FetcherTest, ReturnsStatusHeadersAndBody) {
  const std::string url = server_->url("/page.html");
  const auto before = std::time(nullptr);
  auto r = fetch_one(url);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->url, url);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<html><body>Soyuz</body></html>\n");
  EXPECT_EQ(r->content_type, "text/html; charset=UTF-8");
  EXPECT_EQ(r->headers.rfind("HTTP/1.1 200", 0), 0u) << r->headers;
  EXPECT_NE(r->headers.find("\r\nContent-Length: 32\r\n"), std::string::npos) << r->headers;
  EXPECT_TRUE(r->headers.ends_with("\r\n\r\n"));
  EXPECT_GE(r->fetched_at, before);
  // The fetcher reads the system clock as std::chrono does; std::time() may read a coarser
  // one that lags it by a tick across a second's edge, so "now" is read the same way here.
  EXPECT_LE(r->fetched_at, std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count());
  EXPECT_EQ(server_->requests(), std::vector<std::string>{"GET /page.html 200"});  // GET, not HEAD
}

TEST_F(FetcherTest, NotFoundIsAResponseNotAnError) {
  auto r = fetch_one(server_->url("/missing.html"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("404"), std::string::npos);
}

TEST_F(FetcherTest, DoesNotFollowRedirects) {
  auto r = fetch_one(server_->url("/dir?x=1"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 301);
  EXPECT_NE(r->headers.find("\r\nLocation: /dir/?x=1\r\n"), std::string::npos) << r->headers;
  EXPECT_EQ(server_->requests(), std::vector<std::string>{"GET /dir?x=1 301"});
}

TEST_F(FetcherTest, BodyAboveTheLimitIsAnError) {
  FetcherOptions options;
  options.max_body_bytes = 10 * 1024;
  auto r = fetch_one(server_->url("/big.txt"), options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Network);
  EXPECT_NE(r.error().message.find("larger than 10240 bytes"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("/big.txt"), std::string::npos);
}

TEST_F(FetcherTest, BodyAtTheLimitIsFine) {
  FetcherOptions options;
  options.max_body_bytes = 100 * 1024;
  auto r = fetch_one(server_->url("/big.txt"), options);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->body.size(), 100u * 1024);
}

// robots.txt is read only in part: the transfer stops at keep_first bytes (at most the
// body cap), and what came is the answer, marked truncated.
TEST_F(FetcherTest, KeepsOnlyTheFirstBytesWhenAsked) {
  auto r = fetch_one(server_->url("/big.txt"), {}, 10 * 1024);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, std::string(10 * 1024, 'x'));
  EXPECT_TRUE(r->truncated);
  FetcherOptions small;
  small.max_body_bytes = 4 * 1024;
  auto capped = fetch_one(server_->url("/big.txt"), small, 10 * 1024);
  ASSERT_TRUE(capped) << capped.error().message;
  EXPECT_EQ(capped->body.size(), 4u * 1024);
  EXPECT_TRUE(capped->truncated);
  // A body shorter than that is whole.
  auto whole = fetch_one(server_->url("/page.html"), {}, 10 * 1024);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->body, "<html><body>Soyuz</body></html>\n");
  EXPECT_FALSE(whole->truncated);
  // Cut inside a chunk: the chunks as far as they came, de-chunked.
  test::TestServer faults(site_.path(), {"--faults"});
  auto chunked = fetch_one(faults.url("/fault/chunked"), {}, 1000);
  ASSERT_TRUE(chunked) << chunked.error().message;
  EXPECT_TRUE(chunked->truncated);
  EXPECT_EQ(chunked->body_as_received.size(), 1000u);
  EXPECT_TRUE(chunked->body.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(chunked->body.find("\r\n"), std::string::npos);
  EXPECT_LT(chunked->body.size(), 1000u);
}

TEST_F(FetcherTest, ConnectionRefusedIsANetworkError) {
  const std::string url = "http://127.0.0.1:" + std::to_string(closed_port(io_)) + "/";
  auto r = fetch_one(url);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Network);
  EXPECT_NE(r.error().message.find(url), std::string::npos) << r.error().message;
}

TEST_F(FetcherTest, SilentServerTimesOut) {
  // Accepts connections in the kernel's backlog, never answers.
  tcp::acceptor silent(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  FetcherOptions options;
  options.timeout_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  auto r = fetch_one("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/",
                     options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::Network);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(FetcherTest, UrlThatIsNotHttpIsRefusedThroughTheCallback) {
  auto r = fetch_one("ftp://127.0.0.1/x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::InvalidArgument);
}

TEST_F(FetcherTest, FiftyParallelFetchesEachCompleteExactlyOnce) {
  Fetcher fetcher(io_, {});
  std::map<std::string, int> calls;
  std::map<std::string, std::string> bodies;
  for (int i = 0; i < 50; ++i) {
    const std::string url = server_->url("/p/" + std::to_string(i) + ".txt");
    fetcher.fetch(url, [&, url](Result<archive::Response> r) {
      ++calls[url];
      bodies[url] = r ? r->body : "ERROR " + r.error().message;
    });
  }
  EXPECT_EQ(fetcher.in_flight(), 50u);
  run_until([&] { return calls.size() == 50; });
  io_.run_for(std::chrono::milliseconds(100));  // a second callback would show up here
  ASSERT_EQ(calls.size(), 50u);
  for (int i = 0; i < 50; ++i) {
    const std::string url = server_->url("/p/" + std::to_string(i) + ".txt");
    EXPECT_EQ(calls[url], 1) << url;
    EXPECT_EQ(bodies[url], "body " + std::to_string(i));
  }
  EXPECT_EQ(fetcher.in_flight(), 0u);
  EXPECT_EQ(server_->requests().size(), 50u);
}

TEST_F(FetcherTest, TheLoopRunsOutOfWorkWhenAllFetchesAreDone) {
  Fetcher fetcher(io_, {});
  int calls = 0;
  for (const char* path : {"/page.html", "/nope", "/dir"}) {
    fetcher.fetch(server_->url(path), [&](Result<archive::Response>) { ++calls; });
  }
  const auto start = std::chrono::steady_clock::now();
  io_.run_for(std::chrono::seconds(10));  // returns early only when nothing is left to wait for
  EXPECT_EQ(calls, 3);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(FetcherTest, CallbackMayStartTheNextFetch) {
  Fetcher fetcher(io_, {});
  std::vector<int> statuses;
  fetcher.fetch(server_->url("/page.html"), [&](Result<archive::Response> r) {
    statuses.push_back(r ? r->status : -1);
    fetcher.fetch(server_->url("/nope"),
                  [&](Result<archive::Response> r2) { statuses.push_back(r2 ? r2->status : -1); });
  });
  run_until([&] { return statuses.size() == 2; });
  EXPECT_EQ(statuses, (std::vector<int>{200, 404}));
}

TEST_F(FetcherTest, CancelAllCallsEveryCallbackOnceWithCancelled) {
  tcp::acceptor silent(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  const std::string base = "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port());
  Fetcher fetcher(io_, {});
  std::map<std::string, int> calls;
  std::map<std::string, Errc> codes;
  for (int i = 0; i < 10; ++i) {
    const std::string url = base + "/" + std::to_string(i);
    fetcher.fetch(url, [&, url](Result<archive::Response> r) {
      ++calls[url];
      codes[url] = r ? Errc::Internal : r.error().code;
    });
  }
  io_.run_for(std::chrono::milliseconds(300));  // the requests are sent and waiting
  EXPECT_TRUE(calls.empty());
  EXPECT_EQ(fetcher.in_flight(), 10u);
  fetcher.cancel_all();
  EXPECT_EQ(fetcher.in_flight(), 0u);
  EXPECT_TRUE(calls.empty());  // callbacks are posted, not called inside cancel_all()
  run_until([&] { return calls.size() == 10; });
  io_.run_for(std::chrono::milliseconds(200));
  for (const auto& [url, n] : calls) {
    EXPECT_EQ(n, 1) << url;
    EXPECT_EQ(codes[url], Errc::Cancelled) << url;
  }
}

TEST_F(FetcherTest, DestroyingTheFetcherCancelsWhatIsUnderWay) {
  tcp::acceptor silent(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  int cancelled = 0;
  {
    Fetcher fetcher(io_, {});
    for (int i = 0; i < 3; ++i) {
      fetcher.fetch("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/",
                    [&](Result<archive::Response> r) {
                      if (!r && r.error().code == Errc::Cancelled) ++cancelled;
                    });
    }
    io_.run_for(std::chrono::milliseconds(200));
  }
  run_until([&] { return cancelled == 3; });
}

TEST_F(FetcherTest, FetcherIsReusableAfterCancel) {
  Fetcher fetcher(io_, {});
  int first = 0;
  fetcher.fetch(server_->url("/page.html"), [&](Result<archive::Response>) { ++first; });
  fetcher.cancel_all();
  std::optional<int> status;
  fetcher.fetch(server_->url("/page.html"),
                [&](Result<archive::Response> r) { status = r ? r->status : -1; });
  run_until([&] { return status.has_value() && first == 1; });
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace fora::crawler
