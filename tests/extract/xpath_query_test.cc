// XPathQuery: the has-token() rewrite of the class test must select exactly what the XPath
// 1.0 spelling selects, whatever blanks separate the words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_document.h"
#include "xpath/xpath_query.h"

namespace fora::extract {
namespace {

constexpr const char* kPage =
    "<html><body>"
    "<div id='a' class='comment'>1</div>"
    "<div id='b' class='x comment y'>2</div>"
    "<div id='c' class=' x\tcomment\ny '>3</div>"
    "<div id='d' class='comments'>4</div>"
    "<div id='e' class='comment-body'>5</div>"
    "<div id='f'>6</div>"
    "<div id='g' class=''>7</div>"
    "<div id='h' data-role='a comment'>8</div>"
    "</body></html>";

std::vector<std::string> ids(const std::string& xpath) {
  auto doc = parse_html(kPage, "http://example.com/", "text/html");
  EXPECT_TRUE(doc);
  XPathContextPtr ctx = new_quiet_context(doc->get());
  auto q = XPathQuery::compile(xpath);
  EXPECT_TRUE(q) << xpath;
  return eval_strings(*q, ctx.get(), nullptr);
}

TEST(XPathQuery, ClassTestSelectsWholeWordsOnly) {
  const std::vector<std::string> want = {"a", "b", "c"};
  EXPECT_EQ(ids("//div[contains(concat(' ',normalize-space(@class),' '),' comment ')]/@id"), want);
  EXPECT_EQ(ids("//div[has-token(@class,'comment')]/@id"), want);
  // Spaces inside the expression, another attribute, negation: still the same meaning.
  EXPECT_EQ(ids("//div[contains( concat( ' ', normalize-space( @data-role ), ' ' ), ' comment ' )]/@id"),
            std::vector<std::string>{"h"});
  EXPECT_EQ(ids("//div[not(contains(concat(' ',normalize-space(@class),' '),' comment '))]/@id"),
            (std::vector<std::string>{"d", "e", "f", "g", "h"}));
}

TEST(XPathQuery, HasTokenOfAStringAndOfNothing) {
  EXPECT_EQ(ids("string(has-token('a b  c', 'b'))"), std::vector<std::string>{"true"});
  EXPECT_EQ(ids("string(has-token(//nothing/@class, 'b'))"), std::vector<std::string>{"false"});
  EXPECT_EQ(ids("string(has-token('a b', ''))"), std::vector<std::string>{"false"});
}

}  // namespace
}  // namespace fora::extract
