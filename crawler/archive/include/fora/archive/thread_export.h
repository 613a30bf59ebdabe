// Export of the threads: a job over the thread store (thread_store.h) that reads every
// thread out for `fora export`, filtered by site and time (export_reader.cc). The
// captures' side is Captures::for_each_capture (captures.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "fora/archive/export_filter.h"
#include "fora/archive/thread_store.h"
#include "fora/result.h"

namespace fora::archive {

// Calls `fn` with each thread that has an entry seen at or after filter.since: its
// entries (ThreadStore::thread_entries()) and, for each, every version, oldest first. A
// thread with words damaged in the catalog is passed over, and `skipped` hears why
// (without: Corrupt).
Status for_each_thread(const ThreadStore& threads, const ExportFilter& filter,
                       const std::function<Status(const std::vector<StoredEntry>& entries,
                                                  const std::vector<std::vector<EntryVersion>>& versions)>& fn,
                       const std::function<void(const std::string&)>& skipped = {});

}  // namespace fora::archive
