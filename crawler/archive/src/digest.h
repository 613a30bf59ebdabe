// Content digests used by the archive (payload identity, WARC-Payload-Digest).
#pragma once

#include <string>
#include <string_view>

namespace fora::archive {

// SHA-256 of `bytes`, lowercase hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace fora::archive
