// Content digests used by the archive (payload identity, WARC-Payload-Digest).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fora::archive {

// SHA-256 of `bytes`: the 32 bytes (how the catalog keeps payload identity).
std::string sha256(std::string_view bytes);
// Bytes as lowercase hex.
std::string hex(std::string_view bytes);
// SHA-256 of `bytes`, lowercase hex.
inline std::string sha256_hex(std::string_view bytes) { return hex(sha256(bytes)); }

// Whether a labelled WARC digest ("sha256:<hex>", "sha1:<base32>", as wget and Heritrix
// write, or "sha1:<hex>") is the digest of `bytes`; nullopt when the algorithm or the
// spelling is one fora does not know.
std::optional<bool> digest_matches(std::string_view labelled, std::string_view bytes);

}  // namespace fora::archive
