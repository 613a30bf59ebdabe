// Listing rows: what a page that lists threads (a forum's topic list, a blog's home page, a
// "recent posts" box) shows about each thread it links to. A forum prints, beside each topic
// link, its reply count, last poster and last post time; when any of these changes, the
// topic changed. `fora update` keeps a hash of every (link, row text) pair it has seen, and
// a pair never seen before sends it to the linked page, whatever its revisit schedule says.
//
// The row is found by shape, not by engine: from the link up, the outermost element whose
// parent holds another child of the same tag and class, and that holds at most 16 links
// (phpBB's li.row, XenForo's div.structItem, Discourse's tr, WordPress's article, a
// pagination's a.page-numbers); an <li>, <tr> or <article> is a row even alone, as on the
// last page of a listing. A link in no such structure is its own row (a topic alone on the
// last page of a listing of <div>s is asked for once more when it moves to another page). A <time> counts by its datetime attribute,
// not its text, so "3 hours ago" turning into "4 hours ago" changes nothing; view counters
// (class "views", a <dt>Views</dt>) do not count, since every reader moves them.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "fora/extract/thread.h"
#include "fora/url/url.h"

namespace fora::extract {

struct ListingRows {
  std::vector<LinkRow> rows;            // one per distinct <a href>, in page order (the first row)
  std::optional<std::int64_t> newest;   // the latest <time datetime> on the page
};
// The rows of `doc`, its links resolved against `base`.
ListingRows listing_rows(xmlDoc* doc, const Url& base);

}  // namespace fora::extract
