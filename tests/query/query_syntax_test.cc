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
                        "\"micrometeorite hit\"", "thread:http://example.com/a/", "10:30 launch", "-leak +iss",
                        "soyuz OR \"space station\"", "\"space station\" OR soyuz", "(iss OR \"space station\")"}) {
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

TEST(QuerySyntax, RejectsAFieldWithoutAValueNamingIt) {
  for (const char* name : {"author", "type", "site", "thread", "tag", "category", "replyto", "is",
                           "own", "quote", "topic", "date", "seen"}) {
    const std::string field = std::string(name) + ":";
    for (const std::string& q : {field, field + " soyuz", "soyuz " + field, "(soyuz " + field + ")",
                                 field + "\"\"", "-" + field, "soyuz NOT " + field}) {
      const std::string p = problem(q);
      EXPECT_NE(p.find(field + " at character "), std::string::npos) << q << ": " << p;
      EXPECT_NE(p.find("has no value"), std::string::npos) << q << ": " << p;
    }
  }
  EXPECT_EQ(problem("author:\"David Eastman\""), "");
}

TEST(QuerySyntax, ANegatedFieldIsCheckedLikeAnyOther) {
  EXPECT_EQ(problem("-author:Edward"), "");
  EXPECT_EQ(problem("+type:comment"), "");
  EXPECT_NE(problem("-autor:Edward").find("autor:"), std::string::npos);
}

TEST(QuerySyntax, RejectsQueriesTooLongOrTooBroad) {
  std::string words;
  for (int k = 0; k < 1001; ++k) words += "w ";
  EXPECT_NE(problem(words).find("too many words"), std::string::npos);
  EXPECT_NE(problem(std::string(10001, 'a')).find("too long"), std::string::npos);
  std::string wildcards;
  for (int k = 0; k < 21; ++k) wildcards += "a* ";
  EXPECT_NE(problem(wildcards).find("too broad"), std::string::npos);
  EXPECT_EQ(problem(wildcards.substr(3)), "") << "20 wildcards are fine";
  std::string many;
  for (int k = 0; k < 1000; ++k) many += "w ";
  EXPECT_EQ(problem(many), "") << "1000 words are fine";
}

}  // namespace
}  // namespace fora::query
