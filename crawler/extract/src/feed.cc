// feed_or_sitemap_entries(): the URLs a sitemap or an RSS/Atom feed lists, with when each
// changed (a sitemap's <lastmod>, an item's <pubDate>, an entry's <updated>). Read as a stream
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

Result<std::vector<ListedUrl>> feed_or_sitemap_entries(std::string_view xml, std::string_view url) {
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
  //   urlset|sitemapindex / url|sitemap / loc, lastmod      (text)
  //   channel / item / link, pubDate|date|updated            (text, the link when it has no href)
  //   feed / entry / link (@href), updated|published         (text)
  // A channel's or a feed's own link is listed too, without a date.
  std::vector<std::string> open;  // the elements we are in
  std::vector<ListedUrl> out;
  std::optional<ListedUrl> item;  // the url, sitemap, item or entry being read
  enum class Want { Nothing, Url, Date } want = Want::Nothing;
  std::string text;
  bool any_element = false;
  const auto take_url = [&](std::string_view spelled) {
    auto resolved = resolve_url(base, spelled);
    if (!resolved) return;
    if (item) item->url = std::move(*resolved);
    else out.push_back({std::move(*resolved), std::nullopt});
  };
  while (xmlTextReaderRead(reader.get()) == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_ELEMENT) {
      any_element = true;
      const std::string_view name = name_of(xmlTextReaderConstLocalName(reader.get()));
      const std::string_view parent = open.empty() ? std::string_view() : std::string_view(open.back());
      const std::string_view grandparent =
          open.size() < 2 ? std::string_view() : std::string_view(open[open.size() - 2]);
      const bool in_listing = grandparent == "urlset" || grandparent == "sitemapindex";
      const bool in_item = parent == "item" || parent == "entry";
      if ((name == "url" || name == "sitemap") && (parent == "urlset" || parent == "sitemapindex")) {
        item = ListedUrl{};
      } else if ((name == "item" && parent == "channel") || (name == "entry" && parent == "feed") ||
                 (name == "item" && (parent == "rdf" || parent == "RDF"))) {
        item = ListedUrl{};
      } else if (name == "loc" && in_listing) {
        want = Want::Url;
        text.clear();
      } else if ((name == "lastmod" && in_listing) ||
                 (in_item && (name == "pubDate" || name == "date" || name == "updated" || name == "published"))) {
        want = Want::Date;
        text.clear();
      } else if (name == "link") {
        std::unique_ptr<xmlChar, XmlCharFree> href(
            xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>("href")));
        std::unique_ptr<xmlChar, XmlCharFree> rel(
            xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>("rel")));
        const bool alternate = !rel || name_of(rel.get()) == "alternate";
        if (href && (parent == "feed" || parent == "entry")) {
          if (alternate || !item || item->url.empty()) take_url(name_of(href.get()));
        } else if (!href && (parent == "channel" || parent == "item")) {
          want = Want::Url;
          text.clear();
        }
      }
      if (xmlTextReaderIsEmptyElement(reader.get()) == 1) {
        want = Want::Nothing;
      } else {
        open.emplace_back(name);
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (want == Want::Url) {
        take_url(text);
      } else if (want == Want::Date && item) {
        if (auto when = parse_timestamp(text); when && (!item->modified || *when > *item->modified))
          item->modified = when;
      }
      want = Want::Nothing;
      const std::string_view name = open.empty() ? std::string_view() : std::string_view(open.back());
      if (item && (name == "url" || name == "sitemap" || name == "item" || name == "entry")) {
        if (!item->url.empty()) out.push_back(std::move(*item));
        item.reset();
      }
      if (!open.empty()) open.pop_back();
    } else if (want != Want::Nothing && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                                         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
      text += name_of(xmlTextReaderConstValue(reader.get()));
    }
  }
  if (!any_element)
    return make_error(Errc::InvalidArgument, "not XML: " + base,
                      "expected a sitemap, an RSS feed or an Atom feed");
  return out;
}

Result<std::vector<std::string>> feed_or_sitemap_urls(std::string_view xml, std::string_view url) {
  auto entries = feed_or_sitemap_entries(xml, url);
  if (!entries) return entries.error();
  std::vector<std::string> urls;
  urls.reserve(entries->size());
  for (ListedUrl& e : *entries) urls.push_back(std::move(e.url));
  return urls;
}

}  // namespace fora::extract
