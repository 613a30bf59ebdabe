// Decides whether a page belongs to a profile's engine, by its fingerprint.
#pragma once

#include <libxml/xpath.h>

#include <optional>
#include <string>
#include <string_view>

#include "profile.h"

namespace fora::extract {

// The first [match] criterion of `profile` that holds for the page (a generator meta, a
// body class, a marker XPath, or the URL), said in words; nullopt when none holds.
std::optional<std::string> profile_match_reason(const Profile& profile, xmlXPathContext* ctx,
                                                std::string_view url);

}  // namespace fora::extract
