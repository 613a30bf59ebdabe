#include <gtest/gtest.h>

#include "fora/indexer/fields.h"

namespace fora::indexer {
namespace {

TEST(Fold, RemovesAccentsCaseAndExtraSpaces) {
  EXPECT_EQ(fold("Zoë  Ångström"), "zoe angstrom");
  EXPECT_EQ(fold("ÉDOUARD"), "edouard");
  EXPECT_EQ(fold("  Edward\tSmith \n"), "edward smith");
}

TEST(Fold, UsesFullCaseFoldingAndCompatibilityForms) {
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("\uFB01le"), "file");          // the "fi" ligature
  EXPECT_EQ(fold("\uFF21\uFF22"), "ab");        // full-width A B
}

TEST(Fold, KeepsLettersThatAreNotAccentedLatin) {
  EXPECT_EQ(fold("Дмитрий"), "дмитрии");  // й decomposes to и + breve; the mark goes
  EXPECT_EQ(fold("東京"), "東京");
}

TEST(Fold, SurvivesInvalidUtf8) {
  std::string folded = fold("Ed\xffward");
  EXPECT_NE(folded.find("ed"), std::string::npos);
}

}  // namespace
}  // namespace fora::indexer
