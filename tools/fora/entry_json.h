// A post or comment as one JSON object: the format `show --json` and `extract --json` share
// (version 1, documented in README "Output formats"). Scripts depend on these names.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "fora/archive/thread_store.h"
#include "fora/extract/thread.h"

namespace fora::cli {

// "v", "type", "native_id", "parent_id", "author", "date" (ISO 8601 UTC or null),
// "date_precision", "edited", "thread_title", "thread_url", "url", "text",
// "quotes" [{author, text}]. Callers add what only they know (the catalog id, the reader).
nlohmann::json entry_json(const extract::Entry& e, std::string_view type,
                          const std::string& thread_title, const std::string& thread_url);

// One version of an entry: "seen_at", "last_seen" (when fora first and last saw it),
// "author", "date", "date_precision", "edited", "text", "quotes" as its page showed them.
nlohmann::json version_json(const archive::EntryVersion& v);
// One version of a thread: "seen_at", "last_seen", "title", "categories", "tags".
nlohmann::json thread_version_json(const archive::ThreadVersion& v);

// The JSON object as one line; invalid UTF-8 is replaced, never passed on.
std::string json_line(const nlohmann::json& j);

}  // namespace fora::cli
