// Applies a matched profile to a parsed page: the thread, its post and its comments.
#pragma once

#include <libxml/xpath.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "fora/extract/thread.h"
#include "profile.h"
#include "reader.h"

namespace fora::extract {

// The thread this page shows, or nullopt when it shows neither a post nor comments.
// `context.url` is absolute without fragment. Thread identity: the profile's id field (its
// regex applied), else thread_url. thread_url: the profile's url field resolved against
// the page, else the page URL; then the profile's url_rewrite rules (which strip comment
// pagination), so every comment page of a thread names the same first page.
// An entry's identity where the engine prints none: "h" + 16 hex digits of a hash of its
// author, date and words, stable across builds and machines (unlike std::hash).
std::string content_hash(const Entry& e);

// FNV-1a, 64 bits, from `seed`: stable across runs and builds (the catalog keeps these
// hashes: content ids, listing rows).
std::uint64_t stable_hash(std::string_view bytes, std::uint64_t seed = 14695981039346656037ULL);

// Dates are read with `context.captured_at` as "now" for relative forms.
std::optional<ThreadPage> extract_thread(const Profile& profile, xmlXPathContext* ctx,
                                         const PageContext& context);

// For a profile that leans on schema.org (`base = "schema.org"`): replaces the thread-level
// fields of `thread` (read from the page's structured data) with those the profile's
// [thread] keys find on the page; fields the profile does not set, or that find nothing,
// keep the structured data's value.
void override_thread_fields(const Profile& profile, xmlXPathContext* ctx,
                            const PageContext& context, ThreadPage& thread);

}  // namespace fora::extract
