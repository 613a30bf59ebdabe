// The state behind ThreadStore (thread_store.h), shared by its .cc files. Private.
#pragma once

#include <cstdint>
#include <vector>

#include "entry_text.h"
#include "fora/archive/thread_store.h"

namespace fora::archive {

struct ThreadStore::Internal : OnCatalog {
  Internal(Catalog& c, RunCounts& run_tally) : OnCatalog{c}, words(c), tally(run_tally) {}
  EntryWords words;    // how entries' words are packed (text dictionaries)
  RunCounts& tally;    // the run log's counts of the run under way
  std::int64_t change_seq = 0;  // last change_seq handed out (writer only)
  // Whether reply_links holds a row: only mail archives write any, and until one does, a
  // new entry has no children to look for (writer only).
  bool any_reply_links = true;
  // The page last merged read whole (store_thread_page with its URL), for
  // last_page_moved_entries(): its thread, its row, when it was read, and the pages whose
  // entries it showed (entries last seen there before).
  struct MergedPage {
    std::int64_t thread = 0, page = 0, seen_at = 0;
    std::vector<std::int64_t> took_from;
  } last_page;  // writer only
};

// Loads what the writer keeps between calls: the last change_seq, whether any reply link
// exists, each site's latest text dictionary.
Status open_thread_store(ThreadStore::Internal& a);

// After entries were marked changed with change_seq = change_seq + id: the writer's
// counter catches up with the highest handed out.
Status catch_up_change_seq(ThreadStore::Internal& a);

}  // namespace fora::archive
