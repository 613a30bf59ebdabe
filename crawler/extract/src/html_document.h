// Parses fetched bytes into a libxml2 HTML document whose text is UTF-8.
#pragma once

#include <string_view>

#include "fora/result.h"
#include "xml_handles.h"

namespace fora::extract {

// Decodes `bytes` (see decode_to_utf8) and parses them with libxml2's forgiving HTML
// parser; the network is never touched. Errors: InvalidArgument when libxml2 builds no
// document at all (empty input).
Result<XmlDocPtr> parse_html(std::string_view bytes, std::string_view url,
                             std::string_view content_type);

}  // namespace fora::extract
