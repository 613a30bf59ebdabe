#include "change_signals.h"

#include <algorithm>
#include <limits>

namespace fora::crawler::detail {

Result<ChangeSignals::Before> ChangeSignals::before_visit(const PageRead& page) const {
  Before before;
  if (!page.thread) return before;
  // Kept in the catalog, so a resumed update knows it too.
  auto out_of_turn = archive_.queue().page_queued_out_of_turn(page.url);
  if (!out_of_turn) return out_of_turn.error();
  before.queued_as_changed = *out_of_turn;
  // Before this visit is stored: when the page was read before, should its thread's own
  // feed be asked which of its pages hold new entries.
  if (!page.thread->feed.empty()) {
    auto last = archive_.captures().last_capture(page.url);
    if (!last) return last.error();
    if (*last) before.read_at = (*last)->fetched_at;
  }
  return before;
}

Result<bool> ChangeSignals::after_page(const PageRead& page, const Before& before, bool changed, std::int64_t since,
                                       std::int64_t now, std::vector<std::string>& said_changed, LinksForLoop& links) {
  // A thread's pages go together: when one changed, or something said its thread did (a
  // sitemap, a listing row), the others are looked at too (a new comment on the last page
  // of a thread changes nothing on its first but the count). Where the thread has a feed
  // of its own, that is asked instead which of them hold new entries (own_feed_read).
  // A page whose entries moved (it lost one, or showed one last seen on another page that
  // still holds entries not seen) sends the update to every other page of its thread,
  // feed or not: the entries may be there now, and none is called gone until they are read
  // (ThreadStore::mark_missing_gone).
  bool ask_own_feed = false;
  auto moved = page.thread ? archive_.threads().last_page_moved_entries() : Result<bool>(false);
  if (!moved) return moved.error();
  if (page.thread && (*moved || (!page.thread->stands_alone && (changed || before.queued_as_changed)))) {
    auto siblings = archive_.threads().thread_pages(page.origin, page.thread->thread_id, page.url);
    if (!siblings) return siblings.error();
    if (page.thread->feed.empty() || siblings->empty() || *moved) {
      said_changed.insert(said_changed.end(), siblings->begin(), siblings->end());
    } else {
      auto read_since = thread_read_since(*siblings, before.read_at);
      if (!read_since) return read_since.error();
      ask_own_feed = note_own_feed(page, *read_since);
      if (!ask_own_feed) said_changed.insert(said_changed.end(), siblings->begin(), siblings->end());
    }
  }
  bool own_feed = false;
  if (!page.html) {
    auto read = own_feed_read(page, said_changed);
    if (!read) return read.error();
    own_feed = *read;
  }
  if (ask_own_feed) FORA_TRY(ask_for(page.thread->feed, page.link_depth, since, now, links));
  return own_feed;
}

Status ChangeSignals::queue_said_changed(const PageRead& page, const std::vector<std::string>& said_changed,
                                         std::int64_t since, std::int64_t now, LinksForLoop& links) {
  // Each is asked for when not visited since this run began, or since the sitemap's date.
  for (const std::string& url : said_changed) FORA_TRY(queue_known(url, since, now, links));
  for (const auto& entry : page.modified) FORA_TRY(queue_known(entry.url, std::min(since, *entry.modified), now, links));
  return ok();
}

// Queues `page`, which something says changed, unless it was visited since `before` (or is
// unknown, or out of scope).
Status ChangeSignals::queue_known(const std::string& page, std::int64_t before, std::int64_t now, LinksForLoop& links) {
  auto url = Url::parse(page);
  if (!url || !filter_.in_scope(*url)) return ok();
  auto queued = archive_.queue().requeue_page(page, before, now);
  if (!queued) return queued.error();
  if (!*queued) return ok();
  auto last = archive_.captures().last_capture(page);
  if (!last) return last.error();
  if (*last) links.add_requeued(std::move(*url), (*last)->etag, (*last)->last_modified);
  else links.add_requeued(std::move(*url));
  return ok();
}

// Queues `page`, which is to be read now, never seen before or not visited since `since`.
Status ChangeSignals::ask_for(const std::string& page, int depth, std::int64_t since, std::int64_t now,
                              LinksForLoop& links) {
  auto url = Url::parse(page);
  if (!url) return ok();
  auto added = archive_.queue().add_page(page, now, depth, 0);
  if (!added) return added.error();
  if (!*added) return queue_known(page, since, now, links);
  links.add_requeued(std::move(*url));
  return ok();
}

// The time before which every page of a thread was read, as far as the archive knows: the
// oldest last capture of `pages` and `read_before` (the page just read, before this visit).
Result<std::int64_t> ChangeSignals::thread_read_since(const std::vector<std::string>& pages,
                                                      std::optional<std::int64_t> read_before) const {
  std::int64_t since = read_before.value_or(std::numeric_limits<std::int64_t>::max());
  for (const std::string& page : pages) {
    auto last = archive_.captures().last_capture(page);
    if (!last) return last.error();
    if (*last) since = std::min(since, (*last)->fetched_at);
  }
  return since == std::numeric_limits<std::int64_t>::max() ? 0 : since;
}

// Notes that the thread of `page` is to be told of by its own feed, whose entries after
// `since` are new; false when the feed is out of scope (its pages are then looked at).
bool ChangeSignals::note_own_feed(const PageRead& page, std::int64_t since) {
  auto url = Url::parse(page.thread->feed);
  if (!url || !filter_.in_scope(*url)) return false;
  auto [it, fresh] = own_feeds_.try_emplace(url->str(), OwnFeed{page.origin, page.thread->thread_id, since});
  if (!fresh) it->second.since = std::min(it->second.since, since);
  return true;
}

// When `page` is a thread's own feed asked for (note_own_feed): its entries lead to the
// pages with new entries, as any feed's do. When it lists nothing but new entries, so that
// there may be more than it shows (WordPress's lists a post's newest posts_per_rss comments
// and takes no page number), or when it could not be read, every page of the thread is
// looked at. Returns whether it is such a feed.
Result<bool> ChangeSignals::own_feed_read(const PageRead& page, std::vector<std::string>& said_changed) {
  auto asked = own_feeds_.find(page.url);
  if (asked == own_feeds_.end()) return false;
  const OwnFeed feed = std::move(asked->second);
  own_feeds_.erase(asked);
  const bool overflowed = page.modified.empty() || std::all_of(page.modified.begin(), page.modified.end(),
                                                               [&](const auto& e) { return *e.modified > feed.since; });
  if (!overflowed) return true;
  auto pages = archive_.threads().thread_pages(feed.origin, feed.thread_id, "");
  if (!pages) return pages.error();
  said_changed.insert(said_changed.end(), pages->begin(), pages->end());
  return true;
}

}  // namespace fora::crawler::detail
