// WarcFileReader over the formats other tools write: plain, gzip per record or whole,
// zstd per record (with a dictionary frame) or whole; damage is reported by offset and
// reading goes on.
#include "fora/archive/warc_file.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <fmt/format.h>

#include "zstd_frames.h"

using namespace fora::archive;
using fora::Errc;

namespace {

std::string record(int i, std::size_t body_size = 40) {
  WarcRecord r;
  r.fields = {{"WARC-Type", "resource"}, {"WARC-Target-URI", "http://example.com/" + std::to_string(i)}};
  r.block = std::string(body_size, static_cast<char>('a' + i % 26));
  return serialize(r);
}

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Read {
  std::vector<std::int64_t> offsets, ends;
  std::vector<std::string> uris;
  std::vector<std::string> errors;
};

Read read_all(WarcFileReader reader) {
  Read out;
  while (auto item = reader.next()) {
    if (item->record) {
      out.offsets.push_back(item->offset);
      out.ends.push_back(item->end);
      out.uris.push_back(item->record->field("WARC-Target-URI"));
    } else {
      out.errors.push_back(fmt::format("{}: {}", item->offset, item->record.error().message));
    }
  }
  return out;
}

std::vector<std::string> uris(std::initializer_list<int> ids) {
  std::vector<std::string> out;
  for (int i : ids) out.push_back("http://example.com/" + std::to_string(i));
  return out;
}

TEST(WarcFile, PlainRecordsWithTheirOffsets) {
  const std::string a = record(0), b = record(1, 3 << 20), c = record(2);
  auto got = read_all(WarcFileReader::from_bytes(a + b + c));
  EXPECT_TRUE(got.errors.empty());
  EXPECT_EQ(got.uris, uris({0, 1, 2}));
  EXPECT_EQ(got.offsets, (std::vector<std::int64_t>{0, static_cast<std::int64_t>(a.size()),
                                                    static_cast<std::int64_t>(a.size() + b.size())}));
  EXPECT_EQ(got.ends.back(), static_cast<std::int64_t>(a.size() + b.size() + c.size()));
}

TEST(WarcFile, GzipPerRecordAndWhole) {
  const std::string a = gzip(record(0)), b = gzip(record(1, 2 << 20)), c = gzip(record(2));
  auto got = read_all(WarcFileReader::from_bytes(a + b + c));
  EXPECT_TRUE(got.errors.empty()) << got.errors.front();
  EXPECT_EQ(got.uris, uris({0, 1, 2}));
  EXPECT_EQ(got.offsets, (std::vector<std::int64_t>{0, static_cast<std::int64_t>(a.size()),
                                                    static_cast<std::int64_t>(a.size() + b.size())}));
  EXPECT_EQ(got.ends, (std::vector<std::int64_t>{static_cast<std::int64_t>(a.size()),
                                                 static_cast<std::int64_t>(a.size() + b.size()),
                                                 static_cast<std::int64_t>(a.size() + b.size() + c.size())}));
  auto whole = read_all(WarcFileReader::from_bytes(gzip(record(0) + record(1, 1 << 20) + record(2))));
  EXPECT_TRUE(whole.errors.empty());
  EXPECT_EQ(whole.uris, uris({0, 1, 2}));
}

TEST(WarcFile, ZstdPerRecordWithTheSegmentsDictionary) {
  std::vector<std::string> samples;
  for (int i = 0; i < 300; ++i) samples.push_back(record(i, 200 + i));
  auto trained = train_dictionary(samples, 2048);
  ASSERT_TRUE(trained) << trained.error().message;
  auto dict = *Dictionary::load(1, *trained, kRecordLevel);
  const std::string lead = *dictionary_frame(*dict);
  const std::string a = *compress_frame(record(0), dict.get()), b = *compress_frame(record(1), dict.get());
  WarcFileReader reader = WarcFileReader::from_bytes(lead + a + b);
  auto got = read_all(std::move(reader));
  EXPECT_TRUE(got.errors.empty()) << got.errors.front();
  EXPECT_EQ(got.uris, uris({0, 1}));
  EXPECT_EQ(got.offsets, (std::vector<std::int64_t>{static_cast<std::int64_t>(lead.size()),
                                                    static_cast<std::int64_t>(lead.size() + a.size())}));
  // Without the dictionary frame the frames cannot be read, and each one says so.
  auto bare = read_all(WarcFileReader::from_bytes(a + b));
  EXPECT_EQ(bare.errors.size(), 2u);
  EXPECT_NE(bare.errors[0].find("ictionary"), std::string::npos) << bare.errors[0];
  // A file compressed whole, as `zstd file.warc` leaves it.
  auto whole = read_all(WarcFileReader::from_bytes(*compress_frame(record(0) + record(1, 1 << 20) + record(2))));
  EXPECT_TRUE(whole.errors.empty());
  EXPECT_EQ(whole.uris, uris({0, 1, 2}));
}

TEST(WarcFile, DamageIsReportedByOffsetAndReadingGoesOn) {
  const std::string a = *compress_frame(record(0)), b = *compress_frame(record(1, 5000)), c = *compress_frame(record(2));
  std::string broken = b;
  broken[broken.size() / 2] ^= 0x55;  // the frame's checksum no longer holds
  auto got = read_all(WarcFileReader::from_bytes(a + broken + c));
  EXPECT_EQ(got.uris, uris({0, 2}));
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(got.errors[0].starts_with(std::to_string(a.size()) + ": ")) << got.errors[0];

  // A torn last frame (a crash while writing) and a torn gzip member.
  auto torn = read_all(WarcFileReader::from_bytes(a + c.substr(0, c.size() - 5)));
  EXPECT_EQ(torn.uris, uris({0}));
  ASSERT_EQ(torn.errors.size(), 1u);
  EXPECT_NE(torn.errors[0].find("ends inside the zstd frame"), std::string::npos) << torn.errors[0];
  const std::string ga = gzip(record(0)), gb = gzip(record(1));
  auto gtorn = read_all(WarcFileReader::from_bytes(ga + gb.substr(0, gb.size() / 2)));
  EXPECT_EQ(gtorn.uris, uris({0}));
  EXPECT_EQ(gtorn.errors.size(), 1u);

  // A plain file with a bad record between two good ones.
  const std::string bad = "WARC/1.1\r\nContent-Length: nope\r\n\r\n";
  auto plain = read_all(WarcFileReader::from_bytes(record(0) + bad + record(1)));
  EXPECT_EQ(plain.uris, uris({0, 1}));
  ASSERT_EQ(plain.errors.size(), 1u);
  EXPECT_NE(plain.errors[0].find("Content-Length"), std::string::npos);
  // Not WARC at all.
  auto html = read_all(WarcFileReader::from_bytes("<html><body>hello</body></html>\n"));
  EXPECT_TRUE(html.uris.empty());
  EXPECT_EQ(html.errors.size(), 1u);
}

// A record whose block is above the reader's limit is passed over unread and named, with
// its offset and size; the records around it are read, in every format (a member or frame
// per record, or the file compressed whole).
TEST(WarcFile, ARecordAboveTheLimitIsSkippedAndTheRestRead) {
  constexpr std::size_t kLimit = 1 << 20;
  const std::string a = record(0), big = record(1, 3 << 20), c = record(2), d = record(3, kLimit);
  const std::string big_size = " a block of " + std::to_string(3 << 20) + " bytes, above the limit of " +
                               std::to_string(kLimit) + " bytes: skipped unread";
  const auto check = [&](const std::string& what, const std::string& bytes, std::int64_t big_at) {
    auto got = read_all(WarcFileReader::from_bytes(bytes, kLimit));
    EXPECT_EQ(got.uris, uris({0, 2, 3})) << what;
    ASSERT_EQ(got.errors.size(), 1u) << what;
    EXPECT_EQ(got.errors[0], fmt::format("{}: record at offset {}:{}", big_at, big_at, big_size)) << what;
  };
  check("plain", a + big + c + d, static_cast<std::int64_t>(a.size()));
  const std::string ga = gzip(a);
  check("gzip per record", ga + gzip(big) + gzip(c) + gzip(d), static_cast<std::int64_t>(ga.size()));
  check("gzip whole", gzip(a + big + c + d), 0);
  const std::string za = *compress_frame(a);
  check("zstd per record", za + *compress_frame(big) + *compress_frame(c) + *compress_frame(d),
        static_cast<std::int64_t>(za.size()));
  check("zstd whole", *compress_frame(a + big + c + d), 0);
  // Cut short inside the record passed over: it is named all the same, and the file ends.
  auto cut = read_all(WarcFileReader::from_bytes(a + big.substr(0, 2 << 20), kLimit));
  EXPECT_EQ(cut.uris, uris({0}));
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_NE(cut.errors[0].find("skipped unread"), std::string::npos) << cut.errors[0];
}

TEST(WarcFile, MissingFileIsNotFound) {
  auto r = WarcFileReader::open("/nonexistent/x.warc.gz");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::NotFound);
}

}  // namespace
