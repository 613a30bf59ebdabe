// A gzip-compressed document (sitemap.xml.gz), unpacked with a ceiling: the compression
// belongs to the file, not to the transfer, so curl does not undo it, and a hostile server
// can make a few kilobytes inflate to gigabytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora::extract {

// Whether `bytes` begin with gzip's magic number (RFC 1952).
bool is_gzip(std::string_view bytes);

// The inflated bytes of every gzip member in `bytes`. Errors: InvalidArgument when the
// stream is corrupt or cut short, or when the output would exceed `limit` bytes.
Result<std::string> gunzip(std::string_view bytes, std::size_t limit);

}  // namespace fora::extract
