// The XPath profile reader: one data/profiles/<name>.toml applied to a page.
#pragma once

#include <memory>

#include "profile.h"
#include "reader.h"

namespace fora::extract {

// `forced`: claims every page (fora extract --profile).
std::unique_ptr<Reader> make_profile_reader(Profile profile, bool forced = false);

}  // namespace fora::extract
