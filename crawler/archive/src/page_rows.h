// The rows of sites and pages that the captures and the thread store add through the page
// queue (page_queue.cc), which owns those tables. Private to fora::archive.
#pragma once

#include <cstdint>
#include <string_view>

#include "catalog.h"
#include "fora/archive/page_queue.h"

namespace fora::archive {

// The id of the site `origin`, created (first seen `now`) when missing.
Result<std::int64_t> site_id(const Catalog& catalog, std::string_view origin, std::int64_t now);

// The page row of `url`, created (state 'queued', with its site) when missing.
struct PageRow {
  std::int64_t id = 0;
  bool created = false;
  std::int64_t site_id = 0;
};
Result<PageRow> ensure_page(const Catalog& catalog, std::string_view url, std::int64_t now, int depth = 0,
                            int hops = 0);

// Notes that a reader took a thread from page `page_id` whole at `seen_at`.
Status note_read_whole(const Catalog& catalog, std::int64_t page_id, std::int64_t seen_at);

// Queues page `page_id` again because what fora kept of it was damaged (repair); returns
// whether it was not queued already.
Result<bool> queue_damaged(const Catalog& catalog, std::int64_t page_id);

}  // namespace fora::archive
