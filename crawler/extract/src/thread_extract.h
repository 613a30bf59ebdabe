// Applies a matched profile to a parsed page: the thread, its post and its comments.
#pragma once

#include <libxml/xpath.h>

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
// Dates are read with `context.captured_at` as "now" for relative forms.
std::optional<ThreadPage> extract_thread(const Profile& profile, xmlXPathContext* ctx,
                                         const PageContext& context);

}  // namespace fora::extract
