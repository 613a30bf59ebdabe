// What a worker thread does with one response, away from the event loop, in two steps:
// capture_page builds and compresses its WARC record (and tells whether another URL answered
// the same bytes); process_page reads it: robots.txt, or the page parsed once for its thread
// and links, or a sitemap's or feed's URLs, and admits the links found (LinkFilter). Both
// run on the worker threads (they are thread-safe); what they give, a PageRead, is not
// changed after: the page store reads it on the writer thread (page_store.h), then the
// fetch loop on the io thread (fetch_loop.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/crawler/robots.h"
#include "fora/extract/extractor.h"
#include "fora/result.h"
#include "copies.h"
#include "link_filter.h"

namespace fora::crawler::detail {

struct PageJob {
  archive::Response response;
  std::string origin;      // url_origin of the URL
  bool robots_txt = false; // the host's /robots.txt
  std::string try_first;   // the reader of the host's last page (Extractor::extract)
  std::string user_agent;  // for robots.txt groups
  int depth = 0;           // links followed from a start URL to this page
  int max_depth = 0;       // links found deeper than this are not followed (0: any depth)
  bool not_modified = false;  // `response` is the stored copy a 304 said is still current
  Url url;                    // the address asked for (response.url, as the frontier held it)
  std::shared_ptr<const archive::Dictionary> dictionary;  // the site's, for the records (may be null)
  int hops = 0;            // redirects in a row that led to this page
};

// The longest redirect chain followed, in hops across the queue (as browsers stop): a page
// reached by this many redirects in a row that redirects again is a crawl trap.
inline constexpr int kMaxRedirectHops = 20;

// What a worker read from one response: made by process_page, then only read.
struct PageRead {
  std::string url;
  std::string origin;
  int status = 0;
  std::size_t bytes = 0;
  std::string outcome;                            // for the fetch log (FetchEvent::outcome)
  Result<archive::PreparedCapture> capture = archive::PreparedCapture{};
  std::optional<Robots> robots;                   // when robots_txt, and it was no redirect
  std::optional<Url> robots_moved;                // robots.txt redirected here
  std::string reader;                             // the page's reader, "" when none
  bool html = false;                              // an HTML page (read or not)
  bool read_in_part = false;                      // the extractor warned that it cut the page
  std::optional<extract::ThreadPage> thread;
  std::vector<extract::ReplyLink> reply_links;
  std::vector<Url> links;                         // admitted: new URLs for the frontier
  std::vector<extract::LinkRow> rows;             // a listing's links with their rows (any admitted or not)
  std::optional<std::int64_t> newest_date;        // a listing's latest date shown
  bool feed = false;                              // a sitemap, a feed or a newest-first index: read at every update
  std::vector<extract::ListedUrl> modified;       // of its URLs, those it dates (when they last changed)
  int link_depth = 0;                             // their depth (a redirect is no step deeper)
  int link_hops = 0;                              // their redirects in a row (a redirect's target: one more)
  bool trap = false;                              // a crawl trap was met (the outcome says which)
  bool not_modified = false;                      // read from the stored copy: nothing new to store
  std::int64_t seen_at = 0;                       // when the page was seen (fetched or revalidated)
  bool robots_txt = false;                        // the host's /robots.txt

  // An HTML index newest first (a mail archive's front page), read at every update as a
  // feed is: each new entry shows under an address of its own, and old ones leave it.
  bool newest_first() const { return feed && html; }
};

// Whether a Content-Type is a page (HTML or XHTML).
bool is_html(std::string_view content_type);

// What `extractor` reads from a response: its thread, links and reply links, with relative
// dates read against the server's Date header (else the fetch time). Also used for pages
// read again (import_warc.cc, reextract.cc).
Result<extract::Page> extract_response(const extract::Extractor& extractor, const archive::Response& response,
                                       const std::string& try_first = {});

// A response's record for the archive, made before it is read: its digest also tells whether
// the bytes were seen under another URL.
struct PageCapture {
  Result<archive::PreparedCapture> record = archive::PreparedCapture{};  // empty for a 304
  bool copy = false;  // an HTML page another URL answered first (Copies): its links are not followed
};

// Thread-safe; `copies` is shared by all workers.
PageCapture capture_page(const PageJob& job, Copies& copies);

// Thread-safe; `extractor` and `filter` are shared by all workers.
PageRead process_page(PageJob job, PageCapture capture, const extract::Extractor& extractor, LinkFilter& filter);

}  // namespace fora::crawler::detail
