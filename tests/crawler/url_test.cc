#include "fora/url/url.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <regex>
#include <vector>

namespace fora::crawler {
namespace {

std::string norm(std::string_view url) {
  auto r = normalize_url(url);
  return r ? *r : "ERROR: " + r.error().message;
}

TEST(NormalizeUrl, LowercasesSchemeAndHost) {
  EXPECT_EQ(norm("HTTP://Example.COM/Path/Case"), "http://example.com/Path/Case");
}

TEST(NormalizeUrl, DropsDefaultPortsOnly) {
  EXPECT_EQ(norm("http://example.com:80/"), "http://example.com/");
  EXPECT_EQ(norm("https://example.com:443/a"), "https://example.com/a");
  EXPECT_EQ(norm("http://127.0.0.1:8080/a"), "http://127.0.0.1:8080/a");
  EXPECT_EQ(norm("https://example.com:80/"), "https://example.com:80/");
}

TEST(NormalizeUrl, DropsFragmentKeepsQuery) {
  EXPECT_EQ(norm("https://example.com/post/?b=2&a=1#respond"), "https://example.com/post/?b=2&a=1");
  EXPECT_EQ(norm("https://example.com/post/#comment-5"), "https://example.com/post/");
}

TEST(NormalizeUrl, DropsSessionIdsAndPerRequestTokens) {
  const std::string sid = "acc6afbad2e0eae5f42d5eebaae7a1b1";
  EXPECT_EQ(norm("https://f.example/viewtopic.php?f=5&t=82202&sid=" + sid),
            "https://f.example/viewtopic.php?f=5&t=82202");
  EXPECT_EQ(norm("https://f.example/showthread.php?s=" + sid + "&t=9687"),
            "https://f.example/showthread.php?t=9687");
  EXPECT_EQ(norm("https://f.example/index.php?topic=343886.0;PHPSESSID=04de800e92cfd8c8"),
            "https://f.example/index.php?topic=343886.0");
  EXPECT_EQ(norm("https://f.example/a;jsessionid=ABC123?x=1"), "https://f.example/a?x=1");
  EXPECT_EQ(norm("https://f.example/p?utm_source=feed&utm_medium=rss"), "https://f.example/p");
  EXPECT_EQ(norm("https://f.example/t?_xfToken=1499113436%2C8d4b"), "https://f.example/t");
}

TEST(NormalizeUrl, KeepsParametersThatNameAPage) {
  EXPECT_EQ(norm("https://f.example/search.php?s=soyuz"), "https://f.example/search.php?s=soyuz");
  EXPECT_EQ(norm("https://f.example/viewtopic.php?t=5&start=25"), "https://f.example/viewtopic.php?t=5&start=25");
}

TEST(NormalizeUrl, ResolvesDotSegments) {
  EXPECT_EQ(norm("http://example.com/a/./b/../c"), "http://example.com/a/c");
}

TEST(NormalizeUrl, GivesEmptyPathASlash) {
  EXPECT_EQ(norm("http://example.com"), "http://example.com/");
}

TEST(NormalizeUrl, TrimsWhitespaceAndEscapesSpaces) {
  EXPECT_EQ(norm("  http://example.com/a b \n"), "http://example.com/a%20b");
}

TEST(NormalizeUrl, RejectsRelativeAndOtherSchemes) {
  for (const char* bad :
       {"/relative/path", "example.com/x", "ftp://example.com/", "mailto:a@b.c", "", "http://"}) {
    auto r = normalize_url(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument) << bad;
  }
}

TEST(ResolveUrl, ResolvesRelativeReferences) {
  const std::string base = "https://example.com/2022/12/16/soyuz/";
  EXPECT_EQ(resolve_url(base, "comment-page-2/"),
            "https://example.com/2022/12/16/soyuz/comment-page-2/");
  EXPECT_EQ(resolve_url(base, "../other/"), "https://example.com/2022/12/16/other/");
  EXPECT_EQ(resolve_url(base, "/tag/soyuz/"), "https://example.com/tag/soyuz/");
  EXPECT_EQ(resolve_url(base, "?replytocom=5#respond"),
            "https://example.com/2022/12/16/soyuz/?replytocom=5");
  EXPECT_EQ(resolve_url(base, "//cdn.example.org/x.png"), "https://cdn.example.org/x.png");
  EXPECT_EQ(resolve_url(base, "HTTP://Other.Example:80/"), "http://other.example/");
}

TEST(ResolveUrl, EmptyOrFragmentOnlyIsThePageItselfNotALink) {
  const std::string base = "https://example.com/post/";
  EXPECT_EQ(resolve_url(base, ""), std::nullopt);
  EXPECT_EQ(resolve_url(base, "  "), std::nullopt);
  EXPECT_EQ(resolve_url(base, "#comments"), std::nullopt);
}

TEST(UrlOrigin, ReadOffANormalizedSpellingOrParsed) {
  EXPECT_EQ(url_origin("http://127.0.0.1:8080/a?b"), "127.0.0.1:8080");
  EXPECT_EQ(url_origin("https://example.com"), "example.com");
  EXPECT_EQ(url_origin("https://[::1]:8443/x"), "[::1]:8443");
  // Not normalize_url()'s spelling: parsed, so the answer is the same.
  EXPECT_EQ(url_origin("HTTPS://Example.COM:443/a"), "example.com");
  EXPECT_EQ(url_origin("http://example.com:80/"), "example.com");
  EXPECT_EQ(url_origin("http://user:pw@example.com/"), "example.com");
}

TEST(ResolveUrl, RefusesNonHttpSchemes) {
  const std::string base = "https://example.com/post/";
  EXPECT_EQ(resolve_url(base, "mailto:someone@example.com"), std::nullopt);
  EXPECT_EQ(resolve_url(base, "javascript:void(0)"), std::nullopt);
  EXPECT_EQ(resolve_url(base, "tel:+123"), std::nullopt);
  EXPECT_EQ(resolve_url(base, "ftp://example.com/file"), std::nullopt);
}

TEST(ResolveUrl, CleansWhitespaceInsideLinks) {
  EXPECT_EQ(resolve_url("https://example.com/", " /a\n/b c "), "https://example.com/a/b%20c");
}

TEST(UrlOrigin, IsHostWithNonDefaultPort) {
  EXPECT_EQ(url_origin("http://127.0.0.1:8080/a?b"), "127.0.0.1:8080");
  EXPECT_EQ(url_origin("https://example.com/"), "example.com");
  EXPECT_EQ(url_origin("https://example.com:443/"), "example.com");
}

TEST(Url, ParsesAnySpellingIntoTheOne) {
  auto a = Url::parse("HTTP://User:Secret@Example.COM:80/a/./b/../c?x=1&PHPSESSID=abc#frag");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->str(), "http://example.com/a/c?x=1");
  EXPECT_EQ(a->scheme(), "http");
  EXPECT_EQ(a->origin(), "example.com");
  EXPECT_EQ(a->path_and_query(), "/a/c?x=1");
  EXPECT_EQ(*a, *Url::parse("http://example.com/a/c?x=1"));
  auto b = Url::parse("https://[::1]:8443");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->origin(), "[::1]:8443");
  EXPECT_EQ(b->path_and_query(), "/");
  EXPECT_FALSE(Url::parse("/relative"));
  EXPECT_FALSE(Url::parse("ftp://example.com/"));
  EXPECT_EQ(Url::resolve(*a, "../d?y#z")->str(), "http://example.com/d?y");
  EXPECT_FALSE(Url::resolve(*a, "mailto:x@example.com"));
  EXPECT_FALSE(Url::resolve(*a, "#top"));
}

TEST(UrlScheme, IsLowercase) { EXPECT_EQ(url_scheme("HTTPS://example.com/"), "https"); }

TEST(UrlPathAndQuery, KeepsTheQuery) {
  EXPECT_EQ(url_path_and_query("https://example.com/a/b?x=1&y"), "/a/b?x=1&y");
  EXPECT_EQ(url_path_and_query("https://example.com"), "/");
  EXPECT_EQ(url_path_and_query("https://example.com/a#frag"), "/a");
}

}  // namespace
}  // namespace fora::crawler

namespace fora::crawler {
namespace {

// resolve_url() answers plain links without curl; it must answer exactly as curl does. The
// corpus: every href of every real page in the fixtures and of the sample site, each
// resolved against two bases, plus links made to sit on the edge of the fast path.
std::vector<std::string> hrefs_under(const std::filesystem::path& dir) {
  static const std::regex kHref(R"re(href\s*=\s*(?:"([^"]*)"|'([^']*)'))re", std::regex::icase);
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    const auto ext = entry.path().extension();
    if (ext != ".html" && ext != ".htm") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator it(text.begin(), text.end(), kHref), end; it != end; ++it) {
      std::string href = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
      for (std::size_t at; (at = href.find("&amp;")) != std::string::npos;) href.replace(at, 5, "&");
      out.push_back(std::move(href));
    }
  }
  return out;
}

TEST(ResolveUrl, FastPathAnswersAsCurlDoes) {
  std::vector<std::string> refs = hrefs_under(FORA_SOURCE_DIR "/data/sample-site");
  if (std::filesystem::is_directory(FORA_FIXTURES_DIR)) {
    auto real = hrefs_under(FORA_FIXTURES_DIR);
    refs.insert(refs.end(), real.begin(), real.end());
  } else {
    std::cerr << "no fixture folder at " << FORA_FIXTURES_DIR << ": only the sample site's links\n";
  }
  for (const char* edge :
       {"/a/./b", "/a/../b", "/a/b/..", "/.", "/a//b", "/a?", "/a?b", "/a?b=1&sid=0123456789abcdef0123456789abcdef",
        "/a?utm_source=x&b=2", "/a;jsessionid=1", "/a%20b", "/a b", "/caf\xc3\xa9", "/a#frag", "/a?b#c",
        "//other.example/x", "http://Example.com/a", "http://example.com:80/a", "https://example.com/a?b=c#d",
        "http://user@example.com/", "http://example.com", "/a/'b'/(c)!$*+,:@~", "/a\\b", "/a|b", "/a^b",
        "/a{b}", "/a`b", "/a\"b", "/a<b>", "/%7Euser", "/a?b?c", "/a?&&b", "/a?;b", "/\t/a", "/a\n"}) {
    refs.push_back(edge);
  }
  ASSERT_GT(refs.size(), 100u);
  std::size_t compared = 0;
  for (const char* base : {"https://forum.example.com/t/some-topic/123?page=2", "http://127.0.0.1:8080/a/b/"}) {
    for (const std::string& ref : refs) {
      const auto resolved = resolve_url(base, ref);
      EXPECT_EQ(resolved, detail::resolve_url_with_curl(base, ref)) << "base " << base << ", ref " << ref;
      ++compared;
      // The value type spells and splits each as the free functions do.
      const auto url = Url::resolve(*Url::parse(base), ref);
      ASSERT_EQ(url.has_value(), resolved.has_value()) << ref;
      if (!url) continue;
      EXPECT_EQ(url->str(), *resolved);
      EXPECT_EQ(url->origin(), url_origin(*resolved)) << *resolved;
      EXPECT_EQ(url->scheme(), url_scheme(*resolved)) << *resolved;
      EXPECT_EQ(url->path_and_query(), url_path_and_query(*resolved)) << *resolved;
      const auto again = Url::parse(url->str());
      ASSERT_TRUE(again) << url->str();
      EXPECT_EQ(*again, *url);
    }
  }
  std::cerr << compared << " links compared\n";
}

}  // namespace
}  // namespace fora::crawler
