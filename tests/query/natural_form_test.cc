#include <gtest/gtest.h>

#include <set>

#include "fora/indexer/fields.h"
#include "natural_form.h"

namespace fora::query {
namespace {

class NaturalFormTest : public ::testing::Test {
 protected:
  Reading read(std::string_view q) {
    const KnownAuthors known{[this](std::string_view name) { return authors_.count(indexer::fold(name)) > 0; },
                             [this](std::string_view name) {
                               std::vector<std::string> longer;
                               for (const auto& a : authors_)
                                 if (a.starts_with(indexer::fold(name) + " ")) longer.push_back(a);
                               return longer;
                             }};
    return read_natural(q, known);
  }
  std::set<std::string> authors_{"edward", "edward smith", "david eastman", "zoe angstrom"};
};

TEST_F(NaturalFormTest, ReadsAuthorTypeAndTopic) {
  auto r = read("every Edward comment on Soyuz");
  EXPECT_EQ(r.query, "author:Edward type:comment soyuz");
  EXPECT_TRUE(r.rewritten);
}

TEST_F(NaturalFormTest, PrefersTheLongestKnownName) {
  EXPECT_EQ(read("all Edward Smith replies about radiators").query,
            "author:\"Edward Smith\" type:comment radiators");
  EXPECT_EQ(read("comments by Zoë Ångström").query, "author:\"Zoë Ångström\" type:comment");
}

TEST_F(NaturalFormTest, CapitalisedWordsThatAreNoAuthorStayWords) {
  EXPECT_EQ(read("Soyuz posts mentioning Roscosmos").query, "type:post soyuz roscosmos");
}

TEST_F(NaturalFormTest, PossessiveAndPunctuationAreIgnored) {
  EXPECT_EQ(read("David Eastman's comments on Soyuz?").query,
            "author:\"David Eastman\" type:comment soyuz");
}

TEST_F(NaturalFormTest, LeavesQueriesWithoutAuthorOrTypeAlone) {
  auto r = read("the Soyuz leak");
  EXPECT_EQ(r.query, "the Soyuz leak");
  EXPECT_FALSE(r.rewritten);
}

TEST_F(NaturalFormTest, LeavesFieldSyntaxAlone) {
  for (const char* q : {"author:Edward comment", "\"Edward comment\"", "Edward AND comment",
                        "Edward -comment", "(Edward comment)", "comm* Edward"}) {
    auto r = read(q);
    EXPECT_EQ(r.query, q);
    EXPECT_FALSE(r.rewritten) << q;
  }
}

TEST_F(NaturalFormTest, BothTypesMeanNoTypeFilter) {
  EXPECT_EQ(read("Edward posts and comments").query, "author:Edward");
}

}  // namespace
}  // namespace fora::query
