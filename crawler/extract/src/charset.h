// Charset handling for fetched pages: which encoding the bytes are in, and their text as
// valid UTF-8 (the only encoding the rest of fora sees).
#pragma once

#include <string>
#include <string_view>

namespace fora::extract {

// The charset label in a Content-Type value ("text/html; charset=ISO-8859-1"), lowercased;
// empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

// The charset a page declares in its head (<meta charset> or http-equiv Content-Type),
// found by a prescan of the first few kilobytes as browsers do; lowercased, empty if none.
std::string charset_from_meta(std::string_view html);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Decodes `bytes` into valid UTF-8. The encoding is a byte order mark's (UTF-8, UTF-16LE,
// UTF-16BE; the mark stays in the text), else the Content-Type charset, else the
// <meta> declaration, else UTF-8 when the bytes are valid UTF-8 without NULs near the start,
// else ICU's detector.
// A <meta> declaration loses to bytes that are valid non-ASCII UTF-8: pages re-saved as
// UTF-8 keep their old declaration far more often than Latin-1 text happens to be valid
// UTF-8. Invalid sequences become U+FFFD; unknown labels fall back to UTF-8.
std::string decode_to_utf8(std::string_view bytes, std::string_view content_type);

}  // namespace fora::extract
