// Decides whether a page belongs to a profile's engine, by its fingerprint.
#pragma once

#include <libxml/xpath.h>

#include <string_view>

#include "profile.h"

namespace fora::extract {

// True when any [match] criterion of `profile` holds for the page: a generator meta, a
// body class, a marker XPath, or the URL.
bool profile_matches(const Profile& profile, xmlXPathContext* ctx, std::string_view url);

}  // namespace fora::extract
