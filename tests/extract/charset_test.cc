#include <gtest/gtest.h>

#include "charset.h"

namespace fora::extract {
namespace {

TEST(Charset, ReadsLabelFromContentType) {
  EXPECT_EQ(charset_from_content_type("text/html; charset=ISO-8859-1"), "iso-8859-1");
  EXPECT_EQ(charset_from_content_type("text/html; Charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
}

TEST(Charset, ReadsMetaCharsetAndHttpEquiv) {
  EXPECT_EQ(charset_from_meta("<html><head><meta charset='windows-1251'>"), "windows-1251");
  EXPECT_EQ(charset_from_meta(R"(<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">)"),
            "shift_jis");
  EXPECT_EQ(charset_from_meta("<p>charset=koi8-r</p>"), "");
}

TEST(Charset, DecodesLatin1DeclaredByHeader) {
  std::string latin1 = "<p>M\xFCller</p>";
  EXPECT_EQ(decode_to_utf8(latin1, "text/html; charset=iso-8859-1"), "<p>M\xC3\xBCller</p>");
}

TEST(Charset, DecodesMetaDeclaredWindows1252) {
  std::string page = "<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>";
  std::string out = decode_to_utf8(page, "");
  EXPECT_NE(out.find("\xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos);
}

TEST(Charset, ValidUtf8WinsOverWrongMetaDeclaration) {
  std::string page = "<meta charset=\"iso-8859-1\"><p>M\xC3\xBCller</p>";
  EXPECT_EQ(decode_to_utf8(page, ""), page);
}

TEST(Charset, InvalidBytesBecomeValidUtf8) {
  std::string page = "<p>bad \xFF\xFE\xC3 bytes</p>";
  std::string out = decode_to_utf8(page, "text/html; charset=utf-8");
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_NE(out.find("bytes"), std::string::npos);
}

TEST(Charset, UnknownLabelFallsBackToUtf8) {
  EXPECT_EQ(decode_to_utf8("<p>x</p>", "text/html; charset=no-such-thing"), "<p>x</p>");
}

}  // namespace
}  // namespace fora::extract

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

// Once decoded, the text must not be decoded a second time by libxml2 because the page's
// own <meta> names another charset.
TEST(Charset, PageDecodedOnceEvenWhenMetaDisagreesWithHeader) {
  auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  ASSERT_TRUE(e) << e.error().message;
  std::string page =
      "<html><head><meta charset=\"iso-8859-1\"><meta name=\"generator\" content=\"WordPress 6.1\">"
      "</head><body class=\"single postid-3\"><article id=\"post-3\" class=\"type-post\">"
      "<h1 class=\"entry-title\">J\xFCrgen M\xFCller</h1></article></body></html>";
  auto latin1 = e->extract(page, "http://x.example/p/", "text/html; charset=ISO-8859-1");
  ASSERT_TRUE(latin1 && latin1->thread);
  EXPECT_EQ(latin1->thread->title, "J\xC3\xBCrgen M\xC3\xBCller");
  auto undeclared = e->extract(page, "http://x.example/p/", "");
  ASSERT_TRUE(undeclared && undeclared->thread);
  EXPECT_EQ(undeclared->thread->title, "J\xC3\xBCrgen M\xC3\xBCller");
}

}  // namespace
}  // namespace fora::extract
