// What the page store decided about a page, handed from the writer thread to the fetch
// loop (fetch_loop.h) once and not changed after: whether the page showed something new,
// and the links to fetch now. Made by LinksForLoop, which the page store and the update's
// change signals fill on the writer thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "crawl_host.h"
#include "fora/url/url.h"

namespace fora::crawler::detail {

struct StoreDecision {
  bool changed = false;        // the page showed something new (a schedule's "changed")
  std::int64_t requeued = 0;   // an update: known pages queued again because this page said they changed
  // The links to fetch now, at most a window; with the validators of their stored copy.
  std::vector<std::pair<Url, ToFetch>> fetch_now;
  // A link per host of which more links wait in the catalog: the loop reads them into the
  // host's window when it has room.
  std::vector<Url> left_in_catalog;
};

// Collects a page's links for the loop: at most a window of them go in memory; the rest are
// left in the catalog (queued there already), and their host is named so the loop reads
// them, with their validators, when there is room.
class LinksForLoop {
 public:
  // The links are `depth` from a start URL, after `hops` redirects in a row.
  LinksForLoop(std::size_t window, int depth, int hops) : window_(window), depth_(depth), hops_(hops) {}

  bool full() const { return decision_.fetch_now.size() >= window_; }
  void add(Url url, std::string etag = {}, std::string last_modified = {}) {
    if (full()) {
      auto& left = decision_.left_in_catalog;
      if (std::none_of(left.begin(), left.end(), [&](const Url& u) { return u.origin() == url.origin(); }))
        left.push_back(std::move(url));
      return;
    }
    decision_.fetch_now.emplace_back(std::move(url), ToFetch{depth_, std::move(etag), std::move(last_modified), hops_});
  }
  // A known page queued again because the page said it changed.
  void add_requeued(Url url, std::string etag = {}, std::string last_modified = {}) {
    ++decision_.requeued;
    add(std::move(url), std::move(etag), std::move(last_modified));
  }

  StoreDecision& decision() { return decision_; }
  StoreDecision take() { return std::move(decision_); }

 private:
  std::size_t window_;
  int depth_, hops_;
  StoreDecision decision_;
};

}  // namespace fora::crawler::detail
