// gunzip(): what a sitemap.xml.gz holds, within a ceiling, and a clear error otherwise.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "fora/extract/extractor.h"
#include "gunzip.h"

namespace fora::extract {
namespace {

// `text` as one gzip member, written by zlib.
std::string gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(Gunzip, UnpacksOneMemberOrSeveral) {
  const std::string a = "<urlset>" + std::string(100000, ' ') + "</urlset>";
  EXPECT_TRUE(is_gzip(gzip(a)));
  EXPECT_FALSE(is_gzip(a));
  auto one = gunzip(gzip(a), 1 << 20);
  ASSERT_TRUE(one) << one.error().message;
  EXPECT_EQ(*one, a);
  auto two = gunzip(gzip("first ") + gzip("second"), 1 << 20);
  ASSERT_TRUE(two) << two.error().message;
  EXPECT_EQ(*two, "first second");
}

TEST(Gunzip, RefusesWhatIsCutCorruptOrTooBig) {
  const std::string packed = gzip(std::string(200000, 'x'));
  auto cut = gunzip(packed.substr(0, packed.size() / 2), 1 << 20);
  ASSERT_FALSE(cut);
  EXPECT_NE(cut.error().message.find("cut short"), std::string::npos) << cut.error().message;

  std::string corrupt = packed;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  corrupt[13] = static_cast<char>(corrupt[13] ^ 0x55);
  EXPECT_FALSE(gunzip(corrupt, 1 << 20));

  // 64 MiB of zeros packs into about 64 KiB: a bomb past the 1 MiB ceiling is stopped there.
  const std::string bomb = gzip(std::string(64u << 20, '\0'));
  ASSERT_LT(bomb.size(), 200000u);
  auto big = gunzip(bomb, 1 << 20);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("inflates past 1 MiB"), std::string::npos) << big.error().message;
}

TEST(Gunzip, AGzippedSitemapListsItsUrls) {
  const std::string xml =
      "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<url><loc>https://example.com/t/1</loc></url><url><loc>/t/2</loc></url></urlset>";
  auto urls = feed_or_sitemap_urls(gzip(xml), "https://example.com/sitemap.xml.gz");
  ASSERT_TRUE(urls) << urls.error().message;
  EXPECT_EQ(*urls, (std::vector<std::string>{"https://example.com/t/1", "https://example.com/t/2"}));
  auto broken = feed_or_sitemap_urls(gzip(xml).substr(0, 20), "https://example.com/sitemap.xml.gz");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("sitemap.xml.gz"), std::string::npos) << broken.error().message;
}

}  // namespace
}  // namespace fora::extract
