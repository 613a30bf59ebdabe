// A parsed `date:` or `seen:` filter (date_filter.h) as a Xapian query.
#pragma once

#include <xapian.h>

#include "date_filter.h"

namespace fora::query {

// `date:` over the entry's own date. A day, month or year is its term. A range is the fewest
// Y, M and D terms that cover its whole days (2015-03-01..2015-06-30 is four months), clipped
// to the years the index holds, and a value test on the date slot for a day it covers in part
// (a relative end such as 30d.. is an instant): terms make the range a cheap filter, where a
// range over the slot reads every document's date (33 ms at 1,000,000 entries against a few).
Xapian::Query date_query(const DateFilter& filter, const Xapian::Database& db);

// `seen:` over the slot of when fora first saw the entry (it has no terms).
Xapian::Query slot_query(const DateFilter& filter, unsigned slot);

}  // namespace fora::query
