// feed_or_sitemap_urls(): the URLs a sitemap or an RSS/Atom feed lists. Read as a stream
// (libxml2's xmlTextReader), not as a tree: a sitemap of 50,000 URLs would otherwise cost
// ten times its size in memory, on every worker at once.
#include <libxml/xmlreader.h>

#include <limits>
#include <memory>

#include "fora/extract/extractor.h"
#include "fora/url/url.h"
#include "gunzip.h"

namespace fora::extract {
namespace {

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

std::string_view name_of(const xmlChar* s) {
  return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

Result<std::vector<std::string>> feed_or_sitemap_urls(std::string_view xml, std::string_view url) {
  std::string unpacked;
  if (is_gzip(xml)) {
    constexpr std::size_t kMaxSitemap = 50u << 20;  // sitemaps.org: 50 MiB uncompressed
    auto inflated = gunzip(xml, kMaxSitemap);
    if (!inflated) return make_error(Errc::InvalidArgument, inflated.error().message + ": " + std::string(url));
    unpacked = std::move(*inflated);
    xml = unpacked;
  }
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return make_error(Errc::InvalidArgument, "document too large");
  // No entity expansion, no DTD loading, no network: feeds are untrusted input.
  constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NONET | XML_PARSE_COMPACT;
  const std::string base(url);
  std::unique_ptr<xmlTextReader, ReaderFree> reader(
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), base.c_str(), nullptr, kOptions));
  if (!reader) return make_error(Errc::InvalidArgument, "not XML: " + base);
  xmlTextReaderSetErrorHandler(reader.get(), [](void*, const char*, xmlParserSeverities, xmlTextReaderLocatorPtr) {}, nullptr);

  // Local names, so that any namespace (sitemap, Atom, none for RSS) matches:
  //   urlset|sitemapindex / * / loc        (text)
  //   channel|item / link                  (text, when it has no href)
  //   feed|entry / link                    (@href)
  std::vector<std::string> open;  // the elements we are in
  std::vector<std::string> out;
  std::string text;
  bool want_text = false;
  bool any_element = false;
  while (xmlTextReaderRead(reader.get()) == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_ELEMENT) {
      any_element = true;
      const std::string_view name = name_of(xmlTextReaderConstLocalName(reader.get()));
      const std::string_view parent = open.empty() ? std::string_view() : std::string_view(open.back());
      const std::string_view grandparent =
          open.size() < 2 ? std::string_view() : std::string_view(open[open.size() - 2]);
      if (name == "loc" && (grandparent == "urlset" || grandparent == "sitemapindex")) {
        want_text = true;
        text.clear();
      } else if (name == "link") {
        std::unique_ptr<xmlChar, XmlCharFree> href(
            xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>("href")));
        if (href && (parent == "feed" || parent == "entry")) {
          if (auto resolved = resolve_url(base, name_of(href.get()))) out.push_back(std::move(*resolved));
        } else if (!href && (parent == "channel" || parent == "item")) {
          want_text = true;
          text.clear();
        }
      }
      if (xmlTextReaderIsEmptyElement(reader.get()) == 1) {
        want_text = false;
      } else {
        open.emplace_back(name);
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (want_text) {
        if (auto resolved = resolve_url(base, text)) out.push_back(std::move(*resolved));
        want_text = false;
      }
      if (!open.empty()) open.pop_back();
    } else if (want_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                             type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
      text += name_of(xmlTextReaderConstValue(reader.get()));
    }
  }
  if (!any_element)
    return make_error(Errc::InvalidArgument, "not XML: " + base,
                      "expected a sitemap, an RSS feed or an Atom feed");
  return out;
}

}  // namespace fora::extract
