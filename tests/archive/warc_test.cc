// The WARC record model, HTTP de-chunking, digests and zstd frames the archive is built on.
#include <gtest/gtest.h>

#include "digest.h"
#include "fora/archive/http_message.h"
#include "fora/archive/warc.h"
#include "zstd_frames.h"

using namespace fora::archive;
using fora::Errc;

namespace {

Response sample_response() {
  Response r;
  r.url = "http://example.com/t/1";
  r.status = 200;
  r.headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
  r.body = "hello, world";
  r.body_as_received = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
  r.content_type = "text/html";
  r.fetched_at = 1671210300;
  r.request = "GET /t/1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
  return r;
}

TEST(Warc, ResponseRecordKeepsTheBytesAsReceivedAndReadsBackDechunked) {
  const Response r = sample_response();
  const std::string id = new_record_id();
  const std::string bytes = serialize(response_record(r, id, "sha256:" + sha256_hex(r.body)));
  EXPECT_TRUE(bytes.starts_with("WARC/1.1\r\nWARC-Type: response\r\n"));
  EXPECT_NE(bytes.find(r.body_as_received), std::string::npos);  // the chunks, as they came
  EXPECT_NE(bytes.find("WARC-Date: 2022-12-16T17:05:00Z\r\n"), std::string::npos);
  EXPECT_TRUE(bytes.ends_with("\r\n\r\n"));

  std::size_t used = 0;
  auto rec = parse_warc_record(bytes, &used);
  ASSERT_TRUE(rec) << rec.error().message;
  EXPECT_EQ(used, bytes.size());
  EXPECT_EQ(rec->field("warc-record-id"), id);
  auto back = response_of(*rec);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->url, r.url);
  EXPECT_EQ(back->status, 200);
  EXPECT_EQ(back->body, "hello, world");
  EXPECT_EQ(back->body_as_received, r.body_as_received);
  EXPECT_EQ(back->fetched_at, r.fetched_at);
  EXPECT_EQ(back->content_type, "text/html");
  EXPECT_EQ(digest_matches(rec->field("WARC-Payload-Digest"), back->body), true);
}

TEST(Warc, RequestAndRevisitRecordsCarryWhatReadersLookFor) {
  const Response r = sample_response();
  const WarcRecord req = request_record(r, "<urn:uuid:x>");
  EXPECT_EQ(req.type(), "request");
  EXPECT_EQ(req.field("WARC-Concurrent-To"), "<urn:uuid:x>");
  EXPECT_EQ(req.block, r.request);
  const WarcRecord rev = revisit_record(r, new_record_id(), "sha256:ab", "http://example.com/t/1/page-1", 1600000000);
  EXPECT_EQ(rev.field("WARC-Profile"), "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
  EXPECT_EQ(rev.field("WARC-Refers-To-Target-URI"), "http://example.com/t/1/page-1");
  EXPECT_EQ(rev.field("WARC-Refers-To-Date"), "2020-09-13T12:26:40Z");
  EXPECT_EQ(rev.block.find("hello"), std::string::npos);  // headers only
  auto back = response_of(rev);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->body, "");
}

TEST(Warc, ParsesWhatOtherWritersLeave) {
  // WARC/1.0, LF line ends in the HTTP part, a folded field, no trailing CRLF CRLF.
  const std::string block = "HTTP/1.0 404 Not Found\nContent-Type: text/plain\n\nnope";
  const std::string bytes = "\r\nWARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <http://a.example/x>\r\n"
                            "X-Long: one\r\n  two\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block;
  std::size_t used = 0;
  auto rec = parse_warc_record(bytes, &used);
  ASSERT_TRUE(rec) << rec.error().message;
  EXPECT_EQ(used, bytes.size());
  EXPECT_EQ(rec->version, "WARC/1.0");
  EXPECT_EQ(rec->field("X-Long"), "one two");
  auto r = response_of(*rec);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->url, "http://a.example/x");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->body, "nope");
}

TEST(Warc, BadRecordsAreCorruptWithAReason) {
  std::size_t used = 0;
  for (const std::string& bad : {std::string("HTTP/1.1 200 OK\r\n\r\n"),
                                std::string("WARC/1.1\r\nWARC-Type: response\r\n"),
                                std::string("WARC/1.1\r\nContent-Length: 12x\r\n\r\n"),
                                std::string("WARC/1.1\r\nContent-Length: 99\r\n\r\nshort"),
                                std::string("WARC/1.1\r\nno colon here\r\n\r\n")}) {
    auto rec = parse_warc_record(bad, &used);
    ASSERT_FALSE(rec) << bad;
    EXPECT_EQ(rec.error().code, Errc::Corrupt);
    EXPECT_NE(rec.error().message.find("WARC record: "), std::string::npos);
  }
}

TEST(Http, Dechunks) {
  EXPECT_EQ(*dechunk("3\r\nabc\r\n0\r\n\r\n"), "abc");
  EXPECT_EQ(*dechunk("A\nabcdefghij\n0\n\n"), "abcdefghij");
  EXPECT_EQ(*dechunk("3\r\nabc\r\n"), "abc");  // cut after a whole chunk
  EXPECT_FALSE(dechunk("zz\r\nabc\r\n0\r\n\r\n"));
  EXPECT_FALSE(dechunk("10\r\nabc\r\n0\r\n\r\n"));
  EXPECT_FALSE(dechunk("ffffffffffffffffff\r\nabc"));
  EXPECT_TRUE(is_chunked("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"));
  EXPECT_FALSE(is_chunked("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n"));
}

TEST(Digest, MatchesTheSpellingsWarcWritersUse) {
  // SHA-1 of "abc": a9993e36..., base32 VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5 (wget, Heritrix).
  EXPECT_EQ(digest_matches("sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", "abc"), true);
  EXPECT_EQ(digest_matches("sha1:a9993e364706816aba3e25717850c26c9cd0d89d", "abc"), true);
  EXPECT_EQ(digest_matches("sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE4", "abc"), false);
  EXPECT_EQ(digest_matches("sha256:" + sha256_hex("abc"), "abc"), true);
  EXPECT_EQ(digest_matches("sha256:" + sha256_hex("abd"), "abc"), false);
  EXPECT_EQ(digest_matches("crc32:1234", "abc"), std::nullopt);
  EXPECT_EQ(digest_matches("nonsense", "abc"), std::nullopt);
}

TEST(Zstd, FramesWithAndWithoutADictionaryRoundTrip) {
  std::vector<std::string> samples;
  for (int i = 0; i < 400; ++i) {
    samples.push_back("<html><head><title>Thread " + std::to_string(i) +
                      "</title></head><body><div class=\"comment\" id=\"c" + std::to_string(i * 7) +
                      "\"><span class=\"author\">Edward</span> wrote about Soyuz " + std::to_string(i * i) +
                      " times.</div></body></html>");
  }
  auto trained = train_dictionary(samples, 4096);
  ASSERT_TRUE(trained) << trained.error().message;
  auto dict = Dictionary::load(7, *trained, kRecordLevel);
  ASSERT_TRUE(dict) << dict.error().message;
  const std::string& text = samples[123];
  auto plain = compress_frame(text);
  auto with = compress_frame(text, dict->get());
  ASSERT_TRUE(plain && with);
  EXPECT_LT(with->size(), plain->size());
  EXPECT_EQ(*decompress_frames(*plain + *with, dict->get()), text + text);
  auto without = decompress_frames(*with);
  ASSERT_FALSE(without);
  EXPECT_NE(without.error().message.find("dictionary"), std::string::npos);

  // The leading frame of a segment carries the dictionary, and zstd skips it.
  auto lead = dictionary_frame(**dict);
  ASSERT_TRUE(lead);
  auto found = read_dictionary_frame(*lead + *with);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->dictionary, *trained);
  EXPECT_EQ((*found)->frame_size, lead->size());
  EXPECT_EQ(*frame_size(*lead + *with), lead->size());
  EXPECT_EQ(*decompress_frames(*lead + *with, dict->get()), text);
  EXPECT_FALSE(read_dictionary_frame(*with)->has_value());
  EXPECT_FALSE(decompress_frames(with->substr(0, with->size() - 3), dict->get()));
}

}  // namespace
