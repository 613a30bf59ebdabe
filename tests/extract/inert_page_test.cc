// inert_html(): a hostile page comes out with nothing that runs or loads, its text kept and
// its links led to the archive's copies; every real page of every engine the same. What is
// inert is judged by a second reading of the output (support/inert_check.h), not by looking
// for the strings that went in.
#include "fora/extract/inert_page.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/inert_check.h"

namespace fora::extract {
namespace {

constexpr const char* kPage = "http://forum.example/t/soyuz/9?page=2";

// The archive holds copies of these pages only.
std::optional<std::string> archived(const std::string& url) {
  static const std::set<std::string> held = {"http://forum.example/t/soyuz/9", "http://forum.example/u/edward",
                                             "http://mirror.example/t/9"};
  if (!held.contains(url)) return std::nullopt;
  return "/page?url=" + url;
}

std::string inert(const std::string& html, const char* url = kPage) {
  auto out = inert_html(html, url, "text/html; charset=utf-8", archived);
  EXPECT_TRUE(out) << out.error().message;
  return out ? *out : "";
}

TEST(InertPage, AHostilePageKeepsItsTextAndLosesEverythingThatRunsOrLoads) {
  const std::string out = inert(R"page(<!DOCTYPE html><html manifest="x.appcache"><head>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<link rel="stylesheet" href="http://evil.example/a.css"><style>body{background:url(http://evil.example/b)}</style>
<script>alert(1)</script><base target="_blank"></head>
<body onload="alert(2)" background="http://evil.example/bg.png">
<!-- <script>alert(3)</script> -->
<p style="color:red" onclick="alert(4)">Edward wrote about <b>Soyuz</b>)page" "\xe2\x80\xae" R"page(gnp.exe</p>
<img src="http://evil.example/track.gif" srcset="http://evil.example/2x.gif 2x" alt="a leak">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<iframe src="http://evil.example/frame"></iframe><object data="http://evil.example/o.swf"></object>
<svg><image href="http://evil.example/s.png"/><script>alert(5)</script></svg>
<video poster="http://evil.example/p.jpg"><source src="http://evil.example/v.mp4"></video>
<form action="http://evil.example/post"><input type="image" src="http://evil.example/i.png"><button formaction="http://evil.example/b">Go</button></form>
<a href="javascript:alert(6)">a script link</a>
<a href="http://evil.example/" ping="http://evil.example/ping" target="_blank">elsewhere</a>
<a href="/u/edward">Edward's profile</a>
<table><tr><td colspan="2" title="cell">kept cell</td></tr></table>
<noscript><img src="http://evil.example/noscript.gif" alt="noscript"></noscript>
</body></html>)page");
  EXPECT_EQ(test::first_live_part(out), "") << out;
  for (const char* kept : {"Edward wrote about", "Soyuz", "a leak", "a script link", "elsewhere", "Edward's profile",
                           "kept cell", "colspan=\"2\"", "data:image/png;base64,iVBORw0KGgo=", "<!DOCTYPE"})
    EXPECT_NE(out.find(kept), std::string::npos) << kept << " lost:\n" << out;
  for (const char* gone : {"evil.example/track", "alert(", "appcache", "url(", "refresh", "\xe2\x80\xae"})
    EXPECT_EQ(out.find(gone), std::string::npos) << gone << " kept:\n" << out;
  // A link the archive cannot follow keeps its text and tells where it went.
  EXPECT_NE(out.find("title=\"not archived: http://evil.example/\""), std::string::npos) << out;
}

TEST(InertPage, LinksGoToTheArchivesCopiesResolvedAgainstTheBaseAsABrowserWould) {
  const std::string out = inert(R"(<html><head><base href="http://mirror.example/t/"></head><body>
<a href="9">the mirror's copy</a> <a href="#p12">a post on this page</a>
<a href="http://forum.example/t/soyuz/9">page 1</a> <a href="http://forum.example/t/soyuz/9#p3">page 1, post 3</a>
<a href="http://forum.example/t/soyuz/9?page=2#p7">post 7 of this page</a>
<map><area href="http://forum.example/u/edward" alt="Edward"></map></body></html>)");
  EXPECT_EQ(test::first_live_part(out), "") << out;
  EXPECT_NE(out.find(R"(<a href="/page?url=http://mirror.example/t/9">the mirror's copy</a>)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"(<a href="#p12">)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"(<a href="#p7">post 7 of this page</a>)"), std::string::npos) << out;
  // Another page of the archive, its fragment dropped with the rest of the address's spelling.
  EXPECT_EQ(out.find("#p3"), std::string::npos) << out;
  EXPECT_NE(out.find(R"(href="/page?url=http://forum.example/u/edward")"), std::string::npos) << out;
}

TEST(InertPage, AFragmentOfThisVeryPageStaysAFragment) {
  const std::string out = inert(R"(<a href="http://forum.example/t/soyuz/9?page=2#p40">post 40</a>)");
  EXPECT_NE(out.find(R"(<a href="#p40">post 40</a>)"), std::string::npos) << out;
}

TEST(InertPage, BytesThatAreNoPageAreAnError) {
  const std::string binary(4096, '\x01');
  EXPECT_FALSE(inert_html(binary, kPage, "text/html", archived));
}

// Every real page of every engine comes out inert and keeps its words.
TEST(InertPage, EveryRealPageComesOutInert) {
  const std::filesystem::path root = FORA_FIXTURES_DIR;
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "fixture folder absent: " << root;
  int pages = 0;
  for (const auto& file : std::filesystem::recursive_directory_iterator(root)) {
    const std::string ext = file.path().extension().string();
    if (!file.is_regular_file() || (ext != ".html" && ext != ".htm")) continue;
    std::ifstream in(file.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto out = inert_html(bytes.str(), "https://forum.example/thread/1", "text/html", [](const std::string& url) {
      return std::optional<std::string>("/page?url=" + url);
    });
    ASSERT_TRUE(out) << file.path() << ": " << out.error().message;
    EXPECT_EQ(test::first_live_part(*out), "") << file.path();
    // Discourse's pages are nine tenths script (their text is in <noscript>).
    EXPECT_GT(out->size(), bytes.str().size() / 20) << file.path() << " lost most of itself";
    ++pages;
  }
  EXPECT_GT(pages, 19);
}

}  // namespace
}  // namespace fora::extract
