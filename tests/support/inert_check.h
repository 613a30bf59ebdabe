// What an inert page (extract::inert_html) must not hold, read back with libxml2's HTML
// parser as a second reader: an element that runs or loads something, an attribute that
// runs, styles or names a resource, a link anywhere but fora's own copies and the page's
// own fragments, an image that is not inline. Header only: the extract tests and the fuzz
// target share it.
#pragma once

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace fora::test {

// The first thing in `html` that is not inert, described; "" when there is none.
inline std::string first_live_part(const std::string& html) {
  constexpr std::array kLiveElements = {"script", "style",  "link",  "meta",   "base",   "iframe",
                                        "frame",  "object", "embed", "applet", "svg",    "video",
                                        "audio",  "source", "math",  "frameset", "portal"};
  constexpr std::array kLiveAttributes = {"style",  "srcset",  "action", "formaction", "background",
                                          "poster", "data",  "ping",    "target", "http-equiv", "xlink:href",
                                          "manifest", "codebase", "cite", "longdesc", "usemap", "lowsrc"};
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr) return "";
  std::string found;
  // An explicit stack: a hostile page nests deeper than recursion would go.
  std::vector<xmlNode*> todo{xmlDocGetRootElement(doc)};
  while (!todo.empty() && found.empty()) {
    xmlNode* n = todo.back();
    todo.pop_back();
    if (n == nullptr) continue;
    if (n->next != nullptr) todo.push_back(n->next);
    if (n->type == XML_COMMENT_NODE) found = "a comment";
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(n->name);
    xmlChar* meta_name = name == "meta" ? xmlGetProp(n, BAD_CAST "name") : nullptr;
    const bool viewport = meta_name != nullptr && std::string_view(reinterpret_cast<const char*>(meta_name)) == "viewport";
    xmlFree(meta_name);
    if (!viewport && std::find(kLiveElements.begin(), kLiveElements.end(), name) != kLiveElements.end()) found = "<" + name + ">";
    for (xmlAttr* a = n->properties; a != nullptr && found.empty(); a = a->next) {
      const std::string attr = reinterpret_cast<const char*>(a->name);
      xmlChar* raw = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
      const std::string value = raw != nullptr ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      const std::string what = "<" + name + " " + attr + "=\"" + value + "\">";
      if (attr.starts_with("on")) found = what;
      else if (attr == "href" && !value.starts_with("/page?url=") && !value.starts_with("#")) found = what;
      else if (attr == "src" && !(name == "img" && value.starts_with("data:image/"))) found = what;
      else if (viewport && attr != "name" && attr != "content") found = what;
      else if (std::find(kLiveAttributes.begin(), kLiveAttributes.end(), attr) != kLiveAttributes.end())
        found = what;
    }
    if (n->children != nullptr) todo.push_back(n->children);
  }
  xmlFreeDoc(doc);
  return found;
}

}  // namespace fora::test
