// A Reader turns one parsed page into the thread model. fora has three kinds: XPath profiles
// (profile_reader.h), schema.org markup (schema_org_reader.h) and mail archives; the
// Extractor holds them in match order and asks each to read the page until one claims it.
// Readers are immutable once built and may be used from several threads at once.
#pragma once

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fora/extract/thread.h"

namespace fora::extract {

// The page being read: its parsed tree and an XPath context over it (owned by the caller,
// valid during the call).
struct HtmlDocument {
  xmlDoc* doc = nullptr;
  xmlXPathContext* xpath = nullptr;
};

// What is known about the page besides its bytes.
struct PageContext {
  std::string url;                         // absolute, without fragment
  std::optional<std::int64_t> captured_at; // capture time (HTTP Date), for relative dates
};

// What a reader found on a page it claims: why it claims it, the thread (when the page
// shows one) and links the crawler must follow even though the page offers them only in
// attributes (next comment page).
struct Reading {
  std::string why;  // "meta generator matches '^phpBB'"
  std::optional<ThreadPage> thread;
  std::vector<Url> links;
  std::vector<Url> feeds;              // change feeds the page names (a profile's feed_links)
  std::vector<ReplyLink> reply_links;  // replies among other pages this page tells of
  // True when `links` are all that lead on from the page (a mail archive's listing: one view
  // per thread and its next page): the page's other <a href>s are not followed.
  bool only_these_links = false;
  // Until when (Unix seconds) the page is where the site shows what is new, newest first: a
  // mail archive's front page always (kEveryUpdate), its current month's index while the
  // month may still get mail. Till then it is read at every update, with validators, as a
  // feed is, whatever its schedule. The reader says until when; the crawl compares it with
  // its visit, which a 304 makes later than the stored copy's capture.
  std::int64_t every_update_until = 0;
};

class Reader {
 public:
  virtual ~Reader() = default;
  // "profile:phpbb", "schema.org": what `fora extract` and Page::reader show.
  virtual std::string name() const = 0;
  // The reading of the page, or nullopt when this reader does not claim it. One call, so
  // that what a reader must find to claim a page is found once.
  virtual std::optional<Reading> read(const HtmlDocument& page,
                                      const PageContext& context) const = 0;
  // The links of a page this reader claimed that lead on, respelled where the engine wants
  // (session ids dropped); the rest are the engine's traps and noise. Default: all.
  virtual std::vector<Url> follow(std::vector<Url> links) const { return links; }
  // The engine's feeds that list new threads, as absolute URLs on the page's site.
  virtual std::vector<std::string> feeds(const PageContext&) const { return {}; }
};

}  // namespace fora::extract
