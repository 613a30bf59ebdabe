// feed_or_sitemap_urls(): the URLs a sitemap or an RSS/Atom feed lists.
#include <libxml/parser.h>

#include <limits>

#include "fora/extract/extractor.h"
#include "links.h"
#include "xml_handles.h"
#include "xpath_query.h"

namespace fora::extract {

Result<std::vector<std::string>> feed_or_sitemap_urls(std::string_view xml, std::string_view url) {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return make_error(Errc::InvalidArgument, "document too large");
  // No entity expansion, no DTD loading, no network: feeds are untrusted input.
  constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NONET | XML_PARSE_COMPACT;
  std::string base(url);
  XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), base.c_str(), nullptr,
                              kOptions));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return make_error(Errc::InvalidArgument, "not XML: " + base,
                      "expected a sitemap, an RSS feed or an Atom feed");
  // local-name() so that any namespace (sitemap, Atom, none for RSS) matches.
  static const Result<XPathQuery> kUrls = XPathQuery::compile(
      "//*[local-name()='urlset' or local-name()='sitemapindex']/*/*[local-name()='loc'] | "
      "//*[local-name()='channel']/*[local-name()='link'][not(@href)] | "
      "//*[local-name()='item']/*[local-name()='link'][not(@href)] | "
      "//*[local-name()='feed' or local-name()='entry']/*[local-name()='link']/@href");
  if (!kUrls) return make_error(Errc::Internal, "built-in XPath does not compile");
  XPathContextPtr ctx = new_quiet_context(doc.get());
  LinkList links;
  for (const std::string& ref : eval_strings(*kUrls, ctx.get(), nullptr))
    if (auto resolved = resolve_url(base, ref)) links.add(std::move(*resolved));
  return links.take();
}

}  // namespace fora::extract
