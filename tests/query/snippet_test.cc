#include <gtest/gtest.h>

#include "snippet.h"

namespace fora::query {
namespace {

TEST(Snippet, MarkersBecomeSpansOverUnescapedText) {
  Snippet s = snippet_from_marked("Tom &amp; \x01Jerry\x02 &lt;3 \x01soyuz\x02\xe2\x80\xa6");
  EXPECT_EQ(s.text, "Tom & Jerry <3 soyuz\xe2\x80\xa6");
  ASSERT_EQ(s.highlights.size(), 2u);
  EXPECT_EQ(s.text.substr(s.highlights[0].begin, s.highlights[0].length), "Jerry");
  EXPECT_EQ(s.text.substr(s.highlights[1].begin, s.highlights[1].length), "soyuz");
}

TEST(Snippet, DropsStrayControlCharacters) {
  EXPECT_EQ(snippet_from_marked("a\x1b[31mb").text, "a[31mb");
}

TEST(Snippet, LeadingSnippetCutsAtAWord) {
  EXPECT_EQ(leading_snippet("short", 200).text, "short");
  EXPECT_EQ(leading_snippet("one two three four", 10).text, "one two\xe2\x80\xa6");
  // No space to cut at: never split a UTF-8 sequence.
  std::string s = leading_snippet("ééééé", 5).text;
  EXPECT_EQ(s, "éé\xe2\x80\xa6");
}

}  // namespace
}  // namespace fora::query
