// Parses fetched bytes into a libxml2 HTML document whose text is UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"
#include "xml_handles.h"

namespace fora::extract {

// Elements nested deeper than this are read flattened: each is kept, with its attributes
// and text, as the last child of its ancestor at this depth (as browsers do past their own
// limit), so no link or word is lost, only the nesting below it. Deep enough for any page
// a person reads; shallow enough that walks over the tree stay cheap.
inline constexpr std::size_t kMaxTreeDepth = 20000;

// What a parse may build, in estimated bytes of libxml2 nodes, per byte of page: past it
// the parse stops and keeps what it read. With the page's own copies this keeps a page's
// reading under about 20 times its size in memory, whatever its markup.
inline constexpr std::size_t kTreeBytesPerPageByte = 12;
// ...and at least this much, so that a small page of tiny elements is read whole...
inline constexpr std::size_t kMinTreeBytes = 16u << 20;
// ...and at most this much, so that no page, however hostile, takes a command past ~300 MB
// (issue 20's goal; a crawl holds the page and its compressed capture beside the tree): a
// page that builds this much is 8 MiB of one-word paragraphs, where a forum's longest pages
// are 1 to 2 MiB of far larger elements.
inline constexpr std::size_t kMaxTreeBytes = 96u << 20;

// Decodes `bytes` (see decode_to_utf8) and parses them with libxml2's forgiving HTML
// parser; the network is never touched. NUL bytes are dropped and a byte order mark
// decides the encoding, as browsers do. When the tree is cut (nested past kMaxTreeDepth,
// or larger than its budget) a sentence saying what was cut is appended to `warnings`
// (when given). Errors: InvalidArgument when libxml2 builds no document at all (empty
// input) or the bytes are mostly binary, not a web page.
Result<XmlDocPtr> parse_html(std::string_view bytes, std::string_view url,
                             std::string_view content_type,
                             std::vector<std::string>* warnings = nullptr);

// The same for text that is UTF-8 already (an HTML fragment in structured data); `base`
// may be empty.
Result<XmlDocPtr> parse_utf8_html(std::string utf8, std::string_view base,
                                  std::vector<std::string>* warnings = nullptr);

}  // namespace fora::extract
