// Every real page in ../shared/fixtures/real against its gold file (tests/extract/gold/, read
// from the page itself by tools/gold/read_fixture.py, never from fora's output), and every
// page fora keeps for itself in tests/extract/pages/ (markup an engine prints where no real
// page could be kept, see its SOURCES.md) against the gold file beside it, written by hand.
// The goal of issue 6, per page: >= 95% of the entries found, >= 95% of the authors exact,
// every printed date exact to the minute, parents where the page shows them, and no stray
// entries.
#include <gtest/gtest.h>

#include "gold_score.h"

namespace fora::extract::gold {
namespace {

const std::filesystem::path kFixtures = FORA_FIXTURES_DIR;
const std::filesystem::path kGold = FORA_SOURCE_DIR "/tests/extract/gold";
const std::filesystem::path kOwnPages = FORA_SOURCE_DIR "/tests/extract/pages";

class GoldPages : public ::testing::TestWithParam<GoldPage> {
 protected:
  static void SetUpTestSuite() {
    auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    ASSERT_TRUE(e) << e.error().message;
    extractor_ = new Extractor(std::move(*e));
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }
  static Extractor* extractor_;
};
Extractor* GoldPages::extractor_ = nullptr;

std::string problems(const Score& s) {
  std::string out;
  for (std::size_t i = 0; i < s.problems.size() && i < 15; ++i) out += "\n  " + s.problems[i];
  return out;
}

void expect_goal(const Score& s, const GoldPage& gold) {
  EXPECT_FALSE(s.reader.empty()) << "no reader claims " << gold.page;
  EXPECT_GE(s.found * 100, s.expected * 95) << s.found << "/" << s.expected << problems(s);
  EXPECT_GE(s.authors_ok * 100, s.authors * 95) << s.authors_ok << "/" << s.authors << problems(s);
  EXPECT_EQ(s.dates_ok, s.dates) << problems(s);
  EXPECT_GE(s.parents_ok * 100, s.parents * 95) << s.parents_ok << "/" << s.parents << problems(s);
  EXPECT_GE(s.words_ok * 100, s.found * 90) << s.words_ok << "/" << s.found << problems(s);
  EXPECT_EQ(s.stray, 0) << problems(s);
}

TEST_P(GoldPages, MeetsTheExtractionGoal) {
  const GoldPage& gold = GetParam();
  if (!std::filesystem::exists(kFixtures / gold.page))
    GTEST_SKIP() << "fixture absent: " << (kFixtures / gold.page).string()
                 << " (real pages are not shipped with fora)";
  expect_goal(score(*extractor_, kFixtures, gold), gold);
}

// The pages in the repository are always there.
class OwnPages : public GoldPages {};

TEST_P(OwnPages, MeetsTheExtractionGoal) {
  const GoldPage& gold = GetParam();
  expect_goal(score(*extractor_, kOwnPages, gold), gold);
}

std::string page_name(const ::testing::TestParamInfo<GoldPage>& info) {
  std::string name = info.param.page;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldPages, ::testing::ValuesIn(load_all(kGold)), page_name);
INSTANTIATE_TEST_SUITE_P(Repository, OwnPages, ::testing::ValuesIn(load_all(kOwnPages)), page_name);

}  // namespace
}  // namespace fora::extract::gold
