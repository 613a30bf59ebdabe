// The archive as other tools see it: the sample site crawled by the real binary, its
// segments read with the zstd command (and a dictionary taken from the segment's own
// leading frame, as the IIPC profile says), split into records by this file's own reader,
// and held to the server's log; then `fora verify` on the whole, on a damaged and on a torn
// copy.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"
#include "zstd_cli.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSite = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site";

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

struct Record {
  std::map<std::string, std::string> fields;
  std::string block;
};

// WARC records split by their Content-Length (ISO 28500 §4), written here, not fora's.
std::vector<Record> split_records(const std::string& warc) {
  std::vector<Record> out;
  std::size_t at = 0;
  while (at < warc.size()) {
    const std::size_t head_end = warc.find("\r\n\r\n", at);
    if (head_end == std::string::npos) break;
    Record r;
    std::istringstream head(warc.substr(at, head_end - at));
    std::string line;
    std::getline(head, line);
    EXPECT_EQ(line, "WARC/1.1\r");
    while (std::getline(head, line)) {
      const auto colon = line.find(": ");
      if (line.ends_with('\r')) line.pop_back();
      r.fields[line.substr(0, colon)] = line.substr(colon + 2);
    }
    const std::size_t length = std::stoul(r.fields.at("Content-Length"));
    r.block = warc.substr(head_end + 4, length);
    EXPECT_EQ(warc.substr(head_end + 4 + length, 4), "\r\n\r\n");
    at = head_end + 4 + length + 4;
    out.push_back(std::move(r));
  }
  return out;
}

// `zstd -d` of a segment (zstd_cli.h), which must succeed.
std::string zstd_decompress(const fs::path& segment, const fs::path& scratch) {
  const RunResult r = zstd_read(segment, scratch);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// An HTTP body with its chunks taken off, when its headers say it was chunked.
std::string entity(const std::string& http) {
  const std::size_t end = http.find("\r\n\r\n");
  const std::string head = http.substr(0, end), body = http.substr(end + 4);
  if (head.find("Transfer-Encoding: chunked") == std::string::npos) return body;
  std::string out;
  for (std::size_t at = 0;;) {
    const std::size_t eol = body.find("\r\n", at);
    const std::size_t n = std::stoul(body.substr(at, eol - at), nullptr, 16);
    if (n == 0) return out;
    out += body.substr(eol + 2, n);
    at = eol + 2 + n + 2;
  }
}

class WarcArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(kSite);
    archive_ = new TempDir();
    crawl_ = new RunResult(fora(archive_->path(), {"crawl", "--delay", "0", "--segment-size", "64KB", server_->base_url() + "/"}));
  }
  static void TearDownTestSuite() {
    delete crawl_;
    delete archive_;
    delete server_;
  }
  // A copy of the crawled archive to damage.
  static fs::path copy_archive(const TempDir& into) { return fora::test::copy_archive(archive_->path(), into.path()); }

  static TestServer* server_;
  static TempDir* archive_;
  static RunResult* crawl_;
};
TestServer* WarcArchive::server_ = nullptr;
TempDir* WarcArchive::archive_ = nullptr;
RunResult* WarcArchive::crawl_ = nullptr;

TEST_F(WarcArchive, SegmentsAreWarcThatZstdReadsAndHoldEveryResponseOnce) {
  ASSERT_EQ(crawl_->exit_code, 0) << crawl_->err;
  TempDir scratch;
  const auto segs = segments(archive_->path());
  ASSERT_GE(segs.size(), 3u) << "--segment-size 64KB rolls the sample site over several segments";
  std::multiset<std::string> answered;  // the URIs of response and revisit records
  std::map<std::string, std::string> digest_of;  // response URI -> payload digest
  for (const fs::path& seg : segs) {
    EXPECT_LE(fs::file_size(seg), 64u * 1024 + 40000u) << seg;  // rolled once past the limit
    const auto records = split_records(zstd_decompress(seg, scratch.path()));
    ASSERT_GE(records.size(), 3u) << seg;
    EXPECT_EQ(records[0].fields.at("WARC-Type"), "warcinfo");
    EXPECT_EQ(records[0].fields.at("WARC-Filename"), seg.filename().string());
    for (std::size_t i = 1; i < records.size(); i += 2) {
      const Record& req = records[i];
      ASSERT_LT(i + 1, records.size()) << "a request record without its response in " << seg;
      const Record& res = records[i + 1];
      ASSERT_EQ(req.fields.at("WARC-Type"), "request");
      const std::string uri = res.fields.at("WARC-Target-URI");
      EXPECT_EQ(req.fields.at("WARC-Target-URI"), uri);
      EXPECT_EQ(req.fields.at("WARC-Concurrent-To"), res.fields.at("WARC-Record-ID"));
      const std::string path = uri.substr(server_->base_url().size());
      EXPECT_TRUE(req.block.starts_with("GET " + path + " HTTP/1.1\r\n")) << req.block;
      EXPECT_TRUE(req.block.ends_with("\r\n\r\n"));
      const std::string type = res.fields.at("WARC-Type");
      answered.insert(uri);
      if (type == "response") {
        EXPECT_EQ(res.fields.at("WARC-Payload-Digest"), "sha256:" + sha256_hex(entity(res.block))) << uri;
        digest_of[uri] = res.fields.at("WARC-Payload-Digest");
      } else {
        ASSERT_EQ(type, "revisit") << uri;
        EXPECT_EQ(res.fields.at("WARC-Profile"), "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
        const std::string original = res.fields.at("WARC-Refers-To-Target-URI");
        ASSERT_TRUE(digest_of.count(original)) << uri << " refers to " << original << ", stored nowhere before it";
        EXPECT_EQ(digest_of[original], res.fields.at("WARC-Payload-Digest"));
        EXPECT_FALSE(res.fields.at("WARC-Refers-To-Date").empty());
        EXPECT_EQ(res.block.find("\r\n\r\n") + 4, res.block.size()) << "a revisit holds the headers only";
      }
    }
  }
  // Every request the server answered is in the archive once.
  std::multiset<std::string> asked;
  for (const std::string& line : server_->requests()) {
    std::istringstream in(line);
    std::string method, target;
    in >> method >> target;
    asked.insert(server_->base_url() + target);
  }
  EXPECT_EQ(answered, asked);
}

TEST_F(WarcArchive, VerifyPassesAWholeArchive) {
  ASSERT_EQ(crawl_->exit_code, 0) << crawl_->err;
  const RunResult plain = fora(archive_->path(), {"verify"});
  EXPECT_EQ(plain.exit_code, 0) << plain.out << plain.err;
  EXPECT_NE(plain.out.find("no damage"), std::string::npos) << plain.out;
  const RunResult deep = fora(archive_->path(), {"verify", "--deep", "--json"});
  ASSERT_EQ(deep.exit_code, 0) << deep.out << deep.err;
  const auto report = nlohmann::json::parse(deep.out);
  EXPECT_EQ(report["captures"].get<std::size_t>(), server_->requests().size());
  EXPECT_EQ(report["records"].get<std::size_t>(), 2 * server_->requests().size() + segments(archive_->path()).size());
  EXPECT_TRUE(report["problems"].empty());
}

TEST_F(WarcArchive, VerifyNamesTheSegmentAndOffsetOfDamage) {
  TempDir scratch;
  const fs::path dir = copy_archive(scratch);
  const fs::path seg = segments(dir)[1];
  const std::size_t at = fs::file_size(seg) / 2;
  {
    std::fstream f(seg, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    const char c = static_cast<char>(f.get());
    f.seekp(static_cast<std::streamoff>(at));
    f.put(static_cast<char>(c ^ 0x5a));
  }
  const RunResult r = fora(dir, {"verify"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(seg.filename().string()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" at "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
}

TEST_F(WarcArchive, ATornLastFrameIsCutOnOpenAndVerifySaysSo) {
  TempDir scratch;
  const fs::path dir = copy_archive(scratch);
  const fs::path last = segments(dir).back();
  const auto good = fs::file_size(last);
  std::ofstream(last, std::ios::app | std::ios::binary) << std::string("\x28\xb5\x2f\xfd\x64\x00", 6) << "half a frame";
  const RunResult r = fora(dir, {"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("archive mended: " + last.filename().string() + ": cut 18 bytes"), std::string::npos) << r.err;
  EXPECT_EQ(fs::file_size(last), good);
}

}  // namespace
}  // namespace fora::test
