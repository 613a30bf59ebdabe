#include "html_document.h"

#include <libxml/HTMLparser.h>

#include <limits>
#include <string>

#include "charset.h"

namespace fora::extract {

Result<XmlDocPtr> parse_html(std::string_view bytes, std::string_view url,
                             std::string_view content_type) {
  std::string utf8 = decode_to_utf8(bytes, content_type);
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return make_error(Errc::InvalidArgument, "page too large to parse");
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  std::string base(url);
  // The bytes are UTF-8 now; naming the encoding keeps libxml2 from switching to whatever
  // a <meta> declares.
  XmlDocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), base.c_str(),
                               "UTF-8", kOptions));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return make_error(Errc::InvalidArgument, "not parseable as HTML: " + base,
                      "the response may be empty or not a web page");
  return doc;
}

}  // namespace fora::extract
