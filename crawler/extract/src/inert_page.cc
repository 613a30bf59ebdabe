#include "fora/extract/inert_page.h"

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <array>
#include <vector>

#include "fora/url/url.h"
#include "html_document.h"
#include "sanitize.h"
#include "tree_walk.h"

namespace fora::extract {
namespace {

// Elements that go with everything inside them: they run code, load something, restyle the
// page or redirect it, and none of them shows a reader the discussion.
constexpr std::array kDroppedElements = {
    "script", "style",  "link",  "meta",  "base",   "iframe", "frame", "frameset", "object",
    "embed",  "applet", "param", "video", "audio",  "source", "track", "svg",      "math",
    "canvas", "template", "portal", "noembed", "noframes",
};

// Attributes that keep the page's structure and say nothing a browser would fetch or run.
// Everything else goes: on* handlers, style, src/srcset/href (but as below), action,
// formaction, background, poster, data, ping, target, http-equiv, xmlns...
constexpr std::array kKeptAttributes = {
    "alt",      "title",   "id",       "class",   "lang",     "dir",       "name",     "colspan",
    "rowspan",  "span",    "headers",  "scope",   "abbr",     "width",     "height",   "align",
    "valign",   "start",   "reversed", "value",   "datetime", "summary",   "for",      "label",
    "type",     "checked", "disabled", "readonly", "selected", "multiple", "rows",     "cols",
    "size",     "maxlength", "placeholder", "open", "nowrap",  "border",   "cellpadding", "cellspacing",
};

bool named(const xmlChar* name, const auto& names) {
  const auto* n = reinterpret_cast<const char*>(name);
  return n != nullptr &&
         std::any_of(names.begin(), names.end(), [&](const char* k) { return std::string_view(n) == k; });
}

std::string attribute(xmlNode* element, const char* name) {
  XmlCharPtr value(xmlGetProp(element, reinterpret_cast<const xmlChar*>(name)));
  return value ? reinterpret_cast<const char*>(value.get()) : "";
}

void set_attribute(xmlNode* element, const char* name, const std::string& value) {
  xmlSetProp(element, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(value.c_str()));
}

// What the page's relative links resolve against: its first <base href> (wherever it stands,
// as browsers take it), else its address `page`.
std::optional<Url> link_base(xmlNode* root, const std::optional<Url>& page) {
  if (!page) return std::nullopt;
  std::optional<Url> base;
  walk_tree(root, [&](xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return Walk::Over;
    if (xmlStrEqual(n->name, BAD_CAST "base") && xmlHasProp(n, BAD_CAST "href") != nullptr) {
      base = Url::resolve(*page, attribute(n, "href"));
      return Walk::Stop;
    }
    return Walk::Into;
  });
  return base ? base : page;
}

// Gives the link `a` (its href dropped already) the address `rewrite` names for `href`, else
// leaves it unlinked, with the address in its title when it is a web page's (a javascript:
// or mailto: link is not named).
void rewrite_link(xmlNode* a, const std::string& href, const std::optional<Url>& page, const std::optional<Url>& base,
                  const LinkRewrite& rewrite) {
  if (href.starts_with('#')) {
    set_attribute(a, "href", href);
    return;
  }
  std::optional<Url> target = base ? Url::resolve(*base, href) : std::nullopt;
  if (target && href.find('#') != std::string::npos && target == page) {
    set_attribute(a, "href", href.substr(href.find('#')));  // a fragment of this very page
    return;
  }
  if (target)
    if (auto local = rewrite(target->str())) {
      set_attribute(a, "href", *local);
      return;
    }
  if (target && xmlHasProp(a, BAD_CAST "title") == nullptr) set_attribute(a, "title", "not archived: " + target->str());
}

}  // namespace

Result<std::string> inert_html(std::string_view bytes, std::string_view url, std::string_view content_type,
                               const LinkRewrite& rewrite) {
  auto doc = parse_html(bytes, url, content_type);
  if (!doc) return std::move(doc).error();
  xmlNode* root = reinterpret_cast<xmlNode*>(doc->get());
  std::optional<Url> page;
  if (auto parsed = Url::parse(url)) page = std::move(*parsed);
  const std::optional<Url> base = link_base(root, page);
  std::vector<xmlNode*> dropped;
  walk_tree(root, [&](xmlNode* n) {
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
      dropped.push_back(n);
      return Walk::Over;
    }
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      const char* text = reinterpret_cast<const char*>(n->content);
      if (std::string clean = strip_controls(text); clean != text) xmlNodeSetContent(n, BAD_CAST clean.c_str());
      return Walk::Over;
    }
    if (n->type != XML_ELEMENT_NODE) return Walk::Over;
    if (xmlStrEqual(n->name, BAD_CAST "meta") && attribute(n, "name") == "viewport") {
      // How wide the page means to be on a phone: kept, as it loads and runs nothing.
      for (xmlAttr* a = n->properties; a != nullptr;) {
        xmlAttr* next = a->next;
        if (!xmlStrEqual(a->name, BAD_CAST "name") && !xmlStrEqual(a->name, BAD_CAST "content")) xmlRemoveProp(a);
        a = next;
      }
      return Walk::Over;
    }
    if (named(n->name, kDroppedElements)) {
      dropped.push_back(n);
      return Walk::Over;
    }
    const bool link = xmlStrEqual(n->name, BAD_CAST "a") || xmlStrEqual(n->name, BAD_CAST "area");
    const std::string href = link ? attribute(n, "href") : "";
    const std::string src = xmlStrEqual(n->name, BAD_CAST "img") ? attribute(n, "src") : "";
    for (xmlAttr* a = n->properties; a != nullptr;) {
      xmlAttr* next = a->next;
      if (!named(a->name, kKeptAttributes)) {
        xmlRemoveProp(a);
      } else if (const std::string value = attribute(n, reinterpret_cast<const char*>(a->name)),
                 clean = strip_controls(value); clean != value) {
        set_attribute(n, reinterpret_cast<const char*>(a->name), clean);
      }
      a = next;
    }
    if (link && !href.empty()) rewrite_link(n, href, page, base, rewrite);
    if (src.starts_with("data:image/")) set_attribute(n, "src", src);
    return Walk::Into;
  });
  for (xmlNode* n : dropped) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }
  xmlChar* out = nullptr;
  int size = 0;
  htmlDocDumpMemoryFormat(doc->get(), &out, &size, 0);
  XmlCharPtr owned(out);
  if (owned == nullptr) return make_error(Errc::Internal, "cannot write the page out again: " + std::string(url));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
}

}  // namespace fora::extract
