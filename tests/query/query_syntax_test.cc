#include <gtest/gtest.h>

#include "query_syntax.h"

namespace fora::query {
namespace {

std::string problem(std::string_view q) {
  auto s = check_query_syntax(q);
  return s ? "" : s.error().message;
}

TEST(QuerySyntax, AcceptsTheDocumentedForms) {
  for (const char* q : {"soyuz", "author:Edward type:comment soyuz", "author:\"David Eastman\"",
                        "(soyuz OR progress) AND NOT author:Edward", "NOT soyuz", "date:2022-01-01..2022-12-31",
                        "\"micrometeorite hit\"", "thread:http://example.com/a/", "10:30 launch", "-leak +iss"}) {
    EXPECT_EQ(problem(q), "") << q;
  }
}

TEST(QuerySyntax, RejectsUnclosedQuoteAndParenthesis) {
  EXPECT_NE(problem("author:\"David Eastman"), "");
  EXPECT_NE(problem("author:Edward AND (soyuz"), "");
  EXPECT_NE(problem("soyuz)"), "");
}

TEST(QuerySyntax, RejectsUnknownFieldNamingIt) {
  const std::string p = problem("autor:Edward");
  EXPECT_NE(p.find("autor:"), std::string::npos) << p;
  auto s = check_query_syntax("autor:Edward");
  EXPECT_NE(s.error().hint.find("author"), std::string::npos);
}

TEST(QuerySyntax, RejectsDanglingOperators) {
  EXPECT_NE(problem("soyuz AND"), "");
  EXPECT_NE(problem("OR soyuz"), "");
}

}  // namespace
}  // namespace fora::query
