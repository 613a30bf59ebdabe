// The extracted model: what one fetched page says about a discussion thread.
// Produced by fora::extract, stored by fora::archive, indexed by fora::indexer.
// Plain values; safe to copy and move between threads.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/url/url.h"

namespace fora::extract {

// How much of a date the page told. Pages print dates in many ways; fora keeps what it read
// and says how sure it is, so output can mark a date approximate.
enum class DatePrecision {
  Exact,        // a moment with its UTC offset (ISO 8601 with zone, epoch, "... UTC")
  NoZone,       // wall-clock date and time printed without a zone, read as UTC
  Day,          // only the day was printed (midnight UTC)
  Approximate,  // relative ("3 hours ago", "Yesterday 10:15"), resolved against the capture time
};

// "exact", "no-zone", "day", "approximate": how --json and the catalog name a precision.
const char* precision_name(DatePrecision p);

// A passage the writer quoted from someone else ("David Eastman wrote: <blockquote>…").
struct Quote {
  std::string author;  // the quoted person when attributable, else empty
  std::string text;    // plain UTF-8, whitespace collapsed
};

// A post or a comment: one entry of a thread. All text is plain UTF-8 with control
// characters removed (crawled text is untrusted).
struct Entry {
  std::string native_id;   // the engine's id ("5" for WordPress comment-5); for a post the
                           // thread's native id; a content hash where the engine has none
                           // (is_content_id: the archive matches such entries across
                           // fetches by author and words, so an edit stays one entry)
  std::string author;      // display name as shown on the page
  std::optional<std::int64_t> published;  // Unix seconds, UTC; empty when unreadable
  std::string parent_id;   // native id of the comment replied to; empty for top level
  std::string text;        // the writer's own words (quoted passages removed)
  std::vector<Quote> quotes;
  std::string url;         // absolute URL of the page it was found on, with #anchor if any
  DatePrecision precision = DatePrecision::Exact;  // of `published`
  std::optional<std::int64_t> edited;     // "Last edited ..." time when the page shows it
};

// Whether `native_id` is a content hash ("h" and 16 hex digits) rather than the engine's id.
bool is_content_id(std::string_view native_id);

// What a thread page contributes. A thread split over comment pages yields one
// ThreadPage per page, all with the same thread_id; the archive merges them.
struct ThreadPage {
  std::string thread_id;   // engine's native thread id ("12" for WordPress post 12)
  std::string thread_url;  // canonical URL of the thread's first page
  std::string title;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<Entry> post;       // the opening post, when this page shows it
  std::vector<Entry> comments;     // in page order
  // True when no other page of the thread changes with this one (a mail archive's page of
  // one message, a thread's flat view of every message): an update that finds it changed
  // does not look at the thread's other pages.
  bool stands_alone = false;
  // The thread's own feed of its newest entries, where the engine prints one (WordPress's
  // post comments feed, a profile's `thread_feed`); "" when none. An update that finds a
  // thread of several pages changed reads it to learn which of its pages hold new entries.
  std::string feed;
};

// "The page at child_url replies to the page at parent_url": what a mail archive's thread
// index says of the message pages it lists (pipermail prints a parent nowhere else).
struct ReplyLink {
  std::string child_url;
  std::string parent_url;
};

// A link of a page that is no thread, and a hash of it with the text of the listing row it
// sits in (a topic list's title, reply count, last post): a new hash says the linked thread
// changed (listing_rows.h).
struct LinkRow {
  Url url;
  std::uint64_t hash = 0;
};

// Page::every_update_until of a page that always shows what is new first.
inline constexpr std::int64_t kEveryUpdate = std::numeric_limits<std::int64_t>::max();

// Everything extracted from one HTML page.
struct Page {
  std::optional<ThreadPage> thread;   // empty for pages that are not a thread (home, archives)
  std::vector<Url> links;             // absolute URLs of <a href> (and <area>, <link rel=next, prev,
                                      // canonical>), fragment removed, page order;
                                      // on an engine's pages only those its [crawl] rules follow
  std::size_t links_dropped = 0;      // links the engine's [crawl] rules call traps or noise
  std::vector<Url> feeds;             // the engine's feeds of new threads and comments on this site
  std::vector<LinkRow> rows;          // when no thread was read: each of `links` with its row
  std::optional<std::int64_t> newest_date;  // when no thread was read: its latest <time datetime>
  std::vector<ReplyLink> reply_links; // replies among other pages (a thread index)
  std::int64_t every_update_until = 0;  // read at every update, as a feed is, until then (Reading)
  std::string reader;                 // what read the thread: "profile:phpbb", "schema.org", ...
                                      // (empty when no reader matched)
  std::string profile;                // name of the profile that matched ("wordpress"), if any
  std::string why;                    // why that reader was chosen, for `fora extract`
  std::vector<std::string> warnings;  // what of the page was not read as it stands (nested
                                      // too deep, too large to read whole), one sentence
                                      // each; empty when the page was read whole
};

}  // namespace fora::extract
