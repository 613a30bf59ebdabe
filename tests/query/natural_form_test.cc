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

TEST_F(NaturalFormTest, AQuestionIsAskedOnlyInItsOwnWords) {
  // "who" asks for the authors only before a verb of writing, and not as the acronym.
  EXPECT_TRUE(read("who wrote most about Soyuz").count_by);
  EXPECT_TRUE(read("Who posted the most comments").count_by);
  EXPECT_FALSE(read("WHO wrote guidance").count_by);
  EXPECT_FALSE(read("who is Edward").count_by);
  // Threads are asked for before a filler word, not when "thread" is the subject.
  EXPECT_TRUE(read("threads about Voyager").by_thread);
  EXPECT_TRUE(read("which discussions mention Soyuz").by_thread);
  EXPECT_FALSE(read("thread safety in 2023").by_thread);
  EXPECT_EQ(read("thread safety in 2023").query, "date:2023 thread safety");
}

TEST_F(NaturalFormTest, DatesInWords) {
  EXPECT_EQ(read("Edward in 2023").query, "author:Edward date:2023");
  EXPECT_EQ(read("Edward in Dec 2022").query, "author:Edward date:2022-12");
  EXPECT_EQ(read("Edward since 2021").query, "author:Edward date:2021..");
  EXPECT_EQ(read("Edward after December 2022").query, "author:Edward date:2023-01..");
  EXPECT_EQ(read("Edward before January 2020").query, "author:Edward date:..2019-12");
  EXPECT_EQ(read("Edward until 2020").query, "author:Edward date:..2020");
  EXPECT_EQ(read("Edward from 2019 to March 2020").query, "author:Edward date:2019..2020-03");
  // A year alone, or "may" without a year, is a word.
  EXPECT_EQ(read("Edward 2023").query, "author:Edward 2023");
  EXPECT_EQ(read("Edward may fly").query, "author:Edward may fly");
}

}  // namespace
}  // namespace fora::query
