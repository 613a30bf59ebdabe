// date_query() against the definition of a range: an entry is in it when its date slot value
// lies between the bounds. Entries are dated every 13 hours and 7 minutes from 2019-12-20 to
// 2024-03-05 (leap days, month and year ends included); every range below is read both ways.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "date_filter.h"
#include "date_query.h"
#include "fora/indexer/fields.h"

namespace fora::query {
namespace {

using indexer::Field;

constexpr std::int64_t kFirst = 1576800000;  // 2019-12-20 00:00:00 UTC
constexpr std::int64_t kLast = 1709596800;   // 2024-03-05 00:00:00 UTC
constexpr std::int64_t kStep = 13 * 3600 + 7 * 60;
constexpr std::int64_t kNow = 1709251200;    // 2024-03-01 00:00:00 UTC

class DateQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (std::int64_t t = kFirst; t <= kLast; t += kStep) {
      const std::string date = indexer::date_value(t);
      Xapian::Document doc;
      doc.add_boolean_term(indexer::boolean_term(Field::Year, date.substr(0, 4)));
      doc.add_boolean_term(indexer::boolean_term(Field::Month, date.substr(0, 6)));
      doc.add_boolean_term(indexer::boolean_term(Field::Day, date.substr(0, 8)));
      doc.add_value(indexer::kDateSlot, date);
      dates_.push_back(date);
      db_.add_document(doc);  // docid = position in dates_ + 1
    }
    Xapian::Document undated;
    db_.add_document(undated);
  }

  std::set<Xapian::docid> matches(const Xapian::Query& q) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    std::set<Xapian::docid> out;
    const Xapian::MSet found = enquire.get_mset(0, db_.get_doccount());
    for (auto it = found.begin(); it != found.end(); ++it) out.insert(*it);
    return out;
  }

  // The definition: slot values between the filter's bounds (an open end takes all).
  std::set<Xapian::docid> expected(const DateFilter& f) {
    std::set<Xapian::docid> out;
    for (std::size_t i = 0; i < dates_.size(); ++i)
      if ((f.low.empty() || dates_[i] >= f.low) && (f.high.empty() || dates_[i] <= f.high))
        out.insert(static_cast<Xapian::docid>(i + 1));
    return out;
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::vector<std::string> dates_;
};

TEST_F(DateQueryTest, RangesFindWhatTheirBoundsSay) {
  for (const char* range :
       {"2015-03-01..2015-06-30", "2020-02-28..2020-03-01", "2019..2020", "..2019-12-31", "..2021-02",
        "2023-12-31..", "2020-01-01..2020-01-01", "2021-06-15..2023-02-14", "2019-12-20..2024-03-05",
        "1990..2030", "2030..", "..2019-12-19", "2022-02..2022-02", "30d..", "8w..2d", "..400d", "2y..1y",
        "1d..0d", "2020-02-29..2020-02-29"}) {
    auto filter = parse_date_filter("date", range, kNow);
    ASSERT_TRUE(filter) << range << ": " << filter.error().message;
    ASSERT_TRUE(filter->is_range) << range;
    const auto want = expected(*filter);
    EXPECT_EQ(matches(date_query(*filter, db_)), want) << range << " (" << want.size() << " expected)";
    EXPECT_EQ(matches(slot_query(*filter, indexer::kDateSlot)), want) << range << " over the slot";
  }
}

TEST_F(DateQueryTest, WholeMonthsAndYearsAreOneTermEach) {
  auto four_months = parse_date_filter("date", "2021-03-01..2021-06-30", kNow);
  ASSERT_TRUE(four_months);
  const std::string d = date_query(*four_months, db_).get_description();
  for (const char* month : {"M202103", "M202104", "M202105", "M202106"})
    EXPECT_NE(d.find(month), std::string::npos) << d;
  EXPECT_EQ(d.find("D2021"), std::string::npos) << d;
  EXPECT_EQ(d.find("VALUE"), std::string::npos) << d;

  auto years = parse_date_filter("date", "..2022", kNow);
  ASSERT_TRUE(years);
  const std::string y = date_query(*years, db_).get_description();
  for (const char* year : {"Y2019", "Y2020", "Y2021", "Y2022"}) EXPECT_NE(y.find(year), std::string::npos) << y;
  EXPECT_EQ(y.find("Y2018"), std::string::npos) << "clipped to the years the index holds: " << y;
}

TEST(DateQuery, AnIndexWithNoDatesMatchesNoRange) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(Xapian::Document());
  auto filter = parse_date_filter("date", "2020..", kNow);
  ASSERT_TRUE(filter);
  Xapian::Enquire enquire(db);
  enquire.set_query(date_query(*filter, db));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
}

}  // namespace
}  // namespace fora::query
