#include <gtest/gtest.h>

#include <set>

#include "fora/indexer/fields.h"

namespace fora::indexer {
namespace {

TEST(Fields, PrefixesAreUniqueAndNamesResolve) {
  std::set<std::string_view> prefixes;
  for (const auto& f : fields()) EXPECT_TRUE(prefixes.insert(f.prefix).second) << f.prefix;
  EXPECT_EQ(field_by_name("author"), Field::Author);
  EXPECT_EQ(field_by_name("topic"), Field::Topic);
  EXPECT_FALSE(field_by_name("nosuch").has_value());
  for (const auto& f : fields()) EXPECT_EQ(&field_info(f.field), &f);
}

TEST(Fields, BooleanTermsFoldWhereTheFieldSaysSo) {
  EXPECT_EQ(boolean_term(Field::Author, "Edward  Smith"), "Aedward smith");
  EXPECT_EQ(boolean_term(Field::Tag, "Soyuz"), "Ksoyuz");
  EXPECT_EQ(boolean_term(Field::Thread, "https://x.org/A"), "XTHREADhttps://x.org/A");
}

TEST(Fields, ColonSeparatesAnUpperCaseValueFromThePrefix) {
  EXPECT_EQ(boolean_term(Field::Thread, "Upper"), "XTHREAD:Upper");
}

TEST(Fields, LongValuesAreCutWithAHashAndStayDistinct) {
  std::string a(400, 'a'), b = a;
  b.back() = 'b';
  std::string ta = boolean_term(Field::Thread, a), tb = boolean_term(Field::Thread, b);
  EXPECT_LE(ta.size(), 245u);
  EXPECT_NE(ta, tb);
  EXPECT_EQ(ta, boolean_term(Field::Thread, a));
}

TEST(Fields, DateValueIsSortableUtc) {
  EXPECT_EQ(date_value(0), "19700101000000");
  EXPECT_EQ(date_value(1671183000), "20221216093000");
}

TEST(Fields, ATermIsReadBackToItsField) {
  EXPECT_EQ(field_of_term(boolean_term(Field::Author, "Edward")), Field::Author);
  EXPECT_EQ(field_of_term(boolean_term(Field::Type, "comment")), Field::Type);
  EXPECT_EQ(field_of_term(boolean_term(Field::Month, "202212")), Field::Month);
  EXPECT_EQ(field_of_term(boolean_term(Field::Thread, "https://example.com/t/1")), Field::Thread);
  EXPECT_EQ(field_of_term("Ssoyuz"), Field::Topic);
  EXPECT_EQ(field_of_term("XQUOTEabort"), Field::Quote);
  EXPECT_EQ(field_of_term("soyuz"), Field::Own);
  EXPECT_EQ(field_of_term("XREPLYTOedward"), Field::ReplyTo) << "the longest prefix, not X... alone";
}

}  // namespace
}  // namespace fora::indexer
