// Entries without an engine id (content_hash: a hash of author, date and words) change id
// when they are edited, or when a relative date ("3 hours ago") is read again. So that an
// edit is a version of the entry and not a new entry beside a gone one, the new ids a page
// read whole brings are first matched to entries of the same thread last seen on that page
// and missing from it now: same author, the most words in common (at least half of either's
// distinct words), in page order. A matched entry takes the stored native id.
#pragma once

#include <cstdint>
#include <vector>

#include "entry_text.h"
#include "fora/extract/thread.h"

namespace fora::archive {

// Renames, in `comments`, the content ids that match a stored entry of `thread` last seen
// on page `page_id` (0: the page is not read whole, nothing is matched).
Status match_unidentified(const EntryWords& a, std::int64_t thread, std::int64_t page_id,
                          std::vector<extract::Entry>& comments);

}  // namespace fora::archive
