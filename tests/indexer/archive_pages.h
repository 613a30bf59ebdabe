// Turns the sample entries back into the thread pages an extractor would produce, so tests
// can fill a real Archive with them.
#pragma once

#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "sample_entries.h"

namespace fora::testing {

inline extract::ThreadPage page_of(const std::vector<archive::StoredEntry>& entries, int thread) {
  extract::ThreadPage page;
  for (const auto& e : entries) {
    if (e.thread_id != thread) continue;
    page.thread_id = e.thread_native_id;
    page.thread_url = e.thread_url;
    page.title = e.thread_title;
    page.categories = e.categories;
    page.tags = e.tags;
    if (e.kind == "post") page.post = e.entry;
    else page.comments.push_back(e.entry);
  }
  return page;
}

inline std::string site_of(int thread) { return thread == 1 ? "example.com" : "blog.example.org"; }

}  // namespace fora::testing
