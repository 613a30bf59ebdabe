#include "html_document.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <string>

#include "charset.h"

namespace fora::extract {
namespace {

// What libxml2 allocates per node, malloc's own word included: an estimate for the budget,
// not an account.
constexpr std::size_t kNodeBytes = sizeof(xmlNode) + 16;
constexpr std::size_t kAttributeBytes = sizeof(xmlAttr) + 16 + kNodeBytes;  // with its text

// Watches what the parser builds, through its SAX callbacks (libxml2 calls them as it
// reads; the default tree builder is called from here): flattens elements nested past
// kMaxTreeDepth and stops the parse once the tree outgrows its budget. One per parse, so
// parses on several threads each have their own.
struct TreeWatch {
  std::size_t budget = 0;       // estimated bytes the tree may take
  std::size_t used = 0;         // estimated so far
  std::size_t depth = 0;        // elements open, flattened ones included
  std::size_t flattened = 0;    // elements kept flat below kMaxTreeDepth
  std::size_t stopped_at = 0;   // where in the input the budget ran out (at least 1); 0 = read whole
  startElementSAXFunc start_element = nullptr;  // libxml2's tree builders
  endElementSAXFunc end_element = nullptr;
  charactersSAXFunc characters = nullptr;
  ignorableWhitespaceSAXFunc whitespace = nullptr;
  charactersSAXFunc cdata = nullptr;
  commentSAXFunc comment = nullptr;
};

TreeWatch& watch_of(void* ctx) {
  return *static_cast<TreeWatch*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

// Counts `bytes` more; stops the parse (keeping what was built) when over the budget.
bool spend(void* ctx, std::size_t bytes) {
  TreeWatch& w = watch_of(ctx);
  w.used += bytes;
  if (w.used <= w.budget) return true;
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (w.stopped_at == 0 && ctxt->input != nullptr)
    w.stopped_at = ctxt->input->consumed + static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
  w.stopped_at = std::max<std::size_t>(w.stopped_at, 1);
  xmlStopParser(ctxt);
  return false;
}

void on_start_element(void* ctx, const xmlChar* name, const xmlChar** atts) {
  TreeWatch& w = watch_of(ctx);
  std::size_t bytes = kNodeBytes;
  for (const xmlChar** a = atts; a != nullptr && *a != nullptr; a += 2)
    bytes += kAttributeBytes + (a[1] != nullptr ? std::strlen(reinterpret_cast<const char*>(a[1])) : 0);
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (!spend(ctx, bytes)) {
    ++w.depth;  // libxml2 still closes it
    return;
  }
  const int open = ctxt->nodeNr;
  w.start_element(ctx, name, atts);
  // Past the depth bound the element is built but not entered: what it holds lands beside it.
  if (w.depth++ >= kMaxTreeDepth && ctxt->nodeNr > open) {
    nodePop(ctxt);
    ++w.flattened;
  }
}

void on_end_element(void* ctx, const xmlChar* name) {
  TreeWatch& w = watch_of(ctx);
  if (w.depth > 0 && --w.depth >= kMaxTreeDepth) return;  // a flattened element: never entered
  // After a stop libxml2 closes what is open; the tree is final by then.
  if (w.stopped_at == 0) w.end_element(ctx, name);
}

void on_characters(void* ctx, const xmlChar* text, int len) {
  if (spend(ctx, kNodeBytes + static_cast<std::size_t>(len))) watch_of(ctx).characters(ctx, text, len);
}

void on_whitespace(void* ctx, const xmlChar* text, int len) {
  if (spend(ctx, kNodeBytes + static_cast<std::size_t>(len))) watch_of(ctx).whitespace(ctx, text, len);
}

void on_cdata(void* ctx, const xmlChar* text, int len) {
  if (spend(ctx, kNodeBytes + static_cast<std::size_t>(len))) watch_of(ctx).cdata(ctx, text, len);
}

void on_comment(void* ctx, const xmlChar* text) {
  const std::size_t len = text != nullptr ? std::strlen(reinterpret_cast<const char*>(text)) : 0;
  if (spend(ctx, kNodeBytes + len)) watch_of(ctx).comment(ctx, text);
}

// Routes the callbacks that build nodes through the watch (each only when libxml2 has one).
void watch(xmlParserCtxtPtr ctxt, TreeWatch& w) {
  xmlSAXHandler* sax = ctxt->sax;
  ctxt->_private = &w;
  w.start_element = sax->startElement;
  w.end_element = sax->endElement;
  w.characters = sax->characters;
  w.whitespace = sax->ignorableWhitespace;
  w.cdata = sax->cdataBlock;
  w.comment = sax->comment;
  if (w.start_element != nullptr && w.end_element != nullptr) {
    sax->startElement = on_start_element;
    sax->endElement = on_end_element;
  }
  if (w.characters != nullptr) sax->characters = on_characters;
  if (w.whitespace != nullptr) sax->ignorableWhitespace = on_whitespace;
  if (w.cdata != nullptr) sax->cdataBlock = on_cdata;
  if (w.comment != nullptr) sax->comment = on_comment;
}

struct ParserContextFree {
  void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};

std::string kib(std::size_t bytes) { return fmt::format("{} KiB", (bytes + 1023) / 1024); }

// Whether a response is binary rather than a page. Its bytes first: more than one in twenty
// of its start a control character other than NUL (a page's text has next to none; random
// bytes about one in nine), unless a byte order mark or NULs at every other byte say it is
// UTF-16. Then its decoded text: more than one character in ten a control character (NUL
// included) or undecodable, or nothing at all.
bool binary_bytes(std::string_view bytes) {
  bytes = bytes.substr(0, std::min<std::size_t>(bytes.size(), 64 * 1024));
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return false;
  std::size_t nul = 0;
  std::size_t control = 0;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  }
  if (nul * 4 > bytes.size()) return false;  // UTF-16's shape: the decoded text decides
  return control * 20 > bytes.size();
}

bool binary_text(std::string_view utf8) {
  utf8 = utf8.substr(0, std::min<std::size_t>(utf8.size(), 64 * 1024));
  std::size_t chars = 0;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: part of the character before
    ++chars;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++bad;
    else if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) ++bad;  // C1
    else if (c == 0xEF && utf8.substr(i, 3) == "\xEF\xBF\xBD") ++bad;  // U+FFFD
  }
  return chars == 0 || bad * 10 > chars;
}

// Drops what a browser drops before reading: NUL bytes (libxml2 would take the first for the
// end of the page) and a byte order mark.
void drop_nuls_and_bom(std::string& utf8) {
  if (std::memchr(utf8.data(), 0, utf8.size()) != nullptr)
    utf8.erase(std::remove(utf8.begin(), utf8.end(), '\0'), utf8.end());
  if (utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) utf8.erase(0, 3);
}

}  // namespace

Result<XmlDocPtr> parse_utf8_html(std::string utf8, std::string_view base,
                                  std::vector<std::string>* warnings) {
  drop_nuls_and_bom(utf8);
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return make_error(Errc::InvalidArgument, "page too large to parse");
  // HUGE lifts libxml2's own limits (256 levels of nesting, 10 MB of text in one node), which
  // end the parse and lose the rest of the page silently; the watch bounds both instead.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  std::unique_ptr<htmlParserCtxt, ParserContextFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return make_error(Errc::Internal, "cannot create an HTML parser");
  TreeWatch w;
  w.budget = std::clamp(utf8.size() * kTreeBytesPerPageByte, kMinTreeBytes, kMaxTreeBytes);
  watch(ctxt.get(), w);
  const std::string url(base);
  // The bytes are UTF-8 now; naming the encoding keeps libxml2 from switching to whatever
  // a <meta> declares.
  XmlDocPtr doc(htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()),
                                   url.empty() ? nullptr : url.c_str(), "UTF-8", kOptions));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return make_error(Errc::InvalidArgument, "not parseable as HTML: " + url,
                      "the response may be empty or not a web page");
  if (warnings != nullptr && w.flattened > 0)
    warnings->push_back(fmt::format(
        "{} elements are nested deeper than {} levels: read flat below that depth (their text "
        "and links are kept)", w.flattened, kMaxTreeDepth));
  if (warnings != nullptr && w.stopped_at > 0)
    warnings->push_back(fmt::format(
        "the page builds more elements than fora reads from a page of its size: read the "
        "first {} of {} (what follows is not read)", kib(w.stopped_at), kib(utf8.size())));
  return doc;
}

Result<XmlDocPtr> parse_html(std::string_view bytes, std::string_view url,
                             std::string_view content_type, std::vector<std::string>* warnings) {
  if (!bytes.empty() && binary_bytes(bytes))
    return make_error(Errc::InvalidArgument, "not a web page: " + std::string(url),
                      "its bytes are mostly binary (an image, an archive, compressed data?)");
  std::string utf8 = decode_to_utf8(bytes, content_type);
  if (!bytes.empty() && binary_text(utf8))
    return make_error(Errc::InvalidArgument, "not a web page: " + std::string(url),
                      "its bytes are mostly binary (an image, an archive, compressed data?)");
  return parse_utf8_html(std::move(utf8), url, warnings);
}

}  // namespace fora::extract
