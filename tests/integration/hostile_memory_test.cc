// Issue 20's memory goal on every hostile input it names: no command's peak memory goes past
// 300 MB, and each answers as said (a clear message, an exit code, the archive intact).
// The peak is the child's own (getrusage's ru_maxrss), a count, not a timing. The inputs:
// a page just under the 32 MiB cap made of one-word paragraphs (read in part, with a
// warning), a page over the cap, an endless file, 200,000 nested <div>s, a 1 GiB WARC record
// (4.7 MB gzipped), a 50 MB robots.txt, a 30 MiB page served to a crawl, and 30,000
// wildcards in one query.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

constexpr long kLimitKb = 300 * 1000;  // 300 MB

// A page of `bytes` bytes of one-word paragraphs: the most nodes a page of that size builds.
std::string tiny_paragraphs(std::size_t bytes) {
  std::string html = "<!DOCTYPE html><html><head><title>p</title></head><body>";
  while (html.size() + 8 < bytes) html += "<p>a</p>";
  return html + "</body></html>";
}

// Under AddressSanitizer (the asan-ubsan preset builds fora and the tests alike) memory is
// shadowed and freed blocks are held in quarantine: the peak says nothing of a release build,
// so there the inputs are only checked to be answered as said.
#ifdef __SANITIZE_ADDRESS__
constexpr bool kMeasured = false;
#else
constexpr bool kMeasured = true;
#endif

#define EXPECT_UNDER_LIMIT(r)                                                                          \
  EXPECT_TRUE(!kMeasured || (r).peak_rss_kb <= kLimitKb) << "peak " << (r).peak_rss_kb / 1000 << " MB; " \
                                                         << (r).err.substr(0, 400)

TEST(HostileMemory, APageOfTinyElementsUnderTheCapIsReadInPart) {
  TempDir dir;
  const fs::path page = dir.write("tiny.html", tiny_paragraphs(30u << 20));
  const RunResult r = run({FORA_BIN, "extract", page.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("read the first"), std::string::npos) << r.err;
  EXPECT_UNDER_LIMIT(r);
}

TEST(HostileMemory, APageOverTheCapAndAnEndlessFileAreRefusedUnread) {
  TempDir dir;
  const fs::path page = dir.write("big.html", std::string((32u << 20) + 1, 'x'));
  for (const std::string& file : {page.string(), std::string("/dev/zero")}) {
    const RunResult r = run({FORA_BIN, "extract", file});
    EXPECT_NE(r.exit_code, 0) << file;
    EXPECT_FALSE(r.err.empty()) << file;
    EXPECT_UNDER_LIMIT(r);
  }
}

TEST(HostileMemory, TwoHundredThousandNestedDivs) {
  TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "<p>the bottom word</p>";
  for (int i = 0; i < 200000; ++i) html += "</div>";
  const fs::path page = dir.write("deep.html", html + "</body></html>");
  const RunResult r = run({FORA_BIN, "extract", page.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_UNDER_LIMIT(r);
}

TEST(HostileMemory, AGibibyteWarcRecordIsPassedOver) {
  TempDir dir, archive;
  const fs::path warc = dir.path() / "big.warc.gz";
  const std::string http = "HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n";
  const std::size_t body = 1u << 30;
  // A WARC record whose block is 1 GiB of zeros after a small HTTP head, gzipped (~1 MB).
  const std::string script =
      "set -e; h=$(printf '" + http + "'); n=$(( ${#h} + " + std::to_string(body) + " ));"
      "{ printf 'WARC/1.0\\r\\nWARC-Type: response\\r\\nWARC-Target-URI: http://127.0.0.1/big.html\\r\\n"
      "WARC-Date: 2024-01-01T00:00:00Z\\r\\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\\r\\n"
      "Content-Type: application/http; msgtype=response\\r\\nContent-Length: %s\\r\\n\\r\\n' $n;"
      " printf '" + http + "'; head -c " + std::to_string(body) + " /dev/zero; printf '\\r\\n\\r\\n'; } | gzip -1 > '" +
      warc.string() + "'";
  ASSERT_EQ(run({"bash", "-c", script}).exit_code, 0);
  const RunResult r = fora(archive.path(), {"import", warc.string()});
  EXPECT_NE(r.err.find("above the limit"), std::string::npos) << r.err;
  EXPECT_UNDER_LIMIT(r);
}

TEST(HostileMemory, AVastRobotsTxtAndAPageNearTheCapInACrawl) {
  TempDir site, archive;
  site.write("index.html", "<html><body><a href='/tiny.html'>tiny</a></body></html>");
  site.write("tiny.html", tiny_paragraphs(30u << 20));
  TestServer server(site.path(), {"--robots", "vast"});
  const RunResult r = fora(archive.path(), {"crawl", "--delay", "0", server.url("/")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("read in part"), std::string::npos) << r.out;
  EXPECT_UNDER_LIMIT(r);
  const RunResult verify = fora(archive.path(), {"verify", "--deep"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_UNDER_LIMIT(verify);
}

TEST(HostileMemory, ThirtyThousandWildcardsAreRefused) {
  TempDir site, archive;
  site.write("index.html", "<html><body><p>a abc abd abe</p></body></html>");
  TestServer server(site.path());
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")}).exit_code, 0);
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  std::string query;
  for (int i = 0; i < 30000; ++i) query += "a* ";
  const RunResult r = fora(archive.path(), {"search", query});
  EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 300);
  EXPECT_UNDER_LIMIT(r);
}

}  // namespace
}  // namespace fora::test
