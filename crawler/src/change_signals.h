// ChangeSignals: how an update (`fora update`) learns which known pages changed, besides
// their schedules: a page queued out of turn, a thread of several pages of which one
// changed (the others are looked at too, or the thread's own feed is asked which of them
// hold new entries), a listing's rows never seen before, a sitemap's or feed's dates.
// Lives on the catalog writer's thread, inside the page store (page_store.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/result.h"
#include "link_filter.h"
#include "page_work.h"
#include "store_decision.h"

namespace fora::crawler::detail {

class ChangeSignals {
 public:
  ChangeSignals(archive::Archive& archive, const LinkFilter& filter) : archive_(archive), filter_(filter) {}

  // What the catalog knew of a page before this visit is stored.
  struct Before {
    bool queued_as_changed = false;        // something said it changed (requeue_page)
    std::optional<std::int64_t> read_at;   // when it was read last (for a thread with a feed)
  };
  Result<Before> before_visit(const PageRead& page) const;

  // After `page` is stored (`changed`: it showed something new): the other pages of its
  // thread go to `said_changed`, or its thread's own feed is asked for instead (into
  // `links`); a thread's own feed just read sends the update to its pages when it may not
  // show every new entry. Returns whether `page` is such a feed.
  Result<bool> after_page(const PageRead& page, const Before& before, bool changed, std::int64_t since,
                          std::int64_t now, std::vector<std::string>& said_changed, LinksForLoop& links);

  // Queues the pages `page` says changed (`said_changed`, and the dates of a sitemap or a
  // feed), each unless it was visited since `since` (or since the date given).
  Status queue_said_changed(const PageRead& page, const std::vector<std::string>& said_changed, std::int64_t since,
                            std::int64_t now, LinksForLoop& links);

 private:
  Status queue_known(const std::string& page, std::int64_t before, std::int64_t now, LinksForLoop& links);
  Status ask_for(const std::string& page, int depth, std::int64_t since, std::int64_t now, LinksForLoop& links);
  Result<std::int64_t> thread_read_since(const std::vector<std::string>& pages,
                                         std::optional<std::int64_t> read_before) const;
  bool note_own_feed(const PageRead& page, std::int64_t since);
  Result<bool> own_feed_read(const PageRead& page, std::vector<std::string>& said_changed);

  archive::Archive& archive_;
  const LinkFilter& filter_;
  // The threads' own feeds asked for and not read yet, by URL.
  struct OwnFeed {
    std::string origin, thread_id;
    std::int64_t since = 0;  // every page of the thread was read before this: later entries are new
  };
  std::map<std::string, OwnFeed> own_feeds_;
};

}  // namespace fora::crawler::detail
